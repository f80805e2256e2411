"""Checking, re-encoding and storing logbook photos.

A photo from a phone is checked cheapest first (bytes, that it is a photo at all, pixels
read from the header before any pixel is decoded), turned upright, scaled down to
PHOTO_MAX_SIDE and saved again as WebP without its metadata, so no camera, time or GPS
position is kept with it. A refused file never raises past `logbook_photos_add`: the entry's
text is saved by then and must stay; the caller shows the messages.
"""

import io
import os
import re
import struct
import warnings
from collections.abc import Iterable
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils.formats import number_format
from django.utils.translation import gettext_lazy as _
from PIL import Image, ImageOps
from pillow_heif import register_heif_opener

from .constants import MAX_PHOTOS_PER_ENTRY, PHOTO_MAX_BYTES, PHOTO_MAX_PIXELS, PHOTO_MAX_SIDE
from .models import LogbookEntry, LogbookPhoto

# Wagtail registers the HEIF opener (through Willow) only once it first handles an image.
register_heif_opener()

# Pillow's names for what phones send; MPO is the JPEG many Android cameras write.
ACCEPTED_FORMATS = frozenset({"JPEG", "MPO", "PNG", "WEBP", "HEIF"})
WEBP_QUALITY = 80
_MB = 1024 * 1024
_BOMB = (Image.DecompressionBombWarning, Image.DecompressionBombError)
_UNREADABLE = (OSError, SyntaxError, ValueError, EOFError, struct.error)  # what Pillow raises for a bad file

TOO_BIG = _("%(name)s is larger than %(max)s MB.")
NOT_A_PHOTO = _("%(name)s is not a photo (JPEG, PNG, WebP or HEIC).")
TOO_MANY_PIXELS = _("%(name)s is too large in pixels (%(megapixels)s megapixels); the limit is %(max)s.")
DAMAGED = _("%(name)s is damaged and cannot be read.")
NOT_ADDED_LOCKED = _("%(name)s was not added: the entry has been countersigned.")
NOT_ADDED_FULL = _("%(name)s was not added: an entry holds at most %(max)s photos.")
ENTRY_LOCKED = _("This entry has been countersigned and can no longer be changed.")


class PhotoRejected(ValueError):
    """A file that cannot be kept as a logbook photo; `message` is for the apprentice and names the file."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


@dataclass(frozen=True)
class PreparedPhoto:
    content: ContentFile
    width: int
    height: int
    original_name: str


def prepare_photo(upload: UploadedFile) -> PreparedPhoto:
    """Check an upload and re-encode it as an upright WebP of at most PHOTO_MAX_SIDE, without EXIF.

    Refused, in this order: more than PHOTO_MAX_BYTES (before reading it); not a JPEG, PNG,
    WebP or HEIC by its content (a PDF renamed .jpg is caught); more than PHOTO_MAX_PIXELS by
    its header (a small file can unpack to gigabytes, so it is never decoded); damaged.
    """
    name = os.path.basename(upload.name or "")
    if upload.size > PHOTO_MAX_BYTES:
        raise PhotoRejected(TOO_BIG % {"name": name, "max": PHOTO_MAX_BYTES // _MB})
    with warnings.catch_warnings():
        # Pillow's own bomb limit (about 89 MP) is a second line of defence: a refusal, not a warning.
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        image = _open(upload, name)
        image, profile = _upright_and_small(image, name)
    buffer = io.BytesIO()
    # No exif= and no xmp=: Pillow's WebP writer keeps metadata only when asked, so none survives.
    image.save(buffer, "WEBP", quality=WEBP_QUALITY, icc_profile=profile)
    return PreparedPhoto(
        content=ContentFile(buffer.getvalue(), name="photo.webp"),
        width=image.width,
        height=image.height,
        original_name=name[:255],
    )


def _open(upload, name) -> Image.Image:
    """Read the header only: the format and the size in pixels, with no pixel decoded yet."""
    upload.seek(0)
    try:
        image = Image.open(upload)
    except _BOMB as error:
        raise _too_many_pixels(name, _pixels_in(error)) from error
    except _UNREADABLE as error:
        raise PhotoRejected(NOT_A_PHOTO % {"name": name}) from error
    if image.format not in ACCEPTED_FORMATS:
        raise PhotoRejected(NOT_A_PHOTO % {"name": name})
    if image.width * image.height > PHOTO_MAX_PIXELS:
        raise _too_many_pixels(name, image.width * image.height)
    return image


def _upright_and_small(image, name) -> tuple[Image.Image, bytes | None]:
    """Decode, stand upright by the EXIF orientation, make RGB(A) and shrink (never enlarge)."""
    try:
        image.draft(None, (PHOTO_MAX_SIDE, PHOTO_MAX_SIDE))  # JPEG: decode at 1/2, 1/4 … while still large enough
        image.load()
        # A colour profile is kept only when it still fits the pixels after conversion.
        profile = image.info.get("icc_profile") if image.mode in ("RGB", "RGBA") else None
        image = ImageOps.exif_transpose(image)
        image = image.convert("RGBA" if image.has_transparency_data else "RGB")
        image.thumbnail((PHOTO_MAX_SIDE, PHOTO_MAX_SIDE), Image.Resampling.LANCZOS)
    except _BOMB as error:
        raise _too_many_pixels(name, _pixels_in(error)) from error
    except _UNREADABLE as error:
        raise PhotoRejected(DAMAGED % {"name": name}) from error
    return image, profile


def _pixels_in(error) -> int:
    """Pillow stopped before telling the size; its message carries it: "Image size (N pixels) exceeds …"."""
    found = re.search(r"\((\d+) pixels\)", str(error))
    return int(found[1]) if found else Image.MAX_IMAGE_PIXELS or 0


def _too_many_pixels(name, pixels) -> PhotoRejected:
    megapixels = number_format(pixels / 1_000_000, decimal_pos=1)
    return PhotoRejected(
        TOO_MANY_PIXELS % {"name": name, "megapixels": megapixels, "max": PHOTO_MAX_PIXELS // 1_000_000}
    )


def logbook_photos_add(*, entry: LogbookEntry, uploads: Iterable[UploadedFile]) -> list[str]:
    """Keep each acceptable upload as a photo of the entry; return one message per refused file.

    Never raises for a bad file. A countersigned entry takes no photos, and an entry holds at
    most MAX_PHOTOS_PER_ENTRY, counting those already stored. Both are checked before the slow
    re-encoding and again with the entry locked, so two uploads at once cannot pass the limit.
    """
    errors = []
    for upload in uploads:
        name = os.path.basename(upload.name or "")
        try:
            _check_room(entry, name)
            photo = prepare_photo(upload)
            with transaction.atomic():
                locked = LogbookEntry.objects.select_for_update().get(pk=entry.pk)
                _check_room(locked, name)
                LogbookPhoto.objects.create(
                    entry=locked,
                    image=photo.content,
                    width=photo.width,
                    height=photo.height,
                    original_name=photo.original_name,
                )
        except PhotoRejected as error:
            errors.append(error.message)
    return errors


def _check_room(entry, name):
    if entry.is_countersigned:
        raise PhotoRejected(NOT_ADDED_LOCKED % {"name": name})
    if entry.photos.count() >= MAX_PHOTOS_PER_ENTRY:
        raise PhotoRejected(NOT_ADDED_FULL % {"name": name, "max": MAX_PHOTOS_PER_ENTRY})


def logbook_photo_delete(*, photo: LogbookPhoto) -> None:
    """Remove a photo and its file; a countersigned entry's photos are part of the record and stay.

    The file is deleted once the row's deletion is committed, so a rollback never leaves a
    row whose file is gone.
    """
    with transaction.atomic():
        entry = LogbookEntry.objects.select_for_update().get(pk=photo.entry_id)
        if entry.is_countersigned:
            raise ValidationError(ENTRY_LOCKED)
        storage, name = photo.image.storage, photo.image.name
        photo.delete()
        transaction.on_commit(lambda: storage.delete(name))
