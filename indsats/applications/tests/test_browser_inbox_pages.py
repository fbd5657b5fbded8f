"""A case officer pages through a filtered inbox of 120 applications in a real browser:
the DKFDS pagination keeps the filter, and axe-core finds nothing serious (C13)."""

from datetime import timedelta

import pytest
from django.utils import timezone

from indsats.applications.models import Application, ApplicationStatus
from indsats.catalogue.models import Offer
from indsats.core.tests.browser import assert_accessible, sign_in

pytestmark = pytest.mark.browser


def test_it_pages_a_filtered_inbox_with_the_filter_kept(page, live_server, case_officer, applicant):
    offer = Offer.objects.get(code="O2")
    received = timezone.now() - timedelta(days=10)
    Application.objects.bulk_create(
        Application(
            offer=offer,
            organisation=applicant.organisation,
            created_by=applicant,
            status=ApplicationStatus.SUBMITTED,
            reference=f"UF-2027-{number:04d}",
            submitted_at=received + timedelta(minutes=number),
        )
        for number in range(120)
    )
    sign_in(page, live_server, case_officer.email)
    page.goto(f"{live_server.url}/sagsbehandling/?offer={offer.pk}&status=submitted")
    applications = page.get_by_role("navigation", name="Sider med ansøgninger")
    assert applications.get_by_role("link", name="Side 1").get_attribute("aria-current") == "page"

    with page.expect_navigation():
        applications.get_by_role("link", name="Næste side").click()
    assert f"offer={offer.pk}" in page.url
    assert "status=submitted" in page.url
    assert "side=2" in page.url
    assert page.get_by_role("link", name="UF-2027-0050").is_visible()
    assert page.get_by_role("link", name="UF-2027-0049").count() == 0
    assert_accessible(page)
