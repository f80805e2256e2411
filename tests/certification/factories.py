"""Factories for certification programmes and certificates (imported by other test packages)."""

import datetime
import secrets

import factory
from django.utils import timezone

from lms.certification.constants import IssueMode
from lms.certification.models import Certificate, CertificationProgramme

from ..people.factories import TraineeFactory


class CertificationProgrammeFactory(factory.django.DjangoModelFactory):
    """A programme; pass `required_courses=[course, ...]` to attach courses."""

    class Meta:
        model = CertificationProgramme
        skip_postgeneration_save = True

    name = factory.Sequence(lambda n: f"Sertifikasi Pendamping {n}")
    code = factory.Sequence(lambda n: f"sp-{n}")
    post_test_pass_mark = 70
    apprenticeship_required = True
    apprenticeship_hours = 40
    evaluation_threshold = 3
    validity_months = 36
    recertification_window_months = 6
    issue_mode = IssueMode.AUTOMATIC
    active = True

    @factory.post_generation
    def required_courses(self, create, extracted, **kwargs):
        if create and extracted:
            self.required_courses.add(*extracted)


class CertificateFactory(factory.django.DjangoModelFactory):
    """A certificate written straight to the table (no eligibility checks, no PDF)."""

    class Meta:
        model = Certificate

    programme = factory.SubFactory(CertificationProgrammeFactory)
    trainee = factory.SubFactory(TraineeFactory)
    serial_number = factory.Sequence(lambda n: f"AP-{timezone.localdate().year}-{n + 1:06d}")
    verification_code = factory.LazyFunction(lambda: secrets.token_urlsafe(24))
    issued_on = factory.LazyFunction(timezone.localdate)
    expires_on = factory.LazyAttribute(lambda c: c.issued_on + datetime.timedelta(days=3 * 365))
