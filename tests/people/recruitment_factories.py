"""Factories for candidate applications and a complete set of rubric scores."""

import factory

from lms.people.constants import RUBRIC_KEYS, ApplicationStatus, EducationLevel
from lms.people.models import CandidateApplication


class CandidateApplicationFactory(factory.django.DjangoModelFactory):
    """An open application; pass `region` (a regency of the `regions` fixture)."""

    class Meta:
        model = CandidateApplication

    full_name = factory.Sequence(lambda n: f"Calon Pendamping {n}")
    email = factory.Sequence(lambda n: f"calon{n}@contoh.test")
    phone = "081298765432"
    education_level = EducationLevel.SLTA
    community_experience = "Pengurus PKK desa selama tiga tahun."
    motivation = "Ingin membantu keluarga miskin di desa saya berusaha bersama."
    references = "Bapak Sutrisno, kepala desa, 081211112222"
    status = ApplicationStatus.SUBMITTED


def scores(value=4, **changes) -> dict:
    """Every rubric criterion scored `value`, with `changes` overriding single criteria."""
    return dict.fromkeys(RUBRIC_KEYS, value) | changes
