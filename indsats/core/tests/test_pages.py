"""The page frame, the error pages, the language switch and DKFDS form rendering (C11)."""

from __future__ import annotations

from html.parser import HTMLParser

import pytest
from django import forms
from django.conf import settings
from django.test import RequestFactory
from django.urls import reverse

from indsats.accounts.models import User
from indsats.core.views import server_error
from indsats.organisations.models import Organisation

PASSWORD = "et-Godt-Kodeord-2026"
ENGLISH_CATALOGUE = settings.BASE_DIR / "indsats" / "locale" / "en" / "LC_MESSAGES" / "django.mo"


class _Elements(HTMLParser):
    """Every start tag of a page with its attributes, in document order."""

    def __init__(self):
        super().__init__()
        self.found: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag, attrs):
        self.found.append((tag, dict(attrs)))


def elements(html: str, tag: str | None = None, **attrs: str) -> list[dict[str, str | None]]:
    """The attributes of each element with this tag and exactly these attribute values."""
    parser = _Elements()
    parser.feed(html)
    return [
        found
        for name, found in parser.found
        if (tag is None or name == tag) and all(found.get(k) == v for k, v in attrs.items())
    ]


def element(html: str, tag: str | None = None, **attrs: str) -> dict[str, str | None]:
    matches = elements(html, tag, **attrs)
    assert len(matches) == 1, f"expected one <{tag} {attrs}>, found {len(matches)}"
    return matches[0]


def classes(found: dict[str, str | None]) -> set[str]:
    return set((found.get("class") or "").split())


@pytest.fixture
def applicant(db):
    """An applicant in Københavns Kommune: may not see the audit trail."""
    return User.objects.create_user(
        "ansoeger.kbh@indsats.test",
        PASSWORD,
        full_name="Karen Prøvesen",
        role="applicant",
        organisation=Organisation.objects.get(kind="municipality", municipality__code="101"),
    )


def test_it_shows_the_front_page_in_danish_with_a_skip_link_and_the_statement_link(client, db):
    response = client.get(reverse("core:front"))

    assert response.status_code == 200
    page = response.text
    assert element(page, "html")["lang"] == "da"
    assert "Rådgivning til kommuner og anbringelsessteder" in page
    skip_link = element(page, "a", href="#main-content")
    assert classes(skip_link) == {"skipnav"}
    assert "Gå til sidens indhold" in page
    assert element(page, "main")["id"] == "main-content"
    assert element(page, "a", href=reverse("core:accessibility"))
    assert "Tilgængelighedserklæring</a>" in page
    # The main menu is drawn twice, for wide screens and in the mobile drawer.
    assert len(elements(page, "nav", **{"aria-label": "Hovedmenu"})) == 2
    assert len(elements(page, "a", href=reverse("core:front"), **{"aria-current": "page"})) == 2


def test_it_renders_the_accessibility_statement(client, db):
    response = client.get(reverse("core:accessibility"))

    assert response.status_code == 200
    page = response.text
    assert "<h1>Tilgængelighedserklæring for Indsats</h1>" in page
    assert "WCAG 2.1 på niveau AA" in page
    assert "Vi kender i øjeblikket ikke til indhold i Indsats" in page
    assert "axe-core" in page
    assert element(page, "a", href="mailto:tilgaengelighed@indsats.test")
    assert "klage til Digitaliseringsstyrelsen" in page
    assert element(page, "time", datetime="2026-11-25")


def test_it_renders_a_missing_page_in_the_look_with_status_404(client, db):
    response = client.get("/findes-ikke/")

    assert response.status_code == 404
    assert [t.name for t in response.templates][:2] == ["404.html", "base.html"]
    page = response.text
    assert "<h1>Siden findes ikke</h1>" in page
    assert element(page, "a", href="#main-content")
    assert element(page, "a", href=reverse("core:accessibility"))


def test_it_refuses_an_applicant_the_audit_trail_with_the_403_page(client, applicant):
    client.force_login(applicant)

    response = client.get("/revisionsspor/")

    assert response.status_code == 403
    assert "403.html" in [t.name for t in response.templates]
    page = response.text
    assert "<h1>Du har ikke adgang til denne side</h1>" in page
    assert "Karen Prøvesen" in page  # still the signed-in frame, with a way out
    assert elements(page, "form", action=reverse("accounts:logout"), method="post")


def test_it_renders_the_500_page_without_touching_the_database(db, django_assert_num_queries):
    with django_assert_num_queries(0):
        response = server_error(RequestFactory().get("/"))

    assert response.status_code == 500
    page = response.content.decode()
    assert "<h1>Der er sket en fejl</h1>" in page
    assert element(page, "a", href="#main-content")
    assert element(page, "link", rel="stylesheet", href="/static/dkfds/css/dkfds.min.css")
    assert not elements(page, "form")  # no logout, no language switch: they need a request
    assert "csrfmiddlewaretoken" not in page


def test_it_switches_the_front_page_to_english(client, db):
    assert ENGLISH_CATALOGUE.exists(), "run: manage.py compilemessages (setup does it)"

    response = client.post(reverse("set_language"), {"language": "en", "next": "/"})
    assert response.status_code == 302

    page = client.get(reverse("core:front")).text
    assert element(page, "html")["lang"] == "en"
    assert "Advice for municipalities and placement sites" in page
    assert "Skip to main content" in page
    assert "Rådgivning til kommuner og anbringelsessteder" not in page
    switches = elements(page, "button", name="language", value="en")
    assert switches
    assert all(button["aria-current"] == "true" for button in switches)


def test_it_shows_the_error_summary_and_keeps_the_email_on_a_wrong_password(client, applicant):
    response = client.post(
        reverse("accounts:login"), {"username": applicant.email, "password": "forkert"}
    )

    assert response.status_code == 200
    page = response.text
    summary = element(page, "div", **{"data-module": "error-summary"})
    assert summary["role"] == "alert"
    assert summary["tabindex"] == "-1"
    assert "Der er problemer" in page
    assert page.count("E-mail og adgangskode passer ikke sammen") == 1
    assert element(page, "input", name="username")["value"] == applicant.email
    assert "value" not in element(page, "input", name="password")


def test_it_shows_the_error_at_the_password_field_when_it_is_left_empty(client, applicant):
    response = client.post(reverse("accounts:login"), {"username": applicant.email})

    page = response.text
    error = element(page, id="id_password_error")
    assert classes(error) == {"form-error-message"}
    assert "Dette felt er påkrævet." in page.split('id="id_password_error"')[1][:200]
    password = element(page, "input", name="password")
    assert password["aria-invalid"] == "true"
    assert "id_password_error" in password["aria-describedby"].split()
    assert element(page, "a", href="#id_password")  # from the error summary
    assert element(page, "input", name="username")["value"] == applicant.email


class _EveryKindOfField(forms.Form):
    name = forms.CharField(label="Navn", help_text="Som i folkeregistret.")
    about = forms.CharField(label="Om jer", widget=forms.Textarea, required=False)
    kind = forms.ChoiceField(
        label="Type", choices=[("", "---------"), ("a", "Kommune"), ("b", "Sted")]
    )
    size = forms.ChoiceField(
        label="Størrelse", choices=[("s", "Lille"), ("l", "Stor")], widget=forms.RadioSelect
    )
    themes = forms.MultipleChoiceField(
        label="Temaer",
        choices=[("o", "Opsporing"), ("p", "Psykisk vold")],
        widget=forms.CheckboxSelectMultiple,
    )
    agree = forms.BooleanField(label="Jeg bekræfter")
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)


def test_it_draws_every_kind_of_field_the_dkfds_way():
    form = _EveryKindOfField(data={"name": "", "size": "x", "version": "1"})
    form.is_valid()

    html = str(form)

    assert classes(element(html, "input", name="name")) == {"form-input"}
    assert classes(element(html, "textarea", name="about")) == {"form-input"}
    assert classes(element(html, "select", name="kind")) == {"form-select"}
    assert ">Vælg</option>" in html  # not Django's dashes
    assert {tuple(classes(radio)) for radio in elements(html, "input", type="radio")} == {
        ("form-radio",)
    }
    assert len(elements(html, "input", type="checkbox", name="themes")) == 2
    assert classes(element(html, "input", name="agree")) == {"form-checkbox"}
    # Label, hint and error are tied to the input; the group is marked as in error.
    assert element(html, "label", **{"for": "id_name"})
    assert element(html, id="id_name_helptext")
    name_input = element(html, "input", name="name")
    assert name_input["aria-describedby"] == "id_name_helptext id_name_error"
    assert len(elements(html, "div", **{"class": "form-group form-error"})) == 5
    # Radio and checkbox lists are fieldsets with a legend; each input precedes its label.
    assert len(elements(html, "fieldset")) == 2
    assert "<legend" in html
    assert html.index('id="id_size_0"') < html.index('for="id_size_0"')
    # Required fields are marked; the optional textarea is not; hidden fields stay hidden.
    assert html.count("(*skal udfyldes)") == 5
    assert element(html, "input", type="hidden", name="version")


@pytest.mark.django_db
def test_it_speaks_danish_to_an_english_browser_until_english_is_chosen(client):  # C11
    danish = client.get("/", headers={"accept-language": "en-GB,en;q=0.9"})
    assert danish.headers["Content-Language"] == "da"
    client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    english = client.get("/", headers={"accept-language": "da"})
    assert english.headers["Content-Language"] == "en"
