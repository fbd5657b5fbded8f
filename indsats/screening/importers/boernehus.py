"""Children's-house (børnehus) cases started per municipality and year, from the national
børnehus database the Board keeps, and the share of vulnerable children per municipality
and year. Both are ``;``-separated with a header; ``..`` or an empty cell is missing.

    kommunekode;år;påbegyndte_sager        kommunekode;år;andel_sårbare_pct
    101;2023;112                           101;2023;4,8
"""

from __future__ import annotations

from decimal import Decimal

from django.utils.translation import gettext as _

from ..models import Measure, SourceKind
from .base import Areas, DuplicateCheck, Figure, ImportResult, Progress, fail_if, save_figures
from .csvformat import LineError, parse_count, parse_number, parse_year, read_table

CODE, YEAR = "KOMMUNEKODE", "ÅR"
CASES = "PÅBEGYNDTE_SAGER"
SHARE = "ANDEL_SÅRBARE_PCT"


def _parse(data, value_column, parse_value, measure, areas) -> tuple[list[Figure], int]:
    rows = read_table(data, (CODE, YEAR, value_column))
    errors: list[LineError] = []
    figures, duplicates = [], DuplicateCheck()
    for row in rows:
        try:
            year = parse_year(row.cells[YEAR])
            value = parse_value(row.cells[value_column])
        except ValueError as exc:
            errors.append(LineError(row.line, str(exc)))
            continue
        label = _("Kommunen %(code)s i %(year)s") % {"code": row.cells[CODE], "year": year}
        if not duplicates.check((row.cells[CODE], year), row.line, errors, label):
            continue
        municipality = areas.lookup(row.cells[CODE], row.line, errors)
        if municipality is None:
            if areas.is_skipped(row.cells[CODE]):
                message = _("»%(code)s« er ikke en kommune.") % {"code": row.cells[CODE]}
                errors.append(LineError(row.line, message))
            continue
        figures.append(Figure(measure, municipality, year, str(year), "", value, row.line))
    fail_if(errors)
    return figures, len(rows)


def _percentage(cell: str) -> Decimal | None:
    value = parse_number(cell, allow_empty=True)
    if value is not None and not Decimal(0) <= value <= Decimal(100):
        raise ValueError(_("andelen »%(value)s« skal være mellem 0 og 100 %%.") % {"value": cell})
    return value


def import_boernehus(
    data: bytes | str,
    origin: str,
    *,
    user=None,
    synthetic: bool = False,
    progress: Progress | None = None,
) -> ImportResult:
    figures, read = _parse(
        data,
        CASES,
        lambda cell: parse_count(cell, allow_empty=True),
        Measure.BOERNEHUS,
        Areas(),
    )
    return save_figures(
        kind=SourceKind.BOERNEHUS,
        origin=origin,
        data=data,
        figures=figures,
        rows_read=read,
        user=user,
        synthetic=synthetic,
        progress=progress,
    )


def import_vulnerable_children(
    data: bytes | str,
    origin: str,
    *,
    user=None,
    synthetic: bool = False,
    progress: Progress | None = None,
) -> ImportResult:
    figures, read = _parse(data, SHARE, _percentage, Measure.VULNERABLE_PCT, Areas())
    return save_figures(
        kind=SourceKind.VULNERABLE,
        origin=origin,
        data=data,
        figures=figures,
        rows_read=read,
        user=user,
        synthetic=synthetic,
        progress=progress,
    )
