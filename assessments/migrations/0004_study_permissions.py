"""Senior trainers (Pengajar Senior) design evaluation studies; trainers and supervisors read
them on the site, scoped to their cohorts and regions, not in the admin."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

CODENAMES = ["view_study", "add_study", "change_study", "delete_study"]


def grant(apps, schema_editor):
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _created = Group.objects.get_or_create(name="Pengajar Senior")
    group.permissions.add(*Permission.objects.filter(content_type__app_label="assessments", codename__in=CODENAMES))


def revoke(apps, schema_editor):
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    for group in Group.objects.filter(name="Pengajar Senior"):
        group.permissions.remove(
            *Permission.objects.filter(content_type__app_label="assessments", codename__in=CODENAMES)
        )


class Migration(migrations.Migration):
    dependencies = [("assessments", "0003_evaluation_studies")]

    operations = [migrations.RunPython(grant, revoke)]
