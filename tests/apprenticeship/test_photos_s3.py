"""A logbook photo in a bucket (moto's server): shown through a redirect to a signed URL, inline, as WebP."""

import io

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from apprenticeship.photos import logbook_photos_add

from ..storage import fetch
from .factories import LogbookEntryFactory


def test_a_photo_is_stored_in_the_bucket_and_shown_through_a_signed_url(client, placement, s3_bucket):
    entry = LogbookEntryFactory(placement=placement)
    jpeg = io.BytesIO()
    Image.new("RGB", (64, 48), (200, 80, 40)).save(jpeg, "JPEG")
    assert logbook_photos_add(entry=entry, uploads=[SimpleUploadedFile("pasar.jpg", jpeg.getvalue())]) == []
    photo = entry.photos.get()
    client.force_login(placement.trainee)

    response = client.get(reverse("apprenticeship:photo", kwargs={"photo_id": photo.pk}))

    assert response.status_code == 302
    assert response["Location"].startswith(f"{s3_bucket.endpoint}/{s3_bucket.name}/{photo.image.name}?")
    status, headers, body = fetch(response["Location"])
    assert status == 200
    assert headers["content-type"] == "image/webp"
    assert headers["content-disposition"] == "inline"
    assert Image.open(io.BytesIO(body)).format == "WEBP"
