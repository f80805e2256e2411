"""Replace Wagtail's welcome page with the Akademi Pendamping home page as the site root."""

from django.db import migrations

LEAD = "Pelatihan, magang, dan sertifikasi pendamping sosial KUBE, dari ponsel Anda."
BODY = (
    "<h2>Untuk siapa?</h2>"
    "<p>Akademi Pendamping menyiapkan pendamping sosial yang mendampingi Kelompok Usaha "
    "Bersama (KUBE) keluarga miskin. Calon pendamping belajar daring, mengikuti pre-test dan "
    "post-test, lalu magang di KUBE yang berkinerja baik bersama pendamping pembimbing.</p>"
    "<h2>Alur program</h2>"
    "<ol><li>Rekrutmen calon pendamping.</li>"
    "<li>Pembekalan: pre-test, materi peran pendamping, post-test.</li>"
    "<li>Magang di KUBE berprestasi dengan buku harian yang ditandatangani pembimbing.</li>"
    "<li>Sertifikat yang dapat diverifikasi siapa saja.</li></ol>"
)


def create_home_page(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Page = apps.get_model("wagtailcore", "Page")
    Site = apps.get_model("wagtailcore", "Site")
    HomePage = apps.get_model("home", "HomePage")

    # Wagtail's initial migration made a placeholder page at depth 2; replace it.
    Page.objects.filter(depth=2, slug="home").delete()
    content_type, _created = ContentType.objects.get_or_create(model="homepage", app_label="home")
    home = HomePage.objects.create(
        title="Akademi Pendamping",
        draft_title="Akademi Pendamping",
        slug="home",
        content_type=content_type,
        path="00010001",
        depth=2,
        numchild=0,
        url_path="/home/",
        locale_id=Page.objects.get(depth=1).locale_id,
        lead=LEAD,
        body=BODY,
    )
    Site.objects.update_or_create(
        is_default_site=True,
        defaults={"hostname": "localhost", "port": 80, "root_page_id": home.id, "site_name": "Akademi Pendamping"},
    )


def remove_home_page(apps, schema_editor):
    apps.get_model("home", "HomePage").objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0001_initial"),
        ("wagtailcore", "0002_initial_data"),
    ]

    operations = [migrations.RunPython(create_home_page, remove_home_page)]
