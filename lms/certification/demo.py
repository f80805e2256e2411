"""Demo certification: the programme "Sertifikasi Pendamping Sosial KUBE" and certified mentors in every state.

Run through `manage.py seed_demo`, after the courses, assessments and apprenticeship demos. The
programme needs the basic course (PKUBE-101) and the apprenticeship; the refresher is the second
demo course (PKUBE-201). The treated trainees of the 2025 study cohort (assessments demo) completed
the course and passed the post-test; five of them are given a completed, signed-off placement at a
Surabaya KUBE here, then certificates through `services.certificate_issue` on past days: two valid,
one expired, one revoked with a reason, one inside its renewal window without the refresher yet.
Nurhayati (apprenticeship demo) is certified if her record says so. Everyone else stays part-way.
Creates only what is missing, so a second run changes nothing.
"""

import datetime
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from apprenticeship.constants import PlacementStatus, Recommendation
from apprenticeship.models import KubeGroup, Placement, PlacementEvaluation
from courses.constants import EnrollmentStatus
from courses.models import CoursePage, Enrollment
from lms.people.models import User

from .constants import IssueMode
from .eligibility import add_months
from .models import Certificate, CertificationProgramme
from .services import certificate_issue, certificate_revoke, certificates_issue_due

PROGRAMME_CODE = "sertifikasi-pendamping-kube"
HOST_KUBE = "KUBE Rasa Kapasari"
SUPERVISOR = "penyelia.jatim@akademi.test"
# (months ago the certificate was issued, revocation reason or "")
STORIES = [
    (10, ""),
    (8, ""),
    (38, ""),  # expired two months ago
    (9, "Jam magang yang diparaf ternyata dicatat ganda; sertifikat dicabut sampai magang diulang."),
    (32, ""),  # the renewal window opened two months ago
]


@transaction.atomic
def seed() -> list:
    course = CoursePage.objects.filter(code="PKUBE-101").first()
    if course is None:
        return []
    programme = _programme(course)
    today = timezone.localdate()
    supervisor = User.objects.filter(email=SUPERVISOR).first()
    kube = KubeGroup.objects.filter(name=HOST_KUBE).first()
    finished = (
        Enrollment.objects.filter(
            cohort__course=course, status=EnrollmentStatus.COMPLETED, trainee__email__startswith="perlakuan"
        )
        .select_related("trainee", "cohort")
        .order_by("trainee__email")
    )
    for enrollment, (months_ago, reason) in zip(finished, STORIES, strict=False):
        trainee = enrollment.trainee
        if kube is None or Certificate.objects.filter(trainee=trainee, programme=programme).exists():
            continue
        issued_on = add_months(today, -months_ago)
        _completed_placement(trainee, kube, enrollment.cohort, finished_on=issued_on - datetime.timedelta(days=7))
        certificate = certificate_issue(trainee=trainee, programme=programme, today=issued_on)
        if reason and supervisor is not None:
            certificate_revoke(certificate=certificate, by=supervisor, reason=reason)
    nurhayati = User.objects.filter(email="nurhayati@akademi.test").first()
    if nurhayati is not None:
        certificates_issue_due(trainee=nurhayati, today=today)
    return []


def _programme(course: CoursePage) -> CertificationProgramme:
    programme = CertificationProgramme.objects.filter(code=PROGRAMME_CODE).first()
    if programme is not None:
        return programme
    refresher = CoursePage.objects.filter(code="PKUBE-201").first()
    programme = CertificationProgramme(
        name="Sertifikasi Pendamping Sosial KUBE",
        code=PROGRAMME_CODE,
        description=(
            "Sertifikat bagi pendamping yang lulus Dasar-Dasar Pendampingan Sosial KUBE dan menuntaskan magang "
            "di KUBE berprestasi. Berlaku tiga tahun; diperpanjang dengan kursus penyegaran pada enam bulan terakhir."
        ),
        post_test_pass_mark=70,
        apprenticeship_required=True,
        apprenticeship_hours=40,
        evaluation_threshold=Decimal("3.00"),
        validity_months=36,
        recertification_window_months=6,
        renewable=refresher is not None,
        refresher_course=refresher,
        issue_mode=IssueMode.AUTOMATIC,
    )
    programme.full_clean()
    programme.save()
    programme.required_courses.add(course)
    return programme


def _completed_placement(trainee: User, kube: KubeGroup, cohort, *, finished_on: datetime.date) -> None:
    """A three-week placement that ended `finished_on`, 60 hours countersigned, evaluated and signed off."""
    moment = timezone.make_aware(datetime.datetime.combine(finished_on, datetime.time(10)))
    placement = Placement.objects.create(
        trainee=trainee,
        kube=kube,
        host_mentor=kube.host_mentor,
        cohort=cohort,
        starts_on=finished_on - datetime.timedelta(days=21),
        ends_on=finished_on,
        required_hours=40,
        status=PlacementStatus.COMPLETED,
        proposed_by=kube.host_mentor,
        decided_at=moment - datetime.timedelta(days=25),
        completed_at=moment,
    )
    Placement.objects.filter(pk=placement.pk).update(countersigned_hours=Decimal(60), last_entry_on=finished_on)
    PlacementEvaluation.objects.create(
        placement=placement,
        recommendation=Recommendation.YES,
        comment="<p>Memandu pertemuan rutin dan pembukuan kelompok dengan baik.</p>",
        average_score=Decimal("4.00"),
        submitted_by=kube.host_mentor,
        submitted_at=moment - datetime.timedelta(days=1),
        signed_off_by=User.objects.filter(email=SUPERVISOR).first() or kube.host_mentor,
        signed_off_at=moment,
    )
