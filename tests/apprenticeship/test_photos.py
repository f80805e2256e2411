import io
import re
import struct
import warnings
import zlib

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone, translation
from PIL import ExifTags, Image, ImageFile

from apprenticeship.constants import MAX_PHOTOS_PER_ENTRY, PHOTO_MAX_BYTES
from apprenticeship.models import LogbookPhoto
from apprenticeship.photos import logbook_photo_delete, logbook_photos_add, prepare_photo

from ..storage import files_under
from .factories import LogbookEntryFactory


@pytest.fixture(autouse=True)
def _english():
    with translation.override("en"):
        yield


@pytest.fixture
def entry(placement):
    return LogbookEntryFactory(placement=placement)


def _photo(size=(640, 480), fmt="JPEG", mode="RGB", color=(200, 80, 40), **save) -> bytes:
    buffer = io.BytesIO()
    Image.new(mode, size, color).save(buffer, fmt, **save)
    return buffer.getvalue()


def _upload(data: bytes, name="foto.jpg") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, data, content_type="image/jpeg")


def _blank_png(width: int, height: int) -> bytes:
    """A black 1-bit PNG made by hand, so the test never holds its pixels: megapixels in a few kilobytes."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    rows = zlib.compress(b"\x00" * ((width + 7) // 8 + 1) * height, 9)
    header = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", rows) + chunk(b"IEND", b"")


def _stored(photo: LogbookPhoto) -> Image.Image:
    with photo.image.open("rb") as file:
        image = Image.open(io.BytesIO(file.read()))
        image.load()
    return image


def _forbid_decoding(monkeypatch):
    def load(self, *args, **kwargs):
        raise AssertionError("the pixels were decoded")

    monkeypatch.setattr(ImageFile.ImageFile, "load", load)
    monkeypatch.setattr(Image.Image, "load", load)


def _stored_files(settings, private_root):
    """Files written anywhere a photo could land: public media or the private files."""
    return files_under(settings.MEDIA_ROOT) + files_under(private_root)


def test_a_jpeg_is_stored_as_webp_with_its_size(entry, placement, settings, private_root):
    assert logbook_photos_add(entry=entry, uploads=[_upload(_photo((640, 480)), "pasar.jpg")]) == []

    photo = entry.photos.get()
    assert re.fullmatch(rf"logbook/{placement.pk}/[0-9a-f]{{32}}\.webp", photo.image.name)
    assert files_under(private_root) == [photo.image.name]  # a private file, never under public media
    assert files_under(settings.MEDIA_ROOT) == []
    assert (photo.width, photo.height, photo.original_name) == (640, 480, "pasar.jpg")
    stored = _stored(photo)
    assert stored.format == "WEBP"
    assert stored.size == (640, 480)  # a small photo is never enlarged


@pytest.mark.parametrize(
    ("fmt", "mode", "color", "stored_mode"),
    [
        ("PNG", "RGB", (10, 120, 200), "RGB"),
        ("PNG", "RGBA", (10, 120, 200, 100), "RGBA"),  # transparency is kept
        ("WEBP", "RGB", (10, 120, 200), "RGB"),
        ("HEIF", "RGB", (10, 120, 200), "RGB"),  # an iPhone's HEIC
    ],
)
def test_the_other_photo_formats_are_accepted(entry, fmt, mode, color, stored_mode):
    errors = logbook_photos_add(entry=entry, uploads=[_upload(_photo((300, 200), fmt, mode, color), "foto")])

    assert errors == []
    stored = _stored(entry.photos.get())
    assert (stored.format, stored.mode, stored.size) == ("WEBP", stored_mode, (300, 200))


def test_a_two_picture_jpeg_from_an_android_camera_is_accepted(entry):
    buffer = io.BytesIO()
    first, second = Image.new("RGB", (300, 200), (10, 120, 200)), Image.new("RGB", (160, 120))
    first.save(buffer, "MPO", save_all=True, append_images=[second])
    assert Image.open(io.BytesIO(buffer.getvalue())).format == "MPO"

    assert logbook_photos_add(entry=entry, uploads=[_upload(buffer.getvalue())]) == []

    assert _stored(entry.photos.get()).size == (300, 200)


@pytest.mark.parametrize("fmt", ["GIF", "BMP", "TIFF"])
def test_images_that_are_not_photos_are_refused(entry, fmt):
    errors = logbook_photos_add(entry=entry, uploads=[_upload(_photo((300, 200), fmt), "gambar.jpg")])

    assert errors == ["gambar.jpg is not a photo (JPEG, PNG, WebP or HEIC)."]
    assert not entry.photos.exists()


def test_a_pdf_renamed_jpg_is_refused_by_its_content(entry, settings, private_root):
    narrative = entry.narrative
    pdf = b"%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"

    errors = logbook_photos_add(entry=entry, uploads=[_upload(pdf, "foto.jpg")])

    assert errors == ["foto.jpg is not a photo (JPEG, PNG, WebP or HEIC)."]
    assert not LogbookPhoto.objects.exists()
    assert _stored_files(settings, private_root) == []
    entry.refresh_from_db()
    assert entry.narrative == narrative


def test_a_60_megapixel_bomb_is_refused_without_being_decoded(entry, monkeypatch):
    bomb = _blank_png(10_000, 6_000)
    assert len(bomb) < 100_000
    assert Image.open(io.BytesIO(bomb)).size == (10_000, 6_000)
    _forbid_decoding(monkeypatch)
    with pytest.raises(AssertionError, match="decoded"):  # the guard does catch decoding
        prepare_photo(_upload(_blank_png(100, 60), "kecil.png"))

    errors = logbook_photos_add(entry=entry, uploads=[_upload(bomb, "bom.png")])

    assert errors == ["bom.png is too large in pixels (60.0 megapixels); the limit is 40."]
    assert not entry.photos.exists()


@pytest.mark.parametrize(
    ("width", "height", "megapixels"),
    [(10_000, 10_000, "100.0"), (20_000, 10_000, "200.0")],  # Pillow warns above ~89 MP and raises above ~179 MP
)
def test_pillows_own_bomb_limit_becomes_the_same_refusal(entry, monkeypatch, width, height, megapixels):
    bomb = _blank_png(width, height)
    _forbid_decoding(monkeypatch)

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        errors = logbook_photos_add(entry=entry, uploads=[_upload(bomb, "bom.png")])

    assert errors == [f"bom.png is too large in pixels ({megapixels} megapixels); the limit is 40."]
    assert not [warning for warning in caught if issubclass(warning.category, Image.DecompressionBombWarning)]
    assert not entry.photos.exists()


def test_a_file_over_8_mb_is_refused_before_it_is_read(entry, monkeypatch):
    big = _upload(b"\xff\xd8\xff\xe0" + b"\x00" * PHOTO_MAX_BYTES, "besar.jpg")
    monkeypatch.setattr(Image, "open", lambda *args, **kwargs: pytest.fail("the file was opened"))

    errors = logbook_photos_add(entry=entry, uploads=[big])

    assert errors == ["besar.jpg is larger than 8 MB."]
    assert not entry.photos.exists()


def test_a_damaged_photo_is_refused(entry):
    truncated = _photo((800, 600))[:2000]

    errors = logbook_photos_add(entry=entry, uploads=[_upload(truncated, "rusak.jpg")])

    assert errors == ["rusak.jpg is damaged and cannot be read."]
    assert not entry.photos.exists()


def test_exif_and_gps_do_not_survive(entry):
    exif = Image.Exif()
    exif[ExifTags.Base.Make] = "Samsung"
    gps = exif.get_ifd(ExifTags.IFD.GPSInfo)
    gps[ExifTags.GPS.GPSLatitudeRef] = "S"
    gps[ExifTags.GPS.GPSLatitude] = (7.0, 15.0, 30.0)
    gps[ExifTags.GPS.GPSLongitudeRef] = "E"
    gps[ExifTags.GPS.GPSLongitude] = (112.0, 44.0, 10.0)
    data = _photo(exif=exif)
    source = Image.open(io.BytesIO(data)).getexif()
    assert source[ExifTags.Base.Make] == "Samsung"
    assert source.get_ifd(ExifTags.IFD.GPSInfo)[ExifTags.GPS.GPSLatitudeRef] == "S"

    assert logbook_photos_add(entry=entry, uploads=[_upload(data)]) == []

    stored = _stored(entry.photos.get())
    assert "exif" not in stored.info
    assert ExifTags.Base.Make not in stored.getexif()
    assert ExifTags.Base.GPSInfo not in stored.getexif()
    assert stored.getexif().get_ifd(ExifTags.IFD.GPSInfo) == {}


def test_the_exif_orientation_is_applied(entry):
    # Left half red, right half blue; orientation 6 means "turn 90° clockwise to view".
    image = Image.new("RGB", (400, 200), (0, 0, 255))
    image.paste((255, 0, 0), (0, 0, 200, 200))
    exif = Image.Exif()
    exif[ExifTags.Base.Orientation] = 6
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", exif=exif)

    assert logbook_photos_add(entry=entry, uploads=[_upload(buffer.getvalue())]) == []

    photo = entry.photos.get()
    stored = _stored(photo)
    assert stored.size == (photo.width, photo.height) == (200, 400)
    top, bottom = stored.getpixel((100, 50)), stored.getpixel((100, 350))
    assert top[0] > 200 and top[2] < 60  # the red half is now on top
    assert bottom[2] > 200 and bottom[0] < 60
    assert ExifTags.Base.Orientation not in stored.getexif()  # so viewers do not turn it a second time


def test_a_large_photo_is_scaled_down_to_1600(entry):
    assert logbook_photos_add(entry=entry, uploads=[_upload(_photo((4000, 3000)))]) == []

    photo = entry.photos.get()
    assert (photo.width, photo.height) == (1600, 1200)
    assert _stored(photo).size == (1600, 1200)


def test_an_entry_holds_at_most_five_photos_counting_those_stored(entry):
    assert logbook_photos_add(entry=entry, uploads=[_upload(_photo(), f"{n}.jpg") for n in range(4)]) == []

    errors = logbook_photos_add(entry=entry, uploads=[_upload(_photo(), "5.jpg"), _upload(_photo(), "6.jpg")])

    assert errors == ["6.jpg was not added: an entry holds at most 5 photos."]
    assert entry.photos.count() == MAX_PHOTOS_PER_ENTRY
    assert "6.jpg" not in entry.photos.values_list("original_name", flat=True)


def test_a_countersigned_entry_accepts_no_photos(placement, settings, private_root):
    entry = LogbookEntryFactory(
        placement=placement, countersigned_by=placement.host_mentor, countersigned_at=timezone.now()
    )

    errors = logbook_photos_add(entry=entry, uploads=[_upload(_photo(), "a.jpg"), _upload(_photo(), "b.jpg")])

    assert errors == [
        "a.jpg was not added: the entry has been countersigned.",
        "b.jpg was not added: the entry has been countersigned.",
    ]
    assert not entry.photos.exists()
    assert _stored_files(settings, private_root) == []


def test_one_bad_file_does_not_stop_the_others(entry):
    uploads = [_upload(b"%PDF-1.4 bukan foto", "surat.jpg"), _upload(_photo(), "kegiatan.jpg")]

    errors = logbook_photos_add(entry=entry, uploads=uploads)

    assert errors == ["surat.jpg is not a photo (JPEG, PNG, WebP or HEIC)."]
    assert list(entry.photos.values_list("original_name", flat=True)) == ["kegiatan.jpg"]


def test_deleting_a_photo_removes_its_file(entry, django_capture_on_commit_callbacks):
    logbook_photos_add(entry=entry, uploads=[_upload(_photo())])
    photo = entry.photos.get()
    storage, name = photo.image.storage, photo.image.name
    assert storage.exists(name)

    with django_capture_on_commit_callbacks(execute=True):
        logbook_photo_delete(photo=photo)

    assert not LogbookPhoto.objects.filter(pk=photo.pk).exists()
    assert not storage.exists(name)


def test_a_countersigned_entrys_photo_cannot_be_deleted(entry, placement, django_capture_on_commit_callbacks):
    logbook_photos_add(entry=entry, uploads=[_upload(_photo())])
    photo = entry.photos.get()
    type(entry).objects.filter(pk=entry.pk).update(
        countersigned_by=placement.host_mentor, countersigned_at=timezone.now()
    )

    with django_capture_on_commit_callbacks(execute=True), pytest.raises(ValidationError, match="countersigned"):
        logbook_photo_delete(photo=photo)

    assert LogbookPhoto.objects.filter(pk=photo.pk).exists()
    assert photo.image.storage.exists(photo.image.name)
