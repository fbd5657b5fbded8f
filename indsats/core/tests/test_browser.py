"""The service in a real browser: each role's menu, logging out, and axe-core on the frame.

The expected menus are written out by hand from the requirements, not computed from
``menu_for``, so that a change to the menu has to be a change to this test as well.
"""

import pytest
from django.template.loader import render_to_string

from indsats.accounts.models import Role
from indsats.core.demo import DEMO_PASSWORD, DEMO_USERS

from .browser import assert_accessible, log_in, sign_in

pytestmark = pytest.mark.browser

MAIN_NAVIGATION = "Hovedmenu"  # the accessible name of the header's <nav>

ANONYMOUS_MENU = ["Forside", "Forløb"]
STAFF = ["Overblik", "Forløb", "Indbakke", "Igangværende forløb", "Fordeling"]
REGISTERS = ["Kommuner", "Anbringelsessteder", "Screening"]
EXPECTED_MENU = {
    Role.APPLICANT: ["Overblik", "Forløb", "Mine sager", "Min organisation"],
    Role.CASE_OFFICER: [*STAFF, "Adgangsanmodninger", *REGISTERS, "Rapporter"],
    Role.CONSULTANT: [*STAFF, *REGISTERS],
    Role.PROJECT_LEADER: [*STAFF, "Adgangsanmodninger", *REGISTERS, "Rapporter"],
    Role.MANAGER: [*STAFF, "Adgangsanmodninger", *REGISTERS, "Rapporter", "Revisionsspor"],
    Role.ADMINISTRATOR: [
        *STAFF,
        "Adgangsanmodninger",
        *REGISTERS,
        "Revisionsspor",
        "Administration",
    ],
}
APPLICANT_EMAIL = next(user.email for user in DEMO_USERS if user.role == Role.APPLICANT)


def main_menu(page) -> list[str]:
    """The menu's links, including those DKFDS folds under "Mere" when space runs out."""
    navigation = page.get_by_role("navigation", name=MAIN_NAVIGATION)
    texts = [" ".join(text.split()) for text in navigation.locator("a").all_text_contents()]
    return list(dict.fromkeys(text for text in texts if text))  # folded links are copies


def test_it_shows_each_demo_user_exactly_their_roles_menu(page, live_server, demo_data):
    # One test for every login, on one load of the demo data: each login is a fresh
    # session (cookies cleared), and the message names the login whose menu is wrong.
    menus = {}
    for demo_user in DEMO_USERS:
        page.context.clear_cookies()
        sign_in(page, live_server, demo_user.email)
        menus[demo_user.email] = main_menu(page)
    expected = {user.email: EXPECTED_MENU[user.role] for user in DEMO_USERS}
    assert menus == expected


def test_it_logs_out_and_returns_to_the_front_page(page, live_server, demo_data):
    log_in(page, live_server, APPLICANT_EMAIL, DEMO_PASSWORD)

    with page.expect_navigation():
        page.get_by_role("button", name="Log ud").click()

    assert page.url == live_server.url + "/"
    assert main_menu(page) == ANONYMOUS_MENU
    page.goto("/overblik/")
    assert page.url.startswith(live_server.url + "/konto/log-ind/")


def test_it_finds_no_serious_accessibility_violation_on_the_front_page(page):
    response = page.goto("/")

    assert response.status == 200
    assert_accessible(page)


def test_it_finds_no_serious_accessibility_violation_on_the_login_page(page):
    response = page.goto("/konto/log-ind/")

    assert response.status == 200
    assert_accessible(page)


def test_it_finds_no_serious_accessibility_violation_on_the_accessibility_statement(page):
    response = page.goto("/tilgaengelighedserklaering/")

    assert response.status == 200
    assert_accessible(page)


def test_it_finds_no_serious_accessibility_violation_on_the_404_page(page):
    response = page.goto("/findes-ikke/")

    assert response.status == 404
    assert_accessible(page)


def test_it_finds_no_serious_accessibility_violation_on_the_403_page(page, live_server, demo_data):
    sign_in(page, live_server, APPLICANT_EMAIL)

    response = page.goto("/revisionsspor/")

    assert response.status == 403
    assert_accessible(page)


def test_it_finds_no_serious_accessibility_violation_on_the_500_page(page, live_server):
    html = render_to_string("500.html")
    page.goto(live_server.url)  # so that the page's /static/ addresses resolve

    page.set_content(html)

    stylesheets = page.evaluate(
        """() => [...document.querySelectorAll('link[rel="stylesheet"]')].map(
            (link) => ({href: link.href, rules: link.sheet ? link.sheet.cssRules.length : 0}))"""
    )
    assert stylesheets, "500.html links no stylesheet"
    assert all(sheet["rules"] > 0 for sheet in stylesheets), stylesheets
    assert_accessible(page)


def test_it_names_each_serious_violation_axe_finds(page, live_server):
    """C11 (WCAG 2.1 AA): the check above can fail. A page with a nameless button and an
    image without a text alternative is refused, with the rules and the elements named."""
    page.goto(live_server.url)
    page.set_content(
        '<html lang="da"><head><title>Prøve</title></head><body><main>'
        '<button id="nameless"></button><img id="bare" src="/static/indsats/favicon.svg">'
        "</main></body></html>"
    )
    with pytest.raises(AssertionError) as refused:
        assert_accessible(page)
    assert "button-name" in str(refused.value)
    assert "image-alt" in str(refused.value)
    assert "#nameless" in str(refused.value)
