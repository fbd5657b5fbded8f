"""Municipalities reached by a programme or by outreach, and those never reached (C8).

A municipality is reached when it, as an organisation, runs or takes part in a programme
in the period (``outcomes.programmes_in_period``), or when the screening decided to
contact it in the period (outreach, O5). A placement site's programme does not reach the
municipality it lies in. Four queries, whatever the number of municipalities.
"""

from __future__ import annotations

from django.utils.translation import gettext as _

from indsats.organisations.models import Municipality, OrganisationKind, Region
from indsats.programmes.models import Programme
from indsats.screening.models import ScreeningDecision
from indsats.screening.models.screening import Decision as ScreeningChoice

from ..types import Chart, Column, Report, ReportParams, Table
from .common import in_period, share, sum_rows
from .outcomes import programmes_in_period

OUTREACH_OFFER = "O5"


def reached(params: ReportParams) -> dict[int, dict[str, set]]:
    """Municipality id -> {"programmes": {programme ids}, "outreach": {decision ids}}."""
    unfiltered = ReportParams(params.period_start, params.period_end, params.offer, None)
    programmes = programmes_in_period(unfiltered)
    found: dict[int, dict[str, set]] = {}

    def note(municipality_id, kind, pk):
        found.setdefault(municipality_id, {"programmes": set(), "outreach": set()})[kind].add(pk)

    for municipality_id, pk in programmes.filter(
        organisation__kind=OrganisationKind.MUNICIPALITY
    ).values_list("organisation__municipality", "pk"):
        note(municipality_id, "programmes", pk)
    for municipality_id, pk in Programme.participants.through.objects.filter(
        programme__in=programmes, organisation__kind=OrganisationKind.MUNICIPALITY
    ).values_list("organisation__municipality", "programme"):
        note(municipality_id, "programmes", pk)
    if params.offer in (None, OUTREACH_OFFER):
        for municipality_id, pk in ScreeningDecision.objects.filter(
            in_period(params, "decided_at"), decision=ScreeningChoice.CONTACT
        ).values_list("municipality", "pk"):
            note(municipality_id, "outreach", pk)
    return found


def generate(params: ReportParams) -> Report:
    found = reached(params)
    municipalities = Municipality.objects.select_related("region").order_by("name")
    regions = Region.objects.order_by("name")
    if params.region:
        municipalities = municipalities.filter(region__code=params.region)
        regions = regions.filter(code=params.region)
    reached_rows, unreached_rows, per_region = [], [], {}
    for municipality in municipalities:
        counts = per_region.setdefault(municipality.region_id, [0, 0])
        counts[0] += 1
        base = {
            "municipality": municipality.name,
            "code": municipality.code,
            "region": municipality.region.name,
        }
        if municipality.pk in found:
            counts[1] += 1
            reached_rows.append(
                base
                | {
                    "programmes": len(found[municipality.pk]["programmes"]),
                    "outreach": len(found[municipality.pk]["outreach"]),
                }
            )
        else:
            unreached_rows.append(base)
    region_rows = []
    for region in regions:
        total, reached_count = per_region.get(region.pk, [0, 0])
        region_rows.append(
            {
                "region": region.name,
                "municipalities": total,
                "reached": reached_count,
                "not_reached": total - reached_count,
                "reached_share": share(reached_count, total),
            }
        )
    region_totals = sum_rows(
        region_rows, ["municipalities", "reached", "not_reached"], "region", _("Hele landet")
    )
    region_totals["reached_share"] = share(
        region_totals["reached"], region_totals["municipalities"]
    )
    municipality_columns = [
        Column("municipality", "Kommune", "Municipality", "text"),
        Column("code", "Kommunekode", "Municipality code", "text"),
        Column("region", "Region", "Region", "text"),
    ]
    return Report(
        title=_("Kommuner nået"),
        tables=[
            Table(
                key="regions",
                title=_("Kommuner nået pr. region"),
                sheet_name=_("Pr. region"),
                columns=[
                    Column("region", "Region", "Region", "text"),
                    Column("municipalities", "Kommuner", "Municipalities", "int"),
                    Column("reached", "Nået", "Reached", "int"),
                    Column("not_reached", "Ikke nået", "Not reached", "int"),
                    Column("reached_share", "Andel nået", "Share reached", "percent"),
                ],
                rows=region_rows,
                totals=region_totals,
                note=_(
                    "En kommune er nået, når den selv har eller deltager i et forløb i "
                    "perioden, eller når screeningen har besluttet at tage kontakt i perioden."
                ),
                chart=Chart("region", ("reached", "not_reached")),
            ),
            Table(
                key="reached",
                title=_("Kommuner nået"),
                sheet_name=_("Kommuner nået"),
                columns=municipality_columns
                + [
                    Column("programmes", "Forløb", "Programmes", "int"),
                    Column("outreach", "Opsøgende kontakter", "Outreach contacts", "int"),
                ],
                rows=reached_rows,
            ),
            Table(
                key="not_reached",
                title=_("Kommuner ikke nået"),
                sheet_name=_("Kommuner ikke nået"),
                columns=municipality_columns,
                rows=unreached_rows,
            ),
        ],
    )
