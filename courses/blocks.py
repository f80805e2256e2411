"""The blocks a lesson is written with. Each renders with its template in templates/courses/blocks/.

The lesson template passes `block_id` to every block, so blocks that the trainee answers
(reflection prompt, practice question) and the video (played only on request) can be addressed.
"""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageChooserBlock

LESSON_RICH_TEXT_FEATURES = ["h2", "h3", "bold", "italic", "ol", "ul", "link", "document-link"]


class ImageBlock(blocks.StructBlock):
    """An illustration, served as WebP renditions in several widths (`srcset`)."""

    image = ImageChooserBlock(label=_("Image"))
    alt_text = blocks.CharBlock(
        label=_("Alternative text"),
        max_length=250,
        help_text=_("What the image shows, for trainees who cannot see it or whose connection does not load it."),
    )
    caption = blocks.CharBlock(label=_("Caption"), required=False, max_length=250)

    class Meta:
        icon = "image"
        label = _("Image")
        template = "courses/blocks/image_block.html"


class VideoBlock(blocks.StructBlock):
    """A video from YouTube, Vimeo and the like. The player loads only when the trainee asks for it."""

    video = EmbedBlock(label=_("Video address"), help_text=_("For example a YouTube or Vimeo link."))
    title = blocks.CharBlock(label=_("Title"), max_length=200)
    summary = blocks.TextBlock(
        label=_("What the video shows"),
        required=False,
        help_text=_("A short summary, so that trainees without data to spare still learn the point."),
    )
    minutes = blocks.IntegerBlock(label=_("Length in minutes"), required=False, min_value=1)

    class Meta:
        icon = "media"
        label = _("Video")
        template = "courses/blocks/video_block.html"


class DocumentBlock(blocks.StructBlock):
    """A document to download, such as a form or a guide, with its type and size shown."""

    document = DocumentChooserBlock(label=_("Document"))
    title = blocks.CharBlock(label=_("Title"), max_length=200)
    description = blocks.TextBlock(label=_("Description"), required=False)

    class Meta:
        icon = "doc-full"
        label = _("Document")
        template = "courses/blocks/document_block.html"


class CaseStudyBlock(blocks.StructBlock):
    """A story from the field with questions to think about."""

    title = blocks.CharBlock(label=_("Title"), max_length=200)
    place = blocks.CharBlock(label=_("Place"), required=False, max_length=200)
    story = blocks.RichTextBlock(label=_("Story"), features=["bold", "italic", "ol", "ul"])
    questions = blocks.ListBlock(blocks.CharBlock(label=_("Question")), label=_("Questions to discuss"), min_num=0)

    class Meta:
        icon = "openquote"
        label = _("Case study from the field")
        template = "courses/blocks/case_study_block.html"


class ReflectionPromptBlock(blocks.StructBlock):
    """A question the trainee answers in writing. The answer is private to the trainee."""

    prompt = blocks.TextBlock(label=_("Question"))
    guidance = blocks.TextBlock(label=_("Hint"), required=False)

    class Meta:
        icon = "edit"
        label = _("Reflection prompt")
        template = "courses/blocks/reflection_prompt_block.html"


class ChecklistBlock(blocks.StructBlock):
    """Steps or things to check, to take into the field."""

    title = blocks.CharBlock(label=_("Title"), max_length=200)
    items = blocks.ListBlock(blocks.CharBlock(label=_("Item")), label=_("Items"), min_num=1)

    class Meta:
        icon = "tasks"
        label = _("Checklist")
        template = "courses/blocks/checklist_block.html"


class PracticeChoiceBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Answer"), max_length=300)
    is_correct = blocks.BooleanBlock(label=_("Correct"), required=False)
    feedback = blocks.TextBlock(label=_("Feedback"), required=False)


class PracticeQuestionBlock(blocks.StructBlock):
    """An unscored question: the trainee picks an answer and reads the feedback. Nothing is recorded."""

    question = blocks.TextBlock(label=_("Question"))
    choices = blocks.ListBlock(PracticeChoiceBlock(), label=_("Answers"), min_num=2)
    explanation = blocks.TextBlock(label=_("Explanation"), required=False)

    class Meta:
        icon = "help"
        label = _("Practice question")
        template = "courses/blocks/practice_question_block.html"

    def clean(self, value):
        value = super().clean(value)
        if sum(1 for choice in value["choices"] if choice["is_correct"]) != 1:
            raise StructBlockValidationError(non_block_errors=[_("Mark exactly one answer as correct.")])
        return value


class LessonBodyBlock(blocks.StreamBlock):
    text = blocks.RichTextBlock(label=_("Text"), features=LESSON_RICH_TEXT_FEATURES)
    image = ImageBlock()
    video = VideoBlock()
    document = DocumentBlock()
    case_study = CaseStudyBlock()
    reflection = ReflectionPromptBlock()
    checklist = ChecklistBlock()
    practice_question = PracticeQuestionBlock()
