"""The DKFDS "session expires" warning in a real browser, with a six-second idle limit (C12).

The limits are short because the test waits on real time, twice over: long enough that
a loaded machine still reaches each page well inside the limit (two seconds to spare)."""

import pytest

from indsats.accounts.models import Role
from indsats.core.tests.browser import LOGIN_PATH, log_in
from indsats.testing.factories import TEST_PASSWORD, UserFactory, municipality_organisation

IDLE_SECONDS = 6
WARNING_SECONDS = 3


@pytest.fixture
def short_sessions(settings):
    settings.SESSION_IDLE_TIMEOUT = {"staff": IDLE_SECONDS, "applicant": IDLE_SECONDS}
    settings.SESSION_WARNING_BEFORE = WARNING_SECONDS


@pytest.mark.browser
def test_it_warns_before_the_idle_limit_and_keeps_the_session_on_request(
    page, live_server, short_sessions
):
    user = UserFactory(
        email="leder@aarhus.test",
        role=Role.APPLICANT,
        organisation=municipality_organisation("751"),
    )
    csp_reports = []
    page.on(
        "console",
        lambda message: (
            csp_reports.append(message.text) if "Content Security Policy" in message.text else None
        ),
    )
    log_in(page, live_server, user.email, TEST_PASSWORD)
    overview = page.url
    warning = page.locator("#session-timeout")
    assert not warning.is_visible()

    # Shown about three seconds before the limit, with the button to stay signed in.
    warning.wait_for(state="visible", timeout=(IDLE_SECONDS + 2) * 1000)
    assert "Du bliver snart logget ud" in warning.inner_text()
    stay = warning.get_by_role("button", name="Forbliv logget ind")
    with page.expect_response(lambda response: "/session/forlaeng/" in response.url) as kept:
        stay.click()
    assert kept.value.status == 200
    warning.wait_for(state="hidden")

    # Past the first limit (at most WARNING_SECONDS after the click), still well inside the
    # new one (IDLE_SECONDS after it): still signed in, because the button kept it alive.
    page.wait_for_timeout((WARNING_SECONDS + 1) * 1000)
    page.goto(overview)
    assert LOGIN_PATH not in page.url

    # Left alone, the warning comes back, and at the limit the browser lands on the login
    # page, which says why.
    warning.wait_for(state="visible", timeout=(IDLE_SECONDS + 2) * 1000)
    page.wait_for_url(f"**{LOGIN_PATH}**", timeout=(IDLE_SECONDS + 5) * 1000)
    assert (
        "Du er blevet logget ud, fordi du ikke har brugt Indsats"
        in page.locator("main").inner_text()
    )
    assert csp_reports == []
