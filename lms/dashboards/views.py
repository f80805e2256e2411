from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import render

from lms.people.constants import Role
from lms.people.selectors import people_in_scope

TRAINEES_PER_PAGE = 25


@login_required
def home(request):
    """One home for everyone, with a section for each role the person holds.

    The trainee's next step comes first; a supervisor also sees the trainees of their region.
    """
    user = request.user
    context = {
        "is_trainee": user.has_role(Role.TRAINEE),
        "is_trainer": user.has_role(Role.TRAINER),
        "is_supervisor": user.has_role(Role.SUPERVISOR),
        "is_host_mentor": user.has_role(Role.HOST_MENTOR),
        "missing_profile_fields": user.profile_missing_fields,
    }
    if context["is_supervisor"]:
        trainees = people_in_scope(user=user, role=Role.TRAINEE)
        context["trainees_page"] = Paginator(trainees, TRAINEES_PER_PAGE).get_page(request.GET.get("page"))
    return render(request, "dashboards/home.html", context)
