"""A staff member's own second factor (C10, C12): replacing the app themselves, the
security page in words, and every change to the factor in the audit trail in words, in the
reader's language and without a secret, key or code."""

from __future__ import annotations

import datetime
import re
import time

import pytest
from auditlog.context import set_actor
from auditlog.models import LogEntry
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse
from django.utils import timezone, translation
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from indsats.accounts.twofactor import services
from indsats.accounts.twofactor.models import SecurityEvent, SecurityEventKind, TwoFactorReset
from indsats.audit.describe import describe
from indsats.testing.twofactor import app_for, next_code, wrong_code

from .test_twofactor import ENROL, STAFF_PAGE, VERIFY, password_sign_in, sign_in_fully, with_app

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("staff_two_factor")]

SECURITY = reverse("accounts:twofactor:security")
REPLACE = reverse("accounts:twofactor:replace")
REPLACE_APP = reverse("accounts:twofactor:replace_app")
TRAIL = reverse("audit:trail")


def sentences_about(user) -> list[str]:
    events = SecurityEvent.objects.filter(user=user)
    entries = LogEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(SecurityEvent),
        object_pk__in=[str(pk) for pk in events.values_list("pk", flat=True)],
    ).order_by("timestamp", "pk")
    return [describe(entry).sentence for entry in entries]


def test_it_puts_a_new_app_new_codes_and_a_recovery_sign_in_in_the_trail_without_secrets(
    client, case_officer, administrator
):
    """C10, C12: each change to a person's own factor is a sentence in the trail; the trail
    holds none of the app's key, the secret shown or the recovery codes."""
    password_sign_in(client, case_officer)
    secret = re.search(r"data-secret>([A-Z2-7 ]+)<", client.get(ENROL).text).group(1)
    client.post(ENROL, {"code": app_for(secret).now(), "next": STAFF_PAGE})
    codes = list(StaticToken.objects.values_list("token", flat=True))
    key = TOTPDevice.objects.get(user=case_officer).key
    client.post(reverse("accounts:logout"))
    password_sign_in(client, case_officer)
    assert client.post(VERIFY, {"code": codes[0]}).status_code == 302

    name = case_officer.full_name
    assert sentences_about(case_officer) == [
        f"{name} satte en ny godkendelsesapp op",
        f"{name} lavede nye reservekoder",
        f"{name} loggede ind med en reservekode (9 tilbage)",
    ]
    event_type = ContentType.objects.get_for_model(SecurityEvent)
    assert {entry.actor for entry in LogEntry.objects.filter(content_type=event_type)} == {
        case_officer
    }
    entries = LogEntry.objects.all()
    recorded = " ".join(f"{entry.object_repr} {entry.changes}" for entry in entries)
    for secret_text in [key, "".join(secret.split()), *codes]:
        assert secret_text.lower() not in recorded.lower()
    device_types = ContentType.objects.get_for_models(TOTPDevice, StaticDevice).values()
    assert not entries.filter(content_type__in=device_types).exists()

    admin_client = type(client)()
    sign_in_fully(admin_client, administrator)
    page = admin_client.get(TRAIL).text
    assert f"{name} loggede ind med en reservekode (9 tilbage)" in page


def test_it_says_two_factor_events_in_the_readers_language(case_officer, administrator):
    """C10: the sentence is built when the trail is read, so an English reader gets English
    words around what was recorded (a name, a reason as typed)."""
    with_app(case_officer)  # new recovery codes: one event
    StaticToken.objects.filter(device__user=case_officer).first().delete()  # one used
    services.note_recovery_code_used(case_officer, SecurityEventKind.SIGNED_IN_WITH_RECOVERY_CODE)
    with set_actor(administrator):
        reset = services.reset(case_officer, by=administrator, reason="Mistet telefon")
    # An entry recorded before the reset's name stopped carrying the Danish word.
    old_entry = LogEntry.objects.get_for_object(reset).get()
    old_entry.object_repr = f"{case_officer.full_name} – begrundelse: Mistet telefon"
    old_entry.save()

    name = case_officer.full_name
    with translation.override("en"):
        assert sentences_about(case_officer) == [
            f"{name} made new recovery codes",
            f"{name} signed in with a recovery code (9 left)",
        ]
        assert describe(old_entry).sentence == (
            f"{administrator.full_name} reset two-step verification for {name}. "
            "Reason: Mistet telefon"
        )
    assert describe(old_entry).sentence == (
        f"{administrator.full_name} nulstillede totrinsbekræftelsen for {name}. "
        "Begrundelse: Mistet telefon"
    )
    assert str(TwoFactorReset.objects.get()) == name


def test_the_security_page_gives_both_dates_in_the_long_form(client, case_officer):
    """Danish dates in running text: "29. november 2026", also with the time of day."""
    sign_in_fully(client, case_officer)
    moment = timezone.make_aware(datetime.datetime(2026, 11, 29, 7, 42))
    TOTPDevice.objects.filter(user=case_officer).update(created_at=moment, last_used_at=moment)
    page = client.get(SECURITY).text
    text = " ".join(page.split())
    assert "siden 29. november 2026." in text
    assert "Appen blev sidst brugt 29. november 2026 kl. 07.42." in text
    assert "29.11.2026" not in text


def test_staff_replace_their_app_themselves_after_a_current_code(client, case_officer):
    """C12: a new phone needs no administrator. A current code first; the old app works
    until the new one is confirmed; the recovery codes stay."""
    sign_in_fully(client, case_officer)
    old_app = TOTPDevice.objects.get(user=case_officer)
    codes_before = set(StaticToken.objects.values_list("token", flat=True))
    assert REPLACE in client.get(SECURITY).text
    # The new app's page does not open before a current code.
    assert client.get(REPLACE_APP).url == REPLACE

    refused = client.post(REPLACE, {"code": wrong_code(old_app)})
    assert refused.status_code == 200
    assert "Koden passer ikke" in refused.text
    assert client.get(REPLACE_APP).url == REPLACE

    time.sleep(1.1)  # django-otp's wait after one wrong code
    response = client.post(REPLACE, {"code": next_code(old_app)})
    assert response.status_code == 302, re.findall(r"passer ikke[^<]*|vente[^<]*", response.text)
    assert response.url == REPLACE_APP
    page = client.get(REPLACE_APP)
    assert page.status_code == 200
    secret = re.search(r"data-secret>([A-Z2-7 ]+)<", page.text).group(1)
    new_app = app_for(secret)
    assert TOTPDevice.objects.get(pk=old_app.pk).confirmed  # still the app in use

    wrong = client.post(REPLACE_APP, {"code": "000000" if new_app.now() != "000000" else "1"})
    assert wrong.status_code == 200
    assert TOTPDevice.objects.filter(pk=old_app.pk).exists()

    time.sleep(1.1)
    response = client.post(REPLACE_APP, {"code": new_app.now()})
    assert response.url == SECURITY
    assert not TOTPDevice.objects.filter(pk=old_app.pk).exists()
    assert TOTPDevice.objects.get(user=case_officer).confirmed
    assert set(StaticToken.objects.values_list("token", flat=True)) == codes_before
    assert "Din nye godkendelsesapp er sat op" in client.get(SECURITY).text
    assert client.get(STAFF_PAGE).status_code == 200  # the session stays confirmed
    assert sentences_about(case_officer)[-1] == (
        f"{case_officer.full_name} satte en ny godkendelsesapp op"
    )
    # The confirmation is used up: another replacement starts with a code again.
    assert client.get(REPLACE_APP).url == REPLACE


def test_a_recovery_code_confirms_a_replacement_and_the_trail_says_so(client, consultant):
    sign_in_fully(client, consultant)
    code = StaticToken.objects.filter(device__user=consultant).first().token
    assert client.post(REPLACE, {"code": code}).url == REPLACE_APP
    assert services.remaining_recovery_codes(consultant) == 9
    assert sentences_about(consultant)[-1] == (
        f"{consultant.full_name} bekræftede et skift af godkendelsesapp med en reservekode "
        "(9 tilbage)"
    )


def test_the_confirmation_for_a_replacement_runs_out(client, case_officer):
    sign_in_fully(client, case_officer)
    client.post(REPLACE, {"code": next_code(TOTPDevice.objects.get(user=case_officer))})
    session = client.session
    session[services.REPLACEMENT_KEY] -= services.REPLACEMENT_WINDOW_SECONDS + 1
    session.save()
    response = client.post(REPLACE_APP, {"code": "123456"})
    assert response.url == REPLACE
    assert "Der gik for lang tid" in client.get(REPLACE).text


def test_only_staff_with_a_confirmed_session_reach_the_replacement(client, case_officer, applicant):
    with_app(case_officer)
    password_sign_in(client, case_officer)
    assert client.get(REPLACE).url.startswith(VERIFY)
    client.force_login(applicant)
    assert client.get(REPLACE).status_code == 403
