"""A visitor switches to English and reads an offer in English (C11, issue 9)."""

import pytest

from indsats.catalogue.models import Offer
from indsats.core.tests.browser import assert_accessible

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
