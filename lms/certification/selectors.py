"""Reads for certification: the facts behind eligibility, in a fixed number of queries, and scoped lookups.

`programme_standings_bulk` reads everything the rules need for many trainees at once (eight
queries whatever the number of trainees, programmes, courses or attempts) and passes plain
values to `eligibility.evaluate`. Supervisors reach trainees and certificates only through the
region-scoped lookups below, which answer 404 for anything outside their region.
"""

import datetime
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Exists, OuterRef, Prefetch, Q, QuerySet, Subquery
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone

from apprenticeship.constants import PlacementStatus
from apprenticeship.models import Placement
from assessments.constants import AttemptState, QuizKind
from assessments.models import Attempt, Quiz
from assessments.selectors import counted_attempt
from assessments.studies import forms_for_many, tests_of_kind
from courses.constants import EnrollmentStatus
from courses.models import CoursePage, Enrollment
from lms.people.constants import Role
from lms.people.models import User
from lms.people.scoping import within_user_region

from .constants import CertificateStatus
from .eligibility import (
    CourseFacts,
    Eligibility,
    Facts,
    HeldCertificate,
    PlacementFacts,
    Rules,
    evaluate,
    last_expiry_open_for_renewal,
    renewal_opens_on,
)
from .models import Certificate, CertificationProgramme
from .pdf import certificate_verification_url, grouped_code
from .permissions import may_supervise
from .validity import expired_on_q, valid_on_q


@dataclass
class ProgrammeStanding:
    """One programme as it stands for one trainee: the checklist and the latest certificate."""

    programme: CertificationProgramme
    eligibility: Eligibility
    certificate: Certificate | None

    @property
    def conditions(self):
        return self.eligibility.conditions

    @property
    def displayed(self):
        """The conditions shown to the trainee (see `Eligibility.displayed`)."""
        return self.eligibility.displayed

    @property
    def eligible(self) -> bool:
        return self.eligibility.eligible


def programmes_with_courses(queryset=None) -> QuerySet[CertificationProgramme]:
    queryset = CertificationProgramme.objects.all() if queryset is None else queryset
    return queryset.select_related("refresher_course").prefetch_related(
        Prefetch("required_courses", queryset=CoursePage.objects.order_by("path"))
    )


def active_programmes() -> QuerySet[CertificationProgramme]:
    return programmes_with_courses(CertificationProgramme.objects.filter(active=True))


def rules_of(programme: CertificationProgramme) -> Rules:
    refresher = programme.refresher_course if programme.renewable else None
    return Rules(
        pass_mark=programme.post_test_pass_mark,
        apprenticeship_required=programme.apprenticeship_required,
        apprenticeship_hours=programme.apprenticeship_hours,
        evaluation_threshold=programme.evaluation_threshold,
        window_months=programme.recertification_window_months,
        refresher_title=refresher.title if refresher else "",
        refresher_url=(refresher.get_url() or "") if refresher else "",
    )


def programme_standings_bulk(
    *, trainee_ids: list[int], programmes: list[CertificationProgramme] | None = None, today=None
) -> dict[int, list[ProgrammeStanding]]:
    """Every programme's standing for each trainee, keyed by trainee id, in eight queries.

    A study participant's post-test is their own form of it (`assessments.studies.forms_for`): form A
    for one who took form B first, whose form B attempt was their pre-test and never counts here.
    """
    today = today or timezone.localdate()
    programmes = list(active_programmes()) if programmes is None else programmes
    trainee_ids = list(trainee_ids)
    if not trainee_ids or not programmes:
        return {pk: [] for pk in trainee_ids}
    course_ids = {course.pk for p in programmes for course in p.required_courses.all()}
    refresher_ids = {p.refresher_course_id for p in programmes if p.refresher_course_id}

    # (trainee, course) -> completed?, and (trainee, course) -> latest completion day
    completed: set[tuple[int, int]] = set()
    completed_on: dict[tuple[int, int], datetime.date] = {}
    rows = Enrollment.objects.filter(
        trainee_id__in=trainee_ids, cohort__course_id__in=course_ids | refresher_ids, status=EnrollmentStatus.COMPLETED
    ).values_list("trainee_id", "cohort__course_id", "completed_at")
    for trainee_id, course_id, completed_at in rows:
        completed.add((trainee_id, course_id))
        if completed_at is not None:
            day = timezone.localdate(completed_at)
            completed_on[(trainee_id, course_id)] = max(day, completed_on.get((trainee_id, course_id), day))

    # The post-tests, and the study pre-tests (form A) that are a post-test for trainees who took form B first
    quizzes = list(
        Quiz.objects.filter(
            Q(kind=QuizKind.POST_TEST) | Q(kind=QuizKind.PRE_TEST, studies_as_pre_test__parallel_forms=True),
            course_id__in=course_ids,
            is_live=True,
        )
        .only("pk", "course_id", "grading_method", "kind")
        .distinct()
        .order_by("pk")
    )
    forms = forms_for_many(trainee_ids=trainee_ids, course_ids=course_ids)
    attempts: dict[tuple[int, int], list[Attempt]] = {}
    for attempt in Attempt.objects.filter(quiz__in=quizzes, trainee_id__in=trainee_ids, state=AttemptState.GRADED).only(
        "pk", "quiz_id", "trainee_id", "number", "state", "score", "percent"
    ):
        attempts.setdefault((attempt.trainee_id, attempt.quiz_id), []).append(attempt)
    quizzes_of: dict[int, list[Quiz]] = {}
    for quiz in quizzes:
        quizzes_of.setdefault(quiz.course_id, []).append(quiz)

    placements: dict[int, list[PlacementFacts]] = {}
    for placement in (
        Placement.objects.filter(trainee_id__in=trainee_ids)
        .select_related("kube", "evaluation")
        .order_by("-completed_at", "-starts_on", "-pk")
    ):
        evaluation = getattr(placement, "evaluation", None)
        signed = evaluation is not None and evaluation.signed_off_at is not None
        placements.setdefault(placement.trainee_id, []).append(
            PlacementFacts(
                kube=placement.kube.name,
                status=placement.status,
                countersigned_hours=placement.countersigned_hours,
                evaluation_average=evaluation.average_score if signed else None,
                required_hours=Decimal(placement.required_hours or 0),
                url=reverse("apprenticeship:placement", kwargs={"placement_id": placement.pk}),
            )
        )

    latest: dict[tuple[int, int], Certificate] = {}
    for certificate in Certificate.objects.filter(trainee_id__in=trainee_ids, programme__in=programmes).order_by(
        "issued_on", "pk"
    ):
        latest[(certificate.trainee_id, certificate.programme_id)] = certificate

    course_urls = {course.pk: course.get_url() or "" for p in programmes for course in p.required_courses.all()}
    rules = {p.pk: rules_of(p) for p in programmes}
    apprenticeship_url = reverse("apprenticeship:mine")
    result: dict[int, list[ProgrammeStanding]] = {}
    for trainee_id in trainee_ids:
        standings = []
        for programme in programmes:
            courses = tuple(
                CourseFacts(
                    course_id=course.pk,
                    title=course.title,
                    url=course_urls[course.pk],
                    completed=(trainee_id, course.pk) in completed,
                    post_test_percents=tuple(
                        _percent(counted_attempt(quiz, attempts.get((trainee_id, quiz.pk), [])))
                        for quiz in tests_of_kind(
                            quizzes_of.get(course.pk, []), QuizKind.POST_TEST, forms.get((trainee_id, course.pk))
                        )
                    ),
                )
                for course in programme.required_courses.all()
            )
            certificate = latest.get((trainee_id, programme.pk))
            facts = Facts(
                courses=courses,
                placements=tuple(placements.get(trainee_id, [])),
                latest=_held(certificate),
                refresher_completed_on=completed_on.get((trainee_id, programme.refresher_course_id)),
                apprenticeship_url=apprenticeship_url,
            )
            standings.append(ProgrammeStanding(programme, evaluate(facts, rules[programme.pk], today), certificate))
        result[trainee_id] = standings
    return result


def certificate_candidate_ids(*, programmes: list[CertificationProgramme], today=None) -> list[int]:
    """The trainees who may be due a certificate of one of `programmes` today, in ascending id, in two queries.

    A prefilter for the nightly issue, not the rule (`programme_standings_bulk` decides): every
    trainee it drops is one the rules cannot find eligible today, so a past completer is not read
    again every night for ever. Per programme, a trainee stays a candidate only
    - without a certificate of it, having done everything it cannot do without: each required
      course completed and, where the programme asks for one, a placement completed;
    - or with a latest certificate that is not revoked (a revocation blocks the programme for
      good), of a renewable programme (otherwise a holder can never be issued another), whose
      renewal window is open today and who completed the refresher course since it opened.
    """
    today = today or timezone.localdate()
    return sorted(set(_first_certificate_candidates(programmes)) | set(_renewal_candidates(programmes, today)))


def _first_certificate_candidates(programmes: list[CertificationProgramme]) -> list[int]:
    if not programmes:
        return []

    def completed(course_id: int) -> Exists:
        return Exists(
            Enrollment.objects.filter(
                trainee_id=OuterRef("pk"), cohort__course_id=course_id, status=EnrollmentStatus.COMPLETED
            )
        )

    placement_completed = Exists(Placement.objects.filter(trainee_id=OuterRef("pk"), status=PlacementStatus.COMPLETED))
    any_course_ids = {course.pk for programme in programmes for course in programme.required_courses.all()}
    # Something done at all, as a programme without conditions would otherwise take in every account.
    started = placement_completed | Exists(
        Enrollment.objects.filter(
            trainee_id=OuterRef("pk"), cohort__course_id__in=any_course_ids, status=EnrollmentStatus.COMPLETED
        )
    )
    open_programmes = Q()
    for programme in programmes:
        unheld = ~Exists(Certificate.objects.filter(trainee_id=OuterRef("pk"), programme=programme))
        for course in programme.required_courses.all():
            unheld &= completed(course.pk)
        if programme.apprenticeship_required:
            unheld &= placement_completed
        open_programmes |= unheld
    return list(User.objects.filter(started).filter(open_programmes).values_list("pk", flat=True))


def _renewal_candidates(programmes: list[CertificationProgramme], today: datetime.date) -> list[int]:
    renewable = [p for p in programmes if p.renewable and p.refresher_course_id]
    if not renewable:
        return []
    window_open = Q()
    for programme in renewable:
        last_expiry = last_expiry_open_for_renewal(today, programme.recertification_window_months)
        window_open |= Q(programme=programme, expires_on__lte=last_expiry)
    refresher_done = (
        Enrollment.objects.filter(
            trainee_id=OuterRef("trainee_id"),
            cohort__course_id=OuterRef("programme__refresher_course_id"),
            status=EnrollmentStatus.COMPLETED,
            completed_at__isnull=False,
        )
        .order_by("-completed_at")
        .values("completed_at")[:1]
    )
    # The latest certificate is the one no other renews; a revoked one blocks the programme.
    rows = (
        Certificate.objects.filter(window_open, renewal__isnull=True, revoked_at__isnull=True)
        .annotate(refresher_done=Subquery(refresher_done))
        .filter(refresher_done__isnull=False)
        .values_list("trainee_id", "programme_id", "expires_on", "refresher_done")
    )
    windows = {programme.pk: programme.recertification_window_months for programme in renewable}
    return [
        trainee_id
        for trainee_id, programme_id, expires_on, done in rows
        if timezone.localdate(done) >= renewal_opens_on(expires_on, windows[programme_id])
    ]


def programme_standings(*, trainee: User, programmes=None, today=None) -> list[ProgrammeStanding]:
    return programme_standings_bulk(trainee_ids=[trainee.pk], programmes=programmes, today=today)[trainee.pk]


def programme_standing(*, trainee: User, programme: CertificationProgramme, today=None) -> ProgrammeStanding:
    programme = programmes_with_courses().get(pk=programme.pk)
    return programme_standings(trainee=trainee, programmes=[programme], today=today)[0]


def trainee_checklists(*, trainee: User, today=None) -> list[tuple]:
    """For the trainee's home page: (programme, displayed conditions, latest certificate or None) per programme."""
    return [(s.programme, s.displayed, s.certificate) for s in programme_standings(trainee=trainee, today=today)]


def _percent(attempt: Attempt | None):
    return None if attempt is None else attempt.percent


def _held(certificate: Certificate | None) -> HeldCertificate | None:
    if certificate is None:
        return None
    return HeldCertificate(
        certificate_id=certificate.pk,
        serial_number=certificate.serial_number,
        issued_on=certificate.issued_on,
        expires_on=certificate.expires_on,
        revoked=certificate.revoked_at is not None,
    )


# Certificates and trainees as the user may see them


def trainee_certificates(*, trainee: User) -> list[Certificate]:
    """The trainee's certificates, each with `grouped_code` (the verification code in fours, as the PDF prints
    it) and `verification_url` (its public page), so the holder can tell an employer how to check it."""
    certificates = list(Certificate.objects.filter(trainee=trainee).select_related("programme"))
    for certificate in certificates:
        certificate.grouped_code = grouped_code(certificate.verification_code)
        certificate.verification_url = certificate_verification_url(certificate)
    return certificates


def trainee_get_for_supervisor(*, user: User, trainee_id: int) -> User:
    """A trainee of the supervisor's region; 404 for anyone else (or for a user who supervises nothing)."""
    if not may_supervise(user):
        raise Http404
    trainees = User.objects.filter(groups__name=Role.TRAINEE).select_related("home_region")
    return get_object_or_404(within_user_region(trainees, user=user), pk=trainee_id)


def region_certificates(*, user: User, status: str = "", today=None) -> QuerySet[Certificate]:
    """Certificates whose holders live in the supervisor's region, newest first, filtered by status."""
    if not may_supervise(user):
        return Certificate.objects.none()
    today = today or timezone.localdate()
    certificates = within_user_region(
        Certificate.objects.select_related("programme", "trainee__home_region"),
        user=user,
        region_field="trainee__home_region",
    )
    if status == CertificateStatus.REVOKED:
        certificates = certificates.filter(revoked_at__isnull=False)
    elif status == CertificateStatus.VALID:
        certificates = certificates.filter(valid_on_q(today))
    elif status == CertificateStatus.EXPIRED:
        certificates = certificates.filter(expired_on_q(today))
    return certificates.order_by("-issued_on", "-pk")


def certificate_get_for_supervisor(*, user: User, certificate_id: int) -> Certificate:
    return get_object_or_404(region_certificates(user=user), pk=certificate_id)


def programme_get(*, programme_id: int) -> CertificationProgramme:
    return get_object_or_404(CertificationProgramme.objects.filter(active=True), pk=programme_id)
