"""A supervisor on a phone opens the placements board, approves a proposed placement, and the
host mentor's evaluation form is usable too (axe on every page)."""

import pytest
from playwright.sync_api import expect

from apprenticeship.constants import PlacementStatus

from ..apprenticeship.factories import HostMentorFactory, KubeGroupFactory, PlacementFactory, assess
from ..courses.factories import CohortFactory, EnrollmentFactory, MentorRoleFactory, build_course
from ..people.factories import SupervisorFactory, TraineeFactory, give_totp
from .conftest import save_screenshot, serious_accessibility_violations
from .test_trainer_publishes_course import signed_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def test_the_supervisor_approves_from_the_board(live_server, phone_page, regions):
    MentorRoleFactory(slug="fasilitator", name_id="Fasilitator", name_en="Facilitator")
    course = build_course(code="PK-MG", modules=1, lessons_per_module=1)
    cohort = CohortFactory(course=course, region=regions["35"])
    trainee = TraineeFactory(full_name="Agus Salim", home_region=regions["35.78"])
    EnrollmentFactory(cohort=cohort, trainee=trainee)
    host = HostMentorFactory(full_name="Suparmi")
    kube = KubeGroupFactory(name="KUBE Sumber Rejeki", village=regions["35.78.01.1001"], host_mentor=host)
    assess(kube, total=30)
    placement = PlacementFactory(trainee=trainee, kube=kube, cohort=cohort, status=PlacementStatus.PROPOSED)
    supervisor = SupervisorFactory(scope_region=regions["35"])
    give_totp(supervisor)
    page, base = phone_page, live_server.url

    signed_in(page, base, supervisor)
    page.goto(f"{base}/magang/papan/")
    assert serious_accessibility_violations(page) == []
    save_screenshot(page, "supervisor-placements-board")
    page.get_by_role("link", name="Agus Salim").first.click()
    assert serious_accessibility_violations(page) == []
    page.locator(f"form[action='/magang/penempatan/{placement.pk}/setujui/'] button").click()
    expect(page.locator(".badge.status-approved")).to_be_visible()
    placement.refresh_from_db()
    assert (placement.status, placement.decided_by) == (PlacementStatus.APPROVED, supervisor)

    placement.status = PlacementStatus.ACTIVE
    placement.save()
    signed_in(page, base, host)
    page.goto(f"{base}/magang/penempatan/{placement.pk}/evaluasi/")
    assert serious_accessibility_violations(page) == []
    save_screenshot(page, "host-evaluation-form")
