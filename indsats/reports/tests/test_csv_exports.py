"""CSV for Excel in Denmark: Danish headers, semicolons, decimal comma, the documented
precision (C8)."""

import csv
import io
from datetime import date

import pytest
from django.urls import reverse

from indsats.reports.registry import REPORTS, ReportParams, run_report

from .records import everything_2027

YEAR_2027 = {"fra": "2027-01-01", "til": "2027-12-31"}


def _read(response) -> list[list[str]]:
    text = response.content.decode("utf-8")
    assert text.startswith("\ufeff")  # the byte-order mark Excel needs for æ, ø, å
    return list(csv.reader(io.StringIO(text[1:]), delimiter=";"))


@pytest.mark.django_db
def test_it_names_every_column_in_danish_for_every_table(client, manager):
    client.force_login(manager)
    params = ReportParams(date(2027, 1, 1), date(2027, 12, 31))

    for key in REPORTS:
        for table in run_report(key, params).tables:
            response = client.get(reverse("reports:csv", args=[key, table.key]), YEAR_2027)
            assert response.status_code == 200
            assert response["Content-Type"] == "text/csv; charset=utf-8"
            header = _read(response)[0]
            expected = [
                f"{c.label_da} (%)" if c.kind == "percent" else c.label_da for c in table.columns
            ]
            assert header == expected
            assert "_" not in "".join(header)  # no internal key


@pytest.mark.django_db
def test_it_writes_decimal_commas_full_precision_and_iso_dates(client, manager):
    everything_2027()
    client.force_login(manager)

    capacity = _read(
        client.get(reverse("reports:csv", args=["capacity", "consultant_capacity"]), YEAR_2027)
    )
    screening = _read(
        client.get(reverse("reports:csv", args=["screening", "candidates"]), YEAR_2027)
    )

    karen = dict(zip(capacity[0], capacity[1], strict=True))
    assert karen["Konsulent"] == "Konsulent Karen Testesen"
    assert karen["Timer registreret"] == "6,5"
    assert karen["Timer til rådighed"] == "200,0"
    assert karen["Timer brugt (%)"] == "3,25"  # 6,5 of 200 hours, two decimals, not rounded to 3
    odense = next(
        dict(zip(screening[0], row, strict=True)) for row in screening[1:] if "Odense" in row
    )
    assert odense["Besluttet"] == "2027-07-02"
    assert odense["Faktorer opfyldt"] == "3"


@pytest.mark.django_db
def test_it_ends_with_the_totals_row(client, manager):
    everything_2027()
    client.force_login(manager)

    rows = _read(client.get(reverse("reports:csv", args=["volumes", "volumes"]), YEAR_2027))

    totals = dict(zip(rows[0], rows[-1], strict=True))
    assert totals["Tilbud"] == "I alt"
    assert totals["Ansøgninger"] == "11"  # 6 O1, 4 O2 and 1 O4 received in 2027
    assert totals["Henvendelser"] == "1"  # the enquiry of 31 December 2026 is outside


@pytest.mark.django_db
def test_it_is_all_danish_for_a_user_who_chose_english(client, manager):
    """C8, C11: one language per file: the CSV is Danish throughout, the values (offers,
    »I alt«) as well as the headers, so a program finds the same names every time."""
    everything_2027()
    client.force_login(manager)
    client.cookies["django_language"] = "en"

    rows = _read(client.get(reverse("reports:csv", args=["volumes", "volumes"]), YEAR_2027))
    reach = _read(client.get(reverse("reports:csv", args=["reach", "regions"]), YEAR_2027))

    assert rows[0][0] == "Tilbud"
    assert rows[-1][0] == "I alt"
    text = "\n".join(";".join(row) for row in rows + reach)
    for english in ("Total", "Whole country", "Offer"):
        assert english not in text
    assert "Hele landet" in text
