"""Private files: stored apart from public media, handed out only by views that checked who asks.

Certificates, logbook photos and every later upload that belongs to a person (decrees, visit
photos) live in `STORAGES["private"]`, never under MEDIA_ROOT, so no web server and no
`/media/` address can reach them. It is a folder on disk (PRIVATE_MEDIA_ROOT) in development
and tests, and an S3-compatible bucket of private objects in production (S3_BUCKET, see
`lms.settings.base.private_storage_settings`). Names are random, so a name seen once says
nothing about the next one.

A view that has authorised the request answers with `private_file_response`: from disk it
streams the file; from a bucket it redirects to a URL signed for S3_URL_EXPIRY seconds, with
the content type and disposition fixed in the signature. Either way the browser is told the
exact type, not to guess another (`nosniff`), and to treat the file as a sandboxed document
that may run nothing, so a file that is not what it claims cannot act in the site's origin.
"""

import functools
import posixpath
from urllib.parse import urlsplit

from django.conf import settings
from django.core.files.storage import Storage, storages
from django.core.signals import setting_changed
from django.db.models.fields.files import FieldFile
from django.dispatch import receiver
from django.http import FileResponse, Http404, HttpResponseBase, HttpResponseRedirect
from django.utils.functional import LazyObject, empty
from django.utils.http import content_disposition_header
from django.views.static import serve

PRIVATE_STORAGE = "private"
SANDBOX_POLICY = "sandbox; default-src 'none'"
# Public media that `runserver` serves in development: Wagtail's images and their renditions.
# Documents are not in it: they go through Wagtail's view, which applies collection privacy.
PUBLIC_MEDIA_FOLDERS = ("images", "original_images")


class _PrivateStorage(LazyObject):
    """`storages["private"]`, looked up when first used and again after STORAGES changes (tests)."""

    def _setup(self):
        self._wrapped = storages[PRIVATE_STORAGE]


_private = _PrivateStorage()


def private_storage() -> Storage:
    """The private storage; FileFields pass this function as `storage=` so migrations name it."""
    return _private


@receiver(setting_changed)
def _storages_changed(*, setting, **kwargs):
    if setting == "STORAGES":
        _private._wrapped = empty
        private_files_origin.cache_clear()


def streams_from_disk(storage: Storage) -> bool:
    """True for a storage with local paths (streamed by Django), False for a bucket (signed URLs)."""
    try:
        storage.path("probe")
    except NotImplementedError:
        return False
    return True


@functools.cache
def private_files_origin() -> str | None:
    """The origin that signed URLs point at (for the pages' img-src), or None when files stream from disk."""
    storage = private_storage()
    if streams_from_disk(storage):
        return None
    address = urlsplit(storage.url("probe"))
    return f"{address.scheme}://{address.netloc}"


def harden(response: HttpResponseBase) -> HttpResponseBase:
    """A file response the browser must take as exactly its declared type, and must not run."""
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = SANDBOX_POLICY
    return response


def private_file_response(
    file: FieldFile,
    *,
    content_type: str,
    filename: str | None = None,
    as_attachment: bool = True,
    cache_control: str = "private, no-store",
) -> HttpResponseBase:
    """The answer to an authorised request for a private file: streamed from disk, or a redirect to a signed URL.

    Call it only after the permission check. `content_type` is fixed by the caller (never
    guessed from the stored name); `as_attachment=False` is for images shown in a page. A
    redirect is never cached, because the URL it points at expires.
    """
    storage = file.storage
    if streams_from_disk(storage):
        response = FileResponse(
            file.open("rb"), content_type=content_type, as_attachment=as_attachment, filename=filename or ""
        )
        response["Cache-Control"] = cache_control
        return harden(response)
    parameters = {
        "ResponseContentType": content_type,
        "ResponseContentDisposition": content_disposition_header(as_attachment, filename or "") or "inline",
        "ResponseCacheControl": cache_control,
    }
    response = HttpResponseRedirect(storage.url(file.name, parameters=parameters))
    response["Cache-Control"] = "private, no-store"
    return harden(response)


def move_to_private_storage(*, rows, field: str, source: Storage, rename=None) -> int:
    """Move the files of `rows`' `field` from `source` (the old public media) into the field's own storage.

    For data migrations. Each file is copied, its row pointed at the copy, and only then is the
    original deleted, one row at a time, so a run stopped half-way leaves every row pointing
    at a file that exists and the next run carries on. A row whose file is not (or no longer)
    in `source` is left alone, which makes a second run a no-op. `rename(old_name)` gives the
    new name (random for certificates, whose old names were their serial numbers). Returns how
    many files were moved.
    """
    moved = 0
    for row in rows.exclude(**{field: ""}).order_by("pk").iterator():
        file = getattr(row, field)
        old_name = file.name
        if not source.exists(old_name):
            continue
        with source.open(old_name, "rb") as handle:
            new_name = file.storage.save(rename(old_name) if rename else old_name, handle)
        type(row)._default_manager.filter(pk=row.pk).update(**{field: new_name})
        source.delete(old_name)
        moved += 1
    return moved


def public_media(request, path: str):
    """Development only (DEBUG): a public image from MEDIA_ROOT; lms/urls.py routes only PUBLIC_MEDIA_FOLDERS here.

    The folder is checked again after `..` is resolved: images/../documents/x is a document.
    """
    if posixpath.normpath(path).lstrip("/").split("/", 1)[0] not in PUBLIC_MEDIA_FOLDERS:
        raise Http404
    return serve(request, path, document_root=settings.MEDIA_ROOT)
