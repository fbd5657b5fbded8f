"""The row parsers of the press and ministerial-request imports (#10, C7): whatever a cell
holds, a row gives a value or the errors of its own line, never an exception; a value
written the way the help describes is read back unchanged. Pure: no database."""

import csv
import io
from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from indsats.screening.importers.csvformat import ImportFailed, LineError, read_table
from indsats.screening.importers.records import (
    EARLIEST_RECORD_DATE,
    MINISTERIAL_COLUMNS,
    MINISTERIAL_OPTIONAL,
    PRESS_COLUMNS,
    PRESS_OPTIONAL,
    MinisterialRow,
    PressRow,
    parse_ministerial_row,
    parse_press_row,
)

TODAY = date(2026, 11, 28)
cell = st.text(max_size=40)
# Text a person types into a cell: no line breaks, no surrounding blanks, not empty.
typed = (
    st.text(
        alphabet=st.characters(blacklist_categories=("Cs", "Cc", "Zl", "Zp")),
        min_size=1,
        max_size=60,
    )
    .map(str.strip)
    .filter(bool)
)
past_dates = st.dates(min_value=EARLIEST_RECORD_DATE, max_value=TODAY)
codes = st.from_regex(r"\A[0-9]{3}\Z")


def _file(header: list[str], rows: list[list[str]]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows(rows)
    return buffer.getvalue()


def _rows(data: str, columns, optional):
    """The file's one row, or none when the reader refuses it (a NUL) by its own line:
    the line it ends on, past the header (a quoted cell may hold line breaks)."""
    try:
        return read_table(data, columns, optional)
    except ImportFailed as failed:
        (line,) = {error.line for error in failed.errors}
        assert line >= 2
        return []


@given(st.fixed_dictionaries(dict.fromkeys(PRESS_COLUMNS + PRESS_OPTIONAL, cell)))
@settings(max_examples=200, deadline=None)
def test_any_press_row_gives_a_value_or_errors_of_its_own_line(cells):
    rows = _rows(_file(list(cells), [list(cells.values())]), PRESS_COLUMNS, PRESS_OPTIONAL)
    for row in rows:
        parsed = parse_press_row(row, TODAY)
        if isinstance(parsed, list):
            assert parsed
            assert all(isinstance(error, LineError) for error in parsed)
            assert {error.line for error in parsed} == {row.line}
        else:
            assert parsed.published_on <= TODAY
            assert parsed.medium
            assert parsed.summary


@given(st.fixed_dictionaries(dict.fromkeys(MINISTERIAL_COLUMNS + MINISTERIAL_OPTIONAL, cell)))
@settings(max_examples=200, deadline=None)
def test_any_request_row_gives_a_value_or_errors_of_its_own_line(cells):
    data = _file(list(cells), [list(cells.values())])
    for row in _rows(data, MINISTERIAL_COLUMNS, MINISTERIAL_OPTIONAL):
        parsed = parse_ministerial_row(row, TODAY)
        if isinstance(parsed, list):
            assert parsed
            assert {error.line for error in parsed} == {row.line}
        else:
            assert parsed.status in {"open", "closed"}


@given(codes, past_dates, typed.filter(lambda s: len(s) <= 200), typed, st.booleans())
@settings(max_examples=200, deadline=None)
def test_a_press_row_written_as_the_help_says_is_read_back(code, day, medium, summary, iso):
    written = day.isoformat() if iso else f"{day:%d-%m-%Y}"
    data = _file(["kommunekode", "dato", "medie", "resumé"], [[code, written, medium, summary]])
    (row,) = read_table(data, PRESS_COLUMNS, PRESS_OPTIONAL)
    assert parse_press_row(row, TODAY) == PressRow(2, code, day, medium, "", summary)


@given(
    codes,
    past_dates,
    typed.filter(lambda s: len(s) <= 100),
    st.sampled_from([("åben", "open"), ("Afsluttet", "closed"), ("", "open")]),
    st.one_of(st.just(""), typed),
)
@settings(max_examples=200, deadline=None)
def test_a_request_row_written_as_the_help_says_is_read_back(code, day, reference, status, note):
    word, value = status
    data = _file(
        ["kommunekode", "modtaget", "reference", "status", "bemærkning"],
        [[code, day.isoformat(), reference, word, note]],
    )
    (row,) = read_table(data, MINISTERIAL_COLUMNS, MINISTERIAL_OPTIONAL)
    expected = MinisterialRow(2, code, day, reference, value, note)
    assert parse_ministerial_row(row, TODAY) == expected


@given(past_dates.map(lambda day: day.replace(year=day.year + 40)).filter(lambda d: d > TODAY))
@settings(max_examples=50, deadline=None)
def test_a_date_in_the_future_is_an_error(day):
    data = _file(["kommunekode", "dato", "medie", "resumé"], [["101", day.isoformat(), "X", "Y"]])
    (row,) = read_table(data, PRESS_COLUMNS, PRESS_OPTIONAL)
    parsed = parse_press_row(row, TODAY)
    assert isinstance(parsed, list)
    assert [str(error) for error in parsed] == ["Linje 2: Datoen ligger i fremtiden."]
