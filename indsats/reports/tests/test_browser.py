"""Each report page in a real browser, with the demo data and a few 2027 records: charts
drawn, the data table under each, and no serious or critical axe-core violation (C8, C11)."""

import pytest

from indsats.core.tests.browser import assert_accessible, sign_in
from indsats.reports.registry import REPORTS

from .records import everything_2027

pytestmark = pytest.mark.browser

MANAGER_EMAIL = "leder@indsats.test"


def test_it_shows_each_report_page_accessibly(page, live_server, demo_data):
    everything_2027()
    sign_in(page, live_server, MANAGER_EMAIL)

    page.goto("/rapporter/?fra=2027-01-01&til=2027-12-31")
    assert_accessible(page)
    for key, spec in REPORTS.items():
        with page.expect_navigation():
            page.locator("#main-content").get_by_role("link", name=str(spec.title)).click()
        assert f"/rapporter/{key}/?fra=2027-01-01" in page.url
        assert page.get_by_role("heading", level=1).inner_text() == str(spec.title)
        # Chart.js drew every chart (a canvas it has sized), and a table is under each.
        page.wait_for_function(
            "() => [...document.querySelectorAll('canvas[data-chart]')]"
            ".every(canvas => window.Chart && window.Chart.getChart(canvas))"
        )
        assert page.locator("table[data-table] caption").count() >= 1
        assert_accessible(page)
        page.go_back()


def test_it_narrows_a_report_through_the_filter_form(page, live_server, demo_data):
    everything_2027()
    sign_in(page, live_server, MANAGER_EMAIL)
    page.goto("/rapporter/volumes/")

    page.locator("#id_fra").fill("2027-01-01")
    page.locator("#id_til").fill("2027-12-31")
    page.get_by_label("Tilbud", exact=True).select_option("O2")
    with page.expect_navigation():
        page.get_by_role("button", name="Vis rapport").click()

    assert "tilbud=O2" in page.url
    rows = page.locator("table[data-table='volumes'] tbody tr")
    assert rows.count() == 1
    assert "O2" in rows.first.inner_text()
    assert_accessible(page)
