"""Enrollment.lessons_completed_at, backfilled from the lesson progress already recorded.

Per course (a handful): the trainees whose completed progress over the course's live lessons
counts every one of them get the latest of those completion times, in one UPDATE per course.
"""

from django.db import migrations, models
from django.db.models import Count, Max, OuterRef, Subquery

STEPLEN = 4  # Wagtail's page tree path step


def backfill(apps, schema_editor):
    CoursePage = apps.get_model("courses", "CoursePage")
    LessonPage = apps.get_model("courses", "LessonPage")
    Enrollment = apps.get_model("courses", "Enrollment")
    LessonProgress = apps.get_model("courses", "LessonProgress")
    courses = dict(CoursePage.objects.values_list("path", "pk"))
    lessons: dict[int, list[int]] = {}
    for pk, path in LessonPage.objects.filter(live=True).values_list("pk", "path"):
        for depth in range(STEPLEN, len(path), STEPLEN):
            if path[:depth] in courses:
                lessons.setdefault(courses[path[:depth]], []).append(pk)
                break
    for course, ids in lessons.items():
        done = LessonProgress.objects.filter(lesson_id__in=ids, completed_at__isnull=False)
        finished = done.values("trainee_id").annotate(n=Count("pk")).filter(n=len(ids)).values("trainee_id")
        latest = done.filter(trainee_id=OuterRef("trainee_id")).values("trainee_id").annotate(last=Max("completed_at"))
        Enrollment.objects.filter(
            cohort__course_id=course, trainee_id__in=finished, lessons_completed_at__isnull=True
        ).update(lessons_completed_at=Subquery(latest.values("last")))


class Migration(migrations.Migration):
    dependencies = [
        ("courses", "0003_apprenticeship_hours"),
    ]

    operations = [
        migrations.AddField(
            model_name="enrollment",
            name="lessons_completed_at",
            field=models.DateTimeField(blank=True, null=True, verbose_name="lessons completed at"),
        ),
        migrations.RunPython(backfill, migrations.RunPython.noop, elidable=True),
    ]
