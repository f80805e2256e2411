"""From candidate to certified mentor, on a phone, in Indonesian: a candidate applies; a supervisor
screens and accepts her into a cohort; she sets her password from the e-mail and sees her
checklist; once her course and apprenticeship are done (set up by the test) the certificate PDF
downloads, and its QR code leads to the verification page, which says it is valid."""

import re
from decimal import Decimal

import pytest
from django.core import mail
from django.utils import timezone
from playwright.sync_api import expect

from apprenticeship.constants import PlacementStatus
from assessments.constants import QuizKind
from assessments.models import Quiz
from courses.constants import EnrollmentSource, EnrollmentStatus
from courses.models import Enrollment
from lms.certification.models import Certificate
from lms.certification.services import certificates_issue_due
from lms.people.constants import RUBRIC_KEYS, ApplicationStatus
from lms.people.models import CandidateApplication

from ..apprenticeship.factories import HostMentorFactory, KubeGroupFactory
from ..certification.conftest import finish_apprenticeship, grade
from ..certification.factories import CertificationProgrammeFactory
from ..certification.qr import decode_qr_from_pdf
from ..courses.factories import CohortFactory, build_course
from ..people.factories import SupervisorFactory, give_totp
from .conftest import save_screenshot, serious_accessibility_violations
from .test_trainer_publishes_course import signed_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

CANDIDATE_EMAIL = "lestari.wulandari@contoh.test"
NEW_PASSWORD = "Pendamping-Baru-2026"


def test_a_candidate_applies_is_accepted_and_verifies_her_certificate(live_server, phone_page, regions, settings):
    settings.WAGTAILADMIN_BASE_URL = live_server.url  # links in e-mails and the QR code point at this server
    course = build_course(code="DSR-1", modules=1, lessons_per_module=1, title="Dasar-Dasar Pendampingan")
    post_test = Quiz.objects.create(course=course, kind=QuizKind.POST_TEST, title="Post-test", is_live=True)
    cohort = CohortFactory(course=course, region=regions["35"], name="Angkatan Surabaya 2026", capacity=30)
    programme = CertificationProgrammeFactory(
        name="Sertifikasi Pendamping Sosial KUBE", required_courses=[course], apprenticeship_hours=40
    )
    supervisor = SupervisorFactory(scope_region=regions["35"], full_name="Bambang Hermanto")
    give_totp(supervisor)
    page, base = phone_page, live_server.url

    # The candidate applies.
    page.goto(f"{base}/daftar-pendamping/")
    assert serious_accessibility_violations(page) == []
    page.locator("#id_full_name").fill("Lestari Wulandari")
    page.locator("#id_email").fill(CANDIDATE_EMAIL)
    page.locator("#id_phone").fill("081234567891")
    page.locator("#id_region").select_option(str(regions["35.78"].pk))
    page.locator("#id_education_level").select_option("SLTA")
    page.locator("#id_community_experience").fill("Tiga tahun menjadi pengurus PKK dan membantu KUBE tenun di desa.")
    page.locator("#id_motivation").fill("Saya ingin keluarga miskin di kampung saya punya usaha yang bertahan.")
    page.locator("#id_references").fill("Bapak Slamet, kepala desa, 081298765432")
    save_screenshot(page, "candidate-application")
    page.locator("main form button[type=submit]").click()
    expect(page).to_have_url(re.compile(r"/daftar-pendamping/terima-kasih/$"))
    application = CandidateApplication.objects.get(email=CANDIDATE_EMAIL)
    assert application.status == ApplicationStatus.SUBMITTED

    # The supervisor screens and accepts her into the cohort.
    signed_in(page, base, supervisor)
    page.goto(f"{base}/rekrutmen/")
    assert serious_accessibility_violations(page) == []
    page.get_by_role("link", name="Lestari Wulandari").first.click()
    for key in RUBRIC_KEYS:
        page.locator(f"#id_{key}").select_option("4")
    page.get_by_role("button", name="Simpan penilaian").click()
    page.locator("input[name=decision][value=accepted]").check()
    page.locator("#id_cohort").select_option(str(cohort.pk))
    page.locator("#id_reason").fill("Pengalaman di PKK dan motivasinya kuat.")
    assert serious_accessibility_violations(page) == []
    save_screenshot(page, "supervisor-accepts-candidate")
    page.get_by_role("button", name="Simpan keputusan").click()
    expect(page.get_by_text("Diterima").first).to_be_visible()
    application.refresh_from_db()
    trainee = application.account
    assert application.status == ApplicationStatus.ACCEPTED and trainee is not None
    enrolment = Enrollment.objects.get(trainee=trainee, cohort=cohort)
    assert enrolment.source == EnrollmentSource.RECRUITMENT

    # She sets her password from the acceptance e-mail, signs in and sees her checklist.
    accepted_mail = next(m for m in mail.outbox if m.to == [CANDIDATE_EMAIL] and "/akun/password/reset/key/" in m.body)
    link = re.search(r"https?://\S+/akun/password/reset/key/\S+", accepted_mail.body).group(0)
    page.context.clear_cookies()
    page.goto(link)
    page.locator("#id_password1").fill(NEW_PASSWORD)
    page.locator("#id_password2").fill(NEW_PASSWORD)
    assert serious_accessibility_violations(page) == []
    page.get_by_role("button", name="Ubah Kata Sandi").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(re.compile("Kata Sandi", re.IGNORECASE))
    page.goto(f"{base}/akun/login/")
    page.get_by_label(re.compile("^Email")).fill(CANDIDATE_EMAIL)
    page.get_by_label(re.compile("^Kata sandi")).fill(NEW_PASSWORD)
    page.get_by_role("main").get_by_role("button", name="Masuk").click()
    expect(page).to_have_url(f"{base}/beranda/")
    expect(page.get_by_role("heading", name="Sertifikasi", exact=True)).to_be_visible()
    page.goto(f"{base}/sertifikasi/")
    expect(page.get_by_role("heading", name="Sertifikasi Pendamping Sosial KUBE")).to_be_visible()
    assert not Certificate.objects.filter(trainee=trainee).exists()
    assert serious_accessibility_violations(page) == []
    save_screenshot(page, "new-trainee-checklist")

    # Later: the course, its post-test and the apprenticeship are done.
    Enrollment.objects.filter(pk=enrolment.pk).update(status=EnrollmentStatus.COMPLETED, completed_at=timezone.now())
    grade(trainee, post_test, cohort, percent=Decimal(85))
    kube = KubeGroupFactory(village=regions["35.78.01.1001"], host_mentor=HostMentorFactory())
    finish_apprenticeship(trainee, kube, cohort, hours=Decimal(40), average=Decimal("4.2"))
    assert trainee.placements.get().status == PlacementStatus.COMPLETED
    certificates_issue_due(trainee=trainee)
    certificate = Certificate.objects.get(trainee=trainee, programme=programme)

    page.goto(f"{base}/sertifikasi/")
    save_screenshot(page, "trainee-certificate")
    with page.expect_download() as download_info:
        page.locator(f"a[href='/sertifikat/{certificate.pk}/unduh/']").first.click()
    pdf_bytes = open(download_info.value.path(), "rb").read()  # noqa: SIM115 - read once
    assert pdf_bytes.startswith(b"%PDF")
    verification_url = f"{base}/verifikasi/{certificate.verification_code}/"
    assert decode_qr_from_pdf(pdf_bytes) == [verification_url]

    page.context.clear_cookies()  # anyone who scans the code
    page.goto(verification_url)
    expect(page.get_by_text("Sertifikat ini berlaku.")).to_be_visible()
    expect(page.get_by_text("Lestari Wulandari")).to_be_visible()
    assert CANDIDATE_EMAIL not in page.content()
    assert serious_accessibility_violations(page) == []
    save_screenshot(page, "certificate-verified")
