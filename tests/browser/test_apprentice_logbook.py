"""An apprentice on a phone writes logbook entries (one with a photo, one offline); the host mentor
countersigns; the apprentice's countersigned hours go up."""

import datetime
import io

import pytest
from django.utils import timezone
from PIL import Image
from playwright.sync_api import expect

from apprenticeship.models import LogbookEntry

from ..apprenticeship.factories import HostMentorFactory, KubeGroupFactory, PlacementFactory, assess
from ..courses.factories import CohortFactory, EnrollmentFactory, MentorRoleFactory, build_course
from ..people.factories import TraineeFactory
from .conftest import save_screenshot, serious_accessibility_violations
from .test_trainer_publishes_course import signed_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def _photo(tmp_path):
    path = tmp_path / "pertemuan-kube.jpg"
    buffer = io.BytesIO()
    Image.new("RGB", (1200, 900), (40, 120, 60)).save(buffer, "JPEG")
    path.write_bytes(buffer.getvalue())
    return path


def _fill_entry(page, *, day, hours, text):
    page.locator("[name=worked_on]").fill(day.isoformat())
    page.locator("[name=hours]").fill(hours)
    page.locator("[name=activity_type]").select_option("bookkeeping")
    page.locator("[name=roles]").first.check()
    page.locator("[name=narrative]").fill(text)


def test_an_entry_with_a_photo_is_countersigned_and_the_hours_go_up(live_server, phone_page, regions, tmp_path):
    MentorRoleFactory(slug="fasilitator", name_id="Fasilitator", name_en="Facilitator")
    course = build_course(code="PK-MG", modules=1, lessons_per_module=1)
    cohort = CohortFactory(course=course, region=regions["35"])
    trainee = TraineeFactory(full_name="Dewi Lestari", home_region=regions["35.78"])
    EnrollmentFactory(cohort=cohort, trainee=trainee)
    host = HostMentorFactory(full_name="Suparmi")
    kube = KubeGroupFactory(name="KUBE Mawar Sejahtera", village=regions["35.78.01.1001"], host_mentor=host)
    assess(kube, total=38)
    placement = PlacementFactory(trainee=trainee, kube=kube, cohort=cohort, required_hours=40)
    today = timezone.localdate()
    page, base = phone_page, live_server.url

    signed_in(page, base, trainee)
    page.goto(f"{base}/magang/")
    page.locator(f"a[href='/magang/penempatan/{placement.pk}/catatan/baru/']").click()
    _fill_entry(page, day=today - datetime.timedelta(days=1), hours="3.5", text="Membantu bendahara menyusun buku kas.")
    page.locator("[name=photos]").set_input_files(str(_photo(tmp_path)))
    assert serious_accessibility_violations(page) == []
    save_screenshot(page, "apprentice-logbook-form")
    page.locator("#logbook-form button[type=submit]").click()
    expect(page.locator("img[src^='/magang/foto/']")).to_have_count(1)
    first = LogbookEntry.objects.get(placement=placement)
    assert first.photos.count() == 1

    # No connection: the entry waits on the phone and is sent when the connection returns.
    page.goto(f"{base}/magang/penempatan/{placement.pk}/catatan/baru/")
    page.context.set_offline(True)
    _fill_entry(page, day=today, hours="2", text="Ikut menagih iuran IKS dari rumah ke rumah.")
    page.locator("#logbook-form button[type=submit]").click()
    expect(page.locator("#logbook-status")).to_have_attribute("data-state", "queued")
    save_screenshot(page, "apprentice-logbook-offline")
    assert LogbookEntry.objects.filter(placement=placement).count() == 1
    page.context.set_offline(False)
    page.evaluate("window.dispatchEvent(new Event('online'))")
    expect(page.locator("#logbook-status")).to_have_attribute("data-state", "sent")
    assert LogbookEntry.objects.filter(placement=placement).count() == 2

    signed_in(page, base, host)
    page.goto(f"{base}/magang/pembimbing/")
    assert serious_accessibility_violations(page) == []
    save_screenshot(page, "host-mentor-queue")
    page.locator(f"#catatan-{first.pk} form button[type=submit]").first.click()
    expect(page.locator(f"#catatan-{first.pk}")).to_have_count(0)

    signed_in(page, base, trainee)
    page.goto(f"{base}/magang/")
    expect(page.locator(f"#jam-{placement.pk}")).to_have_attribute("value", "8")  # 3.5 of 40 hours
    save_screenshot(page, "apprentice-hours")
    placement.refresh_from_db()
    assert placement.countersigned_hours == 3.5
