"""Two-factor sign-in for staff in a real browser (C12): set up an app from the secret on
the page, sign out, sign in again with its code; a wrong code refused; a recovery code
works once."""

from __future__ import annotations

import time

import pytest

from indsats.core.tests.browser import LOGIN_PATH, SUBMIT, assert_accessible
from indsats.testing.factories import TEST_PASSWORD
from indsats.testing.twofactor import app_for

ENROL = "/konto/totrin/opsaet/"
VERIFY = "/konto/totrin/kode/"
CODES = "/konto/totrin/reservekoder/"
DASHBOARD = "/overblik/"


def sign_in_with_password(page, live_server, email):
    page.goto(live_server.url + LOGIN_PATH)
    page.locator("input[name='username']").fill(email)
    page.locator("input[name='password']").fill(TEST_PASSWORD)
    with page.expect_navigation():
        page.locator("main").locator(SUBMIT).first.click()


def submit_code(page, code):
    page.locator("input[name='code']").fill(code)
    with page.expect_navigation():
        page.locator("form").filter(has=page.locator("input[name='code']")).locator(
            SUBMIT
        ).first.click()


def sign_out(page):
    with page.expect_navigation():
        page.locator("form.logout-form button").first.click()


@pytest.mark.browser
def test_it_sets_up_an_app_asks_for_its_code_and_takes_a_recovery_code_once(
    page, live_server, case_officer
):
    sign_in_with_password(page, live_server, case_officer.email)
    assert ENROL in page.url
    qr_title = page.locator("main svg[role='img'] title").text_content()
    assert qr_title == "QR-kode til godkendelsesappen"
    assert_accessible(page)
    app = app_for(page.locator("[data-secret]").inner_text())
    submit_code(page, app.now())

    assert CODES in page.url
    assert page.get_by_text("Koderne vises kun denne ene gang").is_visible()
    codes = page.locator("[data-recovery-code]").all_inner_texts()
    assert len(codes) == 10
    assert_accessible(page)
    with page.expect_navigation():
        page.locator("a[data-continue]").click()
    assert page.url.endswith(DASHBOARD)

    # Signing in again: the password is not enough.
    sign_out(page)
    sign_in_with_password(page, live_server, case_officer.email)
    assert VERIFY in page.url
    page.goto(live_server.url + "/organisationer/kommuner/")
    assert VERIFY in page.url
    assert_accessible(page)

    wrong = next(c for c in ("000000", "111111", "222222") if c not in _window(app))
    submit_code(page, wrong)
    assert VERIFY in page.url
    assert page.locator(".error-summary").get_by_text("Koden passer ikke").is_visible()
    assert page.locator("#id_code_error").get_by_text("Koden passer ikke").is_visible()
    assert_accessible(page)

    time.sleep(1.2)  # django-otp's throttle: a second after the first wrong code
    # The code set-up used was this step's; an app shows the next one 30 seconds later.
    submit_code(page, app.at(time.time() + 30))
    assert page.url.endswith("/organisationer/kommuner/")

    # A recovery code instead of the app, once.
    sign_out(page)
    sign_in_with_password(page, live_server, case_officer.email)
    submit_code(page, codes[0])
    assert page.url.endswith(DASHBOARD)
    assert page.get_by_text("Du har 9 reservekoder tilbage").is_visible()

    sign_out(page)
    sign_in_with_password(page, live_server, case_officer.email)
    submit_code(page, codes[0])
    assert VERIFY in page.url
    assert page.locator("#id_code_error").get_by_text("Koden passer ikke").is_visible()


def _window(app):
    now = time.time()
    return {app.at(now + offset * 30) for offset in range(-2, 3)}
