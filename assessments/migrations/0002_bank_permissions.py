"""Trainers (Pengajar) and senior trainers (Pengajar Senior) keep the question bank and the quizzes."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

MODELS = ("questioncategory", "question", "quiz")
ACTIONS = {"Pengajar": ("view", "add", "change"), "Pengajar Senior": ("view", "add", "change", "delete")}


def grant(apps, schema_editor):
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for group_name, actions in ACTIONS.items():
        group, _created = Group.objects.get_or_create(name=group_name)
        codenames = [f"{action}_{model}" for model in MODELS for action in actions]
        group.permissions.add(*Permission.objects.filter(content_type__app_label="assessments", codename__in=codenames))


def revoke(apps, schema_editor):
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    for group in Group.objects.filter(name__in=ACTIONS):
        group.permissions.remove(*Permission.objects.filter(content_type__app_label="assessments"))


class Migration(migrations.Migration):
    dependencies = [
        ("assessments", "0001_initial"),
        ("courses", "0002_catalogue_roles_and_review"),
        ("people", "0002_roles"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
