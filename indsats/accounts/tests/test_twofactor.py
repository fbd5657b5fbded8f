"""Two-factor sign-in for the Board's staff (C12): TOTP from an app, single-use recovery
codes, the pages kept closed until the code is confirmed, and an administrator's reset."""

from __future__ import annotations

import re

import pytest
from auditlog.models import LogEntry
from django.conf import settings
from django.urls import reverse
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from indsats.accounts.strong_auth import mark_strong_sign_in
from indsats.accounts.twofactor import checks, services
from indsats.accounts.twofactor.models import TwoFactorReset
from indsats.audit.describe import describe
from indsats.testing.factories import TEST_PASSWORD
from indsats.testing.twofactor import app_for, next_code, wrong_code

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("staff_two_factor")]

DASHBOARD = reverse("core:dashboard")
VERIFY = reverse("accounts:twofactor:verify")
ENROL = reverse("accounts:twofactor:enrol")
CODES = reverse("accounts:twofactor:recovery_codes")
STAFF_PAGE = reverse("organisations:municipalities")


def password_sign_in(client, user):
    response = client.post(
        reverse("accounts:login"), {"username": user.email, "password": TEST_PASSWORD}
    )
    assert response.status_code == 302, response.text[:500]
    return response


def with_app(user) -> TOTPDevice:
    """The user's authenticator app, set up earlier (and ten recovery codes)."""
    device = TOTPDevice.objects.create(user=user, name="App", confirmed=True)
    services.new_recovery_codes(user)
    return device


def sign_in_fully(client, user) -> None:
    """Password, then the code from the app: a staff session as a person makes it."""
    device = TOTPDevice.objects.filter(user=user, confirmed=True).first() or with_app(user)
    password_sign_in(client, user)
    response = client.post(VERIFY, {"code": next_code(device), "next": DASHBOARD})
    assert response.status_code == 302, response.text[:500]
    assert response.url == DASHBOARD


def test_it_sends_staff_without_an_app_to_set_one_up_after_the_password(client, case_officer):
    response = password_sign_in(client, case_officer)
    response = client.get(response.url)
    assert response.status_code == 302
    assert response.url == f"{ENROL}?next=%2Foverblik%2F"


def test_it_sets_up_an_app_from_the_secret_shown_and_shows_ten_recovery_codes_once(
    client, case_officer
):
    password_sign_in(client, case_officer)
    page = client.get(ENROL)
    assert page.status_code == 200
    html = page.text
    secret = re.search(r"data-secret>([A-Z2-7 ]+)<", html).group(1)
    assert re.fullmatch(r"([A-Z2-7]{4} )+[A-Z2-7]{4}", secret), secret
    # The QR code is inline SVG without a style attribute (the CSP allows no inline style).
    svg = re.search(r"<svg role=\"img\"[^>]*>.*?</svg>", html, re.S).group(0)
    assert "style" not in svg
    assert "<title>" in svg
    assert "<script" not in html.split("<main", 1)[-1].split("</main>", 1)[0]
    # Until the app is confirmed, no staff page opens.
    assert client.get(STAFF_PAGE).url.startswith(ENROL)

    response = client.post(ENROL, {"code": app_for(secret).now(), "next": STAFF_PAGE})
    assert response.status_code == 302
    assert response.url == CODES
    codes_page = client.get(CODES)
    codes = re.findall(r"data-recovery-code>([a-z2-7 ]+)<", codes_page.text)
    assert len(codes) == 10 == len(set(codes))
    assert "kun denne ene gang" in codes_page.text
    assert f'href="{STAFF_PAGE}" data-continue' in codes_page.text
    assert "data-recovery-code" not in client.get(CODES).text  # shown once

    device = TOTPDevice.objects.get(user=case_officer)
    assert device.confirmed
    assert app_for(secret).secret == app_for(services.secret_for_typing(device)).secret
    assert client.get(STAFF_PAGE).status_code == 200  # the session counts as confirmed


def test_it_refuses_a_wrong_first_code_from_the_app(client, case_officer):
    password_sign_in(client, case_officer)
    client.get(ENROL)
    device = TOTPDevice.objects.get(user=case_officer)
    response = client.post(ENROL, {"code": wrong_code(device)})
    assert response.status_code == 200
    assert "Koden passer ikke" in response.text
    assert not TOTPDevice.objects.get(pk=device.pk).confirmed
    assert not StaticDevice.objects.filter(user=case_officer).exists()


def test_it_asks_enrolled_staff_for_the_code_and_keeps_every_staff_page_closed_until_then(
    client, manager
):
    device = with_app(manager)
    response = client.get(password_sign_in(client, manager).url)
    assert response.url == f"{VERIFY}?next=%2Foverblik%2F"
    assert client.get(STAFF_PAGE).url == f"{VERIFY}?next=%2Forganisationer%2Fkommuner%2F"
    assert client.post(STAFF_PAGE, {}).url == VERIFY
    assert client.get(reverse("admin:index")).url.startswith(VERIFY)
    # Setting up another app with the password alone is not possible either.
    assert client.get(ENROL).url.startswith(VERIFY)
    page = client.get(VERIFY)
    assert page.status_code == 200
    assert page.context["main_menu"] == []

    response = client.post(VERIFY, {"code": next_code(device), "next": STAFF_PAGE})
    assert response.status_code == 302
    assert response.url == STAFF_PAGE
    assert client.get(STAFF_PAGE).status_code == 200


def test_it_refuses_a_wrong_code_with_a_danish_error_at_the_field_and_in_the_summary(
    client, case_officer
):
    device = with_app(case_officer)
    password_sign_in(client, case_officer)
    response = client.post(VERIFY, {"code": wrong_code(device)})
    assert response.status_code == 200
    html = response.text
    summary = html.split('class="alert alert-error error-summary"', 1)[1].split("</div>", 2)[0]
    assert "Koden passer ikke" in summary
    assert 'href="#id_code"' in summary
    assert 'id="id_code_error"' in html
    assert client.get(STAFF_PAGE).status_code == 302


def test_it_throttles_wrong_codes_so_even_the_right_one_waits(client, case_officer):
    device = with_app(case_officer)
    password_sign_in(client, case_officer)
    client.post(VERIFY, {"code": wrong_code(device)})
    response = client.post(VERIFY, {"code": next_code(device)})
    # One wrong code is not "too many": the message says what happened and how long to wait.
    assert "for mange gange" not in response.text
    assert "Den forrige kode passede ikke" in response.text
    assert "vente 1 sekund, før du prøver igen" in response.text
    assert client.get(STAFF_PAGE).status_code == 302
    device.refresh_from_db()
    assert device.throttling_failure_count == 1


def test_it_accepts_a_recovery_code_once(client, consultant):
    with_app(consultant)
    code = StaticToken.objects.filter(device__user=consultant).first().token
    password_sign_in(client, consultant)
    response = client.post(VERIFY, {"code": services.shown(code).upper(), "next": DASHBOARD})
    assert response.status_code == 302
    assert response.url == DASHBOARD
    assert services.remaining_recovery_codes(consultant) == 9
    dashboard = client.get(DASHBOARD)
    assert "Du har 9 reservekoder tilbage" in dashboard.text

    client.post(reverse("accounts:logout"))
    password_sign_in(client, consultant)
    response = client.post(VERIFY, {"code": code})
    assert response.status_code == 200
    assert "Koden passer ikke" in response.text


def test_it_never_asks_an_applicant(client, applicant):
    response = password_sign_in(client, applicant)
    assert client.get(response.url).status_code == 200
    assert client.get(VERIFY).status_code == 302
    assert client.get(ENROL).url == DASHBOARD
    assert not TOTPDevice.objects.exists()


def test_it_needs_no_code_after_a_sign_in_the_identity_provider_vouched_for(
    client, rf, project_leader
):
    with_app(project_leader)
    client.force_login(project_leader)
    assert client.get(STAFF_PAGE).status_code == 302
    request = rf.get("/")
    request.session = client.session
    mark_strong_sign_in(request, "mitid-erhverv-substantial")
    request.session.save()
    assert client.get(STAFF_PAGE).status_code == 200


def test_it_answers_the_api_with_403_until_the_code_is_confirmed(client, case_officer):
    with_app(case_officer)
    password_sign_in(client, case_officer)
    response = client.get("/api/v1/")
    assert response.status_code == 403
    assert "anden faktor" in response.json()["detail"]


def test_it_lets_staff_see_their_status_and_make_new_recovery_codes(client, case_officer):
    sign_in_fully(client, case_officer)
    old = set(StaticToken.objects.values_list("token", flat=True))
    page = client.get(reverse("accounts:twofactor:security"))
    assert "10 ubrugte reservekoder" in page.text
    assert reverse("accounts:twofactor:security") in client.get(DASHBOARD).text  # user box
    response = client.post(reverse("accounts:twofactor:new_codes"))
    assert response.url == CODES
    shown = re.findall(r"data-recovery-code>([a-z2-7 ]+)<", client.get(CODES).text)
    new = set(StaticToken.objects.values_list("token", flat=True))
    assert {code.replace(" ", "") for code in shown} == new
    assert not old & new


def test_it_lets_an_administrator_reset_a_lost_factor_with_a_reason_kept_in_the_trail(
    client, administrator, case_officer
):
    with_app(case_officer)
    officer_client = type(client)()
    sign_in_fully(officer_client, case_officer)
    sign_in_fully(client, administrator)
    url = reverse("accounts:twofactor:reset", args=[case_officer.pk])
    assert url in client.get(reverse("admin:accounts_user_change", args=[case_officer.pk])).text

    refused = client.post(url, {"reason": "   "})
    assert refused.status_code == 200
    assert "Skriv, hvorfor totrinsbekræftelsen nulstilles" in refused.text
    assert TOTPDevice.objects.filter(user=case_officer).exists()

    response = client.post(url, {"reason": "Mistet telefon, ringede fra kendt nummer"})
    assert response.status_code == 302
    assert not TOTPDevice.objects.filter(user=case_officer).exists()
    assert not StaticDevice.objects.filter(user=case_officer).exists()
    reset = TwoFactorReset.objects.get()
    assert (reset.user, reset.reset_by) == (case_officer, administrator)
    entry = LogEntry.objects.get_for_object(reset).get()
    assert describe(entry).sentence == (
        f"{administrator.full_name} nulstillede totrinsbekræftelsen for "
        f"{case_officer.full_name}. Begrundelse: Mistet telefon, ringede fra kendt nummer"
    )
    # The officer's confirmed session no longer counts: they set up a new app.
    assert officer_client.get(STAFF_PAGE).url.startswith(ENROL)


def test_it_lets_only_an_administrator_reset_and_only_someone_elses_staff_factor(
    client, administrator, manager, applicant
):
    sign_in_fully(client, manager)
    assert (
        client.get(reverse("accounts:twofactor:reset", args=[administrator.pk])).status_code == 403
    )
    client.post(reverse("accounts:logout"))
    sign_in_fully(client, administrator)
    own = client.get(reverse("accounts:twofactor:reset", args=[administrator.pk]))
    assert own.status_code == 403
    other = client.get(reverse("accounts:twofactor:reset", args=[applicant.pk]))
    assert other.status_code == 404


def test_the_service_keeps_two_factor_on_and_a_deploy_check_refuses_it_off(settings):
    """The settings module sets it on unconditionally; only the test suite turns it off."""
    import indsats.settings as service_settings

    assert service_settings.INDSATS_STAFF_TWO_FACTOR is True
    assert "indsats.accounts.twofactor.middleware.StaffTwoFactorMiddleware" in (
        service_settings.MIDDLEWARE
    )
    assert checks.staff_two_factor_is_on(None) == []
    settings.INDSATS_STAFF_TWO_FACTOR = False
    assert [error.id for error in checks.staff_two_factor_is_on(None)] == ["indsats.twofactor.E001"]


def test_django_otp_keeps_throttling_on():
    assert settings.OTP_TOTP_THROTTLE_FACTOR >= 1
    assert settings.OTP_STATIC_THROTTLE_FACTOR >= 1


def test_it_asks_for_the_code_in_english_too(client, case_officer):
    with_app(case_officer)
    password_sign_in(client, case_officer)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    response = client.post(VERIFY, {"code": "12"})
    assert "Confirm your sign-in" in response.text
    assert "The code is not right" in response.text
    assert "Koden" not in response.text
