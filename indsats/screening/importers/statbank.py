"""Statistics Denmark's tables in the CSV its Statbank API returns with
``valuePresentation: Code`` (and that users download from statistikbanken.dk):

- UND1: notifications (underretninger) per municipality and year;
- UND3: notifications per municipality, reason and year (the screening counts the reasons
  that settings name as violence or sexual abuse);
- FOLK1A: population per municipality, age and quarter (``2024K1``); the importer sums
  ages 0–17 and stores one figure per municipality and quarter.

Columns are the variables' codes in capitals plus ``INDHOLD``; a variable left out of the
query is eliminated (a total). A column that is there for a variable the screening does
not break down by, e.g. KØN, must hold the total (``TOT`` or ``IALT``).
"""

from __future__ import annotations

import re
from collections import defaultdict

from django.utils.translation import gettext as _

from ..models import Measure, SourceKind
from .base import Areas, DuplicateCheck, Figure, ImportResult, Progress, fail_if, save_figures
from .csvformat import LineError, Row, decode, normalise_header, parse_count, read_table

AREA, TIME, VALUE = "OMRÅDE", "TID", "INDHOLD"
REASON_COLUMNS = ("ÅRSAG", "AARSAG", "UNDÅRSAG", "BEKYMRING")
TOTAL_CODES = {"TOT", "IALT"}
CHILD_AGES = range(0, 18)

TABLES = {
    "UND1": SourceKind.UND1,
    "UND3": SourceKind.UND3,
    "FOLK1A": SourceKind.FOLK1A,
}

_YEAR = re.compile(r"^(\d{4})$")
_QUARTER = re.compile(r"^(\d{4})K([1-4])$")


def _must_be_total(row: Row, columns, errors) -> bool:
    for column in columns:
        value = row.cells.get(column)
        if value is not None and value.upper() not in TOTAL_CODES:
            errors.append(
                LineError(
                    row.line,
                    _("%(column)s skal være i alt (TOT eller IALT), men er »%(value)s«.")
                    % {"column": column, "value": value},
                )
            )
            return False
    return True


def _year(row: Row, errors) -> int | None:
    match = _YEAR.match(row.cells[TIME])
    if not match:
        errors.append(
            LineError(row.line, _("tiden »%(value)s« er ikke et år.") % {"value": row.cells[TIME]})
        )
        return None
    return int(match.group(1))


def _count(row: Row, errors) -> tuple[bool, int | None]:
    try:
        return True, parse_count(row.cells[VALUE])
    except ValueError as exc:
        errors.append(LineError(row.line, str(exc)))
        return False, None


def _reason_column(data) -> str:
    text = decode(data) if isinstance(data, bytes) else data
    names = [normalise_header(name) for name in text.splitlines()[0].split(";")] if text else []
    return next((name for name in REASON_COLUMNS if name in names), REASON_COLUMNS[0])


def parse_und(data: bytes | str, table: str, areas: Areas) -> tuple[list[Figure], int, int]:
    """UND1 or UND3: (figures, rows read, rows skipped)."""
    reason_column = _reason_column(data) if table == "UND3" else None
    required = (AREA, reason_column, TIME, VALUE) if reason_column else (AREA, TIME, VALUE)
    rows = read_table(data, required, optional=("ALDER", "KØN", "KOEN"))
    measure = Measure.NOTIFICATIONS_BY_REASON if reason_column else Measure.NOTIFICATIONS
    errors: list[LineError] = []
    figures, skipped, duplicates = [], 0, DuplicateCheck()
    for row in rows:
        year = _year(row, errors)
        ok, value = _count(row, errors)
        if not _must_be_total(row, ("ALDER", "KØN", "KOEN"), errors) or year is None or not ok:
            continue
        reason = row.cells[reason_column] if reason_column else ""
        key = (row.cells[AREA], year, reason)
        label = _("Området %(area)s i %(year)s") % {"area": row.cells[AREA], "year": year}
        if reason:
            label += " " + _("med årsag %(reason)s") % {"reason": reason}
        if not duplicates.check(key, row.line, errors, label):
            continue
        municipality = areas.lookup(row.cells[AREA], row.line, errors)
        if municipality is None:
            skipped += areas.is_skipped(row.cells[AREA])
            continue
        figures.append(Figure(measure, municipality, year, str(year), reason, value, row.line))
    fail_if(errors)
    return figures, len(rows), skipped


def parse_folk1a(data: bytes | str, areas: Areas) -> tuple[list[Figure], int, int]:
    """FOLK1A: children aged 0–17 per municipality and quarter, summed over ages.

    A suppressed age makes the sum missing; ages 18 and above are skipped; every age
    0–17 must be there, or the sum would be too small.
    """
    rows = read_table(data, (AREA, "ALDER", TIME, VALUE), optional=("KØN", "KOEN", "CIVILSTAND"))
    errors: list[LineError] = []
    groups: dict[tuple[str, str], dict[int, tuple[int | None, int]]] = defaultdict(dict)
    skipped, duplicates = 0, DuplicateCheck()
    for row in rows:
        if not _must_be_total(row, ("KØN", "KOEN", "CIVILSTAND"), errors):
            continue
        if not _QUARTER.match(row.cells[TIME]):
            errors.append(
                LineError(
                    row.line,
                    _("tiden »%(value)s« er ikke et kvartal som 2024K1.")
                    % {"value": row.cells[TIME]},
                )
            )
            continue
        age_code = row.cells["ALDER"]
        if not age_code.isdigit():
            errors.append(
                LineError(
                    row.line,
                    _("alderen »%(value)s« er ikke et enkelt år (hent alder 0–17 hver for sig).")
                    % {"value": age_code},
                )
            )
            continue
        ok, value = _count(row, errors)
        key = (row.cells[AREA], row.cells[TIME], int(age_code))
        label = _("Området %(area)s i %(period)s, alder %(age)s") % {
            "area": key[0],
            "period": key[1],
            "age": key[2],
        }
        if not ok or not duplicates.check(key, row.line, errors, label):
            continue
        if int(age_code) not in CHILD_AGES or areas.is_skipped(row.cells[AREA]):
            skipped += 1
            continue
        if areas.lookup(row.cells[AREA], row.line, errors) is None:
            continue
        groups[(row.cells[AREA], row.cells[TIME])][int(age_code)] = (value, row.line)
    figures = []
    for (code, period), ages in groups.items():
        first_line = min(line for _value, line in ages.values())
        absent = [str(age) for age in CHILD_AGES if age not in ages]
        if absent:
            errors.append(
                LineError(
                    first_line,
                    _("for %(code)s i %(period)s mangler alder %(ages)s.")
                    % {"code": code, "period": period, "ages": ", ".join(absent)},
                )
            )
            continue
        values = [value for value, _line in ages.values()]
        total = None if any(value is None for value in values) else sum(values)
        figures.append(
            Figure(
                Measure.CHILDREN,
                areas.municipalities[code],
                int(period[:4]),
                period,
                "",
                total,
                first_line,
            )
        )
    fail_if(errors)
    return figures, len(rows), skipped


def import_statbank(
    table: str,
    data: bytes | str,
    origin: str,
    *,
    user=None,
    synthetic: bool = False,
    progress: Progress | None = None,
) -> ImportResult:
    """Import one of TABLES from its CSV; nothing is saved if any line has an error."""
    table = table.upper()
    if table not in TABLES:
        raise ValueError(f"unknown table {table!r}; known: {', '.join(TABLES)}")
    areas = Areas()
    if table == "FOLK1A":
        figures, read, skipped = parse_folk1a(data, areas)
    else:
        figures, read, skipped = parse_und(data, table, areas)
    return save_figures(
        kind=TABLES[table],
        origin=origin,
        data=data,
        figures=figures,
        rows_read=read,
        skipped=skipped,
        user=user,
        synthetic=synthetic,
        progress=progress,
    )
