"""The supervisor's screening and decisions: scores, the education rule, acceptance, scoping, e-mails."""

import re

import pytest
from allauth.account.models import EmailAddress
from django.conf import settings
from django.core import mail
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation
from django.utils.html import escape
from wagtail.models import ModelLogEntry

from courses.constants import EnrollmentSource
from courses.models import Enrollment
from courses.services import candidate_accept
from lms.notifications import render_notification
from lms.people.constants import RUBRIC_KEYS, RUBRIC_MAX_TOTAL, ApplicationStatus, EducationLevel, Role
from lms.people.models import ApplicationScreening, CandidateApplication, User
from lms.people.recruitment_services import (
    ACCOUNT_NOT_TRAINEE,
    EDUCATION_TOO_LOW,
    NOT_OPEN,
    application_screen,
    screening_totals,
)

from ..courses.factories import CohortFactory, EnrollmentFactory, build_course
from ..people.factories import SupervisorFactory, TraineeFactory, TrainerFactory, UserFactory, give_totp
from ..people.recruitment_factories import CandidateApplicationFactory, scores

NEW_PASSWORD = "Sandi-Pendamping-Baru-77"


@pytest.fixture(autouse=True)
def _english(client):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    with translation.override("en"):
        yield


@pytest.fixture
def supervisor(regions):
    user = SupervisorFactory(scope_region=regions["35"], full_name="Bambang Hermanto")
    give_totp(user)
    return user


@pytest.fixture
def supervisor_kalsel(regions):
    user = SupervisorFactory(scope_region=regions["63"])
    give_totp(user)
    return user


@pytest.fixture
def cohort(regions):
    course = build_course(code="PK-RK", modules=1, lessons_per_module=1, title="Dasar Pendampingan KUBE")
    return CohortFactory(course=course, region=regions["35"], name="Angkatan Surabaya 1", capacity=3)


@pytest.fixture
def application(regions):
    return CandidateApplicationFactory(
        full_name="Sri Handayani", email="sri.handayani@contoh.test", region=regions["35.78"]
    )


@pytest.fixture
def screened(application, supervisor):
    application_screen(application=application, scores=scores(4), notes="Meyakinkan.", by=supervisor)
    return application


def _decide(client, application, django_capture_on_commit_callbacks, **data):
    with django_capture_on_commit_callbacks(execute=True):
        return client.post(reverse("recruitment:decide", kwargs={"application_id": application.pk}), data)


# Screening


def test_the_totals_are_the_sum_and_its_share_of_the_maximum():
    assert RUBRIC_MAX_TOTAL == 5 * len(RUBRIC_KEYS) == 55
    assert screening_totals(scores(5)) == (55, 100)
    assert screening_totals(scores(1)) == (11, 20)
    assert screening_totals(scores(3, leadership=5, literacy=4)) == (36, 65)  # 36/55 = 65.45 %


def test_the_supervisor_screens_with_the_rubric_and_the_scores_are_stored(client, supervisor, application):
    client.force_login(supervisor)
    page = client.get(reverse("recruitment:detail", kwargs={"application_id": application.pk})).content.decode()
    for text in ("Sri Handayani", "Pengurus PKK desa", "Ingin membantu keluarga", "Bapak Sutrisno", "081298765432"):
        assert text in page
    assert "Integrity" in page and "Capacity" in page and "Special criteria" in page
    assert "Literacy for bookkeeping" in page and "Leadership" in page

    data = dict.fromkeys(RUBRIC_KEYS, "4") | {"leadership": "5", "notes": "Aktif di PKK."}
    response = client.post(reverse("recruitment:screen", kwargs={"application_id": application.pk}), data)

    assert response.status_code == 302
    screening = ApplicationScreening.objects.get(application=application)
    assert screening.total == 45 and screening.percent == 82 and screening.screened_by == supervisor
    assert screening.scores["leadership"] == 5 and screening.notes == "Aktif di PKK."
    assert ModelLogEntry.objects.filter(action="people.application.screen", object_id=str(application.pk)).exists()


def test_a_missing_or_out_of_range_score_is_refused_and_the_rest_kept(client, supervisor, application):
    client.force_login(supervisor)
    data = dict.fromkeys(RUBRIC_KEYS, "4") | {"leadership": "", "notes": "Catatan saya"}
    response = client.post(reverse("recruitment:screen", kwargs={"application_id": application.pk}), data)
    assert response.status_code == 400
    assert "Catatan saya" in response.content.decode()
    assert not ApplicationScreening.objects.exists()
    with pytest.raises(ValidationError):
        application_screen(application=application, scores=scores(4, leadership=6), notes="", by=supervisor)
    with pytest.raises(ValidationError):
        application_screen(application=application, scores={"leadership": 3}, notes="", by=supervisor)


# The education rule


def test_below_slta_cannot_be_accepted_shown_and_enforced(client, supervisor, regions, cohort):
    application = CandidateApplicationFactory(region=regions["35.73"], education_level=EducationLevel.SMP)
    application_screen(application=application, scores=scores(5), notes="", by=supervisor)
    client.force_login(supervisor)

    page = client.get(reverse("recruitment:detail", kwargs={"application_id": application.pk})).content.decode()
    assert "cannot be accepted" in page

    response = client.post(
        reverse("recruitment:decide", kwargs={"application_id": application.pk}),
        {"decision": "accepted", "cohort": cohort.pk, "reason": "Nilai tinggi."},
    )
    assert response.status_code == 400 and escape(str(EDUCATION_TOO_LOW)) in response.content.decode()
    with pytest.raises(ValidationError, match="below senior high school"):
        candidate_accept(application=application, cohort=cohort, by=supervisor, reason="Tetap saja.")
    application.refresh_from_db()
    assert application.status == ApplicationStatus.SUBMITTED
    assert not User.objects.filter(email=application.email).exists()


@pytest.mark.parametrize(("level", "allowed"), [("SD", False), ("SMP", False), ("SLTA", True), ("S1", True)])
def test_the_minimum_is_slta_inclusive(regions, level, allowed):
    assert (
        CandidateApplicationFactory.build(region=regions["35.73"], education_level=level).meets_minimum_education
        is allowed
    )


# Decisions


def test_accepting_creates_one_account_one_enrolment_and_a_working_set_password_link(
    client, supervisor, screened, cohort, django_capture_on_commit_callbacks
):
    client.force_login(supervisor)
    response = _decide(
        client, screened, django_capture_on_commit_callbacks, decision="accepted", cohort=cohort.pk, reason="Memenuhi."
    )
    assert response.status_code == 302

    screened.refresh_from_db()
    account = User.objects.get(email="sri.handayani@contoh.test")
    assert screened.status == ApplicationStatus.ACCEPTED and screened.account == account
    assert screened.decided_by == supervisor and screened.decision_reason == "Memenuhi."
    assert account.has_role(Role.TRAINEE) and not account.has_usable_password()
    assert (account.full_name, account.phone, account.education_level) == ("Sri Handayani", "081298765432", "SLTA")
    assert account.home_region == screened.region
    assert EmailAddress.objects.get(user=account).verified
    enrollment = Enrollment.objects.get(trainee=account)
    assert enrollment.cohort == cohort and enrollment.source == EnrollmentSource.RECRUITMENT
    assert enrollment.enrolled_by == supervisor
    assert ModelLogEntry.objects.filter(action="people.application.accepted", object_id=str(screened.pk)).exists()

    assert len(mail.outbox) == 1  # the acceptance names the cohort; no second enrolment e-mail
    message = mail.outbox[0]
    assert message.to == ["sri.handayani@contoh.test"]
    assert "Angkatan Surabaya 1" in message.body and "Dasar Pendampingan KUBE" in message.body
    link = re.search(r"http://testserver(/akun/password/reset/key/[^\s]+/)", message.body).group(1)

    client.logout()
    form_url = client.get(link)["Location"]
    response = client.post(form_url, {"password1": NEW_PASSWORD, "password2": NEW_PASSWORD})
    assert response.status_code == 302
    account.refresh_from_db()
    assert account.check_password(NEW_PASSWORD)
    client.logout()
    response = client.post("/akun/login/", {"login": "sri.handayani@contoh.test", "password": NEW_PASSWORD})
    assert response.status_code == 302 and response["Location"] == "/beranda/"


def test_a_second_accept_is_refused_and_nothing_is_made_twice(
    client, supervisor, screened, cohort, django_capture_on_commit_callbacks
):
    candidate_accept(application=screened, cohort=cohort, by=supervisor, reason="Memenuhi.")
    client.force_login(supervisor)
    response = _decide(
        client, screened, django_capture_on_commit_callbacks, decision="accepted", cohort=cohort.pk, reason="Lagi."
    )
    assert response.status_code == 400 and str(NOT_OPEN) in response.content.decode()
    with pytest.raises(ValidationError, match=str(NOT_OPEN)):
        candidate_accept(application=screened, cohort=cohort, by=supervisor, reason="Lagi.")
    assert User.objects.filter(email="sri.handayani@contoh.test").count() == 1
    assert Enrollment.objects.filter(trainee__email="sri.handayani@contoh.test").count() == 1


def test_accepting_needs_a_screening_a_reason_and_a_cohort(client, supervisor, application, cohort):
    client.force_login(supervisor)
    url = reverse("recruitment:decide", kwargs={"application_id": application.pk})
    assert client.post(url, {"decision": "accepted", "cohort": cohort.pk, "reason": "Ya."}).status_code == 400
    application_screen(application=application, scores=scores(3), notes="", by=supervisor)
    assert client.post(url, {"decision": "accepted", "reason": "Ya."}).status_code == 400
    assert client.post(url, {"decision": "accepted", "cohort": cohort.pk, "reason": ""}).status_code == 400
    assert not User.objects.filter(email=application.email).exists()


def test_a_full_cohort_leaves_no_account_behind(supervisor, screened, cohort):
    for _seat in range(cohort.capacity):
        EnrollmentFactory(cohort=cohort, trainee=TraineeFactory())
    with pytest.raises(ValidationError, match="full"):
        candidate_accept(application=screened, cohort=cohort, by=supervisor, reason="Memenuhi.")
    screened.refresh_from_db()
    assert screened.status == ApplicationStatus.SUBMITTED
    assert not User.objects.filter(email=screened.email).exists()


def test_a_cohort_of_another_region_is_refused(supervisor, screened, regions):
    elsewhere = CohortFactory(course=build_course(code="PK-KS", modules=1, lessons_per_module=1), region=regions["63"])
    with pytest.raises(ValidationError, match="open for enrolment"):
        candidate_accept(application=screened, cohort=elsewhere, by=supervisor, reason="Memenuhi.")


def test_an_existing_trainee_account_is_linked_and_other_accounts_refused(
    supervisor, regions, cohort, django_capture_on_commit_callbacks
):
    trainee = TraineeFactory(email="lama@contoh.test", home_region=regions["35.73"])
    application = CandidateApplicationFactory(email="lama@contoh.test", region=regions["35.73"])
    application_screen(application=application, scores=scores(4), notes="", by=supervisor)
    with django_capture_on_commit_callbacks(execute=True):
        enrollment = candidate_accept(application=application, cohort=cohort, by=supervisor, reason="Sudah peserta.")
    assert enrollment.trainee == trainee
    assert User.objects.filter(email="lama@contoh.test").count() == 1
    assert trainee.has_usable_password()  # their password is left alone
    assert "/akun/password/reset/key/" not in mail.outbox[0].body and "/akun/login/" in mail.outbox[0].body

    TrainerFactory(email="pengajar@contoh.test")
    other = CandidateApplicationFactory(email="pengajar@contoh.test", region=regions["35.73"])
    application_screen(application=other, scores=scores(4), notes="", by=supervisor)
    with pytest.raises(ValidationError, match=str(ACCOUNT_NOT_TRAINEE)[:40]):
        candidate_accept(application=other, cohort=cohort, by=supervisor, reason="Coba.")
    other.refresh_from_db()
    assert other.status == ApplicationStatus.SUBMITTED and other.account is None


def test_waitlisting_then_rejecting_with_reasons_and_emails(
    client, supervisor, application, django_capture_on_commit_callbacks
):
    client.force_login(supervisor)
    response = _decide(
        client, application, django_capture_on_commit_callbacks, decision="waitlisted", reason="Kuota penuh."
    )
    assert response.status_code == 302
    application.refresh_from_db()
    assert application.status == ApplicationStatus.WAITLISTED and application.decision_reason == "Kuota penuh."
    assert mail.outbox[-1].subject == render_notification("application_waitlisted", {"application": application})[0]

    response = _decide(
        client, application, django_capture_on_commit_callbacks, decision="rejected", reason="Tidak tinggal di wilayah."
    )
    assert response.status_code == 302
    application.refresh_from_db()
    assert application.status == ApplicationStatus.REJECTED
    assert len(mail.outbox) == 2 and "Tidak tinggal di wilayah." in mail.outbox[-1].body
    actions = set(ModelLogEntry.objects.filter(object_id=str(application.pk)).values_list("action", flat=True))
    assert {"people.application.waitlisted", "people.application.rejected"} <= actions
    assert not User.objects.filter(email=application.email).exists()


def test_a_decision_without_a_reason_is_refused(client, supervisor, application):
    client.force_login(supervisor)
    response = client.post(
        reverse("recruitment:decide", kwargs={"application_id": application.pk}),
        {"decision": "rejected", "reason": " "},
    )
    assert response.status_code == 400
    application.refresh_from_db()
    assert application.status == ApplicationStatus.SUBMITTED


# The list and who sees what


def test_the_list_filters_by_status_and_counts_each(client, supervisor, regions, application):
    CandidateApplicationFactory(full_name="Yang Ditolak", region=regions["35.73"], status=ApplicationStatus.REJECTED)
    CandidateApplicationFactory(full_name="Orang Banjar", region=regions["63.71"])
    client.force_login(supervisor)

    page = client.get(reverse("recruitment:list")).content.decode()
    assert "Sri Handayani" in page and "Yang Ditolak" in page and "Orang Banjar" not in page
    assert "Submitted (1)" in page and "Rejected (1)" in page and "Accepted (0)" in page

    page = client.get(reverse("recruitment:list"), {"status": "rejected"}).content.decode()
    assert "Yang Ditolak" in page and "Sri Handayani" not in page


def test_the_list_runs_a_fixed_number_of_queries(client, supervisor, regions):
    client.force_login(supervisor)
    client.get(reverse("recruitment:list"))
    for number in range(3):
        CandidateApplicationFactory(region=regions["35.73"], full_name=f"Calon {number}")
    with CaptureQueriesContext(connection) as few:
        client.get(reverse("recruitment:list"))
    for number in range(10):
        application = CandidateApplicationFactory(region=regions["35.78"], full_name=f"Lagi {number}")
        application_screen(application=application, scores=scores(3), notes="", by=supervisor)
    with CaptureQueriesContext(connection) as many:
        client.get(reverse("recruitment:list"))
    assert len(many) == len(few)


def test_a_kalimantan_supervisor_gets_404_on_a_java_application(
    client, supervisor_kalsel, screened, cohort, django_capture_on_commit_callbacks
):
    client.force_login(supervisor_kalsel)
    kwargs = {"application_id": screened.pk}
    assert client.get(reverse("recruitment:detail", kwargs=kwargs)).status_code == 404
    screen = dict.fromkeys(RUBRIC_KEYS, "5")
    assert client.post(reverse("recruitment:screen", kwargs=kwargs), screen).status_code == 404
    response = _decide(client, screened, django_capture_on_commit_callbacks, decision="rejected", reason="Coba.")
    assert response.status_code == 404
    assert "Sri Handayani" not in client.get(reverse("recruitment:list")).content.decode()
    screened.refresh_from_db()
    assert screened.status == ApplicationStatus.SUBMITTED and screened.screening.total == 44
    assert mail.outbox == []


def test_trainees_and_others_get_403_and_anonymous_a_sign_in(client, regions, application):
    assert client.get(reverse("recruitment:list"))["Location"].startswith("/akun/login/")
    for person in (TraineeFactory(home_region=regions["35.78"]), UserFactory()):
        client.force_login(person)
        assert client.get(reverse("recruitment:list")).status_code == 403
        assert client.get(reverse("recruitment:detail", kwargs={"application_id": application.pk})).status_code == 403
    trainer = TrainerFactory(scope_region=regions["35"])
    give_totp(trainer)
    client.force_login(trainer)
    assert client.get(reverse("recruitment:list")).status_code == 403


def test_a_superuser_sees_every_region(client, regions, application):
    CandidateApplicationFactory(full_name="Orang Banjar", region=regions["63.71"])
    admin = UserFactory(is_superuser=True, is_staff=True)
    give_totp(admin)
    client.force_login(admin)
    page = client.get(reverse("recruitment:list")).content.decode()
    assert "Sri Handayani" in page and "Orang Banjar" in page
    assert CandidateApplication.objects.count() == 2
