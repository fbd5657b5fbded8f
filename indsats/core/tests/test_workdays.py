"""Danish working days from the holidays package's Denmark calendar (C6, C11)."""

from datetime import date, timedelta

from django.utils import translation
from hypothesis import given
from hypothesis import strategies as st

from indsats.core import workdays

ASCENSION_2027 = date(2027, 5, 6)  # Kristi himmelfartsdag, a Thursday


def test_it_counts_kristi_himmelfartsdag_2027_as_no_working_day():
    """C6: a Thursday, but a Danish public holiday."""
    assert ASCENSION_2027.weekday() == 3
    assert not workdays.is_working_day(ASCENSION_2027)
    assert workdays.is_working_day(ASCENSION_2027 - timedelta(days=1))


def test_it_names_the_holiday_in_the_active_language():
    """C11: Danish in Danish, English in English."""
    with translation.override("da"):
        assert workdays.holiday_name(ASCENSION_2027) == "Kristi himmelfartsdag"
    with translation.override("en"):
        assert workdays.holiday_name(ASCENSION_2027) == "Ascension Day"
    assert workdays.holiday_name(date(2027, 5, 5)) is None


def test_it_skips_easter_from_maundy_thursday_to_easter_monday():
    """C6: the working day after Wednesday 24 March 2027 is Tuesday 30 March."""
    assert workdays.next_working_day(date(2027, 3, 24)) == date(2027, 3, 30)


@given(day=st.dates(min_value=date(2020, 1, 1), max_value=date(2040, 12, 31)))
def test_it_never_calls_a_weekend_or_a_holiday_a_working_day(day):
    """C6: weekends and the calendar's holidays are exactly the days off."""
    assert workdays.is_working_day(day) == (
        day.weekday() < 5 and not workdays.is_public_holiday(day)
    )
    following = workdays.next_working_day(day)
    assert following > day
    assert workdays.is_working_day(following)
    between = [day + timedelta(days=n) for n in range(1, (following - day).days)]
    assert not any(workdays.is_working_day(other) for other in between)
