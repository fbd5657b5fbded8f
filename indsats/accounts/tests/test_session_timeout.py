"""Idle and absolute limits on a signed-in session, and "Forbliv logget ind" (C12)."""

from datetime import timedelta

import pytest
import time_machine
from django.conf import settings
from django.urls import reverse
from django.utils import timezone

from indsats.accounts.sessions import (
    LAST_SEEN_AT,
    SIGNED_IN_AT,
    Limits,
    expired_reason,
    limits_for,
    remaining,
)
from indsats.testing.factories import TEST_PASSWORD

pytestmark = pytest.mark.django_db

START = timezone.make_aware(timezone.datetime(2026, 3, 2, 8, 0))
OVERVIEW = "core:dashboard"


def signed_in(client) -> bool:
    return "_auth_user_id" in client.session


def messages_on(response) -> list[str]:
    return [str(message) for message in response.context["messages"]]


def test_it_gives_the_boards_staff_shorter_limits_than_applicants(applicant, case_officer):
    """C12: staff see cases, so their session ends sooner (defaults 30 min / 10 h
    against 60 min / 12 h)."""
    staff, outside = limits_for(case_officer), limits_for(applicant)
    assert staff.idle < outside.idle
    assert staff.absolute < outside.absolute
    assert (staff.idle, staff.absolute) == (30 * 60, 10 * 3600)
    assert (outside.idle, outside.absolute) == (60 * 60, 12 * 3600)
    # The cookie itself does not outlive the longest limit (it was 14 days).
    assert settings.SESSION_COOKIE_AGE == 12 * 3600


def test_it_decides_which_limit_has_passed():
    limits = Limits(idle=600, absolute=3600)
    assert expired_reason(limits, signed_in_at=0, last_seen_at=0, now=600) is None
    assert expired_reason(limits, signed_in_at=0, last_seen_at=0, now=601) == "idle"
    assert expired_reason(limits, signed_in_at=0, last_seen_at=3500, now=3601) == "absolute"
    assert remaining(limits, 0, 3500, 3590) == {"idle": 510, "absolute": 10}
    assert remaining(limits, 0, 0, 9999) == {"idle": 0, "absolute": 0}


def test_it_starts_the_clock_at_sign_in(client, applicant):
    with time_machine.travel(START, tick=False):
        client.post(
            reverse("accounts:login"), {"username": applicant.email, "password": TEST_PASSWORD}
        )
        assert client.session[SIGNED_IN_AT] == START.timestamp()
        assert client.session[LAST_SEEN_AT] == START.timestamp()


def test_it_signs_out_after_the_idle_limit_with_a_message(client, applicant):
    with time_machine.travel(START, tick=False) as traveller:
        client.force_login(applicant)
        traveller.shift(timedelta(minutes=59))
        assert client.get(reverse(OVERVIEW)).status_code == 200
        assert signed_in(client)

        traveller.shift(timedelta(minutes=60, seconds=1))
        response = client.get(reverse(OVERVIEW), follow=True)
        assert not signed_in(client)  # (inside: outside, the session has expired anyway)

    assert response.redirect_chain[-1][0].startswith(reverse("accounts:login"))
    assert messages_on(response) == [
        "Du er blevet logget ud, fordi du ikke har brugt Indsats i 60 minutter. "
        "Log ind igen for at fortsætte."
    ]


def test_it_signs_staff_out_sooner(client, case_officer, applicant):
    with time_machine.travel(START, tick=False) as traveller:
        client.force_login(case_officer)
        other = type(client)()
        other.force_login(applicant)
        traveller.shift(timedelta(minutes=31))
        client.get(reverse(OVERVIEW))
        other.get(reverse(OVERVIEW))
        assert not signed_in(client)
        assert signed_in(other)


def test_it_applies_the_absolute_limit_however_active_the_user_is(client, applicant):
    with time_machine.travel(START, tick=False) as traveller:
        client.force_login(applicant)
        for _ in range(12 * 4 - 1):  # a request every quarter of an hour for 11 h 45 min
            traveller.shift(timedelta(minutes=15))
            assert client.get(reverse(OVERVIEW)).status_code == 200
        assert signed_in(client)
        traveller.shift(timedelta(minutes=15, seconds=1))
        response = client.get(reverse(OVERVIEW), follow=True)
        assert not signed_in(client)

    assert messages_on(response) == [
        "Du er blevet logget ud, fordi du har været logget ind i 12 timer. "
        "Log ind igen for at fortsætte."
    ]


def test_it_keeps_the_session_alive_when_asked(client, applicant):
    with time_machine.travel(START, tick=False) as traveller:
        client.force_login(applicant)
        traveller.shift(timedelta(minutes=56))
        response = client.post(
            reverse("accounts:session_keep_alive"), HTTP_ACCEPT="application/json"
        )
        assert response.status_code == 200
        assert response.json()["idle_remaining"] == 60 * 60

        traveller.shift(timedelta(minutes=56))
        assert client.get(reverse(OVERVIEW)).status_code == 200
        assert signed_in(client)


def test_it_keeps_the_session_alive_without_script_and_returns_to_the_page(client, applicant):
    page = reverse("applications:mine") if _has("applications:mine") else reverse(OVERVIEW)
    with time_machine.travel(START, tick=False) as traveller:
        client.force_login(applicant)
        traveller.shift(timedelta(minutes=50))
        response = client.post(reverse("accounts:session_keep_alive"), {"next": page})
        assert response.status_code == 302
        assert response.url == page
        offsite = client.post(
            reverse("accounts:session_keep_alive"), {"next": "https://evil.example/"}
        )
        assert offsite.url == reverse(OVERVIEW)
        traveller.shift(timedelta(minutes=50))
        client.get(reverse(OVERVIEW))
        assert signed_in(client)


def test_it_does_not_count_asking_for_the_time_left_as_activity(client, applicant):
    with time_machine.travel(START, tick=False) as traveller:
        client.force_login(applicant)
        traveller.shift(timedelta(minutes=40))
        status = client.get(reverse("accounts:session_status"))
        assert status.status_code == 200
        assert status.json()["idle_remaining"] == 20 * 60
        assert status.json()["absolute_remaining"] == 12 * 3600 - 40 * 60
        traveller.shift(timedelta(minutes=20, seconds=1))
        expired = client.get(reverse("accounts:session_status"))
        assert expired.status_code == 401
        assert not signed_in(client)


def test_it_refuses_to_keep_an_ended_session_alive(client, applicant):
    with time_machine.travel(START, tick=False) as traveller:
        client.force_login(applicant)
        traveller.shift(timedelta(minutes=61))
        response = client.post(
            reverse("accounts:session_keep_alive"), HTTP_ACCEPT="application/json"
        )
        assert response.status_code == 401
        assert not signed_in(client)


def test_it_puts_the_warning_on_the_page_for_a_signed_in_user_only(client, applicant):
    front = reverse("core:front")
    assert "data-session-timeout" not in client.get(front).text
    with time_machine.travel(START, tick=False) as traveller:
        client.force_login(applicant)
        traveller.shift(timedelta(minutes=10))
        page = client.get(reverse(OVERVIEW)).text
    assert "data-session-timeout" in page
    assert 'data-idle-remaining="3600"' in page
    assert 'data-warning-seconds="300"' in page
    assert "Forbliv logget ind" in page
    assert "indsats/session-timeout.js" in page
    assert "<script>" not in page  # the numbers travel in data- attributes, not inline


def _has(name: str) -> bool:
    from django.urls import NoReverseMatch

    try:
        reverse(name)
    except NoReverseMatch:
        return False
    return True
