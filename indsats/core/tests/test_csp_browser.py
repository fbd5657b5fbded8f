"""The Content Security Policy breaks nothing (C12): in Debian's chromium, under the
service's real policy, the front page, the registration form, an application form, the
case page, a municipality's screening page with its charts and the two-factor set-up with
its QR code report no violation, and the scripts on them still work (the registration
form's sections, DKFDS, htmx, the charts).

Violations are collected twice: by a ``securitypolicyviolation`` listener that an init
script adds before any of the page's own scripts run, and from the console, where
chromium writes "Refused to ..." for each (kept across navigations, so the pages passed
on the way, such as those of signing in, count too).
"""

from __future__ import annotations

import pytest

from indsats.applications.models import Application, ApplicationStatus
from indsats.core.tests.browser import log_in, sign_in
from indsats.testing.factories import TEST_PASSWORD, UserFactory

pytestmark = pytest.mark.browser

LISTEN = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", function (event) {
  window.__cspViolations.push(
    event.violatedDirective + " blocked " + (event.blockedURI || "inline") + " at " +
    event.sourceFile + ":" + event.lineNumber + " " + (event.sample || "")
  );
});
"""


@pytest.fixture
def watched(page):
    """The page, with every CSP violation and console error it reports kept in a list."""
    console = []
    page.add_init_script(LISTEN)
    page.on(
        "console",
        lambda message: (
            console.append(message.text)
            if message.type == "error" or "Content Security Policy" in message.text
            else None
        ),
    )
    page.csp_console = console
    return page


def assert_no_violation(page, where: str) -> None:
    page.wait_for_load_state("load")
    reported = page.evaluate("() => window.__cspViolations || []")
    refused = [
        text
        for text in page.csp_console
        if "Content Security Policy" in text or text.startswith("Refused to")
    ]
    assert reported == [], f"CSP violations on {where}: {reported}"
    assert refused == [], f"CSP refusals in the console on {where}: {refused}"


def test_it_reports_no_violation_on_the_front_and_registration_pages(watched, live_server):
    page = watched
    response = page.goto("/")
    assert "unsafe-inline" not in response.headers["content-security-policy"]
    assert_no_violation(page, "the front page")

    page.goto("/konto/opret/")
    assert_no_violation(page, "the registration page")
    # The script moved to a file still shows only the parts that fit the choices made.
    new_site = page.locator("[data-shown-when='site_choice=new']")
    assert new_site.is_hidden()
    page.locator("input[name='organisation_kind'][value='placement_site']").check()
    page.locator("input[name='site_choice'][value='new']").check()
    assert new_site.is_visible()
    assert page.locator("[data-shown-when='organisation_kind=municipality']").is_hidden()
    assert_no_violation(page, "the registration page after choosing")


def test_it_reports_no_violation_on_an_application_form(watched, live_server, demo_data):
    page = watched
    draft = Application.objects.filter(status=ApplicationStatus.DRAFT).first()
    applicant = draft.created_by
    sign_in(page, live_server, applicant.email)
    assert_no_violation(page, "the overview after signing in")

    response = page.goto(f"/ansoegninger/{draft.pk}/udfyld/")

    assert response.status == 200
    assert page.locator("form[method='post'] textarea, form[method='post'] input").count() > 1
    assert_no_violation(page, "the application form")


def test_it_reports_no_violation_on_the_case_page_and_the_screening_charts(
    watched, live_server, demo_data
):
    page = watched
    case = Application.objects.exclude(status=ApplicationStatus.DRAFT).first()
    sign_in(page, live_server, "leder@indsats.test")
    assert_no_violation(page, "signing in as staff")

    page.goto(f"/sagsbehandling/ansoegninger/{case.pk}/")
    assert page.get_by_role("heading", name=case.reference).first.is_visible()
    # DKFDS's and htmx's scripts ran under the policy.
    assert page.evaluate("() => typeof window.DKFDS.init") == "function"
    assert page.evaluate("() => window.htmx.config.includeIndicatorStyles") is False
    assert_no_violation(page, "the case page")

    page.goto("/screening/kommuner/751/")
    canvas = page.locator("canvas[data-chart]").first
    canvas.wait_for()
    drawn = page.evaluate(
        """() => Array.from(document.querySelectorAll("canvas[data-chart]")).map((canvas) => {
            const chart = window.Chart && window.Chart.getChart(canvas);
            const pixels = canvas.getContext("2d")
                .getImageData(0, 0, canvas.width, canvas.height).data;
            let painted = 0;
            for (let i = 3; i < pixels.length; i += 4) { if (pixels[i] > 0) painted++; }
            return {chart: Boolean(chart), width: canvas.width, painted: painted};
        })"""
    )
    assert drawn
    for chart in drawn:
        assert chart["chart"]
        assert chart["width"] > 0
        assert chart["painted"] > 1000  # axes, lines and legend, not a blank canvas
    assert_no_violation(page, "the screening page with its charts")


def test_it_reports_no_violation_while_staff_set_up_two_factor(watched, live_server):
    page = watched
    newcomer = UserFactory(email="ny.medarbejder@indsats.test")
    visited = []
    page.on("framenavigated", lambda frame: visited.append(frame.url))

    log_in(page, live_server, newcomer.email, TEST_PASSWORD)

    # The set-up page with its QR code (an inline SVG) and then the recovery codes.
    assert any("/konto/totrin/opsaet/" in url for url in visited), visited
    assert_no_violation(page, "the two-factor set-up and the recovery codes")
