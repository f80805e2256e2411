"""The apprenticeship pages for each role, their query budgets, uploads through the form, and exports."""

import datetime
import io
import uuid

import pytest
from django.conf import settings
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation
from openpyxl import load_workbook
from PIL import Image

from apprenticeship.constants import PlacementStatus
from apprenticeship.models import LogbookEntry, Placement

from ..courses.factories import EnrollmentFactory, MentorRoleFactory
from ..people.factories import TraineeFactory
from .factories import LogbookEntryFactory, PlacementFactory

YESTERDAY = timezone.localdate() - datetime.timedelta(days=1)


def _jpeg(size=(64, 48)) -> io.BytesIO:
    buffer = io.BytesIO()
    Image.new("RGB", size, "green").save(buffer, "JPEG")
    buffer.seek(0)
    buffer.name = "kegiatan.jpg"
    return buffer


def _entry_post(**changes):
    return {
        "worked_on": YESTERDAY.isoformat(),
        "hours": "3",
        "activity_type": "meeting",
        "narrative": "Memandu pertemuan rutin dan mencatat iuran IKS.",
    } | changes


def test_the_trainee_writes_an_entry_with_a_photo_and_sees_it_waiting(client, placement):
    client.force_login(placement.trainee)
    new_url = reverse("apprenticeship:entry_new", kwargs={"placement_id": placement.pk})
    assert client.get(new_url).status_code == 200
    response = client.post(new_url, _entry_post(photos=_jpeg()))
    assert response.status_code == 302
    entry = LogbookEntry.objects.get(placement=placement)
    assert entry.photos.count() == 1
    page = client.get(reverse("apprenticeship:mine")).content.decode()
    assert "Memandu pertemuan rutin" in page
    assert "0.0 of 40 hours countersigned" in page or "0,0" in page


def _renamed_pdf():
    return io.BytesIO(b"%PDF-1.4\n1 0 obj<<>>endobj\n%%EOF"), "is not a photo"


def _bomb():
    buffer = io.BytesIO()
    Image.new("1", (10_000, 6_000)).save(buffer, "PNG")  # 60 megapixels in a few kilobytes
    return io.BytesIO(buffer.getvalue()), "megapixels"


def _oversized():
    return io.BytesIO(b"\xff\xd8\xff" + b"0" * (9 * 1024 * 1024)), "larger than 8 MB"


@pytest.mark.parametrize("make_upload", [_renamed_pdf, _bomb, _oversized])
def test_a_bad_photo_is_refused_with_a_message_and_the_text_is_kept(client, placement, make_upload):
    upload, message = make_upload()
    upload.name = "foto.jpg"
    client.force_login(placement.trainee)
    with translation.override("en"):
        response = client.post(
            reverse("apprenticeship:entry_new", kwargs={"placement_id": placement.pk}),
            _entry_post(photos=upload),
            follow=True,
            HTTP_ACCEPT_LANGUAGE="en",
        )
    entry = LogbookEntry.objects.get(placement=placement)
    assert "Memandu pertemuan rutin" in entry.narrative
    assert entry.photos.count() == 0
    page = response.content.decode()
    assert "foto.jpg" in page and message in page
    assert response.redirect_chain[-1][0] == reverse("apprenticeship:entry_edit", kwargs={"entry_id": entry.pk})


def test_an_invalid_entry_is_shown_again_with_the_text_and_a_message(client, placement):
    client.force_login(placement.trainee)
    response = client.post(
        reverse("apprenticeship:entry_new", kwargs={"placement_id": placement.pk}), _entry_post(hours="30")
    )
    assert response.status_code == 400
    assert "Memandu pertemuan rutin" in response.content.decode()
    assert not LogbookEntry.objects.exists()


def test_the_offline_outbox_resends_with_its_key_and_gets_json_back(client, placement):
    client.force_login(placement.trainee)
    url = reverse("apprenticeship:entry_new", kwargs={"placement_id": placement.pk})
    key = str(uuid.uuid4())
    for _attempt in range(2):
        reply = client.post(url, _entry_post(client_key=key), HTTP_ACCEPT="application/json")
        assert reply.status_code == 200 and reply.json()["saved"] is True
    assert LogbookEntry.objects.filter(placement=placement).count() == 1
    refused = client.post(url, _entry_post(worked_on="2001-01-01"), HTTP_ACCEPT="application/json")
    assert refused.status_code == 400 and "worked_on" in refused.json()["errors"]


def test_the_host_mentor_countersigns_from_the_queue_and_the_hours_count(client, placement):
    entry = LogbookEntryFactory(placement=placement, hours="2.5")
    client.force_login(placement.host_mentor)
    queue = client.get(reverse("apprenticeship:host_queue"))
    assert "Mendampingi pertemuan rutin" in queue.content.decode()
    client.post(
        reverse("apprenticeship:countersign", kwargs={"entry_id": entry.pk}), {"note": "Lanjutkan", "next": "queue"}
    )
    placement.refresh_from_db()
    entry.refresh_from_db()
    assert (placement.countersigned_hours, entry.host_note) == (2.5, "Lanjutkan")
    assert "Mendampingi pertemuan rutin" not in client.get(reverse("apprenticeship:host_queue")).content.decode()


def test_the_host_evaluates_and_the_supervisor_signs_off(client, placement, supervisor):
    roles = [MentorRoleFactory(slug="fasilitator"), MentorRoleFactory(slug="advokator")]
    Placement.objects.filter(pk=placement.pk).update(
        status=PlacementStatus.ACTIVE, countersigned_hours=40, required_hours=40
    )
    client.force_login(placement.host_mentor)
    url = reverse("apprenticeship:evaluate", kwargs={"placement_id": placement.pk})
    form = {"recommendation": "strongly", "comment": "Siap mandiri."}
    assert client.post(url, form).status_code == 400  # role scores missing
    form |= {f"score_{roles[0].pk}": "5", f"score_{roles[1].pk}": "4"}
    assert client.post(url, form).status_code == 302
    client.force_login(supervisor)
    client.post(reverse("apprenticeship:sign_off", kwargs={"placement_id": placement.pk}))
    placement.refresh_from_db()
    assert placement.status == PlacementStatus.COMPLETED
    client.force_login(placement.trainee)
    page = client.get(reverse("apprenticeship:placement", kwargs={"placement_id": placement.pk})).content.decode()
    assert "4.50" in page or "4,50" in page


def test_the_supervisor_approves_and_rejects_from_the_placement_page(client, placement, supervisor):
    Placement.objects.filter(pk=placement.pk).update(status=PlacementStatus.PROPOSED)
    client.force_login(supervisor)
    url = reverse("apprenticeship:reject", kwargs={"placement_id": placement.pk})
    client.post(url, {"reason": ""})
    placement.refresh_from_db()
    assert placement.status == PlacementStatus.PROPOSED
    client.post(reverse("apprenticeship:approve", kwargs={"placement_id": placement.pk}))
    placement.refresh_from_db()
    assert placement.status == PlacementStatus.APPROVED


def test_propose_shows_ranked_suggestions_with_reasons_and_creates_the_placement(
    client, trainee, kube, cohort, trainer
):
    client.force_login(trainer)
    url = reverse("apprenticeship:propose") + f"?trainee={trainee.pk}"
    page = client.get(url).content.decode()
    assert kube.name in page and "Same district" in page
    response = client.post(
        url,
        {
            "kube": kube.pk,
            "cohort": cohort.pk,
            "starts_on": YESTERDAY.isoformat(),
            "ends_on": (YESTERDAY + datetime.timedelta(days=30)).isoformat(),
        },
    )
    assert response.status_code == 302
    assert Placement.objects.get(trainee=trainee).status == PlacementStatus.PROPOSED


def _more_placements(cohort, kube, count):
    for _n in range(count):
        person = TraineeFactory()
        EnrollmentFactory(cohort=cohort, trainee=person)
        placement = PlacementFactory(trainee=person, kube=kube, cohort=cohort, status=PlacementStatus.ACTIVE)
        LogbookEntryFactory(placement=placement)


@pytest.mark.parametrize("page", ["board", "placement", "host_queue"])
def test_query_counts_do_not_grow_with_placements_or_entries(client, placement, supervisor, cohort, kube, page):
    for _n in range(2):
        LogbookEntryFactory(placement=placement)
    user = {"board": supervisor, "placement": supervisor, "host_queue": placement.host_mentor}[page]
    kwargs = {"placement_id": placement.pk} if page == "placement" else {}
    url = reverse(f"apprenticeship:{page}", kwargs=kwargs)
    client.force_login(user)
    client.get(url)
    with CaptureQueriesContext(connection) as small:
        assert client.get(url).status_code == 200
    _more_placements(cohort, kube, 6)
    for _n in range(6):
        LogbookEntryFactory(placement=placement)
    with CaptureQueriesContext(connection) as large:
        assert client.get(url).status_code == 200
    assert len(large) == len(small)


def test_the_board_export_holds_every_placement_of_the_region(client, placement, supervisor):
    client.force_login(supervisor)
    response = client.get(reverse("apprenticeship:board") + "?format=xlsx")
    sheet = load_workbook(io.BytesIO(response.content)).worksheets[0]
    rows = list(sheet.iter_rows(values_only=True))
    assert placement.trainee.email in [row[1] for row in rows]
    assert "text/csv" in client.get(reverse("apprenticeship:board") + "?format=csv")["Content-Type"]


def test_the_trainee_home_shows_the_apprenticeship_and_the_host_home_the_queue(client, placement):
    LogbookEntryFactory(placement=placement)
    client.force_login(placement.trainee)
    assert placement.kube.name in client.get(reverse("dashboards:home")).content.decode()
    client.force_login(placement.host_mentor)
    assert "1 logbook entry waits" in client.get(reverse("dashboards:home")).content.decode()


def test_a_host_mentor_records_a_maturity_assessment_of_their_kube(client, kube):
    client.force_login(kube.host_mentor)
    data = {"assessed_on": timezone.localdate().isoformat()}
    for field in ("institution", "management", "membership", "activities", "partnership", "growth"):
        data[field] = "3"
    for field in ("independence", "facilities", "welfare_role"):
        data[field] = "2"
    response = client.post(reverse("apprenticeship:kube_assess", kwargs={"kube_id": kube.pk}), data)
    assert response.status_code == 302
    kube.refresh_from_db()
    assert (kube.latest_assessment.total_score, kube.latest_assessment.maturity_class) == (24, "berkembang")
    assert "24" in client.get(reverse("apprenticeship:kube", kwargs={"kube_id": kube.pk})).content.decode()


def test_the_apprenticeship_pages_speak_indonesian_by_default(client, placement):
    del client.cookies[settings.LANGUAGE_COOKIE_NAME]
    client.force_login(placement.trainee)
    page = client.get(reverse("apprenticeship:mine")).content.decode()
    assert "Magang saya" in page and "Tulis catatan" in page
