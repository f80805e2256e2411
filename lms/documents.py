"""Wagtail documents (lesson handouts): only office and text files go in, and none can run when fetched.

Uploading: WAGTAILDOCS_EXTENSIONS lists what a lesson needs (PDF, Word, Excel, PowerPoint,
OpenDocument, text, CSV). `DocumentForm`, the base of every Wagtail document form (the
single and the multiple upload, the chooser's), refuses anything else with one message that
says why, and a file whose content is not what its extension claims (a web page renamed
.pdf). Wagtail's model check refuses the other extensions too, for uploads made in code.

Serving: through Wagtail's own view (WAGTAILDOCS_SERVE_METHOD = "serve_view"), so collection
privacy applies, always as an attachment (WAGTAILDOCS_INLINE_CONTENT_TYPES is empty), and
`document_serve` adds `nosniff` and the sandboxing Content-Security-Policy of lms/files.py.
"""

import os

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext_lazy as _
from wagtail.documents.forms import BaseDocumentForm
from wagtail.documents.views.serve import serve

from .files import harden

NOT_ACCEPTED = _(
    "%(name)s cannot be uploaded. Accepted documents: %(extensions)s. Web pages (HTML), SVG drawings, "
    "XML, scripts and other files that a browser could run are refused."
)
CONTENT_MISMATCH = _(
    "%(name)s is not really a .%(extension)s file: its content is of another kind. "
    "Save it again from the program that made it, then upload that file."
)

# How the binary formats begin: PDF; Office Open XML and OpenDocument (zip); legacy Office (OLE2).
_ZIP = b"PK\x03\x04"
_OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
SIGNATURES = {
    "pdf": b"%PDF-",
    "docx": _ZIP,
    "xlsx": _ZIP,
    "pptx": _ZIP,
    "odt": _ZIP,
    "ods": _ZIP,
    "odp": _ZIP,
    "doc": _OLE2,
    "xls": _OLE2,
    "ppt": _OLE2,
}


def document_upload_check(upload: UploadedFile) -> None:
    """Raise ValidationError unless `upload` has an accepted extension and, for binary formats, the content to match."""
    name = os.path.basename(upload.name or "")
    extension = os.path.splitext(name)[1][1:].lower()
    accepted = settings.WAGTAILDOCS_EXTENSIONS
    if extension not in accepted:
        raise ValidationError(
            NOT_ACCEPTED % {"name": name, "extensions": ", ".join(accepted)}, code="document_not_accepted"
        )
    signature = SIGNATURES.get(extension)
    if signature is None:
        return
    upload.seek(0)
    start = upload.read(len(signature))
    upload.seek(0)
    if start != signature:
        raise ValidationError(
            CONTENT_MISMATCH % {"name": name, "extension": extension}, code="document_content_mismatch"
        )


class DocumentForm(BaseDocumentForm):
    """Wagtail's document form with `document_upload_check` on every new file (WAGTAILDOCS_DOCUMENT_FORM_BASE)."""

    def clean_file(self):
        file = self.cleaned_data.get("file")
        if isinstance(file, UploadedFile):
            document_upload_check(file)
        return file

    def _post_clean(self):
        refused = self.has_error("file")
        super()._post_clean()
        if refused:
            # The model's own extension check would repeat the refusal in other words.
            del self._errors["file"][1:]


def document_serve(request, document_id, document_filename):
    """Wagtail's document view (privacy checks, conditional GET), with the file's response hardened.

    Only a response that carries the file is changed: the password form of a restricted
    collection stays an ordinary page.
    """
    response = serve(request, document_id, document_filename)
    if response.streaming:
        harden(response)
    return response
