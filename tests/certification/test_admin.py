"""Programmes in the Wagtail admin: senior trainers edit, supervisors only read."""

import pytest
from django.urls import reverse

from lms.people.constants import Role

from ..people.factories import UserFactory, give_totp

pytestmark = pytest.mark.usefixtures("english")


def test_a_senior_trainer_edits_and_a_supervisor_only_reads(client, programme, supervisor):
    senior = UserFactory(roles=[Role.SENIOR_TRAINER])
    give_totp(senior)
    edit_url = reverse("certification_programmes:edit", args=[programme.pk])
    index_url = reverse("certification_programmes:index")
    client.force_login(senior)
    assert client.get(edit_url).status_code == 200
    client.force_login(supervisor)
    assert client.get(index_url).status_code == 200
    assert client.get(edit_url).status_code in (302, 403)
