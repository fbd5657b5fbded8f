"""Capacity periods: a calendar year or a quarter (C5), the Board's choice per offer.

Pure: no ORM, no request. ``parse_period`` reads what staff type on the command line and in
forms ("2027", "2027-Q1", "2027-K1", "2027Q1"); ``Period.key`` is the canonical text form
("2027", "2027-Q1") and parses back to the same period.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from django.utils.translation import gettext as _

YEAR = "year"
QUARTER = "quarter"
KINDS = (YEAR, QUARTER)

# A year, optionally followed by a quarter: Q (English) or K (Danish "kvartal"), with or
# without a hyphen or a space between.
_PERIOD = re.compile(r"^(\d{4})(?:[-\s]?([QK])([1-4]))?$", re.IGNORECASE)


@dataclass(frozen=True)
class Period:
    """A calendar year (``quarter`` is None) or one of its quarters (1–4).

    ``start`` and ``end`` are the first and the last day, both inclusive.
    """

    kind: str
    year: int
    quarter: int | None = None

    def __post_init__(self):
        if self.kind not in KINDS:
            raise ValueError(_("En periode er et år eller et kvartal."))
        if isinstance(self.year, bool) or not isinstance(self.year, int):
            raise ValueError(_("Året skal være et helt tal."))
        if not 1 <= self.year <= 9998:
            raise ValueError(_("Året skal ligge mellem 1 og 9998."))
        if self.kind == YEAR and self.quarter is not None:
            raise ValueError(_("Et år har intet kvartal."))
        if self.kind == QUARTER and (
            isinstance(self.quarter, bool)
            or not isinstance(self.quarter, int)
            or not 1 <= self.quarter <= 4
        ):
            raise ValueError(_("Kvartalet skal være 1, 2, 3 eller 4."))

    @property
    def start(self) -> date:
        month = 1 if self.kind == YEAR else 3 * self.quarter - 2
        return date(self.year, month, 1)

    @property
    def end(self) -> date:
        if self.kind == YEAR or self.quarter == 4:
            return date(self.year, 12, 31)
        return date(self.year, 3 * self.quarter + 1, 1) - timedelta(days=1)

    @property
    def key(self) -> str:
        """The canonical text form: "2027" or "2027-Q1"."""
        if self.kind == YEAR:
            return f"{self.year:04d}"
        return f"{self.year:04d}-Q{self.quarter}"

    @property
    def label(self) -> str:
        """The period as staff and applicants read it: "2027" or "1. kvartal 2027"."""
        if self.kind == YEAR:
            return str(self.year)
        return _("%(quarter)s. kvartal %(year)s") % {"quarter": self.quarter, "year": self.year}

    def __str__(self) -> str:
        return self.label

    def contains(self, day: date) -> bool:
        """Whether the day falls in the period (a datetime counts by its own date)."""
        if isinstance(day, datetime):
            day = day.date()
        return self.start <= day <= self.end

    def next(self) -> Period:
        """The period of the same kind that follows this one."""
        if self.kind == YEAR:
            return Period(YEAR, self.year + 1)
        if self.quarter == 4:
            return Period(QUARTER, self.year + 1, 1)
        return Period(QUARTER, self.year, self.quarter + 1)

    def quarters(self) -> tuple[Period, ...]:
        """The quarters of the period: four for a year, itself for a quarter."""
        if self.kind == QUARTER:
            return (self,)
        return tuple(Period(QUARTER, self.year, quarter) for quarter in (1, 2, 3, 4))


def parse_period(text: str) -> Period:
    """Read "2027" (a year) or "2027-Q1", "2027-K1", "2027Q1" (a quarter), in any case.

    Raises ValueError with a message for the user for anything else.
    """
    cleaned = text.strip() if isinstance(text, str) else ""
    match = _PERIOD.match(cleaned)
    if not match:
        raise ValueError(
            _(
                "»%(text)s« er ikke en periode. Skriv et år, fx 2027, eller et kvartal, "
                "fx 2027-K1 (K1–K4 eller Q1–Q4)."
            )
            % {"text": text}
        )
    year = int(match.group(1))
    if not 1 <= year <= 9998:
        raise ValueError(_("Året skal ligge mellem 1 og 9998."))
    if match.group(3) is None:
        return Period(YEAR, year)
    return Period(QUARTER, year, int(match.group(3)))


def period_of(day: date, kind: str) -> Period:
    """The year or the quarter that the day falls in."""
    if isinstance(day, datetime):
        day = day.date()
    if kind == YEAR:
        return Period(YEAR, day.year)
    if kind == QUARTER:
        return Period(QUARTER, day.year, (day.month - 1) // 3 + 1)
    raise ValueError(_("En periode er et år eller et kvartal."))
