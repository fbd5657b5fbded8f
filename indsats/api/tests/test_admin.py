"""An administrator makes and revokes API tokens in the admin site; the token is shown
once and only its hash is kept (C9)."""

import re

import pytest
from django.http import HttpRequest
from django.test import Client

from indsats.api.models import ApiToken
from indsats.testing.factories import TEST_PASSWORD

from .conftest import TokenClient

pytestmark = pytest.mark.django_db


def test_it_shows_a_new_token_once_and_revokes_it(administrator, applicant):
    admin = Client()
    assert admin.login(request=HttpRequest(), email=administrator.email, password=TEST_PASSWORD)
    response = admin.post(
        "/admin/api/apitoken/add/",
        {"user": applicant.pk, "name": "Økonomisystemet", "scope": "read"},
        follow=True,
    )
    assert response.status_code == 200
    shown = re.search(r"ind_[0-9a-f]{8}_[A-Za-z0-9_-]+", response.content.decode())
    assert shown, "the new token is shown after saving"
    text = shown.group(0)
    token = ApiToken.objects.get()
    assert (token.user, token.created_by, token.scope) == (applicant, administrator, "read")
    assert text not in token.digest
    assert TokenClient(text).get("/api/v1/offers").status_code == 200
    page = admin.get(f"/admin/api/apitoken/{token.pk}/change/").content.decode()
    assert text not in page  # never shown again

    admin.post(
        "/admin/api/apitoken/",
        {"action": "revoke", "_selected_action": [token.pk]},
        follow=True,
    )
    token.refresh_from_db()
    assert token.revoked_at is not None
    assert TokenClient(text).get("/api/v1/offers").status_code == 401


def test_it_keeps_the_token_admin_from_other_staff(case_officer):
    client = Client()
    assert client.login(request=HttpRequest(), email=case_officer.email, password=TEST_PASSWORD)
    assert client.get("/admin/api/apitoken/add/").status_code in {302, 403}
