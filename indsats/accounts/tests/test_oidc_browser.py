"""Sign-in with MitID Erhverv in chromium, through a real OpenID Connect provider (C12).

The provider (``oidc_provider/provider.mjs``, npm ``oidc-provider``) runs on 127.0.0.1
beside the live server: a first sign-in is refused until the login is linked (here by
accepting an invitation), the linked user then lands on their overview, an ID token that
has expired by the time the service checks it is refused, and logout ends the session
here and at the provider.
"""

from __future__ import annotations

import datetime as dt

import pytest
import time_machine

from indsats.accounts.models import ExternalIdentity, Invitation
from indsats.accounts.oidc.provider import forget_provider
from indsats.accounts.tests.oidc_provider import CALLBACK_PATH, configure, running_provider

LINK_HEADING = "Forbind din MitID Erhverv-login"


@pytest.fixture
def provider(settings, live_server):
    with running_provider(
        [live_server.url + CALLBACK_PATH], post_logout_redirect_uris=[live_server.url + "/"]
    ) as running:
        configure(settings, running)
        yield running
    forget_provider()


def signed_in(page) -> bool:
    return page.locator("form.logout-form").count() > 0


def sign_in_at_provider(page, live_server, login: str) -> None:
    page.goto(live_server.url + "/konto/log-ind/")
    page.get_by_role("link", name="Log ind med MitID Erhverv").click()
    page.wait_for_selector("text=Log ind hos testudbyderen")
    page.fill("#login", login)


def log_out_everywhere(page, provider, live_server) -> None:
    page.locator("form.logout-form button").first.click()
    page.wait_for_selector("text=Log ud hos testudbyderen")  # the provider's end session
    assert page.url.startswith(provider.issuer + "/session/end")
    page.get_by_role("button", name="Ja, log mig ud").click()
    page.wait_for_url(live_server.url + "/")
    assert not signed_in(page)


@pytest.mark.browser
def test_it_signs_in_with_mitid_erhverv_once_the_login_is_linked(
    page, live_server, provider, aarhus
):
    """C12 done-when: first sign-in refused until linked, then the overview; an expired
    ID token refused; logout here and at the provider."""
    invitation = Invitation.objects.create(
        organisation=aarhus, email="mette@aarhus.test", full_name="Mette Mikkelsen"
    )

    # A first sign-in: verified by the provider, but linked to nobody.
    sign_in_at_provider(page, live_server, "mette-sub")
    page.get_by_role("button", name="Log ind").click()
    page.wait_for_selector(f"h1:has-text('{LINK_HEADING}')")
    assert not signed_in(page)
    assert not ExternalIdentity.objects.exists()

    # Linked by the invitation: pasted as the link from the e-mail.
    page.fill("input[name='invitation']", f"{live_server.url}/konto/invitation/{invitation.token}/")
    page.get_by_role("button", name="Brug invitationen").click()
    page.wait_for_selector("h1:has-text('Velkommen til Indsats')")
    assert page.locator("input[name='password1']").count() == 0
    page.fill("input[name='job_title']", "Afdelingsleder")
    page.get_by_role("button", name="Opret min konto").click()
    page.wait_for_load_state()
    assert signed_in(page)
    identity = ExternalIdentity.objects.get()
    assert (identity.issuer, identity.subject) == (provider.issuer, "mette-sub")
    assert identity.user.email == "mette@aarhus.test"

    log_out_everywhere(page, provider, live_server)

    # The linked user goes straight to their overview.
    sign_in_at_provider(page, live_server, "mette-sub")
    page.get_by_role("button", name="Log ind").click()
    page.wait_for_url(live_server.url + "/overblik/")
    assert signed_in(page)
    assert "Mette Mikkelsen" in page.locator(".user-name").first.inner_text()

    log_out_everywhere(page, provider, live_server)

    # An ID token past its expiry when the service checks it is refused.
    sign_in_at_provider(page, live_server, "mette-sub")
    later = dt.datetime.now(dt.UTC) + dt.timedelta(hours=2)
    with time_machine.travel(later, tick=True):
        page.get_by_role("button", name="Log ind").click()
        page.wait_for_url(live_server.url + "/konto/log-ind/")
    assert not signed_in(page)
    assert "Du blev ikke logget ind med MitID Erhverv" in page.locator("main").inner_text()
