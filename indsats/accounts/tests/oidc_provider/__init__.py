"""Runs ``provider.mjs``, a real OpenID Connect provider (npm ``oidc-provider``), for tests.

``running_provider(redirect_uris, post_logout_redirect_uris)`` starts it with Node on a
free port of 127.0.0.1, waits until its discovery document answers and stops it after.
``sign_in_at_provider`` walks a Django test client through the authorisation code flow:
the client starts it, ``requests`` plays the browser at the provider, and the client
gets the provider's answer at the callback.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import requests
from django.conf import settings
from django.urls import reverse

from indsats.testing.server import free_port

SCRIPT = Path(__file__).resolve().parent / "provider.mjs"
CLIENT_ID = "indsats"
CLIENT_SECRET = "indsats-test-secret"
CALLBACK_PATH = "/konto/mitid-erhverv/svar/"


@dataclass(frozen=True)
class RunningProvider:
    issuer: str
    process: subprocess.Popen

    @property
    def discovery_url(self) -> str:
        return f"{self.issuer}/.well-known/openid-configuration"


@contextlib.contextmanager
def running_provider(redirect_uris: list[str], post_logout_redirect_uris: list[str] = ()):
    node = shutil.which("node")
    if node is None:
        raise AssertionError("node is missing: the OIDC tests run oidc-provider with Node.")
    if not (settings.NODE_MODULES / "oidc-provider").exists():
        raise AssertionError("node_modules/oidc-provider is missing; run npm ci.")
    port = free_port()
    environment = {
        **os.environ,
        "OIDC_TEST_PORT": str(port),
        "OIDC_TEST_CLIENT_ID": CLIENT_ID,
        "OIDC_TEST_CLIENT_SECRET": CLIENT_SECRET,
        "OIDC_TEST_REDIRECT_URIS": ",".join(redirect_uris),
        "OIDC_TEST_POST_LOGOUT_REDIRECT_URIS": ",".join(post_logout_redirect_uris),
    }
    process = subprocess.Popen(  # noqa: S603 (our own script, no shell)
        [node, str(SCRIPT)],
        cwd=settings.BASE_DIR,
        env=environment,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    provider = RunningProvider(issuer=f"http://127.0.0.1:{port}", process=process)
    try:
        _wait_for(provider)
        yield provider
    finally:
        process.terminate()
        try:
            process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def _wait_for(provider: RunningProvider, seconds: float = 20) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if provider.process.poll() is not None:
            raise AssertionError(
                f"The OIDC test provider stopped: {provider.process.stderr.read()}"
            )
        with contextlib.suppress(requests.RequestException):
            if requests.get(provider.discovery_url, timeout=1).status_code == 200:
                return
        time.sleep(0.1)
    raise AssertionError("The OIDC test provider did not answer within 20 seconds.")


def configure(settings_fixture, provider: RunningProvider) -> None:
    """Point the service at ``provider`` (pytest-django's ``settings`` fixture)."""
    from indsats.accounts.oidc.provider import forget_provider

    settings_fixture.OIDC_DISCOVERY_URL = provider.discovery_url
    settings_fixture.OIDC_ISSUER = ""
    settings_fixture.OIDC_RP_CLIENT_ID = CLIENT_ID
    settings_fixture.OIDC_RP_CLIENT_SECRET = CLIENT_SECRET
    forget_provider()


def provider_callback_url(client, provider: RunningProvider, login: str, strong=False) -> str:
    """Start the sign-in with ``client`` and sign in at the provider as ``login``; the
    address the provider sends the browser back to (the callback, with code and state)."""
    start = client.get(reverse("accounts:oidc_authenticate"))
    assert start.status_code == 302, start
    browser = requests.Session()
    url = start["Location"]
    assert url.startswith(provider.issuer), url
    for _ in range(10):
        response = browser.get(url, allow_redirects=False, timeout=10)
        if response.status_code == 200 and "/interaction/" in url:
            break
        assert response.is_redirect, (response.status_code, response.text[:500])
        url = requests.compat.urljoin(url, response.headers["Location"])
    form = {"login": login}
    if strong:
        form["strong"] = "yes"
    response = browser.post(f"{url}/login", data=form, allow_redirects=False, timeout=10)
    for _ in range(10):
        assert response.is_redirect, (response.status_code, response.text[:500])
        url = requests.compat.urljoin(url, response.headers["Location"])
        if not url.startswith(provider.issuer):
            return url
        response = browser.get(url, allow_redirects=False, timeout=10)
    raise AssertionError("The provider never sent the browser back.")


def sign_in_at_provider(client, provider: RunningProvider, login: str, strong=False):
    """The whole sign-in: the response of the service's callback view."""
    url = provider_callback_url(client, provider, login, strong=strong)
    parts = urlsplit(url)
    assert parts.path == CALLBACK_PATH, url
    return client.get(f"{parts.path}?{parts.query}")
