"""The business types KUBE run in the field, as editable data (admins may add or rename them)."""

from django.db import migrations

BUSINESS_TYPES = [
    ("peternakan", "Peternakan", "Livestock"),
    ("warung-makan", "Warung makan", "Food stall"),
    ("kerajinan", "Kerajinan tangan", "Crafts"),
    ("pertanian", "Pertanian", "Farming"),
    ("perikanan", "Perikanan", "Fishery"),
    ("perdagangan", "Perdagangan", "Trade"),
    ("jasa", "Jasa", "Services"),
    ("olahan-pangan", "Olahan pangan", "Food processing"),
    ("menjahit", "Menjahit dan konveksi", "Tailoring"),
]


def add_business_types(apps, schema_editor):
    BusinessType = apps.get_model("apprenticeship", "BusinessType")
    for order, (slug, name_id, name_en) in enumerate(BUSINESS_TYPES, start=1):
        BusinessType.objects.get_or_create(
            slug=slug, defaults={"name_id": name_id, "name_en": name_en, "sort_order": order}
        )


class Migration(migrations.Migration):
    dependencies = [("apprenticeship", "0001_kube_registry_and_placements")]

    operations = [migrations.RunPython(add_business_types, migrations.RunPython.noop)]
