"""Issue #8 as a manager and the municipalities live it, in Debian's chromium (C5, C3):
open the plan for a period, move one place with a reason, confirm, and each applicant's
portal says granted, number N of M on the waiting list, or refused — with the reasons."""

import pytest

from indsats.core.tests.browser import assert_accessible, sign_in

from .conftest import at

pytestmark = pytest.mark.browser


def _portal_text(page, live_server, application):
    page.context.clear_cookies()
    sign_in(page, live_server, application.organisation.users.get().email)
    page.goto(f"/ansoegninger/{application.pk}/")
    return page.locator("main").inner_text()


def test_a_manager_moves_a_place_confirms_and_the_portals_show_where_each_stands(
    page, live_server, municipal_application, capacity, manager
):
    """O1.4 with one place: by the criteria Aarhus (4) 1, København (4, later) 2, Odense
    (3) 3, Vejle (2) 4; Aalborg lacks the chef-level decision and is refused. The manager
    moves Odense to place 1 with a reason. Confirmed: Odense granted; Aarhus 1, København 2
    and Vejle 3 of 3 on the waiting list; Aalborg refused. The manager's reason stays
    internal: no portal shows it."""
    capacity("O1", "2027", 1)
    aarhus = municipal_application("751", at(1))
    kbh = municipal_application("101", at(2))
    odense = municipal_application("461", at(3), "motivation")
    vejle = municipal_application("630", at(4), "motivation", "delimited_topic")
    aalborg = municipal_application("851", at(5), "chef_level_decision")

    sign_in(page, live_server, manager.email)
    page.goto("/fordeling/")
    with page.expect_navigation():
        page.locator("main").get_by_role("link", name="Fordeling", exact=True).first.click()
    assert "Fordeling af" in page.locator("h1").inner_text()
    assert_accessible(page)

    page.get_by_text(f"Flyt {odense.reference}").click()
    form = page.locator("form").filter(has=page.locator(f"input[value='{odense.reference}']"))
    form.get_by_label("Ny plads").fill("1")
    form.get_by_label("Begrundelse").fill("Kommunen har en akut sag, der kræver hjælp nu.")
    with page.expect_navigation():
        form.get_by_role("button", name="Flyt").click()
    assert "Flytninger, der ikke er bekræftet endnu" in page.locator("main").inner_text()
    with page.expect_navigation():
        page.get_by_role("button", name="Bekræft fordelingen").click()
    assert "Fordelingen er bekræftet" in page.locator("main").inner_text()

    granted = _portal_text(page, live_server, odense)
    assert "I har fået et forløb" in granted
    assert "efter lederens prioritering" in granted
    assert "Kommunen har en akut sag" not in granted  # the manager's reason is internal
    waiting = _portal_text(page, live_server, kbh)
    assert "Nummer 2 af 3 på ventelisten" in waiting
    assert "Forventet start" in waiting
    assert "Kommunen har en akut sag" not in waiting  # another municipality's reason
    assert "Nummer 1 af 3" in _portal_text(page, live_server, aarhus)
    assert "Nummer 3 af 3" in _portal_text(page, live_server, vejle)
    refused = _portal_text(page, live_server, aalborg)
    assert "Ansøgningen er afslået" in refused
    assert "chefniveau" in refused
    assert_accessible(page)
