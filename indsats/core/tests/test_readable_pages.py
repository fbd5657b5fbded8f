"""Every page a demo login reaches is readable to the person it is for (C10, C11, issue 9).

For each demo login, in Danish and in English, the test follows the main menu and the
links on those pages one level further (GET only, this site only) and reads each page's
visible text: no internal key in snake_case, no Python value, no version counter, and no
English month name on a Danish page.
"""

from __future__ import annotations

import pytest
from django.test import Client

from indsats.accounts.models import Role, User
from indsats.core.demo import DEMO_USERS
from indsats.testing.demo_copy import load_demo_data_copied
from indsats.testing.module_data import built_for_the_module
from indsats.testing.readable import (
    crawl,
    links,
    menu_links,
    requirement_ids,
    unreadable_fragments,
    visible_text,
)

# --- The rules themselves, without a database -------------------------------------------


def test_it_reads_only_the_visible_text_of_a_page():
    html = (
        "<html><head><title>Sag</title><style>.a_b{}</style></head><body>"
        "<p class=\"step_key\">Indledende&nbsp;møde</p><script>var x_y = {'a': 1};</script>"
        "<svg><title>icon_name</title></svg></body></html>"
    )
    assert visible_text(html) == "Sag Indledende møde"


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Trin: initial_meeting", "internal key"),
        ("nuværende trin: screening_decision", "internal key"),
        ("svar: {} → {'enquiry': '2'}", "Python value"),
        ("Ansvarlig: None", "Python value"),
        ("Bekræftet: True", "Python value"),
        ("version: 1 → 2", "version counter"),
        ("Indsendt November 28, 2026", "English month"),
        ("Frist: 3. March 2027", "English month"),
        ("Mødet er Nov. 28, 2026", "English month"),
    ],
)
def test_it_finds_what_a_person_should_not_read_on_a_danish_page(text, kind):
    assert {fragment.kind for fragment in unreadable_fragments(text, "da")} == {kind}


@pytest.mark.parametrize(
    "text",
    [
        "Svar ændret: Emne, Målgruppe",
        "Skriv til anne_holm@kommune.dk eller hent politik_udkast.pdf",
        "Status: fra »Indsendt« til »Bevilget« 28. november 2026 kl. 10.00",
        "Se https://example.org/a_b for mere",
    ],
)
def test_it_lets_readable_danish_text_pass(text):
    assert unreadable_fragments(text, "da") == []


def test_it_lets_english_use_the_word_none_and_month_names():
    text = "Responsible None. Answer changed: Topic. Decided on 28 November 2026."
    assert unreadable_fragments(text, "en") == []
    assert [f.kind for f in unreadable_fragments("Decided: None → Granted", "en")] == [
        "Python value"
    ]


def test_it_follows_only_this_sites_links_and_finds_the_menu():
    html = (
        '<ul class="mainmenu"><li><a href="/forloeb/">Forløb</a></li>'
        '<li><a href="/indbakke/?side=2#top">Indbakke</a></li></ul>'
        '<a href="https://example.org/">Ude</a> <a href="mailto:a@b.dk">Post</a>'
        '<a href="#indhold">Spring</a> <a href="/forloeb/?a=1&amp;b=2">Et</a>'
    )
    assert menu_links(html) == ["/forloeb/", "/indbakke/?side=2"]
    assert links(html) == ["/forloeb/", "/indbakke/?side=2", "/forloeb/?a=1&b=2"]


def test_it_finds_a_requirement_id_that_an_applicant_should_not_read():
    assert [f.text for f in requirement_ids("Kriterium O1.4 og faktor F5 er opfyldt")] == [
        "O1.4",
        "F5",
    ]
    assert requirement_ids("Forløbet varer 8–12 måneder, Folkevej 5") == []


def test_it_says_so_when_a_page_has_no_menu():
    with pytest.raises(AssertionError, match="no main menu"):
        menu_links("<p>Ingen menu</p>")


# --- Every page of every demo login -----------------------------------------------------

START = "/overblik/"


@pytest.fixture(scope="module")
def media_root(tmp_path_factory):
    return tmp_path_factory.mktemp("demo-media")


@pytest.fixture
def media_in_tmp(settings, media_root):
    """The demo's documents stay where the module's demo data saved them."""
    settings.MEDIA_ROOT = media_root


@pytest.fixture(scope="module")
def demo_data(django_db_setup, django_db_blocker, media_root):
    """The demo data, loaded once for the module (twenty crawls read it; none changes
    it) inside a transaction rolled back at the module's end; each test runs in a
    savepoint within it."""
    with built_for_the_module(django_db_blocker, media_root, load_demo_data_copied) as users:
        yield users


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["da", "en"])
@pytest.mark.parametrize("email", [demo.email for demo in DEMO_USERS])
def test_it_shows_each_demo_login_only_readable_pages(demo_data, email, language):  # C10, C11
    client = Client()
    client.force_login(User.objects.get(email=email))
    pages = list(crawl(client, START, language))
    assert len(pages) > 3, f"{email} reached only {[page.path for page in pages]}"
    user = User.objects.get(email=email)
    problems = [
        f"{page.path}: {fragment}"
        for page in pages
        for fragment in unreadable_fragments(page.text, language)
        + (requirement_ids(page.text) if user.role == Role.APPLICANT else [])
    ]
    assert problems == [], f"{email} ({language}) reads:\n" + "\n".join(problems)


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["da", "en"])
def test_it_shows_a_visitor_who_is_not_signed_in_only_readable_pages(demo_data, language):
    pages = list(crawl(Client(), "/", language))
    assert {"/forloeb/"} <= {page.path for page in pages}
    problems = [
        f"{page.path}: {fragment}"
        for page in pages
        for fragment in unreadable_fragments(page.text, language) + requirement_ids(page.text)
    ]
    assert problems == []
