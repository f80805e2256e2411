from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.views.generic import CreateView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.models import ModelLogEntry
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from lms.people.constants import Role

from . import views
from .models import Aspect, Cohort, CoursePage, Enrollment, LessonPage, MentorRole, ModulePage


@hooks.register("before_serve_page")
def serve_study_pages(page, request, serve_args, serve_kwargs):
    """Courses and lessons are served by courses.views, which check enrolment before rendering."""
    if isinstance(page, LessonPage):
        return views.lesson_detail(request, page)
    if isinstance(page, CoursePage):
        return views.course_detail(request, page)
    if isinstance(page, ModulePage):
        return views.module_redirect(request, page)
    return None


@hooks.register("register_log_actions")
def register_enrollment_log_actions(actions):
    actions.register_model(Enrollment, ModelLogEntry)
    actions.register_action("courses.enrollment.create", _("Enrol"), _("Enrolled in a cohort"))
    actions.register_action("courses.enrollment.complete", _("Complete course"), _("Completed the course"))
    actions.register_action("courses.enrollment.withdraw", _("Withdraw"), _("Withdrawn from the cohort"))


class MentorRoleViewSet(SnippetViewSet):
    model = MentorRole
    icon = "group"
    menu_label = _("Mentor roles")
    list_display = ["name_id", "name_en", "sort_order"]
    ordering = ["sort_order"]


class AspectViewSet(SnippetViewSet):
    model = Aspect
    icon = "list-ul"
    menu_label = _("Aspects")
    list_display = ["name_id", "name_en", "sort_order"]
    ordering = ["sort_order"]


class CohortCreateView(CreateView):
    def save_instance(self):
        """A trainer who opens a cohort teaches it, unless they named other trainers."""
        cohort = super().save_instance()
        if self.request.user.has_role(Role.TRAINER) and not cohort.trainers.exists():
            cohort.trainers.add(self.request.user)
        return cohort


class CohortViewSet(ModelViewSet):
    model = Cohort
    icon = "calendar"
    menu_label = _("Cohorts")
    menu_order = 210
    add_to_admin_menu = True
    add_view_class = CohortCreateView
    list_display = ["name", "course", "region", "starts_on", "ends_on", "capacity", "study_arm", "enrollment_open"]
    list_filter = ["study_arm", "enrollment_open"]
    search_fields = ["name"]
    ordering = ["-starts_on"]
    inspect_view_enabled = True


class CurriculumSnippetGroup(SnippetViewSetGroup):
    items = (MentorRoleViewSet, AspectViewSet)
    menu_icon = "tag"
    menu_label = _("Curriculum")
    menu_name = "curriculum"
    menu_order = 200


register_snippet(CurriculumSnippetGroup)


@hooks.register("register_admin_viewset")
def register_cohort_viewset():
    return CohortViewSet("cohorts")
