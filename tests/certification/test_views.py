"""The trainee's and the supervisor's certification pages: checklists, issue, revoke, list, exports, scoping."""

import io
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from openpyxl import load_workbook

from lms.certification.constants import IssueMode
from lms.certification.models import Certificate

from ..courses.factories import CohortFactory, build_course
from ..people.factories import TraineeFactory
from .conftest import complete_course, finish_apprenticeship, grade
from .factories import CertificateFactory

pytestmark = pytest.mark.usefixtures("no_pdf", "english")


@pytest.fixture
def ready(trainee, cohort, post_test, kube, programme):
    complete_course(trainee, cohort, quiz=post_test)
    finish_apprenticeship(trainee, kube, cohort)
    return trainee


def test_the_trainee_sees_what_is_left_with_a_link(client, trainee, cohort, post_test, programme, course):
    complete_course(trainee, cohort, percent=Decimal(50), quiz=post_test)
    client.force_login(trainee)
    page = client.get(reverse("certification:mine")).content.decode()
    assert programme.name in page
    assert "Pass the post-test with at least 70%" in page
    assert course.url in page
    assert "Do an apprenticeship at a KUBE" in page
    assert "You hold no certificate yet." in page


def test_the_trainee_sees_their_certificate_and_its_download_link(client, trainee, programme):
    certificate = CertificateFactory(trainee=trainee, programme=programme)
    client.force_login(trainee)
    page = client.get(reverse("certification:mine")).content.decode()
    assert certificate.serial_number in page
    assert reverse("certification:download", kwargs={"certificate_id": certificate.pk}) in page


def test_a_supervisor_issues_a_supervisor_mode_certificate_by_post(client, ready, programme, supervisor):
    programme.issue_mode = IssueMode.SUPERVISOR
    programme.save()
    client.force_login(supervisor)
    page_url = reverse("certification:trainee", kwargs={"trainee_id": ready.pk})
    page = client.get(page_url).content.decode()
    assert "Issue the certificate" in page
    issue_url = reverse("certification:issue", kwargs={"trainee_id": ready.pk, "programme_id": programme.pk})
    assert client.get(issue_url).status_code == 405
    assert not Certificate.objects.exists()
    response = client.post(issue_url, follow=True)
    certificate = Certificate.objects.get()
    assert certificate.issued_by == supervisor
    assert f"Certificate {certificate.serial_number} issued." in response.content.decode()


def test_issuing_to_someone_not_eligible_shows_why(client, trainee, programme, supervisor):
    client.force_login(supervisor)
    url = reverse("certification:issue", kwargs={"trainee_id": trainee.pk, "programme_id": programme.pk})
    response = client.post(url, follow=True)
    assert "Not every condition holds yet" in response.content.decode()
    assert not Certificate.objects.exists()


def test_revoking_needs_a_reason(client, trainee, programme, supervisor):
    certificate = CertificateFactory(trainee=trainee, programme=programme)
    client.force_login(supervisor)
    url = reverse("certification:revoke", kwargs={"certificate_id": certificate.pk})
    response = client.post(url, {"reason": "  "}, follow=True)
    assert "Give the reason for the revocation." in response.content.decode()
    certificate.refresh_from_db()
    assert certificate.revoked_at is None
    client.post(url, {"reason": "Sertifikat diterbitkan karena kekeliruan data.", "confirm": "on"})
    certificate.refresh_from_db()
    assert certificate.revoked_by == supervisor
    assert certificate.revocation_reason == "Sertifikat diterbitkan karena kekeliruan data."


def test_revoking_needs_the_confirmation_box_ticked_behind_a_disclosure(client, trainee, programme, supervisor):
    certificate = CertificateFactory(trainee=trainee, programme=programme)
    client.force_login(supervisor)
    page = client.get(reverse("certification:trainee", kwargs={"trainee_id": trainee.pk})).content.decode()
    assert "<details" in page and "Revoke this certificate…" in page
    assert page.index("<details") < page.index('name="reason"') < page.index('name="confirm"')
    url = reverse("certification:revoke", kwargs={"certificate_id": certificate.pk})
    response = client.post(url, {"reason": "Data keliru."}, follow=True)
    assert "Tick the box to confirm" in response.content.decode()
    certificate.refresh_from_db()
    assert certificate.revoked_at is None


def test_a_supervisor_of_another_province_gets_404_everywhere(client, ready, programme, supervisor_elsewhere):
    certificate = CertificateFactory(trainee=ready, programme=programme)
    client.force_login(supervisor_elsewhere)
    urls = [
        ("get", reverse("certification:trainee", kwargs={"trainee_id": ready.pk}), {}),
        ("post", reverse("certification:issue", kwargs={"trainee_id": ready.pk, "programme_id": programme.pk}), {}),
        ("post", reverse("certification:revoke", kwargs={"certificate_id": certificate.pk}), {"reason": "Coba."}),
    ]
    for method, url, data in urls:
        assert getattr(client, method)(url, data).status_code == 404, url
    certificate.refresh_from_db()
    assert certificate.revoked_at is None
    listing = client.get(reverse("certification:list")).content.decode()
    assert certificate.serial_number not in listing
    csv_text = client.get(reverse("certification:list"), {"format": "csv"}).content.decode()
    assert certificate.serial_number not in csv_text


def test_a_trainee_cannot_open_the_supervisor_pages(client, trainee, programme):
    other = TraineeFactory(home_region=trainee.home_region)
    client.force_login(trainee)
    assert client.get(reverse("certification:trainee", kwargs={"trainee_id": other.pk})).status_code == 404
    assert client.get(reverse("certification:list")).status_code == 403


def test_the_list_filters_by_status_and_exports_csv_and_xlsx(client, trainee, programme, supervisor, regions):
    import datetime

    valid = CertificateFactory(trainee=trainee, programme=programme)
    expired = CertificateFactory(
        trainee=TraineeFactory(home_region=regions["35.73"]),
        programme=programme,
        issued_on=datetime.date(2020, 1, 1),
        expires_on=datetime.date(2023, 1, 1),
    )
    CertificateFactory(trainee=TraineeFactory(home_region=regions["63.71"]), programme=programme, serial_number="AP-X")
    Certificate.objects.filter(pk=valid.pk).update(revocation_reason='=HYPERLINK("x")')
    client.force_login(supervisor)
    url = reverse("certification:list")
    page = client.get(url, {"status": "expired"}).content.decode()
    assert expired.serial_number in page and valid.serial_number not in page
    csv_text = client.get(url, {"format": "csv"}).content.decode()
    assert valid.serial_number in csv_text and expired.serial_number in csv_text and "AP-X" not in csv_text
    assert "'=HYPERLINK" in csv_text
    response = client.get(url, {"format": "xlsx", "status": "valid"})
    sheet = load_workbook(io.BytesIO(response.content)).worksheets[0]
    serials = [row[0] for row in sheet.iter_rows(min_row=3, values_only=True)]
    assert serials == [valid.serial_number]


def test_the_supervisor_trainee_page_query_count_does_not_grow(
    client, trainee, cohort, post_test, kube, programme, supervisor, regions
):
    client.force_login(supervisor)
    url = reverse("certification:trainee", kwargs={"trainee_id": trainee.pk})
    complete_course(trainee, cohort, quiz=post_test)
    client.get(url)  # warm the site-root cache
    with CaptureQueriesContext(connection) as small:
        assert client.get(url).status_code == 200
    for n in range(3):
        extra = build_course(code=f"TMB-{n}", modules=1, lessons_per_module=1)
        from assessments.constants import QuizKind
        from assessments.models import Quiz

        quiz = Quiz.objects.create(course=extra, kind=QuizKind.POST_TEST, title=f"Post {n}", is_live=True)
        extra_cohort = CohortFactory(course=extra, region=regions["35"])
        programme.required_courses.add(extra)
        complete_course(trainee, extra_cohort, quiz=quiz)
        grade(trainee, quiz, extra_cohort, percent=Decimal(40))
    finish_apprenticeship(trainee, kube, cohort)
    CertificateFactory(trainee=trainee, programme=programme, revoked_at=None)
    client.get(url)
    with CaptureQueriesContext(connection) as large:
        assert client.get(url).status_code == 200
    assert len(large) == len(small), [q["sql"] for q in large.captured_queries]


def test_a_fresh_holder_is_told_she_is_certified_with_her_code_and_verification_link(client, trainee, programme):
    import datetime

    from django.template.loader import render_to_string
    from django.utils import timezone

    from lms.certification.pdf import grouped_code
    from lms.certification.selectors import trainee_checklists

    programme.refresher_course = programme.required_courses.first()
    programme.save()
    today = timezone.localdate()
    certificate = CertificateFactory(
        trainee=trainee, programme=programme, issued_on=today, expires_on=today + datetime.timedelta(days=3 * 365)
    )
    client.force_login(trainee)
    page = client.get(reverse("certification:mine")).content.decode()
    assert "Certified — valid until" in page and "Renewal opens on" in page
    assert "Not yet" not in page and "Met<" not in page and "Not certified yet" not in page
    assert grouped_code(certificate.verification_code) in page
    assert reverse("certification:verify", kwargs={"code": certificate.verification_code}) in page
    card = render_to_string("certification/trainee_card.html", {"checklists": trainee_checklists(trainee=trainee)})
    assert "Certified — valid until" in card
    assert "Next step" not in card


def test_a_trainee_without_a_certificate_does_not_see_a_met_not_certified_line(client, trainee, programme):
    client.force_login(trainee)
    page = client.get(reverse("certification:mine")).content.decode()
    assert "Not certified yet under this programme" not in page
