"""How many bytes a trainee's phone downloads to open a lesson: HTML, CSS and JS, gzip-compressed.

Content images are excluded (they are lazy WebP renditions sized to the screen). The budget
from the curriculum issue is 60 KB; Kolibri's learner page is about 950 KB on first load.

    .venv/bin/python bench/lesson_page_weight.py

Builds the demo data in a throw-away SQLite database (first run about 20 s), signs in as the
demo trainee enrolled in both courses, opens every demo lesson, and reports the heaviest one and the median.
"""

import gzip
import os
import re
import statistics
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
DATABASE = Path(tempfile.gettempdir()) / "akademi-bench-weight.sqlite3"
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lms.settings.dev")
os.environ["DATABASE_URL"] = f"sqlite:///{DATABASE}"

import django  # noqa: E402

django.setup()

from django.contrib.staticfiles import finders  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.test import Client  # noqa: E402

BUDGET = 60 * 1024
ASSET = re.compile(r'<(?:link[^>]+href|script[^>]+src)="(/static/[^"]+)"')


def gzipped(data: bytes) -> int:
    return len(gzip.compress(data, compresslevel=6))


def asset_bytes(url: str) -> bytes:
    path = finders.find(url.removeprefix("/static/"))
    return Path(path).read_bytes()


def main() -> None:
    call_command("migrate", verbosity=0)
    call_command("seed_demo", stdout=open(os.devnull, "w"))  # noqa: SIM115
    from courses.models import LessonPage
    from lms.people.models import User

    client = Client()
    client.force_login(User.objects.get(email="nurhayati@akademi.test"))  # enrolled in both courses
    weights = []
    for lesson in LessonPage.objects.live().order_by("path"):
        response = client.get(lesson.url)
        if response.status_code != 200:
            raise SystemExit(f"{lesson.url} answered {response.status_code}")
        html = response.content
        assets = sorted(set(ASSET.findall(html.decode())))
        total = gzipped(html) + sum(gzipped(asset_bytes(url)) for url in assets)
        weights.append((total, lesson.title, gzipped(html), assets))
    weights.sort()
    heaviest = weights[-1]
    print(f"lessons measured: {len(weights)}")
    print(f"median transfer:  {statistics.median(w[0] for w in weights) / 1024:.1f} KB (gzip)")
    print(f"heaviest lesson:  {heaviest[0] / 1024:.1f} KB (gzip) — {heaviest[1]}")
    print(f"  HTML {heaviest[2] / 1024:.1f} KB; assets: {', '.join(heaviest[3]) or 'none'}")
    for url in heaviest[3]:
        print(f"  {url}: {gzipped(asset_bytes(url)) / 1024:.1f} KB")
    print(f"budget 60 KB: {'met' if heaviest[0] <= BUDGET else 'EXCEEDED'}")


if __name__ == "__main__":
    main()
