"""Throttling of password sign-in: django-axes locks an account-and-address pair (C12)."""

from datetime import timedelta

import pytest
import time_machine
from axes.models import AccessAttempt
from django.conf import settings
from django.test import RequestFactory, override_settings
from django.urls import reverse
from django.utils import formats, timezone

from indsats.accounts.lockout import client_address, username_of
from indsats.testing.factories import TEST_PASSWORD

pytestmark = pytest.mark.django_db

LIMIT = settings.AXES_FAILURE_LIMIT
LOGIN = "accounts:login"
START = timezone.make_aware(timezone.datetime(2026, 3, 2, 9, 0))


def sign_in(client, email, password, address="192.0.2.10"):
    return client.post(
        reverse(LOGIN), {"username": email, "password": password}, REMOTE_ADDR=address
    )


def fail(client, email, times, address="192.0.2.10"):
    return [sign_in(client, email, "forkert-gaet", address) for _ in range(times)]


def signed_in(client) -> bool:
    return "_auth_user_id" in client.session


def test_it_locks_after_ten_failures_with_the_project_settings():
    """The limit and cool-off the issue asks for are the defaults (C12)."""
    assert LIMIT == 10
    assert settings.AXES_COOLOFF_TIME.total_seconds() == 30 * 60
    assert settings.AXES_LOCKOUT_PARAMETERS == [["username", "ip_address"]]
    assert settings.AUTHENTICATION_BACKENDS[0] == "axes.backends.AxesStandaloneBackend"
    assert settings.MIDDLEWARE[-1] == "axes.middleware.AxesMiddleware"


def test_it_refuses_the_eleventh_try_even_with_the_right_password_until_the_lock_expires(
    client, applicant
):
    """C12: ten wrong passwords in a row, then the right one is refused until the
    cool-off has passed; after that it works."""
    with time_machine.travel(START, tick=False) as traveller:
        responses = fail(client, applicant.email, LIMIT - 1)
        assert {response.status_code for response in responses} == {200}
        tenth = fail(client, applicant.email, 1)[0]
        assert tenth.status_code == 429

        eleventh = sign_in(client, applicant.email, TEST_PASSWORD)
        assert eleventh.status_code == 429
        assert not signed_in(client)

        traveller.shift(timedelta(minutes=29))
        assert sign_in(client, applicant.email, TEST_PASSWORD).status_code == 429
        assert not signed_in(client)

        traveller.shift(timedelta(minutes=1, seconds=1))
        response = sign_in(client, applicant.email, TEST_PASSWORD)
        assert response.status_code == 302
        assert signed_in(client)


def test_it_shows_the_login_page_with_a_danish_message_saying_when_to_try_again(client, applicant):
    with time_machine.travel(START, tick=False):
        fail(client, applicant.email, LIMIT)
        response = sign_in(client, applicant.email, TEST_PASSWORD)

    assert response.status_code == 429
    page = response.text
    assert "Du kan ikke logge ind lige nu" in page
    until = timezone.localtime(START + timedelta(minutes=30))
    assert formats.time_format(until) == "kl. 09.30"
    assert "tidligst logge ind igen kl. 09.30" in page
    # The login form is there again, with the address filled in and no "wrong password".
    assert 'name="password"' in page
    assert f'value="{applicant.email}"' in page
    assert "passer ikke sammen" not in page


def test_it_does_not_prolong_the_lock_with_tries_while_locked(client, applicant):
    with time_machine.travel(START, tick=False) as traveller:
        fail(client, applicant.email, LIMIT)
        traveller.shift(timedelta(minutes=20))
        fail(client, applicant.email, 5)
        traveller.shift(timedelta(minutes=10, seconds=1))
        assert sign_in(client, applicant.email, TEST_PASSWORD).status_code == 302


def test_it_counts_an_address_typed_in_capitals_as_the_same_account(client, applicant):
    with time_machine.travel(START, tick=False):
        fail(client, applicant.email.upper(), LIMIT // 2)
        fail(client, f"  {applicant.email}", LIMIT - LIMIT // 2)
        assert sign_in(client, applicant.email, TEST_PASSWORD).status_code == 429
    assert set(AccessAttempt.objects.values_list("username", flat=True)) == {applicant.email}


def test_it_locks_the_pair_so_the_user_can_still_sign_in_from_elsewhere(client, applicant):
    """Someone guessing from one address cannot lock the real user out everywhere."""
    with time_machine.travel(START, tick=False):
        fail(client, applicant.email, LIMIT, address="198.51.100.7")
        assert sign_in(client, applicant.email, TEST_PASSWORD, "198.51.100.7").status_code == 429
        assert sign_in(client, applicant.email, TEST_PASSWORD, "192.0.2.10").status_code == 302


def test_it_starts_counting_again_after_a_successful_sign_in(client, applicant):
    """Failures count "in a row": a sign-in in between resets the count."""
    with time_machine.travel(START, tick=False):
        fail(client, applicant.email, LIMIT - 1)
        assert sign_in(client, applicant.email, TEST_PASSWORD).status_code == 302
        client.post(reverse("accounts:logout"))
        fail(client, applicant.email, LIMIT - 1)
        assert sign_in(client, applicant.email, TEST_PASSWORD).status_code == 302


def test_it_lets_an_administrator_unlock_a_pair_in_the_admin_site(client, applicant, administrator):
    with time_machine.travel(START, tick=False):
        fail(client, applicant.email, LIMIT)
        attempt = AccessAttempt.objects.get(username=applicant.email)

        admin = type(client)()
        admin.force_login(administrator)
        changelist = admin.get(reverse("admin:axes_accessattempt_changelist"))
        assert changelist.status_code == 200
        assert applicant.email in changelist.text
        response = admin.post(
            reverse("admin:axes_accessattempt_delete", args=[attempt.pk]), {"post": "yes"}
        )
        assert response.status_code == 302
        assert not AccessAttempt.objects.exists()

        assert sign_in(client, applicant.email, TEST_PASSWORD).status_code == 302


def test_it_locks_the_admin_sites_login_too(client, administrator):
    with time_machine.travel(START, tick=False):
        for _ in range(LIMIT):
            client.post(
                reverse("admin:login"),
                {"username": administrator.email, "password": "forkert-gaet"},
                REMOTE_ADDR="192.0.2.10",
            )
        response = client.post(
            reverse("admin:login"),
            {"username": administrator.email, "password": TEST_PASSWORD},
            REMOTE_ADDR="192.0.2.10",
        )
        assert not signed_in(client)
    assert response.status_code == 429
    assert "Du kan ikke logge ind lige nu" in response.text


def test_it_names_the_account_in_lower_case_from_the_form_or_the_credentials():
    request = RequestFactory().post("/", {"username": " Mette@Aarhus.DK "})
    assert username_of(request, None) == "mette@aarhus.dk"
    assert username_of(request, {"username": "A@B.DK"}) == "a@b.dk"
    assert username_of(request, {"email": "C@D.DK"}) == "c@d.dk"
    assert username_of(RequestFactory().get("/"), {}) is None


@override_settings(TRUSTED_PROXY_COUNT=1)
def test_it_takes_the_client_address_the_proxy_added():
    """Behind one proxy the last X-Forwarded-For entry is the client; what the client
    wrote further left is ignored, and a garbled entry falls back to the proxy's."""
    factory = RequestFactory()
    spoofed = factory.get(
        "/", REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR="10.9.9.9, 203.0.113.5"
    )
    assert client_address(spoofed) == "203.0.113.5"
    garbled = factory.get("/", REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR="nonsense")
    assert client_address(garbled) == "127.0.0.1"
    assert client_address(factory.get("/", REMOTE_ADDR="127.0.0.1")) == "127.0.0.1"


@override_settings(TRUSTED_PROXY_COUNT=0)
def test_it_ignores_x_forwarded_for_without_a_trusted_proxy():
    request = RequestFactory().get("/", REMOTE_ADDR="192.0.2.1", HTTP_X_FORWARDED_FOR="10.0.0.1")
    assert client_address(request) == "192.0.2.1"
