"""Migration 0004 moves logbook photos out of public media into the private storage, names kept."""

import importlib
import uuid

from django.apps import apps
from django.core.files.base import ContentFile
from django.core.files.storage import storages
from django.urls import reverse

from apprenticeship.models import LogbookPhoto

from ..storage import files_under
from .factories import LogbookEntryFactory

migration = importlib.import_module("apprenticeship.migrations.0004_private_logbook_photos")


def test_old_photos_move_to_private_storage_and_are_still_shown(client, placement, settings, private_root):
    entry = LogbookEntryFactory(placement=placement)
    name = storages["default"].save(f"logbook/{placement.pk}/{uuid.uuid4().hex}.webp", ContentFile(b"RIFF-lama-WEBP"))
    photo = LogbookPhoto.objects.create(entry=entry, image=name, width=1, height=1)

    migration.move_photos(apps, None)
    migration.move_photos(apps, None)  # a second run is a no-op

    assert LogbookPhoto.objects.get(pk=photo.pk).image.name == name
    assert files_under(settings.MEDIA_ROOT) == []
    assert files_under(private_root) == [name]
    client.force_login(placement.trainee)
    response = client.get(reverse("apprenticeship:photo", kwargs={"photo_id": photo.pk}))
    assert b"".join(response.streaming_content) == b"RIFF-lama-WEBP"
