"""The report as an Excel workbook through openpyxl (C8): one sheet per table, named
with the table's short sheet name; above the table the table's title and the report's
period and filters (a sheet on its own must say what it shows), then the column names
in a bold header row frozen at the top, typed cells (numbers as numbers, dates as dates,
shares as percentages), a bold totals row, and column widths that fit. The whole workbook
is in the user's language, column names included: it is read by people (C11)."""

from __future__ import annotations

import io
import re
from decimal import Decimal

from django.utils.translation import get_language
from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from ..types import Report, Table

NUMBER_FORMATS = {
    "int": "#,##0",
    "decimal": "#,##0.0",
    "percent": "0.0%",
    "date": "dd-mm-yyyy",
}
BOLD = Font(bold=True)
SHEET_NAME_LENGTH = 31  # Excel's limit
WIDEST_COLUMN = 60
_NOT_IN_SHEET_NAMES = re.compile(r"[\[\]:*?/\\]")


def _sheet_name(title: str, used: set[str]) -> str:
    base = _NOT_IN_SHEET_NAMES.sub(" ", title)[:SHEET_NAME_LENGTH].strip() or "Ark"
    name, number = base, 2
    while name.lower() in used:
        suffix = f" ({number})"
        name = base[: SHEET_NAME_LENGTH - len(suffix)] + suffix
        number += 1
    used.add(name.lower())
    return name


def _cell_value(value, kind: str):
    if value is None or value == "":
        return None
    if kind in ("decimal", "percent"):
        return Decimal(value)
    return value


def _shown_width(value, kind: str) -> int:
    if value is None:
        return 0
    if kind == "date":
        return 10
    if kind == "percent":
        return 7
    if kind in ("int", "decimal"):
        return len(f"{value:,}") + (2 if kind == "decimal" else 0)
    return len(str(value))


# The table's title, then the period and filters, then an empty row: the column names are
# on this row, and the figures start on the next.
HEADER_ROW = 4


def _write_table(sheet, table: Table, filters: str) -> None:
    sheet.append([str(table.title)])
    sheet["A1"].font = BOLD
    sheet.append([filters])
    sheet.append([])
    labels = [column.label(get_language()) for column in table.columns]
    sheet.append(labels)
    for cell in sheet[HEADER_ROW]:
        cell.font = BOLD
    sheet.freeze_panes = f"A{HEADER_ROW + 1}"
    rows = table.rows + ([table.totals] if table.totals else [])
    for row in rows:
        sheet.append([_cell_value(row.get(c.key), c.kind) for c in table.columns])
    for index, column in enumerate(table.columns, start=1):
        number_format = NUMBER_FORMATS.get(column.kind)
        if number_format:
            for (cell,) in sheet.iter_rows(min_row=HEADER_ROW + 1, min_col=index, max_col=index):
                cell.number_format = number_format
        widest = max(
            [len(labels[index - 1])]
            + [_shown_width(row.get(column.key), column.kind) for row in rows]
        )
        sheet.column_dimensions[get_column_letter(index)].width = min(widest + 2, WIDEST_COLUMN)
    if table.totals:
        for cell in sheet[sheet.max_row]:
            cell.font = BOLD
    if table.note:
        # Under the table after an empty row, so it does not read as data.
        sheet.cell(row=sheet.max_row + 2, column=1, value=table.note)


def to_xlsx(report: Report, filters: str = "") -> bytes:
    """``filters``: the report's period and filters in words, written above each table."""
    workbook = Workbook()
    workbook.remove(workbook.active)
    used: set[str] = set()
    for table in report.tables:
        sheet = workbook.create_sheet(_sheet_name(str(table.sheet_name or table.title), used))
        _write_table(sheet, table, filters)
    if not report.tables:
        sheet = workbook.create_sheet(_sheet_name(str(report.title), used))
        sheet.append([str(report.title)])
        sheet.append([filters])
    workbook.properties.title = report.title
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
