from django.db.models import QuerySet
from django.http import Http404
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import ObjectList
from wagtail.admin.views.generic import CopyView, CreateView, DeleteView, EditView, IndexView, InspectView
from wagtail.admin.views.generic.history import HistoryView
from wagtail.admin.views.generic.usage import UsageView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.models import ModelLogEntry
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from lms.people.constants import Role
from lms.people.models import User

from . import views
from .models import Aspect, Cohort, CoursePage, Enrollment, LessonPage, MentorRole, ModulePage
from .selectors import cohorts_for_user


@hooks.register("on_serve_page", order=100)
def serve_study_pages(serve_next):
    """Courses and lessons are served by courses.views, which check enrolment before rendering.

    An `on_serve_page` hook with a high order runs inside Wagtail's own check of the page's view
    restrictions (password, signed-in users, groups), so a restriction set on a course, a module
    or a lesson holds; a `before_serve_page` hook would answer before that check.
    """

    def serve(page, request, serve_args, serve_kwargs):
        if isinstance(page, LessonPage):
            return views.lesson_detail(request, page)
        if isinstance(page, CoursePage):
            return views.course_detail(request, page)
        if isinstance(page, ModulePage):
            return views.module_redirect(request, page)
        return serve_next(page, request, serve_args, serve_kwargs)

    return serve


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


# Cohorts: the admin shows and opens exactly the cohorts the site shows the user
# (`cohorts_for_user`): a trainer those they teach, a senior trainer all of them.


class CohortScopedListingMixin:
    def get_base_queryset(self):
        return super().get_base_queryset().filter(pk__in=cohorts_for_user(user=self.request.user).values("pk"))


class CohortScopedObjectMixin:
    """A cohort the user does not follow is not found (404), in every view that opens one."""

    def get_object(self, *args, **kwargs):
        cohort = super().get_object(*args, **kwargs)
        if not cohorts_for_user(user=self.request.user).filter(pk=cohort.pk).exists():
            raise Http404
        return cohort


def trainer_choices() -> QuerySet[User]:
    """People who may teach a cohort: active trainers and senior trainers, nobody else."""
    return (
        User.objects.filter(is_active=True, groups__name__in=[Role.TRAINER, Role.SENIOR_TRAINER])
        .distinct()
        .order_by("full_name", "email")
    )


class CohortAdminForm(WagtailAdminModelForm):
    """Only trainers are offered as the cohort's trainers (not every account of the platform)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "trainers" in self.fields:
            self.fields["trainers"].queryset = trainer_choices()
            self.fields["trainers"].label_from_instance = lambda user: user.full_name or user.email


class CohortIndexView(CohortScopedListingMixin, IndexView):
    pass


class CohortCreateView(CreateView):
    def save_instance(self):
        """A trainer who opens a cohort teaches it, unless they named other trainers."""
        cohort = super().save_instance()
        if self.request.user.has_role(Role.TRAINER) and not cohort.trainers.exists():
            cohort.trainers.add(self.request.user)
        return cohort


class CohortEditView(CohortScopedObjectMixin, EditView):
    pass


class CohortCopyView(CohortScopedObjectMixin, CopyView):
    pass


class CohortDeleteView(CohortScopedObjectMixin, DeleteView):
    pass


class CohortInspectView(CohortScopedObjectMixin, InspectView):
    pass


class CohortHistoryView(CohortScopedObjectMixin, HistoryView):
    pass


class CohortUsageView(CohortScopedObjectMixin, UsageView):
    pass


class CohortViewSet(ModelViewSet):
    model = Cohort
    icon = "calendar"
    menu_label = _("Cohorts")
    menu_order = 210
    add_to_admin_menu = True
    index_view_class = CohortIndexView
    add_view_class = CohortCreateView
    edit_view_class = CohortEditView
    copy_view_class = CohortCopyView
    delete_view_class = CohortDeleteView
    inspect_view_class = CohortInspectView
    history_view_class = CohortHistoryView
    usage_view_class = CohortUsageView
    list_display = ["name", "course", "region", "starts_on", "ends_on", "capacity", "study_arm", "enrollment_open"]
    list_filter = ["study_arm", "enrollment_open"]
    search_fields = ["name"]
    ordering = ["-starts_on"]
    inspect_view_enabled = True
    edit_handler = ObjectList(Cohort.panels, base_form_class=CohortAdminForm)


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
