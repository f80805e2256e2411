"""Logbook photos become private files; the existing ones move out of public media.

Their names were already random (logbook/<placement>/<uuid>.webp) and they were served by a
permission-checked view, but the files sat under MEDIA_ROOT, where the web server could hand
them out. Each is copied into the private storage under the same name, and the public file
deleted, one at a time (not in one transaction, so files and rows never disagree if the run
stops; running it again carries on). Run it where the old media folder is.
"""

from django.core.files.storage import storages
from django.db import migrations, models

import apprenticeship.models.placements
import lms.files


def move_photos(apps, schema_editor):
    LogbookPhoto = apps.get_model("apprenticeship", "LogbookPhoto")
    lms.files.move_to_private_storage(rows=LogbookPhoto.objects.all(), field="image", source=storages["default"])


class Migration(migrations.Migration):
    atomic = False

    dependencies = [
        ("apprenticeship", "0003_supervisor_permissions"),
    ]

    operations = [
        migrations.AlterField(
            model_name="logbookphoto",
            name="image",
            field=models.FileField(
                storage=lms.files.private_storage,
                upload_to=apprenticeship.models.placements._photo_path,
                verbose_name="photo",
            ),
        ),
        migrations.RunPython(move_photos, migrations.RunPython.noop),
    ]
