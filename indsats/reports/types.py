"""A report as plain data: tables of rows holding plain Python values (C8).

The generators in ``generators/`` build these; the formatters in ``formatters/`` turn the
same ``Report`` into a page, a CSV file or an Excel workbook, and the REST API serves it as
JSON. Nothing here knows about a request or a format.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import Literal

ColumnKind = Literal["text", "int", "decimal", "date", "percent"]
KINDS = ("text", "int", "decimal", "date", "percent")


@dataclass(frozen=True)
class ReportParams:
    """The filter: a period (both days included), and optionally an offer's code ("O1")
    and a region's code ("1084")."""

    period_start: date
    period_end: date
    offer: str | None = None
    region: str | None = None

    def __post_init__(self):
        if self.period_end < self.period_start:
            raise ValueError("period_end is before period_start")


@dataclass(frozen=True)
class Column:
    """``kind`` says what the rows hold: text (str), int, decimal (Decimal), date, or percent
    (a Decimal fraction: 0.25 is 25 %). Any value may be None (no figure)."""

    key: str
    label_da: str
    label_en: str = ""
    kind: ColumnKind = "text"

    def __post_init__(self):
        if self.kind not in KINDS:
            raise ValueError(f"unknown column kind {self.kind!r}")

    def label(self, language: str | None = "da") -> str:
        if language and language.startswith("en") and self.label_en:
            return self.label_en
        return self.label_da


@dataclass(frozen=True)
class Chart:
    """How the page draws a table: bars (or a line) of ``series`` columns against the
    ``label`` column. Only the page uses it; files carry the table alone."""

    label: str
    series: tuple[str, ...]
    type: Literal["bar", "line"] = "bar"


@dataclass
class Table:
    key: str
    title: str
    columns: list[Column]
    rows: list[dict]
    totals: dict | None = None  # a sum row under the rows, with the same keys
    note: str = ""  # what the figures mean, shown under the title and in the files
    chart: Chart | None = None
    # The Excel sheet's name: at most 31 characters (Excel's limit); the title when empty.
    sheet_name: str = ""

    def column(self, key: str) -> Column:
        return next(column for column in self.columns if column.key == key)


@dataclass
class Report:
    title: str
    tables: list[Table] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # e.g. which filters a report ignores


@dataclass(frozen=True)
class ReportSpec:
    key: str  # in the URL: /rapporter/<key>/
    title: str
    description: str
    generate: Callable[[ReportParams], Report]
