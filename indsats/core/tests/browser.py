"""Helpers for browser tests in any app: log in, and check a page with axe-core.

Use them with the ``page`` fixture from the root conftest.py::

    from indsats.core.tests.browser import assert_accessible, log_in

    @pytest.mark.browser
    def test_it_shows_the_list(page, live_server, demo_data):
        log_in(page, live_server, "sagsbehandler@indsats.test", DEMO_PASSWORD)
        page.goto("/organisationer/kommuner/")
        assert_accessible(page)
"""

from __future__ import annotations

from django.conf import settings

AXE_JS = settings.NODE_MODULES / "axe-core" / "axe.min.js"
WCAG_TAGS = ("wcag2a", "wcag2aa", "wcag21a", "wcag21aa")
BLOCKING_IMPACTS = ("serious", "critical")
LOGIN_PATH = "/konto/log-ind/"
SUBMIT = "button[type='submit'], button:not([type]), input[type='submit']"


def log_in(page, live_server, email: str, password: str) -> None:
    """Log in through the login form, as a person would; fail readably if it is refused."""
    page.goto(live_server.url + LOGIN_PATH)
    form = page.locator("form").filter(has=page.locator("input[name='password']"))
    form.locator("input[name='username']").fill(email)
    form.locator("input[name='password']").fill(password)
    with page.expect_navigation():
        form.locator(SUBMIT).first.click()
    if LOGIN_PATH in page.url:
        raise AssertionError(
            f"Logging in as {email} failed; the login page says:\n"
            + page.locator("body").inner_text()[:2000]
        )


def axe_violations(page, tags=WCAG_TAGS) -> list[dict]:
    """Run axe-core on the page as it is now and return its violations."""
    if not AXE_JS.exists():
        raise AssertionError(f"{AXE_JS} is missing; run scripts/setup.sh (npm ci).")
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        page.add_script_tag(path=str(AXE_JS))
    results = page.evaluate(
        "async (tags) => await axe.run(document, {runOnly: {type: 'tag', values: tags}})",
        list(tags),
    )
    return results["violations"]


def format_violations(violations: list[dict]) -> str:
    lines = []
    for violation in violations:
        lines.append(
            f"- {violation['id']} ({violation['impact']}): {violation['help']}"
            f" <{violation['helpUrl']}>"
        )
        for node in violation["nodes"]:
            target = " ".join(str(part) for part in node["target"])
            lines.append(f"    at {target}")
            lines.append(f"       {node['html'][:200]}")
    return "\n".join(lines)


def assert_accessible(page) -> None:
    """Fail if axe-core finds a serious or critical WCAG 2.1 A/AA violation on the page."""
    blocking = [v for v in axe_violations(page) if v["impact"] in BLOCKING_IMPACTS]
    if blocking:
        raise AssertionError(
            f"axe-core found {len(blocking)} serious or critical WCAG 2.1 A/AA violation(s) "
            f"on {page.url}:\n{format_violations(blocking)}"
        )
