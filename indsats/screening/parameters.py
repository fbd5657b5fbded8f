"""The screening's parameters (O5, F1–F7) as a plain value, and the date arithmetic it needs.

Pure: no ORM, no request. ``ScreeningSettings`` (models) holds the values staff edit;
``Parameters`` is what one run used, saved with the run so it can be reproduced.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Collection, Mapping
from dataclasses import dataclass, field, replace
from datetime import date
from decimal import Decimal, InvalidOperation

from django.utils.translation import gettext as _

FACTORS = ("F1", "F2", "F3", "F4", "F5", "F6", "F7")
REFERENCES = ("region", "country", "group")
POOLED = "pooled"
MEAN = "mean"
AVERAGING_METHODS = (POOLED, MEAN)

# Which UND3 reason codes count as violence or sexual abuse, per period of years: Statistics
# Denmark changed the codes in 2017 and 2022. These are the defaults shipped with the
# system; staff check them against /v1/tableinfo for UND3 and change them in the settings.
DEFAULT_REASON_CODES = "2015-2016: 7, 8\n2017-2021: 7, 8, 9\n2022-: 11, 12, 13"


class ParameterError(ValueError):
    """A parameter value the screening cannot use."""


# The sensible range of each whole-number setting (C12, #12): outside it a plan's due date
# or a look-back date falls outside the calendar and every run and reminder would fail.
SETTING_RANGES: Mapping[str, tuple[int, int]] = {
    "look_back_months": (1, 120),
    "plan_max_age_years": (1, 20),
    "warning_window_days": (0, 365),
    "candidate_min_factors": (1, len(FACTORS)),
    "child_count_quarter": (1, 4),
}


@dataclass(frozen=True)
class ReasonPeriod:
    """Reason codes that count as violence or sexual abuse from ``first`` to ``last``."""

    first: int
    last: int | None  # None: still in force
    codes: frozenset[str]

    def covers(self, year: int) -> bool:
        return self.first <= year and (self.last is None or year <= self.last)


_PERIOD = re.compile(r"^\s*(\d{4})\s*-\s*(\d{4})?\s*:\s*(.*)$")


def parse_reason_periods(text: str) -> tuple[ReasonPeriod, ...]:
    """Read lines such as ``2017-2021: 7, 8, 9`` (``2022-:`` for an open end).

    Raises ParameterError naming the line for anything else, and for overlapping periods.
    """
    periods = []
    for number, line in enumerate((text or "").splitlines(), start=1):
        if not line.strip():
            continue
        match = _PERIOD.match(line)
        if not match:
            raise ParameterError(
                _("Linje %(line)s: skriv »ÅÅÅÅ-ÅÅÅÅ: kode, kode« eller »ÅÅÅÅ-: kode«.")
                % {"line": number}
            )
        first = int(match.group(1))
        last = int(match.group(2)) if match.group(2) else None
        codes = frozenset(code.strip() for code in match.group(3).split(",") if code.strip())
        if last is not None and last < first:
            raise ParameterError(
                _("Linje %(line)s: perioden slutter, før den begynder.") % {"line": number}
            )
        if not codes:
            raise ParameterError(_("Linje %(line)s: ingen årsagskoder.") % {"line": number})
        periods.append(ReasonPeriod(first, last, codes))
    periods.sort(key=lambda period: period.first)
    for earlier, later in zip(periods, periods[1:], strict=False):
        if earlier.last is None or earlier.last >= later.first:
            raise ParameterError(
                _("Perioderne fra %(first)s og %(second)s overlapper.")
                % {"first": earlier.first, "second": later.first}
            )
    return tuple(periods)


def reason_codes_for(periods: tuple[ReasonPeriod, ...], year: int) -> frozenset[str] | None:
    """The codes counting for ``year``; None when no period covers it (data then missing)."""
    for period in periods:
        if period.covers(year):
            return period.codes
    return None


def sorted_codes(codes: Collection[str]) -> tuple[str, ...]:
    """Reason codes in the order people read them: 2 before 11."""
    return tuple(sorted(codes, key=lambda code: (len(code), code)))


def add_years(day: date, years: int) -> date:
    """The same day ``years`` later; 29 February becomes 28 February in other years."""
    target = day.year + years
    if day.month == 2 and day.day == 29 and not calendar.isleap(target):
        return date(target, 2, 28)
    return day.replace(year=target)


def subtract_months(day: date, months: int) -> date:
    """The same day ``months`` earlier, or the month's last day when it is shorter."""
    index = day.year * 12 + (day.month - 1) - months
    year, month = divmod(index, 12)
    month += 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def _default_weights() -> dict[str, Decimal]:
    return {code: Decimal(1) for code in FACTORS}


@dataclass(frozen=True)
class Parameters:
    year: int
    as_of: date
    threshold: Decimal = Decimal("0.25")
    averaging: str = POOLED
    references: tuple[str, ...] = REFERENCES
    look_back_months: int = 24
    plan_max_age_years: int = 4
    warning_window_days: int = 90
    weights: Mapping[str, Decimal] = field(default_factory=_default_weights)
    candidate_min_factors: int = 2
    reason_codes: str = DEFAULT_REASON_CODES
    child_count_quarter: int = 1

    def __post_init__(self):
        if not Decimal(0) <= self.threshold < Decimal(1):
            raise ParameterError(_("Tærsklen t skal være mindst 0 og under 1."))
        if self.averaging not in AVERAGING_METHODS:
            raise ParameterError(_("Referencerater skal være »pooled« eller »mean«."))
        if not self.references or set(self.references) - set(REFERENCES):
            raise ParameterError(_("Vælg mindst én af referencerne region, land og gruppe."))
        if self.child_count_quarter not in (1, 2, 3, 4):
            raise ParameterError(_("Kvartalet for antal børn skal være 1, 2, 3 eller 4."))
        if set(self.weights) != set(FACTORS) or any(w < 0 for w in self.weights.values()):
            raise ParameterError(_("Hver faktor F1–F7 skal have en vægt på mindst 0."))
        for name in ("look_back_months", "plan_max_age_years", "warning_window_days"):
            if getattr(self, name) < 0:
                raise ParameterError(_("%(name)s må ikke være negativ.") % {"name": name})
        if self.candidate_min_factors < 1:
            raise ParameterError(_("En kandidat skal opfylde mindst én faktor."))
        for name, (low, high) in SETTING_RANGES.items():
            if not low <= getattr(self, name) <= high:
                raise ParameterError(
                    _("%(name)s skal være mellem %(low)s og %(high)s.")
                    % {"name": name, "low": low, "high": high}
                )
        parse_reason_periods(self.reason_codes)

    @property
    def reason_periods(self) -> tuple[ReasonPeriod, ...]:
        return parse_reason_periods(self.reason_codes)

    @property
    def child_count_period(self) -> str:
        """The FOLK1A quarter whose count is the year's number of children, e.g. 2024K1."""
        return f"{self.year}K{self.child_count_quarter}"

    def with_changes(self, **changes) -> Parameters:
        return replace(self, **changes)

    def to_dict(self) -> dict:
        return {
            "year": self.year,
            "as_of": self.as_of.isoformat(),
            "threshold": str(self.threshold),
            "averaging": self.averaging,
            "references": list(self.references),
            "look_back_months": self.look_back_months,
            "plan_max_age_years": self.plan_max_age_years,
            "warning_window_days": self.warning_window_days,
            "weights": {code: str(self.weights[code]) for code in FACTORS},
            "candidate_min_factors": self.candidate_min_factors,
            "reason_codes": self.reason_codes,
            "child_count_quarter": self.child_count_quarter,
        }

    @classmethod
    def from_dict(cls, data: Mapping) -> Parameters:
        try:
            return cls(
                year=int(data["year"]),
                as_of=date.fromisoformat(data["as_of"]),
                threshold=Decimal(data["threshold"]),
                averaging=data["averaging"],
                references=tuple(data["references"]),
                look_back_months=int(data["look_back_months"]),
                plan_max_age_years=int(data["plan_max_age_years"]),
                warning_window_days=int(data["warning_window_days"]),
                weights={code: Decimal(value) for code, value in data["weights"].items()},
                candidate_min_factors=int(data["candidate_min_factors"]),
                reason_codes=data["reason_codes"],
                child_count_quarter=int(data["child_count_quarter"]),
            )
        except (KeyError, TypeError, InvalidOperation) as exc:
            message = _("De gemte parametre kan ikke læses: %(error)r") % {"error": exc}
            raise ParameterError(message) from exc
