"""Lesson blocks render for phones (WebP srcset, video only on request); published lessons are searchable."""

import io

import pytest
from django.core.files.images import ImageFile
from django.urls import reverse
from django.utils.translation import gettext
from PIL import Image as PILImage
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.embeds.embeds import get_embed_hash
from wagtail.embeds.models import Embed
from wagtail.images import get_image_model

from courses.blocks import ImageBlock, PracticeQuestionBlock
from courses.models import LessonPage, ModulePage

from .factories import EnrollmentFactory, build_course, lessons_of, publish

pytestmark = pytest.mark.django_db


def png_image(title="gambar"):
    buffer = io.BytesIO()
    PILImage.new("RGB", (1200, 675), "#0b5d3b").save(buffer, "PNG")
    image = get_image_model()(title=title)
    image.file.save("gambar.png", ImageFile(buffer, name="gambar.png"), save=False)
    image.save()
    return image


def lesson_with(course, body):
    module = ModulePage.objects.child_of(course).first()
    return publish(module, LessonPage(title="Pelajaran Gambar", slug="pelajaran-gambar", body=body))


def test_image_block_serves_webp_renditions_in_several_widths(client, course, cohort, trainee):
    image = png_image()
    lesson = lesson_with(
        course, [{"type": "image", "value": {"image": image.pk, "alt_text": "Anggota KUBE rapat", "caption": "Rapat"}}]
    )
    EnrollmentFactory(cohort=cohort, trainee=trainee)
    client.force_login(trainee)

    html = client.get(lesson.url).text

    assert 'alt="Anggota KUBE rapat"' in html
    assert "srcset=" in html and ".webp 360w" in html and ".webp 720w" in html
    assert 'loading="lazy"' in html


def test_image_block_requires_alternative_text():
    block = ImageBlock()
    with pytest.raises(StructBlockValidationError) as refused:
        block.clean(block.to_python({"image": png_image().pk, "alt_text": "", "caption": ""}))
    assert set(refused.value.block_errors) == {"alt_text"}


def test_practice_question_needs_exactly_one_correct_answer():
    block = PracticeQuestionBlock()
    value = block.to_python(
        {
            "question": "?",
            "choices": [{"text": "a", "is_correct": True, "feedback": ""}, {"text": "b", "is_correct": True}],
            "explanation": "",
        }
    )
    with pytest.raises(StructBlockValidationError) as refused:
        block.clean(value)
    messages = [str(error.message) for error in refused.value.non_block_errors.as_data()]
    assert messages == [gettext("Mark exactly one answer as correct.")]


def test_video_player_loads_only_when_the_trainee_asks(client, course, cohort, trainee):
    url = "https://www.youtube.com/watch?v=contoh"
    Embed.objects.create(
        url=url,
        hash=get_embed_hash(url, 720),
        max_width=720,
        type="video",
        html='<iframe src="https://www.youtube-nocookie.com/embed/contoh"></iframe>',
    )
    lesson = lesson_with(
        course,
        [{"type": "video", "id": "vid-1", "value": {"video": url, "title": "Rapat KUBE", "summary": "", "minutes": 3}}],
    )
    EnrollmentFactory(cohort=cohort, trainee=trainee)
    client.force_login(trainee)

    first = client.get(lesson.url)
    assert "<iframe" not in first.text
    assert "?putar=vid-1#blok-vid-1" in first.text

    playing = client.get(lesson.url, {"putar": "vid-1"})
    assert "<iframe" in playing.text
    assert "youtube-nocookie.com" in playing["Content-Security-Policy"]


def test_search_finds_published_lessons_in_indonesian_and_not_drafts(client, course):
    from django.core.management import call_command

    lessons = lessons_of(course)
    lessons[0].title = "Memandu pertemuan rutin kelompok"
    lessons[0].save_revision().publish()
    draft = lessons[1]
    draft.title = "Pertemuan rahasia"
    draft.save_revision()
    draft.unpublish()
    call_command("update_index", verbosity=0)

    response = client.get(reverse("courses:search"), {"q": "pertemuan"})

    assert response.status_code == 200
    found = [lesson.pk for lesson in response.context["results"]]
    assert lessons[0].pk in found
    assert draft.pk not in found


def test_catalogue_lists_published_courses_with_their_roles(client, course):
    other = build_course(code="PK-9", modules=1, lessons_per_module=1, title="Kursus Draf")
    other.unpublish()
    response = client.get(course.get_parent().url)
    assert course.title in response.text
    assert "Kursus Draf" not in response.text
