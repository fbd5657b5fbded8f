"""Helpers for browser tests in any app: sign in, and check a page with axe-core.

Use them with the ``page`` fixture from the root conftest.py::

    from indsats.core.tests.browser import assert_accessible, sign_in

    @pytest.mark.browser
    def test_it_shows_the_list(page, live_server, demo_data):
        sign_in(page, live_server, "sagsbehandler@indsats.test")
        page.goto("/organisationer/kommuner/")
        assert_accessible(page)

``sign_in`` hands the browser a signed-in session; ``log_in`` types the e-mail, the
password and the second factor's code into the forms, as tests of the sign-in need.
"""

from __future__ import annotations

from django.conf import settings
from django.shortcuts import resolve_url

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


def sign_in(page, live_server, email: str) -> None:
    """Open the overview as ``email``, already signed in: the browser gets the session a
    completed sign-in leaves (for staff, with the second factor confirmed) as its cookie.

    For tests whose subject is what comes after the sign-in; ``log_in`` walks through the
    forms themselves (and tests of the sign-in use it), at about a second a time."""
    from indsats.accounts.models import User
    from indsats.testing.world import signed_in_session

    session_key = signed_in_session(User.objects.get(email=email))
    page.context.add_cookies(
        [{"name": settings.SESSION_COOKIE_NAME, "value": session_key, "url": live_server.url}]
    )
    response = page.goto(live_server.url + resolve_url(settings.LOGIN_REDIRECT_URL))
    if LOGIN_PATH in page.url or "/konto/totrin/" in page.url or not response.ok:
        raise AssertionError(
            f"Signing in as {email} with a session cookie failed ({page.url}):\n"
            + page.locator("body").inner_text()[:2000]
        )


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
    # Only the violations are wanted: axe then skips gathering every passing node, which
    # on a large table (the screening) halves its time (axe-core's resultTypes option).
    results = page.evaluate(
        "async (tags) => await axe.run(document, {runOnly: {type: 'tag', values: tags},"
        " resultTypes: ['violations']})",
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
