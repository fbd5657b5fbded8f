"""The report as a page: per table a Chart.js chart and, under it, the same figures in an
accessible table (caption, column headers, row headers), which is what screen readers and
keyboard users read (C8, C11)."""

from __future__ import annotations

from dataclasses import dataclass

from django.template.response import TemplateResponse
from django.utils.translation import get_language

from ..types import Report, Table
from .cells import display

NUMERIC = ("int", "decimal", "percent")


@dataclass
class Cell:
    text: str
    numeric: bool


@dataclass
class HtmlTable:
    key: str
    title: str
    note: str
    headers: list[str]
    rows: list[list[Cell]]
    totals: list[Cell] | None
    chart: dict | None  # {"type", "labels", "datasets"} for Chart.js


def _cells(row: dict, table: Table) -> list[Cell]:
    return [
        Cell(display(row.get(column.key), column), column.kind in NUMERIC)
        for column in table.columns
    ]


def _chart(table: Table, language: str) -> dict | None:
    if table.chart is None or not table.rows:
        return None
    datasets = []
    for key in table.chart.series:
        column = table.column(key)
        scale = 100 if column.kind == "percent" else 1
        datasets.append(
            {
                "label": column.label(language),
                "data": [
                    None if row.get(key) is None else float(row[key]) * scale for row in table.rows
                ],
            }
        )
    return {
        "type": table.chart.type,
        "labels": [str(row.get(table.chart.label, "")) for row in table.rows],
        "datasets": datasets,
    }


def html_table(table: Table, language: str | None = None) -> HtmlTable:
    language = language or get_language() or "da"
    return HtmlTable(
        key=table.key,
        title=table.title,
        note=table.note,
        headers=[column.label(language) for column in table.columns],
        rows=[_cells(row, table) for row in table.rows],
        totals=_cells(table.totals, table) if table.totals else None,
        chart=_chart(table, language),
    )


def render(request, report: Report, context: dict) -> TemplateResponse:
    return TemplateResponse(
        request,
        "reports/report.html",
        {
            **context,
            "report": report,
            "tables": [html_table(table) for table in report.tables],
        },
    )
