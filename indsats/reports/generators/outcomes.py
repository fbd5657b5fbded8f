"""Outcomes per offer (C8): final policies received (O4), goals met (O2, O3), focus groups
held (O4), hours used against the caps (O1).

*Programmes in the period* are those started before its end and not closed before its
start. A goal counts as met when its result is recorded. Hours are those logged on these
programmes in the whole of their life, against the programme's cap or else its offer's.
Each figure is one grouped query.
"""

from __future__ import annotations

from decimal import Decimal

from django.db.models import Count, Q, Sum
from django.utils.translation import gettext as _

from indsats.applications.models import Document, DocumentKind
from indsats.programmes.models import FocusGroup, Goal, HourEntry, Programme

from ..types import Chart, Column, Report, ReportParams, Table
from .common import (
    filtered,
    in_dates,
    in_period,
    moments,
    offer_column,
    offer_label,
    offers,
    share,
    sum_rows,
)

ZERO = Decimal("0")


def programmes_in_period(params: ReportParams):
    start, end = moments(params)
    return filtered(
        Programme.objects.filter(created_at__lt=end).filter(
            Q(closed_at=None) | Q(closed_at__gte=start)
        ),
        params,
    )


def generate(params: ReportParams) -> Report:
    running = programmes_in_period(params)
    counted = dict(running.values_list("offer__code").annotate(n=Count("pk")))
    policies = dict(
        filtered(
            Document.objects.filter(
                in_period(params, "created_at"), kind=DocumentKind.FINAL_POLICY
            ),
            params,
            offer_field="application__offer",
            organisation="application__organisation",
        )
        .values_list("application__offer__code")
        .annotate(n=Count("pk"))
    )
    goals = {
        code: (total, met)
        for code, total, met in Goal.objects.filter(programme__in=running)
        .values_list("programme__offer__code")
        .annotate(total=Count("pk"), met=Count("pk", filter=~Q(result="")))
    }
    focus_groups = dict(
        FocusGroup.objects.filter(in_dates(params, "held_on"), programme__in=running)
        .values_list("programme__offer__code")
        .annotate(n=Count("pk"))
    )
    logged_in_period = dict(
        HourEntry.objects.filter(in_dates(params, "date"), programme__in=running)
        .values_list("programme__offer__code")
        .annotate(total=Sum("hours"))
    )
    hours = {}  # offer code -> [hours logged ever, caps, programmes over their cap]
    for _pk, code, own_cap, offer_cap, logged in running.values_list(
        "pk", "offer__code", "hour_cap", "offer__hour_cap"
    ).annotate(logged=Sum("hour_entries__hours")):
        cap = own_cap if own_cap is not None else offer_cap
        figures = hours.setdefault(code, [ZERO, 0, 0])
        figures[0] += logged or ZERO
        if cap is not None:
            figures[1] += cap
            figures[2] += int((logged or ZERO) > cap)
    rows = []
    for offer in offers(params):
        total_goals, met_goals = goals.get(offer.code, (0, 0))
        logged_ever, caps, over_cap = hours.get(offer.code, [ZERO, 0, 0])
        rows.append(
            {
                "offer": offer_label(offer),
                "programmes": counted.get(offer.code, 0),
                "final_policies": policies.get(offer.code, 0),
                "goals": total_goals,
                "goals_met": met_goals,
                "goals_met_share": share(met_goals, total_goals),
                "focus_groups": focus_groups.get(offer.code, 0),
                "hours_in_period": logged_in_period.get(offer.code) or ZERO,
                "hours_logged": logged_ever,
                "hour_caps": caps,
                "over_cap": over_cap,
            }
        )
    sums = ["programmes", "final_policies", "goals", "goals_met", "focus_groups"]
    sums += ["hours_in_period", "hours_logged", "hour_caps", "over_cap"]
    totals = sum_rows(rows, sums, "offer", _("I alt"))
    totals["goals_met_share"] = share(totals["goals_met"], totals["goals"])
    table = Table(
        key="outcomes",
        title=_("Resultater pr. tilbud"),
        sheet_name=_("Resultater"),
        columns=[
            offer_column(),
            Column("programmes", "Forløb i perioden", "Programmes in the period", "int"),
            Column("final_policies", "Endelige politikker modtaget", "Final policies", "int"),
            Column("goals", "Mål", "Goals", "int"),
            Column("goals_met", "Mål nået", "Goals met", "int"),
            Column("goals_met_share", "Andel mål nået", "Share of goals met", "percent"),
            Column("focus_groups", "Fokusgrupper holdt", "Focus groups held", "int"),
            Column("hours_in_period", "Timer i perioden", "Hours in the period", "decimal"),
            Column("hours_logged", "Timer brugt i alt", "Hours used in all", "decimal"),
            Column("hour_caps", "Timeloft i alt", "Hour caps in all", "int"),
            Column("over_cap", "Forløb over timeloftet", "Programmes over their cap", "int"),
        ],
        rows=rows,
        totals=totals,
        note=_(
            "Forløb i perioden er startet før periodens slutning og ikke afsluttet før dens "
            "begyndelse. Et mål er nået, når dets resultat er registreret. Endelige "
            "politikker og fokusgrupper tælles, når de er modtaget eller holdt i perioden."
        ),
        chart=Chart("offer", ("goals", "goals_met", "final_policies", "focus_groups")),
    )
    return Report(title=_("Resultater"), tables=[table])
