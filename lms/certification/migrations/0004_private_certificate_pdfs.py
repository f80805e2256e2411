"""Certificate PDFs become private files under random names; the existing ones move out of public media.

Until now a PDF sat at MEDIA_ROOT/certificates/<serial>.pdf, where anyone who guessed a serial
could fetch it. Each stored PDF is copied into the private storage under a random name, its
row pointed at the copy, and the public file deleted, one at a time (not in one transaction,
so files and rows never disagree if the run stops; running it again carries on). Run it where
the old media folder is. Going back leaves the files where they are: private.
"""

import uuid

from django.core.files.storage import storages
from django.db import migrations, models

import lms.certification.models
import lms.files


def move_pdfs(apps, schema_editor):
    Certificate = apps.get_model("certification", "Certificate")
    lms.files.move_to_private_storage(
        rows=Certificate.objects.all(),
        field="pdf",
        source=storages["default"],
        rename=lambda old_name: f"certificates/{uuid.uuid4().hex}.pdf",
    )


class Migration(migrations.Migration):
    atomic = False

    dependencies = [
        ("certification", "0003_programme_permissions"),
    ]

    operations = [
        migrations.AlterField(
            model_name="certificate",
            name="pdf",
            field=models.FileField(
                blank=True,
                storage=lms.files.private_storage,
                upload_to=lms.certification.models.certificate_pdf_path,
                verbose_name="PDF",
            ),
        ),
        migrations.RunPython(move_pdfs, migrations.RunPython.noop),
    ]
