from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.shortcuts import render

from apprenticeship.constants import PlacementStatus
from apprenticeship.selectors import countersign_queue, region_placements, trainee_placements
from courses.constants import SEAT_HOLDING_STATUSES
from courses.models import CourseIndexPage
from courses.selectors import cohorts_for_user, trainee_course_cards
from lms.people.constants import Role
from lms.people.selectors import people_in_scope

TRAINEES_PER_PAGE = 25
COHORTS_SHOWN = 50


@login_required
def home(request):
    """One home for everyone, with a section for each role the person holds.

    The trainee's next step comes first; trainers and supervisors see the cohorts they follow,
    and a supervisor also the trainees of their region.
    """
    user = request.user
    context = {
        "is_trainee": user.has_role(Role.TRAINEE),
        "is_trainer": user.has_role(Role.TRAINER) or user.has_role(Role.SENIOR_TRAINER),
        "is_supervisor": user.has_role(Role.SUPERVISOR),
        "is_host_mentor": user.has_role(Role.HOST_MENTOR),
        "missing_profile_fields": user.profile_missing_fields,
        "catalogue": CourseIndexPage.objects.live().first(),
    }
    if context["is_trainee"]:
        cards = trainee_course_cards(trainee=user)
        context["course_cards"] = cards
        context["next_card"] = next((card for card in cards if card.next_lesson), None)
        placements = trainee_placements(user)
        context["placement"] = placements[0] if placements else None
    if context["is_trainer"] or context["is_supervisor"] or user.is_superuser:
        context["cohorts"] = (
            cohorts_for_user(user=user)
            .annotate(trainee_count=Count("enrollments", filter=Q(enrollments__status__in=SEAT_HOLDING_STATUSES)))
            .order_by("-starts_on", "name")[:COHORTS_SHOWN]
        )
    if context["is_host_mentor"]:
        context["entries_to_countersign"] = countersign_queue(user).count()
    if context["is_supervisor"]:
        context["placements_awaiting"] = region_placements(user).filter(status=PlacementStatus.PROPOSED).count()
        trainees = people_in_scope(user=user, role=Role.TRAINEE)
        context["trainees_page"] = Paginator(trainees, TRAINEES_PER_PAGE).get_page(request.GET.get("page"))
    return render(request, "dashboards/home.html", context)
