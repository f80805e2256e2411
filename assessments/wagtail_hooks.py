from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.models import ModelLogEntry
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from . import admin_views
from .models import Attempt, Question, QuestionCategory, Quiz, Study


@hooks.register("register_log_actions")
def register_assessment_log_actions(actions):
    actions.register_model(Attempt, ModelLogEntry)
    actions.register_action("assessments.attempt.start", _("Start attempt"), _("Started a quiz attempt"))
    actions.register_action("assessments.attempt.submit", _("Submit attempt"), _("Submitted a quiz attempt"))
    actions.register_action(
        "assessments.attempt.auto_submit", _("Submit when time ran out"), _("Submitted when time ran out")
    )
    actions.register_action("assessments.attempt.grade", _("Grade answer"), _("Graded an answer by hand"))
    actions.register_action("assessments.quiz.regrade", _("Regrade"), _("Regraded the quiz"))
    actions.register_action(
        "assessments.quiz.regrade_requested", _("Ask for a regrade"), _("Asked for a cohort's attempts to be regraded")
    )
    actions.register_model(Study, ModelLogEntry)
    actions.register_action("assessments.study.start", _("Start study"), _("Started the evaluation study"))
    actions.register_action("assessments.study.close", _("Close study"), _("Closed the evaluation study"))
    actions.register_action(
        "assessments.study.randomise", _("Randomise study"), _("Assigned trainees to the study's arms at random")
    )
    actions.register_action(
        "assessments.study.export", _("Export research data"), _("Downloaded the study's research data")
    )


class QuestionCategoryViewSet(SnippetViewSet):
    model = QuestionCategory
    icon = "folder-open-inverse"
    menu_label = _("Question categories")
    list_display = ["name", "description"]
    search_fields = ["name"]


class QuestionViewSet(SnippetViewSet):
    model = Question
    icon = "help"
    menu_label = _("Questions")
    list_display = ["__str__", "category", "kind", "mark", "updated_at"]
    list_filter = ["kind", "category", "mentor_roles", "aspects"]
    search_fields = ["text", "title"]
    list_per_page = 50


class QuizViewSet(SnippetViewSet):
    model = Quiz
    icon = "form"
    menu_label = _("Quizzes")
    list_display = ["title", "course", "kind", "is_live", "pass_mark", "attempts_allowed"]
    list_filter = ["kind", "is_live", "course"]
    search_fields = ["title"]


class StudyViewSet(SnippetViewSet):
    """Senior trainers design studies here; starting, closing and reading them happen on the site."""

    model = Study
    icon = "doc-full"
    menu_label = _("Evaluation studies")
    list_display = ["name", "course", "design", "status"]
    list_filter = ["status", "design"]
    search_fields = ["name"]


class BankFileMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("assessments.add_question")


class QuestionBankGroup(SnippetViewSetGroup):
    items = (QuestionCategoryViewSet, QuestionViewSet, QuizViewSet, StudyViewSet)
    menu_icon = "help"
    menu_label = _("Question bank")
    menu_name = "question-bank"
    menu_order = 205

    def get_submenu_items(self):
        items = super().get_submenu_items()
        return [
            *items,
            BankFileMenuItem(_("Import questions"), reverse("assessments_admin:import"), icon_name="upload", order=900),
            BankFileMenuItem(
                _("Export questions"), reverse("assessments_admin:export"), icon_name="download", order=910
            ),
        ]


register_snippet(QuestionBankGroup)


@hooks.register("register_admin_urls")
def register_bank_file_urls():
    return [
        path(
            "bank-soal/",
            (
                [
                    path("impor/", admin_views.bank_import, name="import"),
                    path("ekspor/", admin_views.bank_export, name="export"),
                ],
                "assessments_admin",
                "assessments_admin",
            ),
        )
    ]
