"""A value as text for people, in the active language's number and date formats."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from django.utils import formats

from ..types import Column

NO_FIGURE = "–"
ONE_PLACE = Decimal("0.1")


def _one_place(value) -> Decimal:
    # Rounded here, half up: Django's number_format cuts surplus digits off instead.
    return Decimal(value).quantize(ONE_PLACE, rounding=ROUND_HALF_UP)


def display(value, column: Column) -> str:
    """28. november 2026, 1.234, 2,5, 45,5 %; a dash for no figure. The page rounds
    decimals to one place and percentages to one place; the files keep every digit."""
    if value is None or value == "":
        return NO_FIGURE if column.kind != "text" else ""
    if column.kind == "int":
        return formats.number_format(value, use_l10n=True, force_grouping=True)
    if column.kind == "decimal":
        return formats.number_format(_one_place(value), 1, use_l10n=True, force_grouping=True)
    if column.kind == "percent":
        percent = formats.number_format(_one_place(Decimal(value) * 100), 1, use_l10n=True)
        return f"{percent} %"
    if column.kind == "date":
        return formats.date_format(value, "DATE_FORMAT")
    return str(value)
