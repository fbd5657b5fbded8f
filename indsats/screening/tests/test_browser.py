"""Issue #5 as the Board's staff would live it, in Debian's chromium (C7; O5, F5).

A manager opens the screening, filters on F5, opens a municipality, records *contact*
with a reason, and finds the outreach case among the Board's programmes. axe-core checks
the screening page and the municipality page (with its charts and data tables).
"""

import re

import pytest

from indsats.core.demo import DEMO_PASSWORD
from indsats.core.tests.browser import assert_accessible, log_in
from indsats.programmes.models import Programme
from indsats.screening.models import Decision, ScreeningDecision

pytestmark = pytest.mark.browser


def _submit(page, label):
    with page.expect_navigation():
        page.get_by_role("button", name=label).click()


def test_it_takes_a_manager_from_the_screening_to_an_outreach_case(page, live_server, demo_data):
    log_in(page, live_server, "leder@indsats.test", DEMO_PASSWORD)
    with page.expect_navigation():
        page.get_by_role("navigation", name="Hovedmenu").get_by_role(
            "link", name="Screening"
        ).first.click()
    assert page.get_by_role("heading", name="Screening af kommunerne").is_visible()
    assert page.get_by_text("Syntetiske data").first.is_visible()
    assert_accessible(page)

    page.select_option("#faktor", "F5")
    _submit(page, "Vis")
    assert "faktor=F5" in page.url
    table = page.locator("table.screening-table")
    rows = table.locator("tbody tr")
    assert rows.count() >= 1
    for index in range(rows.count()):  # every row shown meets F5, with its figures
        f5_cell = rows.nth(index).locator("td").nth(8)  # rank, region, 2 rates, F1–F4
        assert f5_cell.inner_text().startswith("Ja")
        assert re.search(r"\d+,\d+ > \d+,\d+", f5_cell.inner_text())

    first = rows.first.locator("th a")
    name = first.inner_text()
    with page.expect_navigation():
        first.click()
    assert page.get_by_role("heading", name=f"{name} Kommune", exact=True).is_visible()
    assert page.locator("canvas#chart-notification").is_visible()
    assert page.get_by_role("table", name=re.compile("Tallene bag kurven")).first.is_visible()
    assert_accessible(page)

    page.get_by_label("Tag kontakt").check()
    page.get_by_label("Begrundelse").fill("Mange underretninger (F5) og et gammelt beredskab.")
    _submit(page, "Gem beslutningen")
    message = page.locator(".messages").inner_text()
    reference = re.search(r"KB-\d{4}-\d{4}", message).group(0)
    earlier = page.get_by_role("listitem").filter(has_text=f"opsøgende forløb {reference}")
    assert earlier.inner_text().startswith("Tag kontakt")

    programme = Programme.objects.get(reference=reference)
    assert programme.offer.code == "O5"
    assert programme.organisation.municipality.name == name
    decision = ScreeningDecision.objects.get(programme=programme)
    assert decision.decision == Decision.CONTACT

    # The outreach case appears among the Board's programmes (C6), filtered on O5.
    page.goto(f"{live_server.url}/forloeb-sager/?tilbud=O5")
    assert page.get_by_role("link", name=reference).is_visible()
