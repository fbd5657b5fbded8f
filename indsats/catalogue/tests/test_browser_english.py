"""A visitor switches to English and reads an offer in English (C11, issue 9)."""

import pytest

from indsats.accounts.models import Role
from indsats.catalogue.models import Offer
from indsats.core.tests.browser import assert_accessible, sign_in
from indsats.testing.factories import UserFactory

pytestmark = pytest.mark.browser


def test_it_shows_an_offer_in_english_after_the_switch(page, live_server):  # C11
    offer = Offer.objects.get(code="O4")
    page.goto(f"/forloeb/{offer.slug}/")
    assert page.locator("h1").inner_text() == offer.name
    with page.expect_navigation():
        page.locator(".portal-user .language-switch button[value='en']").click()
    heading = page.locator("h1")
    assert heading.inner_text() == offer.name_en
    assert page.locator("html").get_attribute("lang") == "en"
    body = page.locator("main").inner_text()
    assert offer.summary_en in body
    assert offer.steps.get(number=7).title_en in body  # "Two theme days"
    assert offer.rules.get(key="working_group").text_en in body
    assert offer.summary not in body
    assert_accessible(page)


def test_it_shows_staff_the_english_beside_the_danish_and_marks_a_gap(page, live_server):
    leader = UserFactory(role=Role.PROJECT_LEADER, email="pl@styrelsen.test")
    offer = Offer.objects.get(code="O2")
    offer.practical_en = ""
    offer.save()
    sign_in(page, live_server, leader.email)
    page.goto(f"/forloeb/{offer.slug}/rediger/")
    danish = page.locator("#id_practical")
    english = page.locator("#id_practical_en")
    assert danish.input_value() == offer.practical
    assert english.input_value() == ""
    # Side by side on a wide screen: the English field starts to the right of the Danish.
    assert english.bounding_box()["x"] > danish.bounding_box()["x"] + 200
    assert page.locator("#id_practical_en_missing").is_visible()
    assert page.locator(".badge-warning").count() == 1
    assert_accessible(page)
