"""Enquiries, applications, decisions and programmes per offer (C8).

Each count is one grouped query: enquiries received, applications submitted and decisions
taken in the period; programmes started in the period by their state now. A reopened
decision does not count; the decision that replaced it does.
"""

from __future__ import annotations

from django.db.models import Count
from django.utils.translation import gettext as _

from indsats.applications.models import Application, Decision, DecisionOutcome, Enquiry
from indsats.programmes.models import Programme, ProgrammeStatus

from ..types import Chart, Column, Report, ReportParams, Table
from .common import filtered, in_period, offer_column, offer_label, offers, sum_rows

FIGURES = [
    ("enquiries", "Henvendelser", "Enquiries"),
    ("applications", "Ansøgninger", "Applications"),
    ("granted", "Bevilget", "Granted"),
    ("waiting_list", "Venteliste", "Waiting list"),
    ("refused", "Afslag", "Refused"),
    ("programmes_active", "Forløb i gang", "Programmes under way"),
    ("programmes_closed", "Forløb afsluttet", "Programmes closed"),
    ("programmes_stopped", "Forløb stoppet", "Programmes stopped"),
]
OUTCOME_KEYS = {
    DecisionOutcome.GRANT: "granted",
    DecisionOutcome.WAITING_LIST: "waiting_list",
    DecisionOutcome.REJECT: "refused",
}
STATUS_KEYS = {
    ProgrammeStatus.ACTIVE: "programmes_active",
    ProgrammeStatus.CLOSED: "programmes_closed",
    ProgrammeStatus.STOPPED: "programmes_stopped",
}


def _by_offer(queryset, offer_field="offer__code") -> dict[str, int]:
    return dict(
        queryset.values_list(offer_field).annotate(n=Count("pk")).values_list(offer_field, "n")
    )


def _by_offer_and(queryset, field: str, offer_field="offer__code") -> dict[tuple[str, str], int]:
    rows = queryset.values_list(offer_field, field).annotate(n=Count("pk"))
    return {(code, value): n for code, value, n in rows}


def generate(params: ReportParams) -> Report:
    enquiries = _by_offer(filtered(Enquiry.objects.filter(in_period(params, "created_at")), params))
    applications = _by_offer(
        filtered(
            Application.objects.filter(in_period(params, "submitted_at")).exclude(
                submitted_at=None
            ),
            params,
        )
    )
    decisions = _by_offer_and(
        filtered(
            Decision.objects.filter(in_period(params, "decided_at"), reopened_at=None),
            params,
            offer_field="application__offer",
            organisation="application__organisation",
        ),
        "outcome",
        offer_field="application__offer__code",
    )
    programmes = _by_offer_and(
        filtered(Programme.objects.filter(in_period(params, "created_at")), params),
        "status",
    )
    rows = []
    for offer in offers(params):
        row = {
            "offer": offer_label(offer),
            "enquiries": enquiries.get(offer.code, 0),
            "applications": applications.get(offer.code, 0),
        }
        for outcome, key in OUTCOME_KEYS.items():
            row[key] = decisions.get((offer.code, outcome), 0)
        for status, key in STATUS_KEYS.items():
            row[key] = programmes.get((offer.code, status), 0)
        rows.append(row)
    keys = [key for key, _da, _en in FIGURES]
    table = Table(
        key="volumes",
        title=_("Henvendelser, ansøgninger, afgørelser og forløb pr. tilbud"),
        sheet_name=_("Antal pr. tilbud"),
        columns=[offer_column()] + [Column(key, da, en, "int") for key, da, en in FIGURES],
        rows=rows,
        totals=sum_rows(rows, keys, "offer", _("I alt")),
        note=_(
            "Henvendelser modtaget, ansøgninger indsendt og afgørelser truffet i perioden; "
            "forløb startet i perioden efter deres status i dag. En genoptaget afgørelse "
            "tæller ikke med, men den nye afgørelse gør."
        ),
        chart=Chart("offer", ("enquiries", "applications", "granted", "waiting_list", "refused")),
    )
    return Report(title=_("Henvendelser, ansøgninger og afgørelser"), tables=[table])
