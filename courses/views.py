"""Views for studying (course, lesson) and for running cohorts (progress grid, bulk enrolment).

Course and lesson pages are Wagtail pages; `wagtail_hooks.serve_study_pages` hands them to
`course_detail` and `lesson_detail` here, so access is decided before any content is rendered.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from lms.exports import csv_response
from lms.people.constants import Role
from lms.sanitize import html_to_plain_text

from .completion import CourseStanding, completion_conditions, gate_conditions
from .constants import SEAT_HOLDING_STATUSES, EnrollmentSource, EnrollmentStatus
from .extensions import cohort_links, course_activities
from .forms import EnrollmentFileForm, ReflectionForm
from .imports import enrollments_import
from .models import Cohort, CoursePage, LessonPage, ModulePage
from .permissions import NotEnrolled, lesson_access_for_user
from .selectors import (
    cohort_get_for_user,
    cohort_progress_grid,
    course_outline,
    enrollment_for_course,
    lessons_search,
    open_cohorts_for,
    progress_by_lesson,
    reflections_for,
    resume_lesson,
)
from .services import (
    COMPLETED_NOT_WITHDRAWN,
    enrollment_create,
    enrollment_withdraw,
    lesson_mark_complete,
    lesson_record_visit,
    reflection_save,
)


def course_detail(request, course: CoursePage):
    """The course overview: open to everyone; with progress and "Continue" for its trainees."""
    outline = course_outline(course)
    context = {
        "page": course,
        "self": course,
        "outline": outline,
        "mentor_roles": list(course.mentor_roles.all()),
        "prerequisites": list(course.prerequisites.all()),
        "open_cohorts": list(open_cohorts_for(course=course)),
    }
    if request.user.is_authenticated:
        home = request.user.home_region
        for cohort in context["open_cohorts"]:
            cohort.open_to_me = home is not None and home.path.startswith(cohort.region.path)
        context["may_enrol"] = request.user.has_role(Role.TRAINEE)
        enrollment = enrollment_for_course(trainee=request.user, course=course)
        if enrollment is not None:
            progress = progress_by_lesson(trainee=request.user, lesson_ids=outline.lesson_ids)
            completed = {pk for pk, row in progress.items() if row.completed_at}
            standing = CourseStanding(
                trainee=request.user, course=course, lesson_ids=outline.lesson_ids, completed_lesson_ids=completed
            )
            context |= {
                "enrollment": enrollment,
                "completed_ids": completed,
                "percent": outline.percent_done(completed),
                "next_lesson": resume_lesson(outline, progress),
                "blocked_by": [condition for condition in gate_conditions(standing) if not condition.met],
                "requirements": completion_conditions(standing),
                "activities": course_activities(course, request.user),
            }
    return TemplateResponse(request, "courses/course_page.html", context)


def module_redirect(request, module: ModulePage):
    return redirect(f"{module.get_parent().get_url(request)}#modul-{module.pk}")


def lesson_detail(request, lesson: LessonPage):
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    try:
        access = lesson_access_for_user(user=request.user, lesson=lesson)
    except NotEnrolled as refusal:
        return _not_enrolled(request, refusal.course)
    if access.enrollment is not None and access.blocked_by:
        context = {"course": access.course, "conditions": access.blocked_by}
        return TemplateResponse(request, "courses/lesson_locked.html", context, status=403)
    if access.studying:
        lesson_record_visit(trainee=request.user, lesson=lesson, enrollment=access.enrollment)
    previous, following = access.outline.neighbours(lesson.pk)
    module = next(module for module, lessons in access.outline.modules if lesson in lessons)
    reflections = reflections_for(trainee=request.user, lesson=lesson) if access.studying else {}
    completed = {pk for pk, row in access.progress.items() if row.completed_at}
    context = {
        "page": lesson,
        "self": lesson,
        "access": access,
        "course": access.course,
        "module": module,
        "previous_lesson": previous,
        "next_lesson": following,
        "position": access.outline.lesson_ids.index(lesson.pk) + 1,
        "lesson_count": len(access.outline.lesson_ids),
        "is_complete": lesson.pk in completed,
        "reflections": {block_id: html_to_plain_text(row.answer_html) for block_id, row in reflections.items()},
        "practice_block": request.GET.get("latihan", ""),
        "practice_choice": request.GET.get("jawaban", ""),
        "play_video": request.GET.get("putar", ""),
    }
    return TemplateResponse(request, "courses/lesson_page.html", context)


def _not_enrolled(request, course):
    context = {"course": course, "open_cohorts": list(open_cohorts_for(course=course))}
    return TemplateResponse(request, "courses/not_enrolled.html", context, status=403)


def _studying_access(request, lesson_id: int):
    lesson = get_object_or_404(LessonPage.objects.live(), pk=lesson_id)
    access = lesson_access_for_user(user=request.user, lesson=lesson)
    if not access.studying:
        raise NotEnrolled(access.course)
    return lesson, access


@login_required
@require_POST
def lesson_complete(request, lesson_id: int):
    try:
        lesson, access = _studying_access(request, lesson_id)
    except NotEnrolled as refusal:
        return _not_enrolled(request, refusal.course)
    course_done = lesson_mark_complete(
        trainee=request.user, lesson=lesson, enrollment=access.enrollment, lesson_ids=access.outline.lesson_ids
    )
    if course_done:
        messages.success(request, _("Well done: you have completed %(course)s.") % {"course": access.course.title})
        return redirect(access.course.get_url(request))
    _previous, following = access.outline.neighbours(lesson.pk)
    messages.success(request, _("Lesson marked as done."))
    if following is not None:
        return redirect(following.get_url(request))
    return redirect(access.course.get_url(request))


@login_required
@require_POST
def reflection_answer(request, lesson_id: int, block_id: str):
    try:
        lesson, _access = _studying_access(request, lesson_id)
    except NotEnrolled as refusal:
        return _not_enrolled(request, refusal.course)
    form = ReflectionForm(request.POST)
    if form.is_valid():
        try:
            reflection_save(trainee=request.user, lesson=lesson, block_id=block_id, text=form.cleaned_data["answer"])
        except ValidationError as error:
            for message in error.messages:
                messages.error(request, message)
        else:
            messages.success(request, _("Your answer is saved. Only you can see it."))
    else:
        for message in form.errors.get("answer", []):
            messages.error(request, message)
    return redirect(f"{lesson.get_url(request)}#blok-{block_id}")


@login_required
@require_POST
def enrol_self(request, cohort_id: int):
    cohort = get_object_or_404(Cohort.objects.select_related("course"), pk=cohort_id, course__live=True)
    try:
        enrollment_create(trainee=request.user, cohort=cohort, by=request.user, source=EnrollmentSource.SELF)
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    else:
        messages.success(
            request, _("You are enrolled in %(cohort)s. Start with the first lesson.") % {"cohort": cohort}
        )
    return redirect(cohort.course.get_url(request))


@login_required
def cohort_detail(request, cohort_id: int):
    cohort = cohort_get_for_user(user=request.user, cohort_id=cohort_id)
    outline, rows = cohort_progress_grid(cohort=cohort)
    context = {
        "cohort": cohort,
        "outline": outline,
        "rows": rows,
        "inactive_count": sum(row.inactive for row in rows),
        "extra_links": cohort_links(cohort, request.user),
    }
    return TemplateResponse(request, "courses/cohort_detail.html", context)


@login_required
def cohort_progress_csv(request, cohort_id: int):
    cohort = cohort_get_for_user(user=request.user, cohort_id=cohort_id)
    outline, rows = cohort_progress_grid(cohort=cohort)
    columns = [_("Name"), _("Email"), _("Status"), _("Last studied"), _("Lessons done"), _("Inactive 14 days")]
    columns += [lesson.title for lesson in outline.lessons]
    lines = []
    for row in rows:
        last = row.enrollment.last_activity_at
        lines.append(
            [
                row.enrollment.trainee.full_name,
                row.enrollment.trainee.email,
                row.enrollment.get_status_display(),
                timezone.localtime(last).strftime("%Y-%m-%d %H:%M") if last else "",
                f"{row.completed}/{len(outline.lesson_ids)}",
                row.inactive,
            ]
            + [timezone.localtime(cell).strftime("%Y-%m-%d") if cell else "" for cell in row.completed_at]
        )
    return csv_response(filename=f"kemajuan-angkatan-{cohort.pk}", columns=columns, rows=lines)


@login_required
def cohort_enrol_file(request, cohort_id: int):
    cohort = cohort_get_for_user(user=request.user, cohort_id=cohort_id)
    form = EnrollmentFileForm(request.POST or None, request.FILES or None)
    report = None
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        report = enrollments_import(cohort=cohort, data=upload.read(), filename=upload.name, by=request.user)
        if report.ok:
            messages.success(
                request,
                _("%(count)s trainees enrolled in %(cohort)s.") % {"count": len(report.enrolled), "cohort": cohort},
            )
            return redirect("courses:cohort_detail", cohort_id=cohort.pk)
    status = 400 if report is not None or form.errors else 200
    return TemplateResponse(
        request, "courses/cohort_enrol_file.html", {"cohort": cohort, "form": form, "report": report}, status=status
    )


@login_required
def cohort_withdraw(request, cohort_id: int, enrollment_id: int):
    """Confirm, then withdraw a trainee from a cohort the user follows."""
    cohort = cohort_get_for_user(user=request.user, cohort_id=cohort_id)
    enrollment = get_object_or_404(
        cohort.enrollments.select_related("trainee"), pk=enrollment_id, status__in=SEAT_HOLDING_STATUSES
    )
    context = {"cohort": cohort, "enrollment": enrollment, "refusal": None}
    if enrollment.status == EnrollmentStatus.COMPLETED:
        context["refusal"] = COMPLETED_NOT_WITHDRAWN
    if request.method == "POST":
        try:
            enrollment_withdraw(enrollment=enrollment, by=request.user)
        except ValidationError as refused:
            context["refusal"] = " ".join(refused.messages)
            return TemplateResponse(request, "courses/cohort_withdraw.html", context, status=400)
        messages.success(request, _("%(name)s has been withdrawn.") % {"name": enrollment.trainee.full_name})
        return redirect("courses:cohort_detail", cohort_id=cohort.pk)
    return TemplateResponse(request, "courses/cohort_withdraw.html", context)


def lesson_search_view(request):
    query = request.GET.get("q", "").strip()[:200]
    results = lessons_search(query=query) if query else []
    return TemplateResponse(request, "courses/search.html", {"query": query, "results": results})
