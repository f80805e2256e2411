"""Demo curriculum: the mentor roles and aspects, two courses written from the seed papers,
their cohorts (a treatment and a control cohort per course) and trainees at varied progress.

Run through `manage.py seed_demo`, after the people demo. Creates only what is missing.
"""

from datetime import timedelta
from io import BytesIO

from django.core.files.images import ImageFile
from django.db import transaction
from django.utils import timezone
from wagtail.images import get_image_model

from lms.people.constants import Role
from lms.people.models import Region, User

from .constants import EnrollmentSource, EnrollmentStatus, StudyArm
from .demo_content import ASPECTS, COURSES, MENTOR_ROLES
from .demo_content.images import demo_image_png
from .models import (
    Aspect,
    Cohort,
    CourseIndexPage,
    CoursePage,
    Enrollment,
    LessonPage,
    LessonProgress,
    MentorRole,
    ModulePage,
)

# course code, cohort name, region code, study arm, trainee e-mails with lessons completed (-1: all)
COHORTS = [
    (
        "PKUBE-101",
        "Angkatan I Jawa Timur 2026",
        "35",
        StudyArm.TREATMENT,
        {
            "peserta@akademi.test": 2,
            "agus.salim@akademi.test": 7,
            "rina.wati@akademi.test": 0,
            "joko.susilo@akademi.test": 12,
            "nurhayati@akademi.test": -1,
        },
    ),
    (
        "PKUBE-101",
        "Angkatan I Kalimantan Selatan 2026",
        "63",
        StudyArm.CONTROL,
        {"ahmad.fauzi@akademi.test": 4, "siti.aminah@akademi.test": 1, "rusdiansyah@akademi.test": 9},
    ),
    ("PKUBE-201", "Kewirausahaan KUBE Surabaya 2026", "35.78", StudyArm.TREATMENT, {"nurhayati@akademi.test": 3}),
    ("PKUBE-201", "Kewirausahaan KUBE Banjarmasin 2026", "63.71", StudyArm.CONTROL, {}),
]
# Trainees who last studied long ago, so the trainer's grid shows the 14-day inactivity flag.
INACTIVE_TRAINEES = {"rina.wati@akademi.test", "siti.aminah@akademi.test"}


@transaction.atomic
def seed():
    catalogue = CourseIndexPage.objects.first()
    if catalogue is None:
        return []
    roles = {item["slug"]: _get_or_create(MentorRole, item) for item in MENTOR_ROLES}
    aspects = {item["slug"]: _get_or_create(Aspect, item) for item in ASPECTS}
    images = {}
    for course_data in COURSES:
        if not CoursePage.objects.filter(code=course_data["code"]).exists():
            _build_course(catalogue, course_data, roles, aspects, images)
    _seed_cohorts()
    return []


def _get_or_create(model, item):
    fields = {key: value for key, value in item.items() if key != "slug"}
    instance, _created = model.objects.get_or_create(slug=item["slug"], defaults=fields)
    return instance


def _image(key, images):
    if key not in images:
        Image = get_image_model()
        image = Image.objects.filter(title=key).first()
        if image is None:
            image = Image(title=key)
            image.file.save(f"{key}.png", ImageFile(BytesIO(demo_image_png(key)), name=f"{key}.png"), save=False)
            image.save()
        images[key] = image
    return images[key]


def _publish(parent, page):
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def _build_course(catalogue, data, roles, aspects, images):
    course = CoursePage(
        title=data["title"],
        slug=data["slug"],
        code=data["code"],
        summary=data["summary"],
        study_hours=data["study_hours"],
        learning_format=data["learning_format"],
        pass_mark=data["pass_mark"],
    )
    course.mentor_roles = [roles[slug] for slug in data["roles"]]
    course.aspects = [aspects[slug] for slug in data["aspects"]]
    course.prerequisites = list(CoursePage.objects.filter(code__in=data["prerequisites"]))
    _publish(catalogue, course)
    for module_data in data["modules"]:
        module = _publish(
            course,
            ModulePage(
                title=module_data["title"],
                slug=module_data["slug"],
                intro=module_data["intro"],
                mentor_role=roles.get(module_data["role"]),
            ),
        )
        for lesson_data in module_data["lessons"]:
            _publish(
                module,
                LessonPage(
                    title=lesson_data["title"],
                    slug=lesson_data["slug"],
                    summary=lesson_data["summary"],
                    estimated_minutes=lesson_data["minutes"],
                    body=[_raw_block(block_type, value, images) for block_type, value in lesson_data["body"]],
                ),
            )


def _raw_block(block_type, value, images):
    if block_type == "image":
        value = {"image": _image(value["image"], images).pk, "alt_text": value["alt"], "caption": value["caption"]}
    return {"type": block_type, "value": value}


def _seed_cohorts():
    trainer = User.objects.filter(email="pengajar@akademi.test").first()
    today = timezone.localdate()
    for code, name, region_code, arm, trainees in COHORTS:
        course = CoursePage.objects.filter(code=code).first()
        region = Region.objects.filter(code=region_code).first()
        if course is None or region is None or Cohort.objects.filter(name=name).exists():
            continue
        cohort = Cohort.objects.create(
            course=course,
            name=name,
            region=region,
            starts_on=today - timedelta(days=30),
            ends_on=today + timedelta(days=60),
            capacity=30,
            study_arm=arm,
        )
        if trainer is not None:
            cohort.trainers.add(trainer)
        _enrol_with_progress(cohort, trainees, trainer)


def _enrol_with_progress(cohort, trainees, trainer):
    lessons = list(LessonPage.objects.live().descendant_of(cohort.course).defer("body").order_by("path"))
    now = timezone.now()
    for email, done in trainees.items():
        trainee = User.objects.filter(email=email, groups__name=Role.TRAINEE).first()
        if trainee is None:
            continue
        completed = lessons if done == -1 else lessons[:done]
        last_seen = now - timedelta(days=20 if email in INACTIVE_TRAINEES else 1)
        for step, lesson in enumerate(completed):
            when = last_seen - timedelta(hours=len(completed) - step)
            LessonProgress.objects.get_or_create(
                trainee=trainee,
                lesson=lesson,
                defaults={"first_opened_at": when, "last_opened_at": when, "completed_at": when},
            )
        finished = bool(lessons) and len(completed) == len(lessons)
        Enrollment.objects.create(
            cohort=cohort,
            trainee=trainee,
            source=EnrollmentSource.BULK,
            enrolled_by=trainer,
            enrolled_at=now - timedelta(days=28),
            status=EnrollmentStatus.COMPLETED
            if finished
            else (EnrollmentStatus.ACTIVE if completed else EnrollmentStatus.ENROLLED),
            completed_at=last_seen if finished else None,
            last_activity_at=last_seen if completed else None,
        )
