"""Admin pages to import a question bank from a file and to export one."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

from .bank_io import questions_export, questions_import, read_bank_file
from .formats import BankFileError
from .forms import BankExportForm, BankImportForm


def _require(request, permission):
    if not request.user.has_perm(permission):
        raise PermissionDenied


def bank_import(request):
    _require(request, "assessments.add_question")
    errors = []
    form = BankImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            records = read_bank_file(
                data=upload.read(), filename=upload.name, file_format=form.cleaned_data["file_format"]
            )
            report = questions_import(
                records=records, default_category=form.cleaned_data["default_category"].strip(), by=request.user
            )
        except BankFileError as invalid:
            errors = invalid.errors
        else:
            messages.success(
                request,
                _("Imported %(count)s questions into: %(categories)s")
                % {"count": report.created, "categories": ", ".join(report.categories)},
            )
            return redirect("wagtailsnippets_assessments_question:list")
    context = {"form": form, "errors": errors, "header_icon": "upload", "page_title": _("Import questions")}
    return TemplateResponse(request, "assessments/admin/bank_import.html", context, status=400 if errors else 200)


def bank_export(request):
    _require(request, "assessments.view_question")
    form = BankExportForm(request.GET or None)
    if request.GET and form.is_valid():
        category = form.cleaned_data["category"]
        file_format = form.cleaned_data["file_format"]
        content = questions_export(category_name=category.name if category else "", file_format=file_format)
        extension = "gift.txt" if file_format == "gift" else "csv"
        content_type = "text/plain; charset=utf-8" if file_format == "gift" else "text/csv; charset=utf-8"
        if file_format == "csv":
            content = "\ufeff" + content  # so that spreadsheet programs read the file as UTF-8
        response = HttpResponse(content, content_type=content_type)
        response["Content-Disposition"] = f'attachment; filename="bank-soal.{extension}"'
        return response
    context = {"form": form, "header_icon": "download", "page_title": _("Export questions")}
    return TemplateResponse(request, "assessments/admin/bank_export.html", context)
