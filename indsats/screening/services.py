"""Running and saving a screening, reproducing a saved run, and recording staff's decisions.

No request here: views and commands call these and show the results themselves.
"""

from __future__ import annotations

import hashlib
import json
from datetime import date

from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from indsats.organisations.models import (
    MunicipalContact,
    Municipality,
    Organisation,
    OrganisationKind,
)
from indsats.programmes.models import Programme, ProgrammeStatus
from indsats.programmes.services import open_outreach_case

from .coverage import inputs_missing_for_most
from .inputs import gather, imported_reason_codes, uses_synthetic_data, years_with_figures
from .markers import figures_marker, municipalities_marker, records_marker
from .models import (
    ComparisonGroup,
    Decision,
    MinisterialRequest,
    PreparednessPlan,
    PressCriticism,
    ScreeningDecision,
    ScreeningRun,
    ScreeningSettings,
    StatisticValue,
)
from .models.data import Measure
from .parameters import Parameters, reason_codes_for
from .rules import screen
from .snapshot import input_from_dict, input_to_dict, result_to_dict


def default_year() -> int:
    """The latest year with notification figures, else last year."""
    latest = StatisticValue.objects.filter(
        measure__in=[Measure.NOTIFICATIONS_BY_REASON, Measure.NOTIFICATIONS]
    ).aggregate(latest=Max("year"))["latest"]
    return latest or max(years_with_figures(), default=timezone.localdate().year - 1)


def current_parameters(
    year: int | None = None,
    *,
    as_of: date | None = None,
    **overrides,
) -> Parameters:
    """The saved settings for ``year`` as of ``as_of`` (today), with any overrides."""
    parameters = ScreeningSettings.current().parameters(
        year or default_year(), as_of or timezone.localdate()
    )
    changes = {name: value for name, value in overrides.items() if value is not None}
    return parameters.with_changes(**changes) if changes else parameters


def fingerprint(inputs: list[dict], parameters: dict) -> str:
    payload = json.dumps({"inputs": inputs, "parameters": parameters}, sort_keys=True)
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def data_marker(year: int) -> dict:
    """A cheap marker of the inputs a screening of ``year`` reads (#11; ``markers``): the
    year's figures, the four kinds of records, and the municipalities' names and regions.
    A few aggregate queries, where gathering the inputs reads every figure and record."""
    marker = {"figures": figures_marker(year)}
    records = {
        "plans": PreparednessPlan,
        "press": PressCriticism,
        "ministerial_requests": MinisterialRequest,
        "comparison_groups": ComparisonGroup,
    }
    for name, model in records.items():
        marker[name] = records_marker(model)
    marker["municipalities"] = municipalities_marker()
    return marker


def run_screening(parameters: Parameters, user=None) -> ScreeningRun:
    """Screen all municipalities and save the run with what it used.

    The data marker is taken before the inputs are gathered, so that a change made while
    gathering shows as a change (never the other way round).
    """
    marker = data_marker(parameters.year)
    inputs, versions = gather(parameters)
    versions["marker"] = marker
    # Said with the run, on its page and by the command (#9): an input missing for most.
    gaps = inputs_missing_for_most(
        inputs,
        expected_codes=reason_codes_for(parameters.reason_periods, parameters.year),
        imported_codes=imported_reason_codes(parameters.year),
    )
    versions["missing_inputs"] = [gap.to_dict() for gap in gaps]
    results = screen(inputs, parameters)
    input_dicts = [input_to_dict(item) for item in inputs]
    parameter_dict = parameters.to_dict()
    return ScreeningRun.objects.create(
        year=parameters.year,
        as_of=parameters.as_of,
        created_by=user,
        parameters=parameter_dict,
        data_versions=versions,
        inputs=input_dicts,
        results=[result_to_dict(result, parameters) for result in results],
        fingerprint=fingerprint(input_dicts, parameter_dict),
        synthetic=uses_synthetic_data(versions),
    )


def reproduce(run: ScreeningRun) -> list[dict]:
    """The results of running the core again on the run's saved inputs and parameters."""
    parameters = Parameters.from_dict(run.parameters)
    inputs = [input_from_dict(data) for data in run.inputs]
    return [result_to_dict(result, parameters) for result in screen(inputs, parameters)]


def data_changed_since(run: ScreeningRun) -> bool:
    """Whether the data the run used has changed since, so that running again may differ.

    From the data marker saved with the run: cheap, and it misses no change, though it
    also reports one that leaves the inputs as they were (a note on a plan edited, a
    figure changed and changed back). Runs saved before the marker (#11) have their
    inputs gathered again and compared.
    """
    marker = run.data_versions.get("marker")
    if marker is None:
        inputs, _versions = gather(run.parsed_parameters)
        inputs_now = [input_to_dict(item) for item in inputs]
        return fingerprint(inputs_now, run.parameters) != run.fingerprint
    return data_marker(run.year) != marker


def latest_run(year: int | None = None) -> ScreeningRun | None:
    """The newest run, without its saved inputs (read again only if asked for)."""
    runs = ScreeningRun.objects.for_pages()
    if year is not None:
        runs = runs.filter(year=year)
    return runs.first()


def current_run() -> ScreeningRun | None:
    """The run pages show unless another is asked for: the newest for the newest year with
    statistics (``default_year``), so that a run for an earlier year, made to look back,
    does not take its place; the newest of any year when that year has none."""
    return latest_run(default_year()) or latest_run()


def municipality_organisation(municipality: Municipality) -> Organisation:
    return Organisation.objects.get(kind=OrganisationKind.MUNICIPALITY, municipality=municipality)


OUTREACH_OFFER = "O5"


class OutreachAlreadyOpen(Exception):  # noqa: N818 - reads as a sentence
    """»Tag kontakt« while an outreach case with the municipality is still in progress."""

    def __init__(self, programme: Programme):
        self.programme = programme
        super().__init__(f"outreach case {programme.reference} is still in progress")


def running_outreach_case(municipality: Municipality) -> Programme | None:
    """The municipality's outreach case (O5) still in progress (neither closed nor
    stopped), newest first; None when there is none."""
    return (
        Programme.objects.filter(
            offer__code=OUTREACH_OFFER,
            organisation__kind=OrganisationKind.MUNICIPALITY,
            organisation__municipality=municipality,
            status=ProgrammeStatus.ACTIVE,
        )
        .order_by("-created_at", "-pk")
        .first()
    )


@transaction.atomic
def record_decision(
    municipality: Municipality,
    decision: str,
    reason: str,
    user,
    run: ScreeningRun | None = None,
    contact: MunicipalContact | None = None,
) -> ScreeningDecision:
    """Record staff's judgement; *contact* opens an outreach case (O5) in the workflow,
    with ``contact`` as the person to contact in the municipality.

    Contact is refused (OutreachAlreadyOpen) while an outreach case with the municipality
    is in progress: one case per municipality at a time. The municipality's row is locked
    first, so that two managers deciding at once cannot both open one (on SQLite the
    transaction takes the write lock as it begins)."""
    programme = None
    if contact is not None and contact.municipality_id != municipality.pk:
        raise ValueError("the contact belongs to another municipality")
    if decision == Decision.CONTACT:
        Municipality.objects.select_for_update().filter(pk=municipality.pk).first()
        running = running_outreach_case(municipality)
        if running is not None:
            raise OutreachAlreadyOpen(running)
        programme = open_outreach_case(municipality_organisation(municipality), user, reason)
    return ScreeningDecision.objects.create(
        municipality=municipality,
        run=run,
        decision=decision,
        reason=reason,
        decided_by=user,
        programme=programme,
        contact=contact if decision == Decision.CONTACT else None,
    )


def outreach_contact(programme) -> MunicipalContact | None:
    """The contact person of an outreach case, as chosen when contact was decided."""
    decision = (
        ScreeningDecision.objects.filter(programme=programme).select_related("contact").first()
    )
    return decision.contact if decision else None
