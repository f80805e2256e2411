"""Admin pages of the KUBE registry: the import from a file, and a template to fill in."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from lms.exports import csv_response

from .admin_forms import KubeImportForm
from .constants import KUBE_FILE_MAX_ROWS
from .imports import COLUMNS, REQUIRED_COLUMNS, TEMPLATE_ROWS, kube_groups_import

IMPORT_PERMISSION = "apprenticeship.add_kubegroup"

# What each column holds, shown on the import page.
COLUMN_HELP = {
    "nama": gettext_lazy("The name of the KUBE."),
    "kode_desa": gettext_lazy("The official code of the village (desa/kelurahan), e.g. 35.78.01.1001."),
    "alamat": gettext_lazy("The address of the group's meeting place or business."),
    "jenis_usaha": gettext_lazy("The business type: its key (e.g. warung-makan) or its name."),
    "tanggal_berdiri": gettext_lazy("The founding date, as YYYY-MM-DD or DD/MM/YYYY."),
    "jumlah_keluarga": gettext_lazy("How many families are members (1 to 500)."),
    "tahap": gettext_lazy("The programme stage: penumbuhan, blps, lkm or koperasi."),
    "hari_pertemuan": gettext_lazy("The regular meeting day: Senin to Minggu, or 1 to 7."),
    "iks": gettext_lazy("The IKS contribution per member, in whole rupiah."),
    "kapasitas": gettext_lazy("How many apprentices the group can host at once (0 to 20; 0 if none)."),
    "email_pembimbing": gettext_lazy("The e-mail address of the host mentor, who must have that role."),
    "aktif": gettext_lazy("ya or tidak; ya when left empty."),
}


def _require_import_permission(request):
    if not request.user.has_perm(IMPORT_PERMISSION):
        raise PermissionDenied


def kube_import(request):
    _require_import_permission(request)
    form = KubeImportForm(request.POST or None, request.FILES or None)
    report = None
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        report = kube_groups_import(data=upload.read(), filename=upload.name, by=request.user)
        if report.ok:
            messages.success(request, _("%(count)s KUBE imported.") % {"count": len(report.created)})
            return redirect("kube:index")
    columns = [{"name": name, "required": name in REQUIRED_COLUMNS, "help": COLUMN_HELP[name]} for name in COLUMNS]
    context = {
        "form": form,
        "report": report,
        "columns": columns,
        "max_rows": KUBE_FILE_MAX_ROWS,
        "header_icon": "upload",
        "page_title": _("Import KUBE"),
    }
    status = 400 if report is not None or form.errors else 200
    return TemplateResponse(request, "apprenticeship/admin/kube_import.html", context, status=status)


def kube_import_template(request):
    """A CSV with the header and one example row, to fill in with a spreadsheet program."""
    _require_import_permission(request)
    return csv_response(filename="kube-template", columns=COLUMNS, rows=TEMPLATE_ROWS)
