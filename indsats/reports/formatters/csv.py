"""One table as CSV for Excel in Denmark (C8).

The dialect, documented here and on the report page:

* UTF-8 with a byte-order mark, so Excel reads æ, ø and å right;
* ``;`` between fields and a decimal comma (Danish Excel's own list and decimal separators);
* all Danish, whatever the user's language: the header row holds the Danish column names
  (percentages get " (%)" after the name), and the values (offers, "I alt") are Danish too,
  so that a program reading the file finds the same names every time;
* **precision**: whole numbers as they are; decimals (hours) with every stored digit,
  never rounded (hours are kept to 0,1); percentages as percent with two decimals
  (a stored share of 0,4545 is written 45,45) — exactly the stored value, which has four
  decimals as a fraction; dates as ISO 8601 (2026-11-28), which Excel and programs read;
  no figure is an empty field;
* the totals row, when the table has one, is the last line.
"""

from __future__ import annotations

import csv
import io
from decimal import Decimal

from ..types import Column, Table

DELIMITER = ";"


def header(column: Column) -> str:
    return f"{column.label_da} (%)" if column.kind == "percent" else column.label_da


def field(value, column: Column) -> str:
    if value is None:
        return ""
    if column.kind == "percent":
        value = (Decimal(value) * 100).quantize(Decimal("0.01"))
    if column.kind in ("decimal", "percent"):
        return format(Decimal(value), "f").replace(".", ",")
    if column.kind == "date":
        return value.isoformat()
    return str(value)


def to_csv(table: Table) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=DELIMITER, lineterminator="\r\n")
    writer.writerow([header(column) for column in table.columns])
    rows = table.rows + ([table.totals] if table.totals else [])
    for row in rows:
        writer.writerow([field(row.get(column.key), column) for column in table.columns])
    return buffer.getvalue().encode("utf-8-sig")
