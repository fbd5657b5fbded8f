"""Issue #9 in Debian's chromium: a consultant types "2,5" hours as the field's hint says,
and the programme stores two and a half and shows "2,5" (C6, C11); then corrects the
entry with a reason, which the programme's history shows."""

from datetime import date
from decimal import Decimal

import pytest

from indsats.accounts.models import Role
from indsats.catalogue.models import Offer
from indsats.core.tests.browser import assert_accessible, sign_in
from indsats.programmes.models import HourEntry, Programme
from indsats.programmes.tests.dates import began_long_ago
from indsats.testing.factories import UserFactory, municipality_organisation

pytestmark = pytest.mark.browser


def _click(page, name):
    with page.expect_navigation():
        page.get_by_role("button", name=name).first.click()


def test_it_stores_2_5_hours_typed_with_a_comma_and_shows_2_5(page, live_server):
    odder = municipality_organisation("727")  # Odder Kommune
    consultant = UserFactory(email="konsulent@styrelsen.test", role=Role.CONSULTANT)
    programme = Programme.objects.create(
        offer=Offer.objects.get(code="O1"),
        reference="TF-2030-0042",
        title="Temaforløb om børnesamtalen",
        organisation=odder,
        current_step="delivery",
        hour_cap=25,
    )
    programme.consultants.add(consultant)
    began_long_ago(programme)  # the entry below is dated before today

    sign_in(page, live_server, consultant.email)
    page.goto(f"{live_server.url}/forloeb-sager/{programme.pk}/timer/ny/")
    hours = page.locator("#id_hours")
    assert hours.get_attribute("type") == "text"
    assert hours.get_attribute("inputmode") == "decimal"
    page.locator("#id_date").fill(date(2026, 3, 2).isoformat())
    hours.fill("2,5")
    page.locator("#id_description").fill("Sparring om børnesamtalen")
    _click(page, "Gem")

    entry = HourEntry.objects.get(programme=programme)
    assert entry.hours == Decimal("2.5")
    timer = page.locator("#timer")
    assert "2,5" in timer.locator("table").inner_text()
    assert "Brugt: 2,5 af 25 timer." in timer.inner_text()

    # Correct it, with a reason; the field shows the stored value the Danish way.
    with page.expect_navigation():
        timer.get_by_role("link", name="Ret registreringen 02.03.2026").click()
    assert page.locator("#id_hours").input_value() == "2,5"
    assert_accessible(page)
    page.locator("#id_hours").fill("3")
    _click(page, "Gem")
    assert page.locator("#id_change_reason_error").is_visible()
    page.locator("#id_change_reason").fill("Mødet varede en halv time mere")
    _click(page, "Gem")
    entry.refresh_from_db()
    assert entry.hours == Decimal("3")
    assert "Mødet varede en halv time mere" in page.locator("main").inner_text()
