"""Danish working days: Monday to Friday, except the Danish public holidays.

The holidays come from the ``holidays`` package's Denmark calendar (Easter and the days
that move with it, Kristi himmelfartsdag, pinse, jul, nytår; store bededag until 2023),
not from a list written here, so a new year or a change in the law needs no code change.
The theme-day rule (``programmes.rules``) and deadlines count holidays as weekends.
"""

from __future__ import annotations

from datetime import date, timedelta
from functools import lru_cache

import holidays
from django.utils.translation import get_language

# The calendar names its days in these languages; Danish for everything but English.
HOLIDAY_LANGUAGES = {"da": "da", "en": "en_US"}


@lru_cache(maxsize=64)
def _calendar(year: int, language: str) -> holidays.HolidayBase:
    return holidays.country_holidays("DK", years=year, language=language)


def _language() -> str:
    return HOLIDAY_LANGUAGES.get((get_language() or "da")[:2], "da")


def holiday_name(day: date) -> str | None:
    """The Danish public holiday on ``day`` in the active language, or None."""
    return _calendar(day.year, _language()).get(day)


def is_public_holiday(day: date) -> bool:
    return day in _calendar(day.year, "da")


def is_working_day(day: date) -> bool:
    """Monday to Friday and not a Danish public holiday."""
    return day.weekday() < 5 and not is_public_holiday(day)


def next_working_day(day: date) -> date:
    """The first working day after ``day`` (a Friday → the Monday, unless it is a holiday)."""
    following = day + timedelta(days=1)
    while not is_working_day(following):
        following += timedelta(days=1)
    return following
