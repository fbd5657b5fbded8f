"""The screening page: all 98 municipalities of a run, sortable and filterable; running the
screening again; downloading a run."""

from __future__ import annotations

from decimal import Decimal

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from indsats.accounts import permissions
from indsats.accounts.decorators import requires
from indsats.core.pagination import paginate
from indsats.organisations.models import Region

from .. import export
from ..forms import ScreeningFilterForm
from ..inputs import years_with_figures
from ..models import ScreeningDecision, ScreeningRun
from ..parameters import FACTORS
from ..services import current_parameters, data_changed_since, run_screening
from .lookups import get_run, shown_run

NONE_LAST = Decimal("-1e30")
RUNS_PER_PAGE = 10


def _number(value) -> Decimal:
    return NONE_LAST if value is None else Decimal(value)


SORTS = {
    "rang": lambda row: (row["rank"], row["name"]),
    "navn": lambda row: row["name"],
    "kode": lambda row: row["code"],
    "region": lambda row: (row["region_name"], row["name"]),
    "underretninger": lambda row: _number(row["rates"]["notification"]),
    "boernehus": lambda row: _number(row["rates"]["boernehus"]),
}
# The direction a column sorts in when first clicked: ranks and names up, rates down.
FIRST_DIRECTION = {"rang": "op", "navn": "op", "kode": "op", "region": "op"}


def _latest_decisions() -> dict[str, ScreeningDecision]:
    latest = {}
    decisions = ScreeningDecision.objects.select_related("municipality", "programme")
    for decision in decisions.order_by("-decided_at", "-pk"):
        latest.setdefault(decision.municipality.code, decision)
    return latest


def _filtered(results: list[dict], region: str, factor: str, candidates: bool) -> list[dict]:
    rows = results
    if region:
        rows = [row for row in rows if row["region_code"] == region]
    if factor in FACTORS:
        rows = [row for row in rows if row["factors"][factor]["met"] is True]
    if candidates:
        rows = [row for row in rows if row["candidate"]]
    return rows


def _sorted(rows: list[dict], sort: str, direction: str) -> list[dict]:
    key = SORTS.get(sort, SORTS["rang"])
    ordered = sorted(rows, key=key, reverse=direction == "ned")
    if sort in ("underretninger", "boernehus"):
        # Missing rates go last in both directions.
        measure = "notification" if sort == "underretninger" else "boernehus"
        ordered.sort(key=lambda row: row["rates"][measure] is None)
    return ordered


def _sort_links(request, sort: str, direction: str) -> dict[str, dict]:
    links = {}
    for name in SORTS:
        query = request.GET.copy()
        if name == sort:
            next_direction = "op" if direction == "ned" else "ned"
            aria = "ascending" if direction == "op" else "descending"
        else:
            next_direction = FIRST_DIRECTION.get(name, "ned")
            aria = ""
        query["sorter"], query["retning"] = name, next_direction
        links[name] = {"url": f"?{query.urlencode()}", "aria_sort": aria}
    return links


@requires(permissions.can_view_screening)
def screening_list(request):
    run, current = shown_run(request)
    filter_form = ScreeningFilterForm(request.GET, regions=Region.objects.all())
    filters = filter_form.filters()
    sort = request.GET.get("sorter", "rang")
    sort = sort if sort in SORTS else "rang"
    direction = request.GET.get("retning", FIRST_DIRECTION.get(sort, "ned"))
    direction = direction if direction in ("op", "ned") else FIRST_DIRECTION.get(sort, "ned")
    rows = []
    if run is not None:
        rows = _sorted(_filtered(run.results, **filters), sort, direction)
    decisions = _latest_decisions()
    for row in rows:
        row["decision"] = decisions.get(row["code"])
    years = years_with_figures()
    # Only what the list of runs shows: the results and inputs are a run's bulk.
    runs = ScreeningRun.objects.select_related("created_by").defer(
        "inputs", "results", "parameters", "data_versions"
    )
    return render(
        request,
        "screening/list.html",
        {
            "run": run,
            "current_run": current,
            "rows": rows,
            "runs": paginate(
                request,
                runs,
                label=_("Sider med tidligere kørsler"),
                parameter="koersler_side",
                per_page=RUNS_PER_PAGE,
            ),
            "factors": FACTORS,
            "filter_form": filter_form,
            "selected": {"sort": sort, "direction": direction},
            "sort_links": _sort_links(request, sort, direction),
            "data_changed": run is not None and data_changed_since(run),
            "years": years,
            "can_run": permissions.can_run_screening(request.user) and bool(years),
            "can_edit_settings": permissions.can_edit_screening_settings(request.user),
            "can_import": permissions.can_import_screening_data(request.user),
            "candidate_count": sum(1 for row in (run.results if run else []) if row["candidate"]),
        },
        status=400 if filter_form.errors else 200,
    )


@require_POST
@requires(permissions.can_run_screening)
def run(request):
    years = years_with_figures()
    try:
        year = int(request.POST.get("year", ""))
    except ValueError:
        year = None
    if year not in years:
        messages.error(request, _("Vælg et år, der er statistik for."))
        return redirect("screening:list")
    new_run = run_screening(current_parameters(year), user=request.user)
    messages.success(
        request,
        _("Screeningen for %(year)s er kørt og gemt med sine parametre og data.") % {"year": year},
    )
    return redirect(f"{reverse('screening:list')}?koersel={new_run.pk}")


@requires(permissions.can_view_screening)
def download(request, pk, file_format):
    run_obj = get_run(pk)
    if file_format == "csv":
        body = export.to_csv(run_obj.results, run_obj.parameters, synthetic=run_obj.synthetic)
        content_type = "text/csv; charset=utf-8"
    else:
        meta = {
            "run": run_obj.pk,
            "created_at": run_obj.created_at.isoformat(),
            "synthetic": run_obj.synthetic,
        }
        body = export.to_json(run_obj.results, run_obj.parameters, run_obj.data_versions, meta)
        content_type = "application/json; charset=utf-8"
    response = HttpResponse(body, content_type=content_type)
    name = f"screening-{run_obj.year}-koersel-{run_obj.pk}.{file_format}"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response
