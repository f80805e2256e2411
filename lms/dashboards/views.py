from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.shortcuts import render
from django.utils.translation import gettext as _

from apprenticeship.constants import PlacementStatus
from apprenticeship.selectors import countersign_queue, region_placements, trainee_placements
from courses.constants import SEAT_HOLDING_STATUSES
from courses.models import CourseIndexPage
from courses.selectors import cohorts_for_user, trainee_course_cards
from lms.certification.selectors import trainee_checklists
from lms.people.constants import Role
from lms.people.scoping import supervises_a_region
from lms.people.selectors import people_in_scope

from . import charts, exports, selectors

ROWS_PER_PAGE = 25
COHORTS_SHOWN = 50


@login_required
def home(request):
    """One home for everyone, with a section for each role the person holds.

    The trainee's next step comes first; trainers and supervisors see the cohorts they follow,
    and a supervisor a link to the supervisor dashboard.
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
        context["checklists"] = trainee_checklists(trainee=user)
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
        context["trainees_page"] = Paginator(trainees, ROWS_PER_PAGE).get_page(request.GET.get("page"))
    return render(request, "dashboards/home.html", context)


@login_required
def supervisor(request):
    """The supervisor's dashboard of their region: funnel, trainees at risk, expiring certificates, approvals.

    A fixed number of queries for any amount of data (see lms/dashboards/selectors.py).
    """
    user = request.user
    if not supervises_a_region(user):
        raise PermissionDenied
    by_region = selectors.funnel_by_subregion(user=user)
    by_cohort = selectors.funnel_by_cohort(user=user)
    cohorts_page = _page(request, by_cohort.table, "angkatan")
    at_risk = _page(request, selectors.trainees_at_risk(user=user), "berisiko")
    for trainee in at_risk:
        trainee.reasons = selectors.risk_reasons(trainee)
    expiring = _page(request, selectors.certificates_expiring(user=user), "sertifikat")
    awaiting = selectors.placements_awaiting(user)
    context = {
        "by_region": by_region,
        "by_cohort": by_cohort,
        "cohorts_page": cohorts_page,
        "funnel_chart": charts.funnel_chart(str(_("Certification funnel")), by_region),
        "region_chart": charts.subregion_chart(str(_("Trainees by sub-region")), by_region),
        "at_risk": at_risk,
        "expiring": expiring,
        "awaiting": list(awaiting[: selectors.AWAITING_SHOWN]),
        "awaiting_count": awaiting.count(),
        "export_tables": list(exports.TABLES),
        "no_scope": not user.is_superuser and user.scope_region is None,
    }
    return render(request, "dashboards/supervisor.html", context)


def _page(request, rows, param: str):
    """One page of a table, with links to its neighbours that keep the other tables' pages."""
    page = Paginator(rows, ROWS_PER_PAGE).get_page(request.GET.get(param))
    for name, number in (
        ("previous_url", page.has_previous() and page.number - 1),
        ("next_url", page.has_next() and page.number + 1),
    ):
        query = request.GET.copy()
        query[param] = number
        setattr(page, name, f"?{query.urlencode()}#{param}" if number else "")
    return page


@login_required
def supervisor_export(request, table: str, export_format: str):
    """One table of the dashboard, every row of it, as CSV or XLSX; 404 for an unknown table."""
    if not supervises_a_region(request.user):
        raise PermissionDenied
    return exports.export_response(user=request.user, table_key=table, export_format=export_format)
