"""Each report's Excel export read back with openpyxl: one sheet per table under a short
name, the table's title and the period and filters above it, Danish column names in a bold
frozen header row, typed cells, and totals equal to the page's (C8)."""

import io
from datetime import date, datetime
from decimal import ROUND_HALF_UP, Decimal

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from indsats.reports.formatters.excel import HEADER_ROW, SHEET_NAME_LENGTH
from indsats.reports.registry import REPORTS, ReportParams, run_report

from .page_tables import danish_number, page_tables
from .records import everything_2027

YEAR_2027 = {"fra": "2027-01-01", "til": "2027-12-31"}
PYTHON_TYPES = {
    "int": (int,),
    "decimal": (int, float),
    "percent": (int, float),
    "date": (datetime,),
}


def _rounded(value, places: Decimal) -> Decimal | None:
    """Half up, as the page rounds: the workbook's full value to the page's places."""
    return None if value is None else Decimal(str(value)).quantize(places, ROUND_HALF_UP)


@pytest.mark.django_db
@pytest.mark.parametrize("key", list(REPORTS))
def test_it_exports_typed_cells_and_the_pages_totals(client, manager, key):
    everything_2027()
    client.force_login(manager)
    report = run_report(key, ReportParams(date(2027, 1, 1), date(2027, 12, 31)))

    response = client.get(reverse("reports:excel", args=[key]), YEAR_2027)
    page = page_tables(
        client.get(reverse("reports:report", args=[key]), YEAR_2027).content.decode()
    )

    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    assert ".xlsx" in response["Content-Disposition"]
    workbook = load_workbook(io.BytesIO(response.content))
    assert len(workbook.worksheets) == len(report.tables)
    for sheet, table in zip(workbook.worksheets, report.tables, strict=True):
        assert sheet.title == table.sheet_name  # chosen short, never cut off
        assert sheet["A1"].value == table.title
        header = [cell.value for cell in sheet[HEADER_ROW]]
        assert header == [column.label_da for column in table.columns]
        assert all(cell.font.bold for cell in sheet[HEADER_ROW])
        assert sheet.freeze_panes == f"A{HEADER_ROW + 1}"
        data_rows = len(table.rows) + (1 if table.totals else 0)
        for index, column in enumerate(table.columns, start=1):
            letter = sheet.cell(row=HEADER_ROW, column=index).column_letter
            assert sheet.column_dimensions[letter].width >= len(column.label_da)
            for row in range(HEADER_ROW + 1, HEADER_ROW + 1 + data_rows):
                value = sheet.cell(row=row, column=index).value
                if value is not None and column.kind in PYTHON_TYPES:
                    assert isinstance(value, PYTHON_TYPES[column.kind]), (column.key, value)
                    assert not isinstance(value, bool)
        if table.totals:
            totals = [cell.value for cell in sheet[HEADER_ROW + data_rows]]
            assert all(cell.font.bold for cell in sheet[HEADER_ROW + data_rows])
            shown = page[table.key]["totals"]
            assert totals[0] == shown[0]
            for column, value, text in zip(table.columns, totals, shown, strict=True):
                if column.kind in ("int", "decimal", "percent"):
                    expected = danish_number(text)
                    places = Decimal("0.001") if column.kind == "percent" else Decimal("0.1")
                    assert _rounded(value, places) == _rounded(expected, places), column.key


@pytest.mark.django_db
def test_it_writes_numbers_as_numbers_with_the_values_of_the_report(client, manager):
    everything_2027()
    client.force_login(manager)

    response = client.get(reverse("reports:excel", args=["capacity"]), YEAR_2027)

    sheet = load_workbook(io.BytesIO(response.content)).worksheets[0]
    row = {
        sheet.cell(HEADER_ROW, c).value: sheet.cell(HEADER_ROW + 1, c)
        for c in range(1, sheet.max_column + 1)
    }
    assert row["Pladser planlagt"].value == 4
    assert row["Forløb startet"].value == 3
    assert row["Pladser brugt"].value == 0.75
    assert row["Pladser brugt"].number_format == "0.0%"
    assert row["Timer registreret"].value == 6.5  # 2,5 + 4,0 hours in March 2027
    assert row["Timer registreret"].data_type == "n"


@pytest.mark.django_db
def test_it_writes_dates_as_dates(client, manager):
    everything_2027()
    client.force_login(manager)

    response = client.get(reverse("reports:excel", args=["screening"]), YEAR_2027)

    sheet = load_workbook(io.BytesIO(response.content))["Kandidater"]
    odense = next(
        row for row in sheet.iter_rows(min_row=HEADER_ROW + 1) if row[1].value == "Odense"
    )
    assert odense[5].value == datetime(2027, 7, 2)
    assert odense[5].is_date
    assert odense[4].value == "Tag kontakt"


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["da", "en"])
@pytest.mark.parametrize("key", list(REPORTS))
def test_it_gives_every_sheet_a_whole_short_name(key, language):
    """Excel cuts a sheet's name at 31 characters: each table has a name that fits, in
    both languages (C8, C11)."""
    from django.utils import translation

    with translation.override(language):
        report = run_report(key, ReportParams(date(2027, 1, 1), date(2027, 12, 31)))
        names = [str(table.sheet_name) for table in report.tables]
    assert all(0 < len(name) <= SHEET_NAME_LENGTH for name in names), names
    assert len({name.lower() for name in names}) == len(names)


@pytest.mark.django_db
def test_it_says_the_period_and_filters_above_the_figures(client, manager):
    everything_2027()
    client.force_login(manager)
    query = {**YEAR_2027, "tilbud": "O1"}

    response = client.get(reverse("reports:excel", args=["volumes"]), query)

    sheet = load_workbook(io.BytesIO(response.content))["Antal pr. tilbud"]
    assert sheet["A1"].value == "Henvendelser, ansøgninger, afgørelser og forløb pr. tilbud"
    filters = sheet["A2"].value
    assert filters.startswith("Periode: 1. januar 2027 – 31. december 2027 · Tilbud: O1")
    assert filters.endswith("· Region: Alle regioner")


@pytest.mark.django_db
def test_it_is_all_in_the_users_language_headers_included(client, manager):
    """C8, C11: a user who chose English gets the whole workbook in English: sheet names,
    titles and column names."""
    everything_2027()
    client.force_login(manager)
    client.cookies["django_language"] = "en"

    response = client.get(reverse("reports:excel", args=["volumes"]), YEAR_2027)

    sheet = load_workbook(io.BytesIO(response.content)).worksheets[0]
    header = [cell.value for cell in sheet[HEADER_ROW]]
    table = run_report("volumes", ReportParams(date(2027, 1, 1), date(2027, 12, 31))).tables[0]
    assert header == [column.label_en or column.label_da for column in table.columns]
    assert header[0] == "Offer"
    assert "Tilbud" not in header
