"""The report pages and files: who may see them, the filter in the URL, bad input (C8)."""

from datetime import date

import pytest
from django.urls import reverse

from indsats.reports.registry import REPORTS

from .page_tables import page_tables
from .records import everything_2027

YEAR_2027 = {"fra": "2027-01-01", "til": "2027-12-31"}


def _urls(key="volumes", table="volumes"):
    return [
        reverse("reports:index"),
        reverse("reports:report", args=[key]),
        reverse("reports:excel", args=[key]),
        reverse("reports:csv", args=[key, table]),
    ]


@pytest.mark.django_db
@pytest.mark.parametrize("user", ["applicant", "site_applicant", "consultant", "administrator"])
def test_it_refuses_applicants_and_staff_outside_reporting_403(client, request, user):
    client.force_login(request.getfixturevalue(user))

    for url in _urls():
        assert client.get(url, YEAR_2027).status_code == 403, url


@pytest.mark.django_db
def test_it_sends_an_anonymous_visitor_to_log_in(client):
    for url in _urls():
        response = client.get(url)
        assert response.status_code == 302
        assert "/konto/log-ind/" in response["Location"]


@pytest.mark.django_db
@pytest.mark.parametrize("user", ["case_officer", "project_leader", "manager"])
def test_it_shows_every_report_to_case_officers_project_leaders_and_managers(client, request, user):
    client.force_login(request.getfixturevalue(user))

    index = client.get(reverse("reports:index"))
    assert index.status_code == 200
    for key, spec in REPORTS.items():
        assert reverse("reports:report", args=[key]) in index.content.decode()
        page = client.get(reverse("reports:report", args=[key]), YEAR_2027)
        assert page.status_code == 200, key
        assert str(spec.title) in page.content.decode()


@pytest.mark.django_db
def test_it_keeps_the_filter_in_the_links_to_the_files(client, manager):
    everything_2027()
    client.force_login(manager)
    query = {**YEAR_2027, "tilbud": "O1", "region": "1082"}

    page = client.get(reverse("reports:report", args=["volumes"]), query).content.decode()

    assert "/rapporter/volumes/excel/?fra=2027-01-01&amp;til=2027-12-31&amp;tilbud=O1" in page
    assert "/rapporter/volumes/csv/volumes/?fra=2027-01-01" in page
    table = page_tables(page)["volumes"]
    assert [row[0] for row in table["rows"]] == ["O1 Temaforløb om overgreb mod børn"]
    # Region Midtjylland (1082): Aarhus and Horsens applied for O1 in 2027.
    assert table["rows"][0][2] == "2"


@pytest.mark.django_db
def test_it_shows_this_year_without_a_filter(client, manager):
    client.force_login(manager)

    response = client.get(reverse("reports:report", args=["volumes"]))

    assert response.status_code == 200
    assert response.context["form"].params().period_start.month == 1


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("query", "message"),
    [
        ({"fra": "2027-12-31", "til": "2027-01-01"}, "Slutdatoen skal ligge efter startdatoen."),
        ({"fra": "i går", "til": "2027-01-01"}, "Fra og med"),
        ({**YEAR_2027, "tilbud": "O9"}, "Tilbud"),
        ({**YEAR_2027, "region": "9999"}, "Region"),
        ({"fra": "1990-01-01", "til": "2027-01-01"}, "Vælg en periode på højst 20 år."),
    ],
)
def test_it_explains_a_bad_filter_with_400(client, manager, query, message):
    client.force_login(manager)

    for url in _urls()[1:]:
        response = client.get(url, query)
        assert response.status_code == 400, url
        assert message in response.content.decode()


@pytest.mark.django_db
def test_it_answers_404_for_an_unknown_report_or_table(client, manager):
    client.force_login(manager)

    assert client.get(reverse("reports:report", args=["ukendt"])).status_code == 404
    assert client.get(reverse("reports:csv", args=["volumes", "ukendt"])).status_code == 404


@pytest.mark.django_db
def test_it_draws_a_chart_above_each_table_with_data(client, manager):
    everything_2027()
    client.force_login(manager)

    page = client.get(reverse("reports:report", args=["waiting_times"]), YEAR_2027)

    html = page.content.decode()
    assert 'data-chart="waiting_times-chart-data"' in html
    assert 'id="waiting_times-chart-data"' in html
    assert "chartjs/chart.umd.min.js" in html
    assert date(2027, 1, 1).strftime("%Y") in html


@pytest.mark.django_db
def test_it_labels_columns_in_english_for_english_readers_and_keeps_files_danish(client, manager):
    everything_2027()
    client.force_login(manager)
    client.cookies["django_language"] = "en"

    page = client.get(reverse("reports:report", args=["waiting_times"]), YEAR_2027)
    csv_file = client.get(
        reverse("reports:csv", args=["waiting_times", "waiting_times"]), YEAR_2027
    )

    table = page_tables(page.content.decode())["waiting_times"]
    assert table["headers"][:2] == ["Offer", "Applications"]
    assert table["totals"][0] == "All offers"
    assert csv_file.content.decode("utf-8-sig").startswith("Tilbud;Ansøgninger;")


@pytest.mark.django_db
def test_it_names_the_files_by_the_titles_in_danish_letters_spelt_out(client, manager):
    client.force_login(manager)

    excel = client.get(reverse("reports:excel", args=["volumes"]), YEAR_2027)
    csv_file = client.get(reverse("reports:csv", args=["reach", "not_reached"]), YEAR_2027)

    assert excel["Content-Disposition"] == (
        'attachment; filename="indsats_henvendelser-ansoegninger-og-afgoerelser'
        '_2027-01-01_2027-12-31.xlsx"'
    )
    assert csv_file["Content-Disposition"] == (
        'attachment; filename="indsats_kommuner-naaet_kommuner-ikke-naaet'
        '_2027-01-01_2027-12-31.csv"'
    )
