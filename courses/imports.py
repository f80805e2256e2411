"""Bulk enrolment from a CSV or XLSX file: every row is checked first, and nobody is enrolled
unless every row is valid. The report lists each problem with its line number in the file.
"""

from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db.models.functions import Lower
from django.utils.translation import gettext as _

from lms.people.models import User
from lms.tabular import TableError, read_table

from .constants import ENROLLMENT_FILE_MAX_ROWS, SEAT_HOLDING_STATUSES, EnrollmentSource, EnrollmentStatus
from .models import Cohort, CoursePage, Enrollment
from .rules import staff_may_enrol_q
from .services import COHORT_FULL, NOT_IN_REACH, enrollments_create_many

EMAIL_COLUMNS = ("email", "e-mail", "surel")


@dataclass
class EnrollmentImportReport:
    enrolled: list[User] = field(default_factory=list)
    errors: list[tuple[int | None, str]] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors


def enrollments_import(*, cohort: Cohort, data: bytes, filename: str, by: User) -> EnrollmentImportReport:
    report = EnrollmentImportReport()
    try:
        table = read_table(data=data, filename=filename, max_rows=ENROLLMENT_FILE_MAX_ROWS)
    except TableError as error:
        report.errors.append((None, str(error)))
        return report
    email_column = next((name for name in EMAIL_COLUMNS if name in table.header), None)
    if email_column is None:
        report.errors.append((1, _("The first row must name the columns, with one called “email”.")))
        return report
    if not table.rows:
        report.errors.append((None, _("The file has no trainees below the header.")))
        return report

    trainees = _check_rows(cohort, table.rows, email_column, report, by)
    free = cohort.capacity - cohort.enrollments.filter(status__in=SEAT_HOLDING_STATUSES).count()
    if len(trainees) > free:
        for line_number, _trainee in trainees[max(free, 0) :]:
            report.errors.append(
                (line_number, _("%(full)s Only %(free)s seats are free.") % {"full": COHORT_FULL, "free": max(free, 0)})
            )
    if report.errors:
        report.errors.sort(key=lambda error: error[0] or 0)
        return report
    people = [trainee for _line, trainee in trainees]
    try:
        enrollments_create_many(trainees=people, cohort=cohort, by=by, source=EnrollmentSource.BULK)
    except ValidationError as error:
        report.errors.extend((None, message) for message in error.messages)
        return report
    report.enrolled = people
    return report


def _check_rows(cohort, rows, email_column, report, by) -> list[tuple[int, User]]:
    """Rows whose trainee can be enrolled; every other row adds its problem to the report.

    Only trainee mentors whom `by` may enrol are looked up (courses.rules); an address of anyone
    else (no account, a staff account, a trainee outside a supervisor's region) gets the same
    words, so the report tells nothing about accounts the user may not see. A fixed number of
    queries for any number of rows.
    """
    emails = {row[email_column].lower() for _line, row in rows}
    people = {
        person.email_lower: person
        for person in User.objects.annotate(email_lower=Lower("email"))
        .filter(staff_may_enrol_q(by=by, cohort=cohort), email_lower__in=emails)
        .distinct()
    }
    person_ids = [person.pk for person in people.values()]
    in_course = dict(
        Enrollment.objects.filter(
            trainee_id__in=person_ids, cohort__course_id=cohort.course_id, status__in=SEAT_HOLDING_STATUSES
        ).values_list("trainee_id", "cohort_id")
    )
    required = list(CoursePage.objects.filter(required_by=cohort.course_id).values_list("pk", "title"))
    completed = set(
        Enrollment.objects.filter(
            trainee_id__in=person_ids,
            status=EnrollmentStatus.COMPLETED,
            cohort__course_id__in=[pk for pk, _t in required],
        ).values_list("trainee_id", "cohort__course_id")
    )
    accepted, seen = [], {}
    for line_number, row in rows:
        email = row[email_column].lower()
        problem = _row_problem(email, people, in_course, required, completed, cohort, seen)
        if problem:
            report.errors.append((line_number, problem))
        else:
            accepted.append((line_number, people[email]))
        seen.setdefault(email, line_number)
    return accepted


def _row_problem(email, people, in_course, required, completed, cohort, seen) -> str | None:
    if not email:
        return _("The e-mail address is empty.")
    try:
        validate_email(email)
    except ValidationError:
        return _("“%(email)s” is not an e-mail address.") % {"email": email}
    if email in seen:
        return _("%(email)s already appears on line %(line)s.") % {"email": email, "line": seen[email]}
    person = people.get(email)
    if person is None:
        return NOT_IN_REACH % {"email": email}
    if person.pk in in_course:
        if in_course[person.pk] == cohort.pk:
            return _("%(email)s is already enrolled in this cohort.") % {"email": email}
        return _("%(email)s is already enrolled in another cohort of this course.") % {"email": email}
    missing = [title for pk, title in required if (person.pk, pk) not in completed]
    if missing:
        return _("%(email)s has not completed: %(courses)s.") % {"email": email, "courses": ", ".join(missing)}
    return None
