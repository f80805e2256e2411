"""Wagtail's site history listed every region's KUBE changes to every supervisor: it is for
administrators only now; a KUBE's own history stays with the KUBE, scoped by region."""

import pytest
from django.urls import reverse
from wagtail.log_actions import log

from ..people.factories import UserFactory, give_totp

pytestmark = pytest.mark.django_db


@pytest.fixture
def kube_change(kube, supervisor):
    log(instance=kube, action="wagtail.edit", user=supervisor)
    return kube


@pytest.mark.parametrize("url_name", ["site_history", "site_history_results"])
def test_a_supervisor_cannot_read_the_site_history(client, supervisor_elsewhere, kube_change, url_name):
    client.force_login(supervisor_elsewhere)
    response = client.get(reverse(f"wagtailadmin_reports:{url_name}"))
    assert response.status_code == 403
    assert kube_change.name not in response.content.decode()
    export = client.get(reverse(f"wagtailadmin_reports:{url_name}"), {"export": "csv"})
    assert export.status_code == 403


def test_the_reports_menu_does_not_offer_it_to_a_trainer(client, trainer):
    """Wagtail offers the report to whoever may explore pages, as trainers may."""
    client.force_login(trainer)
    page = client.get(reverse("wagtailadmin_home")).content.decode()
    assert reverse("wagtailadmin_reports:site_history") not in page
    assert client.get(reverse("wagtailadmin_reports:site_history")).status_code == 403


def test_an_administrator_reads_it(client, kube_change):
    admin = UserFactory(is_staff=True, is_superuser=True)
    give_totp(admin)
    client.force_login(admin)
    response = client.get(reverse("wagtailadmin_reports:site_history"))
    assert response.status_code == 200
    assert kube_change.name in response.content.decode()


def test_a_kubes_own_history_stays_scoped(client, supervisor, supervisor_elsewhere, kube_change):
    url = reverse("kube:history", args=[kube_change.pk])
    client.force_login(supervisor)
    assert client.get(url).status_code == 200
    client.force_login(supervisor_elsewhere)
    assert client.get(url).status_code == 404
