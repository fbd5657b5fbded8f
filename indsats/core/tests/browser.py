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
TWO_FACTOR_VERIFY_PATH = "/konto/totrin/kode/"
TWO_FACTOR_ENROL_PATH = "/konto/totrin/opsaet/"
TWO_FACTOR_CODES_PATH = "/konto/totrin/reservekoder/"
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
    confirm_second_factor(page, email)


def confirm_second_factor(page, email: str) -> None:
    """For the Board's staff (C12): type the code the login asks for, as a person with
    the app would (the code computed by pyotp from the device's secret), or, for a user
    without an app, set one up from the secret on the page and skip the recovery codes."""
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from indsats.testing.twofactor import app_for, next_code

    if TWO_FACTOR_VERIFY_PATH in page.url:
        device = TOTPDevice.objects.get(user__email=email, confirmed=True)
        _submit_code(page, next_code(device))
    elif TWO_FACTOR_ENROL_PATH in page.url:
        secret = page.locator("[data-secret]").inner_text()
        _submit_code(page, app_for(secret).now())
        if TWO_FACTOR_CODES_PATH not in page.url:
            raise AssertionError(
                f"Setting up two-factor for {email} failed:\n"
                + page.locator("body").inner_text()[:2000]
            )
        with page.expect_navigation():
            page.locator("a[data-continue]").click()
    else:
        return
    if "/konto/totrin/" in page.url:
        raise AssertionError(
            f"The second factor for {email} was refused:\n"
            + page.locator("body").inner_text()[:2000]
        )


def _submit_code(page, code: str) -> None:
    form = page.locator("form").filter(has=page.locator("input[name='code']"))
    form.locator("input[name='code']").fill(code)
    with page.expect_navigation():
        form.locator(SUBMIT).first.click()


def axe_violations(page, tags=WCAG_TAGS) -> list[dict]:
    """Run axe-core on the page as it is now and return its violations."""
    if not AXE_JS.exists():
        raise AssertionError(f"{AXE_JS} is missing; run scripts/setup.sh (npm ci).")
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        # Evaluated through the DevTools protocol, which the page's Content Security Policy
        # does not govern; an added <script> element would be refused as inline code (C12).
        page.evaluate(AXE_JS.read_text(encoding="utf-8") + "\n;true")
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
