"""Every file the project's own models keep is a private file (DESIGN.md, "Files").

Public media is only what Wagtail keeps (images, documents); a certificate, a photo from the
field or a decree added later goes to STORAGES["private"] and out through a permission-checked
view, or this test names it.
"""

from django.apps import apps
from django.db import models

from lms.files import private_storage

PROJECT_PACKAGES = ("lms.", "courses", "assessments", "apprenticeship")


def test_every_file_field_of_the_project_uses_the_private_storage():
    fields = [
        field
        for model in apps.get_models()
        if model.__module__.startswith(PROJECT_PACKAGES)
        for field in model._meta.get_fields()
        if isinstance(field, models.FileField)
    ]

    assert {f"{field.model.__name__}.{field.name}" for field in fields} >= {"Certificate.pdf", "LogbookPhoto.image"}
    assert [str(field) for field in fields if field.storage is not private_storage()] == []
