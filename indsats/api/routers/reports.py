"""The reports (C8, C9): the same ``run_report`` and filter as the report pages, as JSON.
Decimals keep every digit (see ``renderer``); dates are ISO dates."""

from datetime import date
from typing import Any

from django.core.exceptions import PermissionDenied
from django.http import Http404
from ninja import Field, Query, Router, Schema

from indsats.accounts.permissions import can_view_reports
from indsats.reports.forms import ReportFilterForm
from indsats.reports.registry import REPORTS, run_report

from ..errors import ERRORS, invalid_query
from ..filters import Text

router = Router(tags=["Rapporter"])

# The report pages' filter fields by the API's names for them.
API_FIELDS = {"fra": "period_start", "til": "period_end", "tilbud": "offer", "region": "region"}


def _require_reports(user):
    if not can_view_reports(user):
        raise PermissionDenied


class ReportSummaryOut(Schema):
    key: str
    title: str
    description: str


class ColumnOut(Schema):
    key: str
    label: str
    kind: str


class TableOut(Schema):
    key: str
    title: str
    note: str
    columns: list[ColumnOut]
    rows: list[dict[str, Any]]
    totals: dict[str, Any] | None


class ReportOut(Schema):
    key: str
    title: str
    period_start: date
    period_end: date
    offer: str | None
    region: str | None
    notes: list[str]
    tables: list[TableOut]


class ReportQuery(Schema):
    period_start: date | None = Field(None, description="Fra og med; uden: årets start.")
    period_end: date | None = Field(None, description="Til og med; uden: årets slutning.")
    offer: Text | None = Field(None, description="Tilbuddets kode, fx O1.")
    region: Text | None = Field(None, description="Regionens kode, fx 1084.")


@router.get("/reports", response={200: list[ReportSummaryOut], **ERRORS}, summary="Rapporterne")
def list_reports(request):
    _require_reports(request.auth)
    return [
        {"key": spec.key, "title": str(spec.title), "description": str(spec.description)}
        for spec in REPORTS.values()
    ]


@router.get("/reports/{key}", response={200: ReportOut, **ERRORS}, summary="Én rapport")
def get_report(request, key: str, query: Query[ReportQuery]):
    _require_reports(request.auth)
    if key not in REPORTS:
        raise Http404
    form = ReportFilterForm(
        {
            "fra": query.period_start.isoformat() if query.period_start else "",
            "til": query.period_end.isoformat() if query.period_end else "",
            "tilbud": query.offer or "",
            "region": query.region or "",
        }
    )
    if not form.is_valid():
        raise invalid_query(
            [
                (API_FIELDS.get(field, ""), message)
                for field, messages in form.errors.items()
                for message in messages
            ],
        )
    params = form.params()
    report = run_report(key, params)
    language = getattr(request, "LANGUAGE_CODE", "da")
    return {
        "key": key,
        "title": str(report.title),
        "period_start": params.period_start,
        "period_end": params.period_end,
        "offer": params.offer,
        "region": params.region,
        "notes": [str(note) for note in report.notes],
        "tables": [
            {
                "key": table.key,
                "title": str(table.title),
                "note": str(table.note),
                "columns": [
                    {"key": c.key, "label": c.label(language), "kind": c.kind}
                    for c in table.columns
                ],
                "rows": table.rows,
                "totals": table.totals,
            }
            for table in report.tables
        ],
    }
