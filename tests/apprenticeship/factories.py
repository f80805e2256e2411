import datetime
from decimal import Decimal

import factory
from django.utils import timezone

from apprenticeship.constants import INDICATOR_FIELDS, ActivityType, PlacementStatus
from apprenticeship.models import BusinessType, KubeAssessment, KubeGroup, LogbookEntry, Placement
from apprenticeship.services import kube_assessment_record
from lms.people.constants import Role

from ..people.factories import UserFactory, _add_roles


class HostMentorFactory(UserFactory):
    @factory.post_generation
    def roles(self, create, extracted, **kwargs):
        _add_roles(self, create, extracted or [Role.HOST_MENTOR])


class BusinessTypeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = BusinessType
        django_get_or_create = ["slug"]

    slug = factory.Sequence(lambda n: f"usaha-{n}")
    name_id = factory.Sequence(lambda n: f"Usaha {n}")
    name_en = factory.Sequence(lambda n: f"Business {n}")


class KubeGroupFactory(factory.django.DjangoModelFactory):
    """A KUBE; pass `village` (a Region of village depth). Not assessed: see `assess`."""

    class Meta:
        model = KubeGroup

    name = factory.Sequence(lambda n: f"KUBE Sejahtera {n}")
    business_type = factory.LazyFunction(lambda: BusinessType.objects.get(slug="warung-makan"))
    founded_on = datetime.date(2021, 3, 1)
    member_families = 10
    host_capacity = 2
    host_mentor = factory.SubFactory(HostMentorFactory)


def assess(kube, *, total=36, assessed_on=None, by=None, rules=None) -> KubeAssessment:
    """Record an assessment whose nine scores add up to `total` (9-45), spread as evenly as possible."""
    base, extra = divmod(total, len(INDICATOR_FIELDS))
    scores = {field: base + (1 if i < extra else 0) for i, field in enumerate(INDICATOR_FIELDS)}
    assessment = KubeAssessment(
        kube=kube, assessed_on=assessed_on or timezone.localdate() - datetime.timedelta(days=30), **scores
    )
    return kube_assessment_record(assessment=assessment, by=by or kube.host_mentor, rules=rules)


class PlacementFactory(factory.django.DjangoModelFactory):
    """A placement written straight to the table (no workflow checks); pass trainee, kube and cohort."""

    class Meta:
        model = Placement

    host_mentor = factory.LazyAttribute(lambda placement: placement.kube.host_mentor)
    starts_on = factory.LazyFunction(lambda: timezone.localdate() - datetime.timedelta(days=14))
    ends_on = factory.LazyFunction(lambda: timezone.localdate() + datetime.timedelta(days=30))
    required_hours = 40
    status = PlacementStatus.APPROVED
    proposed_by = factory.LazyAttribute(lambda placement: placement.host_mentor)


class LogbookEntryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = LogbookEntry

    worked_on = factory.LazyFunction(lambda: timezone.localdate() - datetime.timedelta(days=1))
    hours = Decimal("4.0")
    activity_type = ActivityType.GROUP_MEETING
    narrative = "<p>Mendampingi pertemuan rutin kelompok.</p>"
