"""Choosing UND3's reason codes from the table's own list (#9, C7).

Statistics Denmark describes each table through the Statbank ``tableinfo`` call: its
variables, each with ``id``, ``text`` and ``values`` of ``{id, text}``. The settings page
reads UND3's reason variable from it and lets a manager tick the reasons that count as
violence or sexual abuse from a given year. ``with_codes_from`` (pure) writes the choice
into the settings' periods; when Statbank cannot be reached, the manager types the codes.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass

from django.conf import settings

from .parameters import ReasonPeriod, parse_reason_periods, sorted_codes
from .statbank import StatbankClient, StatbankError, reason_variable

TABLE = "UND3"
# A page waits at most this long for Statbank; the manager can always type the codes.
PAGE_TIMEOUT_SECONDS = 10
TOTAL_CODES = {"TOT", "IALT"}


@dataclass(frozen=True)
class ReasonOption:
    code: str
    text: str


def reason_options(tableinfo: Mapping) -> list[ReasonOption]:
    """The reasons in UND3's description, without the total, in the table's order.

    Raises StatbankError when the description has no reason variable or no reasons.
    """
    if not isinstance(tableinfo, Mapping) or not isinstance(tableinfo.get("variables"), list):
        raise StatbankError("the answer is not a table description")
    variable_id = reason_variable(tableinfo)
    variable = next(v for v in tableinfo["variables"] if v.get("id") == variable_id)
    options = []
    for value in variable.get("values") or ():
        code, text = str(value.get("id", "")).strip(), str(value.get("text", "")).strip()
        if code and code.upper() not in TOTAL_CODES:
            options.append(ReasonOption(code, text or code))
    if not options:
        raise StatbankError("the table's reason variable lists no reasons")
    return options


def _line(period: ReasonPeriod) -> str:
    last = "" if period.last is None else str(period.last)
    codes = ", ".join(sorted_codes(period.codes))
    return f"{period.first}-{last}: {codes}"


def with_codes_from(text: str, first_year: int, codes: Collection[str]) -> str:
    """The settings' periods with ``codes`` counting from ``first_year`` on.

    Periods before ``first_year`` stay; one running into it ends the year before; those
    starting in it or later give way. Raises ParameterError for unreadable settings text.
    """
    if not codes:
        raise ValueError("choose at least one code")
    lines = []
    for period in parse_reason_periods(text):
        if period.first >= first_year:
            continue
        if period.last is None or period.last >= first_year:
            period = ReasonPeriod(period.first, first_year - 1, period.codes)
        lines.append(_line(period))
    lines.append(_line(ReasonPeriod(first_year, None, frozenset(codes))))
    return "\n".join(lines)


def codes_in_force(text: str, year: int) -> tuple[int, frozenset[str]] | None:
    """The period of the settings covering ``year``: its first year and its codes."""
    for period in parse_reason_periods(text):
        if period.covers(year):
            return period.first, period.codes
    return None


def fetch_reason_options() -> list[ReasonOption]:
    """UND3's reasons, read from Statbank at ``settings.STATBANK_API_URL``.

    Raises StatbankError when Statbank cannot be reached or answers something else.
    """
    client = StatbankClient(settings.STATBANK_API_URL, timeout=PAGE_TIMEOUT_SECONDS)
    return reason_options(client.tableinfo(TABLE))
