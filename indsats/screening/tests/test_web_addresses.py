"""The web addresses the screening keeps: http and https only, by one validator for the
edit forms, the importers and the pages (C12). A file cannot store what a form refuses,
and a page never makes a link of anything else, even of an address stored before."""

from datetime import date

import pytest
from django.urls import reverse

from indsats.organisations.models import Municipality
from indsats.screening.importers import ImportFailed, import_plans, import_press
from indsats.screening.models import PreparednessPlan, PressCriticism
from indsats.screening.weblinks import is_web_address, parse_web_address

PLAN_HEADER = "kommunekode;godkendt;revideret;offentliggjort;url\r\n"
PRESS_HEADER = "kommunekode;dato;medie;link;resumé\r\n"
NOT_WEB = "er ikke en webadresse, der begynder med https:// eller http://"


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("https://www.kk.dk/beredskab", True),
        ("http://www.kk.dk/beredskab", True),
        ("javascript:alert(document.domain)", False),
        ("JavaScript:alert(1)", False),
        (" javascript:alert(1)", False),
        ("data:text/html,<script>alert(1)</script>", False),
        ("ftp://ftp.kk.dk/beredskab.pdf", False),
        ("ftp://x", False),
        ("//www.kk.dk", False),
        ("", False),
        (None, False),
    ],
)
def test_only_an_http_or_https_address_is_a_web_address(value, expected):
    assert is_web_address(value) is expected


def test_a_cell_is_read_by_the_edit_forms_rules():
    assert parse_web_address("  ", 200) == ""
    assert parse_web_address("www.kk.dk/beredskab", 200) == "https://www.kk.dk/beredskab"
    assert parse_web_address("http://www.kk.dk/b", 200) == "http://www.kk.dk/b"
    with pytest.raises(ValueError, match=NOT_WEB):
        parse_web_address("javascript:alert(document.domain)", 200)
    with pytest.raises(ValueError, match="for lang"):
        parse_web_address("https://www.kk.dk/" + "a" * 200, 200)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("row", "message"),
    [
        (
            "173;2020-01-01;2020-01-01;ja;javascript:alert(document.domain)",
            f"Linje 3: »javascript:alert(document.domain)« {NOT_WEB}",
        ),
        ("173;2020-01-01;2020-01-01;ja;ftp://x", f"Linje 3: »ftp://x« {NOT_WEB}"),
        (
            "173;2020-01-01;2020-01-01;ja;",
            "Linje 3: skriv adressen, hvor beredskabet er offentliggjort.",
        ),
        ("173;2020-01-01;;nej;https://x" + "y" * 300 + ".dk", "Linje 3: adressen »https://x"),
    ],
)
def test_a_plan_file_with_an_address_the_form_refuses_is_refused_whole(row, message):
    data = PLAN_HEADER + "101;2019-05-02;;ja;https://www.kk.dk/beredskab\r\n" + row + "\r\n"
    with pytest.raises(ImportFailed) as refused:
        import_plans(data, "beredskaber.csv")
    errors = [str(error) for error in refused.value.errors]
    assert len(errors) == 1
    assert errors[0].startswith(message)
    assert not PreparednessPlan.objects.exists()


@pytest.mark.django_db
def test_a_plan_file_gets_https_for_an_address_without_a_scheme_as_the_form_does():
    import_plans(PLAN_HEADER + "173;2020-01-01;;ja;www.lyngby-taarbaek.dk/b\r\n", "b.csv")
    assert PreparednessPlan.objects.get().url == "https://www.lyngby-taarbaek.dk/b"


@pytest.mark.django_db
@pytest.mark.parametrize("link", ["javascript:alert(1)", "ftp://ftp.dr.dk/artikel"])
def test_a_press_file_with_another_scheme_is_refused(link):
    data = PRESS_HEADER + f"101;2024-03-15;Avisen;{link};Kritik.\r\n"
    with pytest.raises(ImportFailed) as refused:
        import_press(data, "presse.csv")
    assert [str(error) for error in refused.value.errors] == [
        f"Linje 2: »{link}« {NOT_WEB} (skriv fx https://www.kk.dk/…)."
    ]
    assert not PressCriticism.objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("screening:plan_edit", {"approved_on": "2019-05-02", "is_published": "on"}),
        (
            "screening:press_create",
            {"published_on": "2024-05-01", "medium": "Avisen", "summary": "Kritik."},
        ),
    ],
)
def test_the_edit_forms_refuse_another_scheme(client, consultant, name, data):
    client.force_login(consultant)
    response = client.post(reverse(name, args=["101"]), {**data, "url": "ftp://ftp.kk.dk/b"})
    assert response.status_code == 400
    assert response.context["form"].errors["url"] == [
        "Skriv en webadresse, der begynder med https:// eller http://."
    ]


@pytest.mark.django_db
def test_the_page_never_links_a_stored_address_of_another_scheme(client, case_officer):
    """Data stored before the importer checked its addresses is shown, not linked."""
    lyngby = Municipality.objects.get(code="173")
    PreparednessPlan.objects.create(
        municipality=lyngby, is_published=True, url="javascript:alert(document.domain)"
    )
    PressCriticism.objects.create(
        municipality=lyngby,
        published_on=date(2024, 3, 15),
        medium="Avisen",
        url="javascript:alert(1)",
        summary="Kritik.",
    )
    client.force_login(case_officer)
    page = client.get(reverse("screening:municipality", args=["173"])).text
    assert 'href="javascript:' not in page
    assert "javascript:alert(document.domain)" in page  # shown as text
    PreparednessPlan.objects.update(url="https://www.ltk.dk/beredskab")
    PressCriticism.objects.update(url="https://www.avisen.dk/artikel")
    page = client.get(reverse("screening:municipality", args=["173"])).text
    assert 'href="https://www.ltk.dk/beredskab"' in page
    assert 'href="https://www.avisen.dk/artikel"' in page
