"""The KUBE registry in the Wagtail admin: supervisors keep the KUBE of their own region, and
assessments saved there are scored and classed by the service, never typed."""

import datetime

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import timezone

from apprenticeship.constants import INDICATOR_FIELDS, MaturityClass
from apprenticeship.models import KubeAssessment, KubeGroup
from apprenticeship.services import kube_assessment_delete
from lms.people.constants import Role
from lms.people.services import regions_import_csv

from ..people.factories import TraineeFactory, give_totp
from .factories import KubeGroupFactory, assess

pytestmark = pytest.mark.django_db


@pytest.fixture
def kube_elsewhere(regions):
    """A KUBE in a Banjarmasin village (Kalimantan Selatan), outside the Jawa Timur supervisor's region."""
    report = regions_import_csv(text="code,name\n63.71.01,Banjarmasin Selatan\n63.71.01.1001,Kelayan Luar\n")
    assert report.ok, report.errors
    from lms.people.models import Region

    group = KubeGroupFactory(name="KUBE Kelayan Maju", village=Region.objects.get(code="63.71.01.1001"))
    assess(group, total=30)
    group.refresh_from_db()
    return group


def kube_form_data(kube, **changes):
    data = {
        "name": kube.name,
        "village": kube.village_id,
        "address": kube.address,
        "business_type": kube.business_type_id,
        "programme_stage": kube.programme_stage,
        "founded_on": kube.founded_on.isoformat(),
        "member_families": kube.member_families,
        "meeting_day": kube.meeting_day or "",
        "iks_contribution": kube.iks_contribution,
        "iks_fund_balance": kube.iks_fund_balance,
        "host_mentor": kube.host_mentor_id or "",
        "host_capacity": kube.host_capacity,
        "is_active": "on" if kube.is_active else "",
        "grants-TOTAL_FORMS": 0,
        "grants-INITIAL_FORMS": 0,
        "grants-MIN_NUM_FORMS": 0,
        "grants-MAX_NUM_FORMS": 1000,
    }
    data.update(changes)
    return data


def assessment_form_data(kube, *, assessed_on, score=3, **changes):
    data = {"kube": kube.pk, "assessed_on": assessed_on.isoformat()}
    for field in INDICATOR_FIELDS:
        data[field] = score
        data[f"{field}_note"] = ""
    data.update(changes)
    return data


# Permissions


def test_supervisors_may_keep_the_registry_but_not_delete_from_it(supervisor):
    group = Group.objects.get(name=Role.SUPERVISOR)
    granted = set(group.permissions.filter(content_type__app_label="apprenticeship").values_list("codename", flat=True))

    assert granted == {
        "add_kubegroup",
        "change_kubegroup",
        "view_kubegroup",
        "add_stimulusgrant",
        "change_stimulusgrant",
        "view_stimulusgrant",
        "add_kubeassessment",
        "change_kubeassessment",
        "view_kubeassessment",
        "view_businesstype",
    }
    assert supervisor.has_perm("apprenticeship.add_kubegroup")
    assert not supervisor.has_perm("apprenticeship.delete_kubegroup")


@pytest.mark.parametrize(
    "url_name",
    [
        "kube:index",
        "kube:add",
        "kube_assessments:index",
        "kube_assessments:add",
        "wagtailsnippets_apprenticeship_businesstype:list",
        "apprenticeship_admin:import_kube",
    ],
)
def test_supervisors_reach_the_registry_pages(client, supervisor, url_name):
    client.force_login(supervisor)
    assert client.get(reverse(url_name)).status_code == 200


def test_trainees_and_host_mentors_do_not_reach_the_registry(client, regions, kube):
    client.force_login(TraineeFactory(home_region=regions["35"]))
    assert client.get(reverse("kube:index")).status_code in (302, 403)

    client.force_login(kube.host_mentor)
    assert client.get(reverse("kube:edit", args=[kube.pk])).status_code in (302, 403)


# Region scoping of KUBE


def test_the_listing_shows_only_the_kube_of_the_supervisors_region(client, supervisor, kube, kube_elsewhere):
    client.force_login(supervisor)

    page = client.get(reverse("kube:index")).content.decode()

    assert kube.name in page
    assert kube_elsewhere.name not in page


def test_a_superuser_sees_every_kube(client, kube, kube_elsewhere, django_user_model):
    admin = django_user_model.objects.create_superuser(email="admin@contoh.test", password="x")
    give_totp(admin)
    client.force_login(admin)

    page = client.get(reverse("kube:index")).content.decode()

    assert kube.name in page and kube_elsewhere.name in page


@pytest.mark.parametrize("view", ["edit", "inspect", "history", "usage"])
def test_a_kube_outside_the_region_is_not_found(client, supervisor, kube_elsewhere, view):
    client.force_login(supervisor)

    assert client.get(reverse(f"kube:{view}", args=[kube_elsewhere.pk])).status_code == 404


def test_posting_to_a_kube_outside_the_region_changes_nothing(client, supervisor, kube_elsewhere):
    client.force_login(supervisor)

    response = client.post(
        reverse("kube:edit", args=[kube_elsewhere.pk]), kube_form_data(kube_elsewhere, name="Diambil alih")
    )

    assert response.status_code == 404
    kube_elsewhere.refresh_from_db()
    assert kube_elsewhere.name == "KUBE Kelayan Maju"


def test_the_supervisor_edits_a_kube_and_records_a_grant(client, supervisor, kube):
    client.force_login(supervisor)
    data = kube_form_data(
        kube,
        name="KUBE Sejahtera Baru",
        **{
            "grants-TOTAL_FORMS": 1,
            "grants-0-id": "",
            "grants-0-year": 2022,
            "grants-0-amount": 20_000_000,
            "grants-0-source": "Kementerian Sosial",
        },
    )

    response = client.post(reverse("kube:edit", args=[kube.pk]), data)

    assert response.status_code == 302
    kube.refresh_from_db()
    assert kube.name == "KUBE Sejahtera Baru"
    assert [(grant.year, grant.amount, grant.source) for grant in kube.grants.all()] == [
        (2022, 20_000_000, "Kementerian Sosial")
    ]


def test_the_supervisor_adds_a_kube_in_their_region(client, supervisor, kube):
    client.force_login(supervisor)

    response = client.post(reverse("kube:add"), kube_form_data(kube, name="KUBE Anyar", meeting_day=4))

    assert response.status_code == 302
    created = KubeGroup.objects.get(name="KUBE Anyar")
    assert created.village == kube.village and created.meeting_day == 4
    assert created.latest_assessment is None


def test_the_edit_form_offers_only_villages_of_the_region(client, supervisor, kube, kube_elsewhere, regions):
    client.force_login(supervisor)

    form = client.get(reverse("kube:add")).context["form"]

    villages = set(form.fields["village"].queryset.values_list("code", flat=True))
    assert villages == {"35.78.01.1001"}
    mentors = set(form.fields["host_mentor"].queryset)
    assert kube.host_mentor in mentors and supervisor not in mentors


def test_a_kube_cannot_be_placed_in_a_village_outside_the_region_or_in_a_district(
    client, supervisor, kube, kube_elsewhere, regions
):
    client.force_login(supervisor)
    count = KubeGroup.objects.count()

    for village in (kube_elsewhere.village_id, regions["35.78.01"].pk):
        data = kube_form_data(kube, name="KUBE Baru", village=village)
        response = client.post(reverse("kube:add"), data)
        assert response.status_code == 200
        assert "village" in response.context["form"].errors

    assert KubeGroup.objects.count() == count


def test_the_host_mentor_must_be_a_host_mentor(client, supervisor, kube, regions):
    client.force_login(supervisor)
    trainee = TraineeFactory(home_region=regions["35"])

    response = client.post(reverse("kube:add"), kube_form_data(kube, name="KUBE Baru", host_mentor=trainee.pk))

    assert response.status_code == 200
    assert "host_mentor" in response.context["form"].errors
    assert not KubeGroup.objects.filter(name="KUBE Baru").exists()


def test_the_inspect_page_shows_the_class_history(client, supervisor, kube):
    older = assess(kube, total=20, assessed_on=timezone.localdate() - datetime.timedelta(days=400))
    client.force_login(supervisor)

    page = client.get(reverse("kube:inspect", args=[kube.pk]))

    assert page.status_code == 200
    assessments = list(page.context["assessments"])
    assert assessments == [kube.latest_assessment, older]


def test_the_listing_offers_the_import(client, supervisor):
    client.force_login(supervisor)

    page = client.get(reverse("kube:index")).content.decode()

    assert reverse("apprenticeship_admin:import_kube") in page


# Maturity assessments


def test_an_assessment_made_in_the_admin_is_scored_classed_and_becomes_the_latest(client, supervisor, kube):
    client.force_login(supervisor)
    today = timezone.localdate()
    data = assessment_form_data(kube, assessed_on=today, score=3, total_score=45, maturity_class="mandiri")
    data["institution_note"] = "Pengurus lengkap, AD/ART ada."

    response = client.post(reverse("kube_assessments:add"), data)

    assert response.status_code == 302
    assessment = KubeAssessment.objects.get(kube=kube, assessed_on=today)
    assert assessment.total_score == 27  # typed values for the total and the class are ignored
    assert assessment.maturity_class == MaturityClass.BERKEMBANG
    assert assessment.assessed_by == supervisor
    assert assessment.institution_note == "Pengurus lengkap, AD/ART ada."
    kube.refresh_from_db()
    assert kube.latest_assessment == assessment


def test_an_older_assessment_added_later_does_not_replace_the_latest(client, supervisor, kube):
    latest = kube.latest_assessment
    client.force_login(supervisor)

    response = client.post(
        reverse("kube_assessments:add"),
        assessment_form_data(kube, assessed_on=latest.assessed_on - datetime.timedelta(days=200), score=2),
    )

    assert response.status_code == 302
    older = KubeAssessment.objects.exclude(pk=latest.pk).get(kube=kube)
    assert (older.total_score, older.maturity_class) == (18, MaturityClass.TUMBUH)
    kube.refresh_from_db()
    assert kube.latest_assessment == latest


def test_editing_an_assessment_recomputes_its_total_and_class(client, supervisor, kube):
    assessment = kube.latest_assessment
    client.force_login(supervisor)

    response = client.post(
        reverse("kube_assessments:edit", args=[assessment.pk]),
        assessment_form_data(kube, assessed_on=assessment.assessed_on, score=5),
    )

    assert response.status_code == 302
    assessment.refresh_from_db()
    assert (assessment.total_score, assessment.maturity_class) == (45, MaturityClass.MANDIRI)
    assert assessment.assessed_by == kube.host_mentor  # the assessor stays who made it


def test_the_assessment_form_shows_the_nine_indicators_and_no_computed_fields(client, supervisor):
    client.force_login(supervisor)

    form = client.get(reverse("kube_assessments:add")).context["form"]

    for field in INDICATOR_FIELDS:
        assert field in form.fields and f"{field}_note" in form.fields
    assert not {"total_score", "maturity_class", "assessed_by"} & set(form.fields)


def test_assessments_outside_the_region_are_hidden_and_cannot_be_made(client, supervisor, kube, kube_elsewhere):
    client.force_login(supervisor)
    elsewhere = kube_elsewhere.latest_assessment

    listing = client.get(reverse("kube_assessments:index"))
    assert list(listing.context["object_list"]) == [kube.latest_assessment]
    assert client.get(reverse("kube_assessments:edit", args=[elsewhere.pk])).status_code == 404
    assert client.get(reverse("kube_assessments:inspect", args=[elsewhere.pk])).status_code == 404

    response = client.post(
        reverse("kube_assessments:add"), assessment_form_data(kube_elsewhere, assessed_on=timezone.localdate())
    )
    assert response.status_code == 200
    assert "kube" in response.context["form"].errors
    assert kube_elsewhere.assessments.count() == 1


def test_the_kube_of_an_assessment_cannot_be_changed(client, supervisor, kube, regions):
    other = KubeGroupFactory(village=regions["35.78.01.1001"])
    assessment = kube.latest_assessment
    client.force_login(supervisor)

    client.post(
        reverse("kube_assessments:edit", args=[assessment.pk]),
        assessment_form_data(other, assessed_on=assessment.assessed_on, score=4),
    )

    assessment.refresh_from_db()
    assert assessment.kube == kube


def test_deleting_the_latest_assessment_falls_back_to_the_one_before(kube, host_mentor):
    older = assess(kube, total=20, assessed_on=kube.latest_assessment.assessed_on - datetime.timedelta(days=200))
    kube.refresh_from_db()
    kube_assessment_delete(assessment=kube.latest_assessment, by=host_mentor)
    kube.refresh_from_db()
    assert kube.latest_assessment == older
