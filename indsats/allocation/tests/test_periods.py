"""Capacity periods (C5): a year or a quarter, as staff type them. No database."""

from datetime import date, datetime, timedelta

import pytest
from django.utils import translation
from hypothesis import given
from hypothesis import strategies as st

from indsats.allocation.periods import QUARTER, YEAR, Period, parse_period, period_of

years = st.integers(min_value=1, max_value=9997)
periods = st.one_of(
    st.builds(lambda year: Period(YEAR, year), years),
    st.builds(lambda year, quarter: Period(QUARTER, year, quarter), years, st.integers(1, 4)),
)


@pytest.fixture(autouse=True)
def danish():
    with translation.override("da"):
        yield


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2027", Period(YEAR, 2027)),
        ("2027-Q1", Period(QUARTER, 2027, 1)),
        ("2027-K2", Period(QUARTER, 2027, 2)),
        ("2027Q3", Period(QUARTER, 2027, 3)),
        ("2027k4", Period(QUARTER, 2027, 4)),
        ("2027-q1", Period(QUARTER, 2027, 1)),
        (" 2027-K1 ", Period(QUARTER, 2027, 1)),
    ],
)
def test_it_parses_a_year_or_a_quarter(text, expected):
    assert parse_period(text) == expected


@pytest.mark.parametrize("text", ["", "27", "2027-Q5", "2027-Q0", "2027-H1", "Q1-2027", "0000"])
def test_it_refuses_anything_else_with_a_message_for_the_user(text):
    with pytest.raises(ValueError, match="ikke en periode|mellem 1 og 9998") as error:
        parse_period(text)
    if text not in ("0000",):
        assert f"»{text}« er ikke en periode. Skriv et år, fx 2027" in str(error.value)


def test_it_knows_the_first_and_last_day():
    assert (Period(YEAR, 2027).start, Period(YEAR, 2027).end) == (
        date(2027, 1, 1),
        date(2027, 12, 31),
    )
    q1 = Period(QUARTER, 2028, 1)
    assert (q1.start, q1.end) == (date(2028, 1, 1), date(2028, 3, 31))
    q4 = Period(QUARTER, 2028, 4)
    assert (q4.start, q4.end) == (date(2028, 10, 1), date(2028, 12, 31))


def test_it_labels_periods_in_danish_and_in_english():
    assert Period(YEAR, 2027).label == "2027"
    assert Period(QUARTER, 2027, 1).label == "1. kvartal 2027"
    with translation.override("en"):
        assert Period(QUARTER, 2027, 1).label == "Q1 2027"


def test_it_steps_to_the_next_period():
    assert Period(QUARTER, 2027, 4).next() == Period(QUARTER, 2028, 1)
    assert Period(QUARTER, 2027, 2).next() == Period(QUARTER, 2027, 3)
    assert Period(YEAR, 2027).next() == Period(YEAR, 2028)


def test_it_finds_the_period_of_a_day():
    assert period_of(date(2027, 5, 17), QUARTER) == Period(QUARTER, 2027, 2)
    assert period_of(date(2027, 5, 17), YEAR) == Period(YEAR, 2027)
    with pytest.raises(ValueError, match="år eller et kvartal"):
        period_of(date(2027, 5, 17), "month")


@pytest.mark.parametrize(
    ("kind", "year", "quarter"),
    [("month", 2027, None), (YEAR, 2027, 1), (QUARTER, 2027, None), (QUARTER, 2027, 5)],
)
def test_it_refuses_a_period_that_does_not_exist(kind, year, quarter):
    with pytest.raises(ValueError, match="år|kvartal|Kvartalet"):
        Period(kind, year, quarter)


@given(periods)
def test_its_key_parses_back_to_the_same_period(period):
    assert parse_period(period.key) == period


@given(periods)
def test_the_next_period_starts_the_day_after(period):
    assert period.next().start == period.end + timedelta(days=1)
    assert period.next().kind == period.kind


@given(years)
def test_the_quarters_tile_the_year(year):
    whole = Period(YEAR, year)
    quarters = whole.quarters()
    assert quarters[0].start == whole.start
    assert quarters[-1].end == whole.end
    for before, after in zip(quarters, quarters[1:], strict=False):
        assert after.start == before.end + timedelta(days=1)
    assert sum((q.end - q.start).days + 1 for q in quarters) == (whole.end - whole.start).days + 1


@given(
    st.dates(min_value=date(1, 1, 1), max_value=date(9997, 12, 31)),
    st.sampled_from([YEAR, QUARTER]),
)
def test_a_day_falls_in_exactly_its_own_period(day, kind):
    period = period_of(day, kind)
    assert period.contains(day)
    assert not period.next().contains(day)
    assert period.contains(datetime(day.year, day.month, day.day, 23, 59))
