"""The curriculum as a Wagtail page tree: catalogue → course → module → lesson.

Trainee activity (cohorts, enrolments, progress) lives in plain models that point at these
pages. Serving a course or lesson to a trainee goes through `courses.views` (wired by the
`before_serve_page` hook), which checks enrolment before any content is shown.
"""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from courses.blocks import LessonBodyBlock
from courses.constants import LearningFormat


class CourseIndexPage(Page):
    """The course catalogue. Trainers may write only under this page."""

    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["courses.CoursePage"]
    max_count = 1

    class Meta:
        verbose_name = _("course catalogue")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["courses"] = (
            CoursePage.objects.live().child_of(self).prefetch_related("mentor_roles").order_by("code", "title")
        )
        return context


class CoursePage(Page):
    """A course: what it teaches (mentor roles, aspects), how long, how it is run, and its pass mark.

    The pre-test and post-test are quizzes that point at the course (assessments app); they
    join the course's gates and completion rule through `courses.completion`.
    """

    code = models.CharField(_("course code"), max_length=20, unique=True)
    summary = models.TextField(_("summary"))
    study_hours = models.PositiveSmallIntegerField(_("study hours"), validators=[MinValueValidator(1)])
    learning_format = models.CharField(
        _("learning format"), max_length=20, choices=LearningFormat.choices, default=LearningFormat.BLENDED
    )
    pass_mark = models.PositiveSmallIntegerField(
        _("pass mark (%)"), default=70, validators=[MinValueValidator(0), MaxValueValidator(100)]
    )
    apprenticeship_hours = models.PositiveSmallIntegerField(
        _("apprenticeship hours required"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1)],
        help_text=_("Countersigned logbook hours an apprentice of this course needs; blank for the general rule."),
    )
    mentor_roles = ParentalManyToManyField("courses.MentorRole", blank=True, related_name="courses")
    aspects = ParentalManyToManyField("courses.Aspect", blank=True, related_name="courses")
    prerequisites = ParentalManyToManyField(
        "courses.CoursePage",
        blank=True,
        symmetrical=False,
        related_name="required_by",
        verbose_name=_("prerequisite courses"),
        help_text=_("Courses a trainee must have completed before enrolling in this one."),
    )

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel(
            [FieldPanel("code"), FieldPanel("summary"), FieldPanel("study_hours"), FieldPanel("learning_format")],
            heading=_("About the course"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("mentor_roles"),
                FieldPanel("aspects"),
                FieldPanel("prerequisites"),
                FieldPanel("pass_mark"),
                FieldPanel("apprenticeship_hours"),
            ],
            heading=_("What it trains and how it is passed"),
        ),
    ]
    search_fields = [*Page.search_fields, index.SearchField("summary"), index.SearchField("code")]
    parent_page_types = ["courses.CourseIndexPage"]
    subpage_types = ["courses.ModulePage"]

    class Meta:
        verbose_name = _("course")


class ModulePage(Page):
    """A part of a course, usually one mentor role."""

    intro = models.TextField(_("introduction"), blank=True)
    mentor_role = models.ForeignKey(
        "courses.MentorRole",
        verbose_name=_("mentor role"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="modules",
    )

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("mentor_role")]
    parent_page_types = ["courses.CoursePage"]
    subpage_types = ["courses.LessonPage"]

    class Meta:
        verbose_name = _("module")


class LessonPage(Page):
    """One sitting of study, read on a phone: text, pictures, cases, reflection and practice."""

    summary = models.TextField(_("summary"), blank=True)
    estimated_minutes = models.PositiveSmallIntegerField(
        _("study time (minutes)"), default=15, validators=[MinValueValidator(1)]
    )
    body = StreamField(LessonBodyBlock(), verbose_name=_("content"))

    content_panels = [*Page.content_panels, FieldPanel("summary"), FieldPanel("estimated_minutes"), FieldPanel("body")]
    search_fields = [*Page.search_fields, index.SearchField("summary"), index.SearchField("body")]
    parent_page_types = ["courses.ModulePage"]
    subpage_types = []

    class Meta:
        verbose_name = _("lesson")

    def reflection_block_ids(self) -> set[str]:
        return {block.id for block in self.body if block.block_type == "reflection"}
