"""The KUBE registry in the Wagtail admin, kept by supervisors within their region.

Every view of a KUBE or of an assessment passes through `within_user_region`: the listings show
only rows in the user's region, and a row outside it answers 404 as if it did not exist.
Assessments are saved through `services.kube_assessment_record`, so their total, their class and
the KUBE's latest assessment are always computed, never typed.
"""

from django.core.exceptions import ValidationError
from django.http import Http404
from django.urls import path, reverse
from django.utils.functional import cached_property
from django.utils.text import capfirst, format_lazy
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel, ObjectList
from wagtail.admin.ui.tables import BooleanColumn, Column
from wagtail.admin.views.generic import CreateView, DeleteView, EditView, IndexView, InspectView
from wagtail.admin.views.generic.history import HistoryView
from wagtail.admin.views.generic.usage import UsageView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets.button import HeaderButton
from wagtail.models import ModelLogEntry
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from lms.people.scoping import within_user_region

from . import admin_views
from .admin_forms import KubeAssessmentAdminForm, KubeGroupAdminForm
from .admin_views import IMPORT_PERMISSION
from .constants import INDICATORS
from .models import BusinessType, KubeAssessment, KubeGroup, Placement
from .services import kube_assessment_delete, kube_assessment_record


@hooks.register("register_log_actions")
def register_apprenticeship_log_actions(actions):
    actions.register_model(KubeGroup, ModelLogEntry)
    actions.register_model(Placement, ModelLogEntry)
    actions.register_action("apprenticeship.kube.assess", _("Assess maturity"), _("Assessed the KUBE's maturity"))
    actions.register_action("apprenticeship.placement.propose", _("Propose placement"), _("Proposed a placement"))
    actions.register_action("apprenticeship.placement.approve", _("Approve placement"), _("Approved a placement"))
    actions.register_action("apprenticeship.placement.rejected", _("Reject placement"), _("Rejected a placement"))
    actions.register_action("apprenticeship.placement.withdrawn", _("Withdraw placement"), _("Withdrew a placement"))
    actions.register_action(
        "apprenticeship.logbook.countersign", _("Countersign logbook"), _("Countersigned a logbook entry")
    )
    actions.register_action(
        "apprenticeship.logbook.return", _("Send logbook entry back"), _("Sent a logbook entry back with a note")
    )
    actions.register_action(
        "apprenticeship.placement.evaluate", _("Evaluate apprentice"), _("Evaluated the apprentice")
    )
    actions.register_action("apprenticeship.placement.complete", _("Sign off placement"), _("Signed off the placement"))


# Region scoping of the generic views


class RegionScopedListingMixin:
    """Lists only the rows whose region (reached through `region_field`) lies in the user's scope."""

    region_field = "village"
    related = ()

    def get_base_queryset(self):
        queryset = super().get_base_queryset().select_related(*self.related)
        return within_user_region(queryset, user=self.request.user, region_field=self.region_field)


class RegionScopedObjectMixin:
    """A row outside the user's region is not found (404), in every view that opens one row."""

    region_field = "village"

    def get_object(self, *args, **kwargs):
        instance = super().get_object(*args, **kwargs)
        in_scope = within_user_region(
            self.model._default_manager.filter(pk=instance.pk), user=self.request.user, region_field=self.region_field
        )
        if not in_scope.exists():
            raise Http404
        return instance


# KUBE


class KubeIndexView(RegionScopedListingMixin, IndexView):
    related = ("village", "business_type", "host_mentor", "latest_assessment")

    @cached_property
    def header_buttons(self):
        buttons = list(super().header_buttons)
        if self.request.user.has_perm(IMPORT_PERMISSION):
            buttons.append(
                HeaderButton(_("Import KUBE"), url=reverse("apprenticeship_admin:import_kube"), icon_name="upload")
            )
        return buttons


class KubeEditView(RegionScopedObjectMixin, EditView):
    pass


class KubeDeleteView(RegionScopedObjectMixin, DeleteView):
    pass


class KubeHistoryView(RegionScopedObjectMixin, HistoryView):
    pass


class KubeUsageView(RegionScopedObjectMixin, UsageView):
    pass


class KubeInspectView(RegionScopedObjectMixin, InspectView):
    """The KUBE, its grants and its class history, newest assessment first."""

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["grants"] = self.object.grants.all()
        context["assessments"] = self.object.assessments.select_related("assessed_by")
        if self.request.user.has_perm("apprenticeship.view_kubeassessment"):
            context["assessment_url_name"] = "kube_assessments:inspect"
        return context

    def get_meeting_day_display_value(self):
        return self.object.get_meeting_day_display() or "—"

    def get_is_active_display_value(self):
        return _("yes") if self.object.is_active else _("no")


def _latest_class(kube: KubeGroup) -> str:
    latest = kube.latest_assessment
    return latest.get_maturity_class_display() if latest else ""


class KubeGroupViewSet(ModelViewSet):
    model = KubeGroup
    name = "kube"
    icon = "group"
    menu_label = _("KUBE")
    menu_order = 100
    index_view_class = KubeIndexView
    edit_view_class = KubeEditView
    delete_view_class = KubeDeleteView
    history_view_class = KubeHistoryView
    usage_view_class = KubeUsageView
    inspect_view_class = KubeInspectView
    inspect_view_enabled = True
    inspect_template_name = "apprenticeship/admin/kube_inspect.html"
    inspect_view_fields = [
        "name",
        "village",
        "address",
        "business_type",
        "founded_on",
        "member_families",
        "programme_stage",
        "meeting_day",
        "iks_contribution",
        "iks_fund_balance",
        "host_mentor",
        "host_capacity",
        "is_active",
    ]
    copy_view_enabled = False
    list_display = [
        "name",
        "village",
        "business_type",
        "programme_stage",
        "host_mentor",
        "host_capacity",
        Column("latest_class", label=_("Latest class"), accessor=_latest_class),
        BooleanColumn("is_active", label=capfirst(_("active"))),
    ]
    list_filter = ["programme_stage", "is_active", "business_type"]
    search_fields = ["name"]
    ordering = ["name"]
    edit_handler = ObjectList(KubeGroup.panels, base_form_class=KubeGroupAdminForm)


# Maturity assessments


class AssessmentRecordMixin:
    """Save through the service, which computes the total, the class and the KUBE's latest assessment."""

    def save_instance(self):
        assessment = self.form.save(commit=False)
        return kube_assessment_record(assessment=assessment, by=self.request.user)

    def form_valid(self, form):
        try:
            return super().form_valid(form)
        except ValidationError as error:
            form.add_error(None, error.messages)
            return self.form_invalid(form)


class KubeAssessmentIndexView(RegionScopedListingMixin, IndexView):
    region_field = "kube__village"
    related = ("kube", "assessed_by")


class KubeAssessmentCreateView(AssessmentRecordMixin, CreateView):
    pass


class KubeAssessmentEditView(AssessmentRecordMixin, RegionScopedObjectMixin, EditView):
    region_field = "kube__village"


class KubeAssessmentDeleteView(RegionScopedObjectMixin, DeleteView):
    region_field = "kube__village"

    def delete_action(self):
        kube_assessment_delete(assessment=self.object, by=self.request.user)


class KubeAssessmentHistoryView(RegionScopedObjectMixin, HistoryView):
    region_field = "kube__village"


class KubeAssessmentUsageView(RegionScopedObjectMixin, UsageView):
    region_field = "kube__village"


class KubeAssessmentInspectView(RegionScopedObjectMixin, InspectView):
    region_field = "kube__village"


def _indicator_rows():
    """Each indicator as its score (1-5) and a note, side by side."""
    return [
        FieldRowPanel(
            [
                FieldPanel(field, help_text=help_text),
                FieldPanel(f"{field}_note", heading=format_lazy("{}: {}", label, _("note"))),
            ]
        )
        for field, label, help_text in INDICATORS
    ]


class KubeAssessmentViewSet(ModelViewSet):
    model = KubeAssessment
    name = "kube_assessments"
    icon = "tasks"
    menu_label = _("Maturity assessments")
    menu_order = 110
    index_view_class = KubeAssessmentIndexView
    add_view_class = KubeAssessmentCreateView
    edit_view_class = KubeAssessmentEditView
    delete_view_class = KubeAssessmentDeleteView
    history_view_class = KubeAssessmentHistoryView
    usage_view_class = KubeAssessmentUsageView
    inspect_view_class = KubeAssessmentInspectView
    inspect_view_enabled = True
    copy_view_enabled = False
    list_display = ["kube", "assessed_on", "total_score", "maturity_class", "assessed_by"]
    list_filter = ["maturity_class"]
    search_fields = ["kube__name"]
    ordering = ["-assessed_on", "-pk"]
    edit_handler = ObjectList(
        [
            FieldRowPanel([FieldPanel("kube"), FieldPanel("assessed_on")]),
            MultiFieldPanel(
                _indicator_rows(),
                heading=_("The nine indicators"),
                help_text=_("Score each indicator from 1 (weak) to 5 (strong). The total and the class are computed."),
            ),
        ],
        base_form_class=KubeAssessmentAdminForm,
    )


# Business types


class BusinessTypeViewSet(SnippetViewSet):
    model = BusinessType
    icon = "tag"
    menu_label = _("Business types")
    menu_order = 120
    list_display = ["name_id", "name_en", "sort_order"]
    ordering = ["sort_order", "name_id"]


# The menu group, with the import page


class KubeImportMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(IMPORT_PERMISSION)


class ApprenticeshipGroup(SnippetViewSetGroup):
    items = (KubeGroupViewSet, KubeAssessmentViewSet, BusinessTypeViewSet)
    menu_icon = "group"
    menu_label = _("Apprenticeship")
    menu_name = "apprenticeship"
    menu_order = 215

    def get_submenu_items(self):
        return [
            *super().get_submenu_items(),
            KubeImportMenuItem(
                _("Import KUBE"), reverse("apprenticeship_admin:import_kube"), icon_name="upload", order=105
            ),
        ]


register_snippet(ApprenticeshipGroup)


@hooks.register("register_admin_urls")
def register_kube_import_urls():
    return [
        path(
            "kube-impor/",
            (
                [
                    path("", admin_views.kube_import, name="import_kube"),
                    path("templat.csv", admin_views.kube_import_template, name="import_kube_template"),
                ],
                "apprenticeship_admin",
                "apprenticeship_admin",
            ),
        )
    ]
