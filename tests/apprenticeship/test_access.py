"""Nobody reaches another person's apprenticeship: 404 for what they may not see, 403 for what they may not do."""

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse

from apprenticeship.models import LogbookPhoto

from ..people.factories import TraineeFactory, TrainerFactory, give_totp
from .factories import HostMentorFactory, LogbookEntryFactory


@pytest.fixture
def entry(placement):
    return LogbookEntryFactory(placement=placement)


def _urls(placement, entry):
    return {
        "placement": reverse("apprenticeship:placement", kwargs={"placement_id": placement.pk}),
        "entry_new": reverse("apprenticeship:entry_new", kwargs={"placement_id": placement.pk}),
        "entry_edit": reverse("apprenticeship:entry_edit", kwargs={"entry_id": entry.pk}),
        "evaluate": reverse("apprenticeship:evaluate", kwargs={"placement_id": placement.pk}),
    }


def test_another_trainee_gets_404_for_the_placement_and_its_logbook(client, placement, entry, regions):
    client.force_login(TraineeFactory(home_region=regions["35.78"]))
    for name, url in _urls(placement, entry).items():
        assert client.get(url).status_code == 404, name
    response = client.post(
        reverse("apprenticeship:entry_edit", kwargs={"entry_id": entry.pk}),
        {"worked_on": entry.worked_on, "hours": "2", "activity_type": "other", "narrative": "Diubah orang lain"},
    )
    assert response.status_code == 404
    entry.refresh_from_db()
    assert "Diubah" not in entry.narrative
    countersign = reverse("apprenticeship:countersign", kwargs={"entry_id": entry.pk})
    assert client.post(countersign).status_code == 404


def test_a_host_mentor_sees_only_their_own_apprentices(client, placement, entry):
    client.force_login(HostMentorFactory())
    assert client.get(_urls(placement, entry)["placement"]).status_code == 404
    assert client.post(reverse("apprenticeship:countersign", kwargs={"entry_id": entry.pk})).status_code == 404
    entry.refresh_from_db()
    assert not entry.is_countersigned


def test_the_apprentice_cannot_countersign_their_own_entry(client, placement, entry):
    client.force_login(placement.trainee)
    assert client.post(reverse("apprenticeship:countersign", kwargs={"entry_id": entry.pk})).status_code == 403
    entry.refresh_from_db()
    assert not entry.is_countersigned


def test_a_supervisor_of_another_province_gets_404_and_an_empty_board(client, placement, entry, supervisor_elsewhere):
    client.force_login(supervisor_elsewhere)
    assert client.get(_urls(placement, entry)["placement"]).status_code == 404
    assert client.post(reverse("apprenticeship:approve", kwargs={"placement_id": placement.pk})).status_code == 404
    board = client.get(reverse("apprenticeship:board"))
    assert placement.trainee.full_name not in board.content.decode()
    export = client.get(reverse("apprenticeship:board") + "?format=csv")
    assert placement.trainee.email not in export.content.decode()


def test_a_supervisor_of_the_region_reads_but_a_trainer_of_another_cohort_does_not(
    client, placement, entry, supervisor
):
    client.force_login(supervisor)
    assert client.get(_urls(placement, entry)["placement"]).status_code == 200
    outsider = TrainerFactory()
    give_totp(outsider)
    client.force_login(outsider)
    assert client.get(_urls(placement, entry)["placement"]).status_code == 404


def test_photos_are_served_only_to_those_who_may_read_the_entry(client, placement, entry, regions):
    photo = LogbookPhoto(entry=entry, width=1, height=1)
    photo.image.save("x.webp", ContentFile(b"RIFF....WEBP"), save=True)
    url = reverse("apprenticeship:photo", kwargs={"photo_id": photo.pk})
    client.force_login(placement.trainee)
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "image/webp"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Security-Policy"] == "sandbox; default-src 'none'"
    assert b"".join(response.streaming_content) == b"RIFF....WEBP"
    client.force_login(TraineeFactory(home_region=regions["35.78"]))
    assert client.get(url).status_code == 404
    client.logout()
    assert client.get(url).status_code == 302


def test_a_new_host_mentor_sees_an_empty_queue_and_a_trainee_is_refused(client, regions):
    client.force_login(HostMentorFactory())
    assert client.get(reverse("apprenticeship:host_queue")).status_code == 200
    client.force_login(TraineeFactory(home_region=regions["35.78"]))
    assert client.get(reverse("apprenticeship:host_queue")).status_code == 403
