"""Writes for the curriculum: enrolments, study progress and reflection answers.

Every function validates, then writes atomically. Enrolments write an entry in Wagtail's
audit log (visible in the admin's site history) in the same transaction.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Case, F, Value, When
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import log

from lms.notifications import notify
from lms.people.constants import Role
from lms.people.models import CandidateApplication, User
from lms.people.recruitment_services import application_accept_account, notify_acceptance
from lms.sanitize import plain_text_to_html

from .completion import CourseStanding, completion_conditions, missing_prerequisites
from .constants import SEAT_HOLDING_STATUSES, EnrollmentSource, EnrollmentStatus
from .models import Cohort, Enrollment, LessonPage, LessonProgress, ReflectionAnswer
from .rules import staff_may_enrol
from .selectors import cohorts_for_user
from .signals import enrollment_completed

NOT_A_TRAINEE = _("Only trainee mentors can be enrolled.")
ALREADY_ENROLLED = _("Already enrolled in this cohort.")
ENROLLED_ELSEWHERE = _("Already enrolled in another cohort of this course.")
COHORT_FULL = _("The cohort is full.")
ENROLMENT_CLOSED = _("This cohort is not open for enrolment.")
COHORT_ENDED = _("This cohort has already ended.")
OUTSIDE_REGION = _("This cohort is for trainees of %(region)s.")
NO_HOME_REGION = _("Set your region in your profile first.")
PREREQUISITES_MISSING = _("Complete these courses first: %(courses)s.")
REFLECTION_EMPTY = _("Write your answer first.")
REFLECTION_TOO_LONG = _("Keep your answer under %(max)s characters.")
REFLECTION_UNKNOWN = _("This lesson has no such reflection prompt.")
NOT_IN_REACH = _("%(email)s is not a trainee mentor you may enrol.")
COHORT_NOT_OFFERED = _("Choose a cohort you follow that is open for enrolment and has not ended.")
COMPLETED_NOT_WITHDRAWN = _(
    "This trainee has completed the course, so they cannot be withdrawn: the completion is part of their "
    "certification record."
)

REFLECTION_MAX_CHARS = 5000

# Enrolments where a member of staff chose the trainee: they reach only the trainees courses.rules gives them.
STAFF_CHOSEN_SOURCES = (EnrollmentSource.BULK, EnrollmentSource.STUDY)


def enrollment_problems(*, trainee: User, cohort: Cohort, self_enrolment: bool, by: User | None = None) -> list[str]:
    """Why the trainee cannot take a seat in the cohort (capacity aside); empty when they can.

    Staff (`by`, enrolling someone else) reach only the trainees `courses.rules` gives them.
    """
    if by is not None and by != trainee and not staff_may_enrol(by=by, trainee=trainee, cohort=cohort):
        return [NOT_IN_REACH % {"email": trainee.email}]
    if not trainee.has_role(Role.TRAINEE):
        return [str(NOT_A_TRAINEE)]
    problems = []
    held = Enrollment.objects.filter(
        trainee=trainee, cohort__course_id=cohort.course_id, status__in=SEAT_HOLDING_STATUSES
    )
    held_cohort_ids = set(held.values_list("cohort_id", flat=True))
    if cohort.pk in held_cohort_ids:
        problems.append(str(ALREADY_ENROLLED))
    elif held_cohort_ids:
        problems.append(str(ENROLLED_ELSEWHERE))
    missing = missing_prerequisites(trainee=trainee, course=cohort.course)
    if missing:
        problems.append(PREREQUISITES_MISSING % {"courses": ", ".join(course.title for course in missing)})
    if self_enrolment:
        if not cohort.enrollment_open:
            problems.append(str(ENROLMENT_CLOSED))
        if cohort.ends_on < timezone.localdate():
            problems.append(str(COHORT_ENDED))
        if trainee.home_region is None:
            problems.append(str(NO_HOME_REGION))
        elif not trainee.home_region.path.startswith(cohort.region.path):
            problems.append(OUTSIDE_REGION % {"region": cohort.region.name})
    return problems


def enrollment_create(*, trainee: User, cohort: Cohort, by: User | None, source: str) -> Enrollment:
    """Give the trainee a seat in the cohort, if one is free.

    The cohort row is locked for the count and the insert, so two trainees racing for the last
    seat cannot both get it (PostgreSQL row lock; SQLite runs write transactions one at a time).
    A trainee who withdrew earlier takes their old row back.
    """
    with transaction.atomic():
        cohort = Cohort.objects.select_for_update().select_related("course", "region").get(pk=cohort.pk)
        problems = enrollment_problems(
            trainee=trainee,
            cohort=cohort,
            self_enrolment=source == EnrollmentSource.SELF,
            by=by if source in STAFF_CHOSEN_SOURCES else None,
        )
        if problems:
            raise ValidationError(problems)
        if cohort.enrollments.filter(status__in=SEAT_HOLDING_STATUSES).count() >= cohort.capacity:
            raise ValidationError(COHORT_FULL)
        enrollment, _created = Enrollment.objects.update_or_create(
            cohort=cohort,
            trainee=trainee,
            defaults={
                "status": EnrollmentStatus.ENROLLED,
                "source": source,
                "enrolled_by": by,
                "enrolled_at": timezone.now(),
                "completed_at": None,
            },
        )
        log(instance=enrollment, action="courses.enrollment.create", user=by, data={"source": source})
        if source != EnrollmentSource.RECRUITMENT:  # the acceptance e-mail names the cohort already
            _notify_enrolment(trainee=trainee, cohort=cohort)
    return enrollment


def _notify_enrolment(*, trainee: User, cohort: Cohort) -> None:
    notify(to=trainee.email, name="enrolment_created", context={"trainee": trainee, "cohort": cohort})


def candidate_accept(*, application: CandidateApplication, cohort: Cohort, by: User, reason: str) -> Enrollment:
    """Accept a screened candidate: a trainee account, a seat in `cohort`, and an e-mail with both.

    One transaction: if the seat cannot be had (full, already enrolled …) no account is made
    and the application stays open. The cohort must be one the supervisor follows, open for
    enrolment and not ended. The e-mail carries a link to set a password (new accounts).
    """
    today = timezone.localdate()
    if not cohorts_for_user(user=by).filter(pk=cohort.pk, enrollment_open=True, ends_on__gte=today).exists():
        raise ValidationError({"cohort": COHORT_NOT_OFFERED})
    with transaction.atomic():
        account, created = application_accept_account(application=application, by=by, reason=reason)
        enrollment = enrollment_create(trainee=account, cohort=cohort, by=by, source=EnrollmentSource.RECRUITMENT)
        notify_acceptance(application=application, account=account, created=created, cohort=enrollment.cohort)
    return enrollment


def enrollments_create_many(*, trainees: list[User], cohort: Cohort, by: User, source: str) -> list[Enrollment]:
    """Enrol several checked trainees at once: all of them or, if the seats ran out meanwhile, none."""
    with transaction.atomic():
        cohort = Cohort.objects.select_for_update().get(pk=cohort.pk)
        seats_taken = cohort.enrollments.filter(status__in=SEAT_HOLDING_STATUSES).count()
        if seats_taken + len(trainees) > cohort.capacity:
            raise ValidationError(COHORT_FULL)
        now = timezone.now()
        returning = cohort.enrollments.filter(trainee__in=trainees, status=EnrollmentStatus.WITHDRAWN)
        returning_ids = set(returning.values_list("trainee_id", flat=True))
        returning.update(
            status=EnrollmentStatus.ENROLLED, source=source, enrolled_by=by, enrolled_at=now, completed_at=None
        )
        Enrollment.objects.bulk_create(
            [
                Enrollment(cohort=cohort, trainee=trainee, source=source, enrolled_by=by, enrolled_at=now)
                for trainee in trainees
                if trainee.pk not in returning_ids
            ]
        )
        enrollments = list(cohort.enrollments.filter(enrolled_at=now, trainee__in=trainees))
        for enrollment in enrollments:
            log(instance=enrollment, action="courses.enrollment.create", user=by, data={"source": source})
        for trainee in trainees:
            _notify_enrolment(trainee=trainee, cohort=cohort)
    return enrollments


def lesson_record_visit(*, trainee: User, lesson: LessonPage, enrollment: Enrollment) -> LessonProgress:
    """Remember that the trainee opened the lesson, for "Continue studying" and the inactivity flag."""
    now = timezone.now()
    with transaction.atomic():
        progress, created = LessonProgress.objects.get_or_create(
            trainee=trainee, lesson=lesson, defaults={"first_opened_at": now, "last_opened_at": now}
        )
        if not created:
            LessonProgress.objects.filter(pk=progress.pk).update(last_opened_at=now)
            progress.last_opened_at = now
        Enrollment.objects.filter(pk=enrollment.pk).update(
            last_activity_at=now,
            status=Case(
                When(status=EnrollmentStatus.ENROLLED, then=Value(EnrollmentStatus.ACTIVE)), default=F("status")
            ),
        )
    return progress


def lesson_mark_complete(*, trainee: User, lesson: LessonPage, enrollment: Enrollment, lesson_ids: list[int]) -> bool:
    """Mark the lesson complete, then check the course's completion rule. True if the course is now complete."""
    now = timezone.now()
    with transaction.atomic():
        progress, _created = LessonProgress.objects.get_or_create(
            trainee=trainee, lesson=lesson, defaults={"first_opened_at": now, "last_opened_at": now}
        )
        if progress.completed_at is None:
            LessonProgress.objects.filter(pk=progress.pk).update(completed_at=now)
        Enrollment.objects.filter(pk=enrollment.pk).update(last_activity_at=now)
        return enrollment_refresh_completion(enrollment=enrollment, lesson_ids=lesson_ids)


def enrollment_refresh_completion(*, enrollment: Enrollment, lesson_ids: list[int]) -> bool:
    """Complete the enrolment when every requirement of `courses.completion` holds.

    Called whenever something a requirement depends on changes (a lesson completed here; a
    post-test graded in the assessments app). A completed enrolment stays completed. On the way
    it stamps `lessons_completed_at` the first time every lesson is done.
    """
    if enrollment.status == EnrollmentStatus.COMPLETED:
        return True
    completed = set(
        LessonProgress.objects.filter(
            trainee_id=enrollment.trainee_id, lesson_id__in=lesson_ids, completed_at__isnull=False
        ).values_list("lesson_id", flat=True)
    )
    if lesson_ids and completed >= set(lesson_ids) and enrollment.lessons_completed_at is None:
        _note_lessons_completed(enrollment)
    standing = CourseStanding(
        trainee=enrollment.trainee,
        course=enrollment.cohort.course,
        lesson_ids=lesson_ids,
        completed_lesson_ids=completed,
    )
    if not all(condition.met for condition in completion_conditions(standing)):
        return False
    now = timezone.now()
    Enrollment.objects.filter(pk=enrollment.pk).update(status=EnrollmentStatus.COMPLETED, completed_at=now)
    enrollment.status, enrollment.completed_at = EnrollmentStatus.COMPLETED, now
    log(instance=enrollment, action="courses.enrollment.complete", user=enrollment.trainee)
    enrollment_completed.send(sender=Enrollment, enrollment=enrollment)
    return True


def _note_lessons_completed(enrollment: Enrollment) -> None:
    """Stamp the moment every live lesson of the course was done (the funnel reads the column).

    Set once and never cleared: a lesson added to the course later does not take the stage away.
    """
    now = timezone.now()
    Enrollment.objects.filter(pk=enrollment.pk, lessons_completed_at__isnull=True).update(lessons_completed_at=now)
    enrollment.lessons_completed_at = now


def reflection_save(*, trainee: User, lesson: LessonPage, block_id: str, text: str) -> ReflectionAnswer:
    """Keep the trainee's answer to a reflection prompt, sanitised, visible only to them."""
    if block_id not in lesson.reflection_block_ids():
        raise ValidationError(REFLECTION_UNKNOWN)
    if not text.strip():
        raise ValidationError(REFLECTION_EMPTY)
    if len(text) > REFLECTION_MAX_CHARS:
        raise ValidationError(REFLECTION_TOO_LONG % {"max": REFLECTION_MAX_CHARS})
    answer, _created = ReflectionAnswer.objects.update_or_create(
        trainee=trainee, lesson=lesson, block_id=block_id, defaults={"answer_html": plain_text_to_html(text)}
    )
    return answer


def enrollment_withdraw(*, enrollment: Enrollment, by: User) -> Enrollment:
    """Take a trainee out of a cohort: the seat is freed and the lessons close to them.

    Their progress is kept, so enrolling them again (in this or another cohort) picks up where
    they were. A completed enrolment is refused (ValidationError, COMPLETED_NOT_WITHDRAWN):
    certification rests on the completion, and withdrawing would erase it. The status is checked
    in the same statement that changes it, so a completion landing a moment earlier is not undone.
    """
    with transaction.atomic():
        withdrawn = (
            Enrollment.objects.filter(pk=enrollment.pk)
            .exclude(status=EnrollmentStatus.COMPLETED)
            .update(status=EnrollmentStatus.WITHDRAWN)
        )
        if not withdrawn:
            raise ValidationError(COMPLETED_NOT_WITHDRAWN)
        enrollment.status = EnrollmentStatus.WITHDRAWN
        log(instance=enrollment, action="courses.enrollment.withdraw", user=by)
    return enrollment
