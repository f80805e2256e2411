"""The course catalogue page, who may write under it, and the review every course page goes through.

- "Pengajar" (trainer) may add and edit pages under the catalogue only, and upload images and
  documents; they cannot publish, so their pages go live through the review workflow.
- "Pengajar Senior" (senior trainer) may also publish and is the approver of that workflow.
- Both manage the mentor-role and aspect snippets and the cohorts in the admin.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations
from django.utils import timezone

CATALOGUE_TITLE = "Katalog Kursus"
CATALOGUE_SLUG = "kursus"
CATALOGUE_INTRO = (
    "<p>Kursus pembekalan pendamping sosial KUBE, disusun menurut peran pendamping. "
    "Pilih kursus, lalu daftar pada angkatan yang dibuka di wilayah Anda.</p>"
)
WORKFLOW_NAME = "Telaah kursus"
TASK_NAME = "Persetujuan Pengajar Senior"

TRAINER_PAGE_PERMISSIONS = ["add_page", "change_page", "lock_page", "unlock_page"]
SENIOR_PAGE_PERMISSIONS = [*TRAINER_PAGE_PERMISSIONS, "publish_page"]
COLLECTION_PERMISSIONS = [
    ("wagtailimages", "image", "add_image"),
    ("wagtailimages", "image", "change_image"),
    ("wagtailimages", "image", "choose_image"),
    ("wagtaildocs", "document", "add_document"),
    ("wagtaildocs", "document", "change_document"),
    ("wagtaildocs", "document", "choose_document"),
]
MODEL_PERMISSIONS = {
    "Pengajar": [
        ("courses", "mentorrole", "view_mentorrole"),
        ("courses", "mentorrole", "add_mentorrole"),
        ("courses", "mentorrole", "change_mentorrole"),
        ("courses", "aspect", "view_aspect"),
        ("courses", "aspect", "add_aspect"),
        ("courses", "aspect", "change_aspect"),
        ("courses", "cohort", "view_cohort"),
        ("courses", "cohort", "add_cohort"),
        ("courses", "cohort", "change_cohort"),
    ],
    "Pengajar Senior": [
        ("wagtailadmin", "admin", "access_admin"),
        ("courses", "mentorrole", "view_mentorrole"),
        ("courses", "mentorrole", "add_mentorrole"),
        ("courses", "mentorrole", "change_mentorrole"),
        ("courses", "mentorrole", "delete_mentorrole"),
        ("courses", "aspect", "view_aspect"),
        ("courses", "aspect", "add_aspect"),
        ("courses", "aspect", "change_aspect"),
        ("courses", "aspect", "delete_aspect"),
        ("courses", "cohort", "view_cohort"),
        ("courses", "cohort", "add_cohort"),
        ("courses", "cohort", "change_cohort"),
        ("courses", "cohort", "delete_cohort"),
    ],
}


def _permission(Permission, app_label, model, codename):
    return Permission.objects.get(content_type__app_label=app_label, content_type__model=model, codename=codename)


def _create_catalogue(apps):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Page = apps.get_model("wagtailcore", "Page")
    CourseIndexPage = apps.get_model("courses", "CourseIndexPage")
    home = Page.objects.filter(depth=2).order_by("path").first()
    if home is None:
        return None
    existing = CourseIndexPage.objects.first()
    if existing is not None:
        return existing
    content_type, _created = ContentType.objects.get_or_create(model="courseindexpage", app_label="courses")
    last_child = Page.objects.filter(path__startswith=home.path, depth=home.depth + 1).order_by("-path").first()
    next_number = int(last_child.path[-4:], 36) + 1 if last_child else 1
    path = home.path + _base36(next_number).rjust(4, "0")
    now = timezone.now()
    catalogue = CourseIndexPage.objects.create(
        title=CATALOGUE_TITLE,
        draft_title=CATALOGUE_TITLE,
        slug=CATALOGUE_SLUG,
        content_type=content_type,
        path=path,
        depth=home.depth + 1,
        numchild=0,
        url_path=f"{home.url_path}{CATALOGUE_SLUG}/",
        locale_id=home.locale_id,
        live=True,
        first_published_at=now,
        last_published_at=now,
        intro=CATALOGUE_INTRO,
    )
    Page.objects.filter(pk=home.pk).update(numchild=home.numchild + 1)
    return catalogue


def _base36(number):
    digits = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    text = ""
    while number:
        number, remainder = divmod(number, 36)
        text = digits[remainder] + text
    return text or "0"


def setup_catalogue(apps, schema_editor):
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    ContentType = apps.get_model("contenttypes", "ContentType")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")

    trainers, _created = Group.objects.get_or_create(name="Pengajar")
    seniors, _created = Group.objects.get_or_create(name="Pengajar Senior")
    for group in (trainers, seniors):
        for app_label, model, codename in MODEL_PERMISSIONS[group.name]:
            group.permissions.add(_permission(Permission, app_label, model, codename))
        root_collection = Collection.objects.filter(depth=1).first()
        if root_collection is not None:
            for app_label, model, codename in COLLECTION_PERMISSIONS:
                GroupCollectionPermission.objects.get_or_create(
                    group=group,
                    collection=root_collection,
                    permission=_permission(Permission, app_label, model, codename),
                )

    catalogue = _create_catalogue(apps)
    if catalogue is None:
        return
    for group, codenames in ((trainers, TRAINER_PAGE_PERMISSIONS), (seniors, SENIOR_PAGE_PERMISSIONS)):
        for codename in codenames:
            GroupPagePermission.objects.get_or_create(
                group=group, page_id=catalogue.pk, permission=_permission(Permission, "wagtailcore", "page", codename)
            )

    task_content_type, _created = ContentType.objects.get_or_create(app_label="wagtailcore", model="groupapprovaltask")
    task = GroupApprovalTask.objects.create(name=TASK_NAME, content_type=task_content_type, active=True)
    task.groups.set([seniors])
    workflow = Workflow.objects.create(name=WORKFLOW_NAME, active=True)
    WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    WorkflowPage.objects.update_or_create(page_id=catalogue.pk, defaults={"workflow": workflow})


def remove_catalogue(apps, schema_editor):
    apps.get_model("wagtailcore", "Workflow").objects.filter(name=WORKFLOW_NAME).delete()
    apps.get_model("wagtailcore", "Task").objects.filter(name=TASK_NAME).delete()
    apps.get_model("auth", "Group").objects.filter(name="Pengajar Senior").delete()


class Migration(migrations.Migration):
    dependencies = [
        ("courses", "0001_initial"),
        ("home", "0002_create_home_page"),
        ("people", "0002_roles"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
    ]

    operations = [migrations.RunPython(setup_catalogue, remove_catalogue)]
