import datetime

import factory
from django.utils import timezone

from courses.constants import EnrollmentSource, StudyArm
from courses.models import Cohort, CourseIndexPage, CoursePage, Enrollment, LessonPage, MentorRole, ModulePage


class MentorRoleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = MentorRole
        django_get_or_create = ["slug"]

    slug = factory.Sequence(lambda n: f"peran-{n}")
    name_id = factory.Sequence(lambda n: f"Peran {n}")
    name_en = factory.Sequence(lambda n: f"Role {n}")
    colour = "#1f5f8b"


def lesson_body(prompt_id="refleksi-1"):
    """A lesson body with text, a reflection prompt and a practice question (raw stream data)."""
    return [
        {"type": "text", "value": "<p>Pertemuan rutin KUBE diadakan dua minggu sekali.</p>"},
        {"type": "reflection", "id": prompt_id, "value": {"prompt": "Apa tantangan di desa Anda?", "guidance": ""}},
        {
            "type": "practice_question",
            "id": "latihan-1",
            "value": {
                "question": "Berapa anggota awal sebuah KUBE?",
                "choices": [
                    {"text": "5 sampai 10 keluarga", "is_correct": True, "feedback": "Tepat sekali."},
                    {"text": "50 keluarga", "is_correct": False, "feedback": "Terlalu banyak untuk satu kelompok."},
                ],
                "explanation": "Kelompok kecil memudahkan pertemuan.",
            },
        },
    ]


def publish(parent, page):
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def build_course(*, code="PK-1", modules=2, lessons_per_module=2, prerequisites=(), title=None):
    """A published course under the catalogue, with published modules and lessons, in tree order."""
    catalogue = CourseIndexPage.objects.get()
    course = CoursePage(
        title=title or f"Kursus {code}",
        slug=code.lower(),
        code=code,
        summary="Ringkasan kursus.",
        study_hours=8,
    )
    course.prerequisites = list(prerequisites)
    publish(catalogue, course)
    for module_number in range(1, modules + 1):
        module = publish(course, ModulePage(title=f"Modul {module_number}", slug=f"modul-{module_number}"))
        for lesson_number in range(1, lessons_per_module + 1):
            publish(
                module,
                LessonPage(
                    title=f"Pelajaran {module_number}.{lesson_number}",
                    slug=f"pelajaran-{lesson_number}",
                    body=lesson_body(),
                ),
            )
    return course


def lessons_of(course):
    return list(LessonPage.objects.live().descendant_of(course).order_by("path"))


class CohortFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Cohort
        skip_postgeneration_save = True

    name = factory.Sequence(lambda n: f"Angkatan {n}")
    starts_on = factory.LazyFunction(lambda: timezone.localdate() - datetime.timedelta(days=7))
    ends_on = factory.LazyFunction(lambda: timezone.localdate() + datetime.timedelta(days=60))
    capacity = 20
    enrollment_open = True
    study_arm = StudyArm.NONE

    @factory.post_generation
    def trainers(self, create, extracted, **kwargs):
        if create and extracted:
            self.trainers.add(*extracted)


class EnrollmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Enrollment

    source = EnrollmentSource.BULK
