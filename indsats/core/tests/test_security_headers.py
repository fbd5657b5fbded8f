"""Headers (C12): a Content Security Policy without 'unsafe-inline' or 'unsafe-eval', no
framing, a Permissions-Policy, and every download of a file an applicant uploaded is an
attachment with a safe name. The browser test that the policy breaks nothing is in
test_csp_browser.py."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.base import ContentFile
from django.urls import reverse

from indsats.api.models import TokenScope
from indsats.api.services import issue_token
from indsats.applications.documents import add_version
from indsats.applications.models import DocumentKind
from indsats.core.headers import PERMISSIONS_POLICY, origin_of, provider_origins

pytestmark = pytest.mark.django_db

TEMPLATE_ROOT = Path(settings.BASE_DIR) / "indsats"
REQUIRED_DIRECTIVES = {
    "default-src": "'self'",
    "object-src": "'none'",
    "base-uri": "'self'",
    "frame-ancestors": "'none'",
}


def policy_of(response) -> dict[str, list[str]]:
    """The Content-Security-Policy header as {directive: [sources]}."""
    directives = {}
    for part in response["Content-Security-Policy"].split(";"):
        name, *sources = part.split()
        directives[name] = sources
    return directives


@pytest.mark.parametrize("path", ["/", "/konto/log-ind/", "/forloeb/", "/findes-ikke/"])
def test_it_sends_a_policy_without_unsafe_inline_or_eval(client, path):
    response = client.get(path)

    policy = policy_of(response)
    header = response["Content-Security-Policy"]
    assert "unsafe-inline" not in header
    assert "unsafe-eval" not in header
    assert "unsafe-hashes" not in header
    for directive, source in REQUIRED_DIRECTIVES.items():
        assert policy[directive] == [source], directive
    assert policy["script-src"][0] == "'self'"
    assert policy["style-src"][0] == "'self'"
    assert policy["img-src"] == ["'self'", "data:"]  # the QR code of two-factor enrolment
    assert policy["form-action"][0] == "'self'"


def test_it_sends_the_policy_to_signed_in_staff_too(client, case_officer):
    client.force_login(case_officer)

    response = client.get(reverse("applications:inbox"))

    assert response.status_code == 200
    assert "unsafe-inline" not in response["Content-Security-Policy"]
    assert response["X-Frame-Options"] == "DENY"


def test_it_switches_off_the_browser_features_no_page_uses(client):
    response = client.get("/")

    policy = response["Permissions-Policy"]
    assert policy == PERMISSIONS_POLICY
    for feature in ("camera", "microphone", "geolocation", "payment", "usb"):
        assert f"{feature}=()" in policy


def test_it_allows_forms_to_lead_to_the_configured_sign_in_provider_only(client, settings):
    settings.OIDC_OP_AUTHORIZATION_ENDPOINT = "https://broker.example:8443/auth?x=1"
    settings.OIDC_OP_LOGOUT_ENDPOINT = "https://broker.example:8443/logout"
    settings.OIDC_RP_CLIENT_ID = "indsats"  # not an address: left out

    policy = policy_of(client.get("/"))

    assert policy["form-action"] == ["'self'", "https://broker.example:8443"]


def test_it_names_the_origin_of_provider_addresses_only():
    assert origin_of("https://a.example/x?y") == "https://a.example"
    assert origin_of("javascript:alert(1)") is None
    assert origin_of("/relative") is None
    assert provider_origins(
        {
            "OIDC_OP_TOKEN_ENDPOINT": "http://127.0.0.1:9000/token",
            "OIDC_OP_JWKS_ENDPOINT": "http://127.0.0.1:9000/jwks",
            "OIDC_RP_SCOPES": "openid email",
            "SITE_URL": "https://elsewhere.example",
        }
    ) == ["http://127.0.0.1:9000"]


# Templates: the policy would refuse inline code, so none may be written (C12).

INLINE = [
    (re.compile(r"<script(?![^>]*\bsrc=)(?![^>]*application/(?:ld\+)?json)[^>]*>", re.I), "script"),
    (re.compile(r"<style\b", re.I), "<style>"),
    (re.compile(r"\sstyle\s*=", re.I), "style attribute"),
    (re.compile(r"\son[a-z]+\s*=\s*[\"']", re.I), "event handler attribute"),
    (re.compile(r"javascript:", re.I), "javascript: address"),
    (re.compile(r"\shx-on", re.I), "hx-on attribute"),
]


def _templates():
    for path in sorted(TEMPLATE_ROOT.rglob("*.html")):
        if "node_modules" not in path.parts and "tests" not in path.parts:
            yield path


def test_no_template_has_inline_script_style_or_event_handlers():
    found = []
    for path in _templates():
        text = path.read_text(encoding="utf-8")
        for pattern, what in INLINE:
            for match in pattern.finditer(text):
                line = text.count("\n", 0, match.start()) + 1
                found.append(f"{path.relative_to(TEMPLATE_ROOT)}:{line}: {what}")
    assert list(_templates())
    assert found == []


def test_htmx_is_told_not_to_inject_styles_or_evaluate_code(client):
    page = client.get("/").text

    assert '"includeIndicatorStyles": false' in page
    assert '"allowEval": false' in page


# Downloads (C12): an uploaded file is always an attachment, never shown in the browser.

HOSTILE_NAME = 'plan "x"\r\nSet-Cookie: a=b; æøå.pdf'


@pytest.fixture
def uploaded(applicant, make_application):
    application = make_application("O1", applicant.organisation, applicant, submitted=True)
    return add_version(
        DocumentKind.DRAFT_POLICY,
        file=ContentFile(b"%PDF-1.4\n<script>alert(1)</script>", name="politik.pdf"),
        original_name=HOSTILE_NAME,
        content_type="application/pdf",
        size=10,
        user=applicant,
        application=application,
    )


def _assert_safe_attachment(response):
    disposition = response["Content-Disposition"]
    assert disposition.startswith("attachment;")
    assert "\r" not in disposition
    assert "\n" not in disposition
    assert "Set-Cookie" not in response  # the name cannot add a header
    assert response["X-Content-Type-Options"] == "nosniff"


def test_it_sends_an_uploaded_document_as_an_attachment_to_staff_and_applicant(
    client, applicant, case_officer, uploaded
):
    url = reverse("applications:download", args=[uploaded.pk])
    for user in (applicant, case_officer):
        client.force_login(user)
        response = client.get(url)
        assert response.status_code == 200
        _assert_safe_attachment(response)
        assert "filename*=utf-8''" in response["Content-Disposition"]


def test_it_sends_an_uploaded_document_as_an_attachment_through_the_api(case_officer, uploaded):
    from django.test import Client

    _token, text = issue_token(case_officer, "Testsystem", TokenScope.READ)
    api = Client(HTTP_AUTHORIZATION=f"Bearer {text}")

    response = api.get(f"/api/v1/documents/{uploaded.pk}/file")

    assert response.status_code == 200
    _assert_safe_attachment(response)


def test_it_serves_no_uploaded_file_straight_from_the_media_folder(client, uploaded):
    client.force_login(uploaded.uploaded_by)
    for prefix in ("/", "/media/", "/" + settings.STATIC_URL):
        assert client.get(prefix + uploaded.file.name).status_code == 404


def _inline_code(page: str) -> list[str]:
    return [what for pattern, what in INLINE if pattern.search(page)]


def test_the_admin_sites_lists_and_forms_have_no_inline_code(client, administrator):
    """C12: administrators use the admin site under the same policy."""
    from django.contrib import admin

    client.force_login(administrator)
    pages = {"/admin/": client.get("/admin/")}
    for model in admin.site._registry:
        opts = model._meta
        url = reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist")
        pages[url] = client.get(url)
    found = {
        url: _inline_code(response.content.decode())
        for url, response in pages.items()
        if response.status_code == 200
    }
    assert len(found) > 3
    assert {url: what for url, what in found.items() if what} == {}


def test_an_admin_list_without_action_bars_has_no_inline_style(client, administrator, monkeypatch):
    """Django writes a <style> element into such a list; our override links a file."""
    from django.contrib import admin

    from indsats.organisations.models import Organisation

    model_admin = admin.site._registry[Organisation]
    monkeypatch.setattr(model_admin, "actions_on_top", False)
    monkeypatch.setattr(model_admin, "actions_on_bottom", False)
    client.force_login(administrator)

    page = client.get(reverse("admin:organisations_organisation_changelist")).content.decode()

    assert "admin_changelist_without_actions" in page
    assert _inline_code(page) == []
