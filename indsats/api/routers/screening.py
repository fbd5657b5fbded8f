"""Screening runs and their results at the core's full precision (C7, C9).

Each rate is a JSON number with exactly the digits the core computed, as in the run's
JSON export (``screening.export``); read it with a decimal-aware parser to keep them all.
"""

from datetime import date, datetime

from django.core.exceptions import PermissionDenied
from ninja import Field, Query, Router, Schema
from ninja.pagination import paginate

from indsats.accounts import permissions
from indsats.screening import export
from indsats.screening.models import ScreeningRun
from indsats.screening.views.lookups import get_run

from ..errors import ERRORS
from ..filters import Number
from ..pagination import PagePagination

router = Router(tags=["Screening"])


def require_screening_view(user):
    if not permissions.can_view_screening(user):
        raise PermissionDenied


class RunOut(Schema):
    id: int
    year: int
    as_of: date
    created_at: datetime
    synthetic: bool
    fingerprint: str


class MunicipalityResultOut(Schema):
    rank: int
    code: str
    name: str
    region: str
    rates: dict[str, Number | None] = Field(
        description="Satserne og referencesatserne, med alle kernens decimaler."
    )
    factors: dict[str, bool | None] = Field(description="F1–F7: opfyldt, ikke opfyldt, mangler.")
    triggered_by: dict[str, list[str]]
    count: int
    weighted_count: Number
    missing: list[str]
    candidate: bool


class RunDetailOut(RunOut):
    parameters: dict
    municipalities: list[MunicipalityResultOut]


class RunFilters(Schema):
    year: int | None = Field(None, ge=1, le=9998)


@router.get("/screening/runs", response={200: list[RunOut], **ERRORS}, summary="Screeningskørsler")
@paginate(PagePagination)
def list_runs(request, filters: Query[RunFilters]):
    require_screening_view(request.auth)
    runs = ScreeningRun.objects.defer("inputs", "results", "data_versions", "parameters")
    if filters.year:
        runs = runs.filter(year=filters.year)
    return runs.order_by("-created_at", "-pk")


def _municipality(row: dict) -> dict:
    """One flat row of ``export.rows`` grouped for the schema."""
    factors = {key: value for key, value in row.items() if key.startswith("F") and len(key) == 2}
    return {
        "rank": row["rank"],
        "code": row["code"],
        "name": row["name"],
        "region": row["region"],
        "rates": {
            key: value for key, value in row.items() if key.startswith(("rate_", "reference_"))
        },
        "factors": {
            key: None if value == export.MISSING else value for key, value in factors.items()
        },
        "triggered_by": {key: row[f"{key}_triggered_by"] for key in factors},
        "count": row["count"],
        "weighted_count": row["weighted_count"],
        "missing": row["missing"],
        "candidate": row["candidate"],
    }


@router.get(
    "/screening/runs/{run_id}",
    response={200: RunDetailOut, **ERRORS},
    summary="Én screeningskørsel med resultaterne pr. kommune",
)
def get_screening_run(request, run_id: int):
    require_screening_view(request.auth)
    run = get_run(run_id)
    return {
        **RunOut.from_orm(run).model_dump(),
        "parameters": run.parameters,
        "municipalities": [_municipality(row) for row in export.rows(run.results, run.parameters)],
    }
