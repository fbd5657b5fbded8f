"""Demo capacity and a queue to allocate, so that a manager's first look at
»Kapacitet og fordeling« has a plan to move and confirm: one O1 place in the coming year
among three assessed municipal applications (one of which lacks the chef-level decision),
and the O4 capacity that the demo's joint programme already uses. All fictitious."""

from __future__ import annotations

import datetime

from django.utils import timezone

from indsats.accounts.models import User
from indsats.applications.decisions import save_assessment
from indsats.applications.models import Application, Judgement
from indsats.applications.services import submit
from indsats.catalogue.models import Offer
from indsats.organisations.models import Organisation, OrganisationKind

from .models import OfferCapacity

# Municipality code, topic, and the rules judged not met (by key).
DEMO_QUEUE = (
    ("461", "Samtaler med børn om vold for sundhedsplejersker", ("motivation",)),
    ("630", "Tværfagligt beredskab i skoler", ()),
    ("851", "Opsporing af seksuelle overgreb i dagtilbud", ("chef_level_decision",)),
)


def _answers(topic: str) -> dict:
    return {
        "topic": topic,
        "delivery_forms": ["teaching", "sparring"],
        "participants": "Ledere og medarbejdere fra afdelingen",
        "motivation": "Medarbejderne efterspørger viden og fælles retningslinjer.",
        "decision_by_name": "En fiktiv chef",
        "decision_by_title": "Børne- og familiechef",
        "decision_date": (timezone.localdate() - datetime.timedelta(days=5)).isoformat(),
        "decided_at_chef_level": "on",
        "staff_resources": "Deltagerne får tid til alle dagene.",
        "management_backing": "Ledelsen deltager i første dag.",
        "planned_hours": "20",
        "earlier_help": "no",
    }


def load_allocation_demo() -> None:
    if OfferCapacity.objects.exists():
        return
    next_year = str(timezone.localdate().year + 1)
    this_year = str(timezone.localdate().year)
    o1, o4 = Offer.objects.get(code="O1"), Offer.objects.get(code="O4")
    OfferCapacity.objects.create(offer=o1, period=next_year, places=1, consultant_hours=40)
    OfferCapacity.objects.create(offer=o4, period=this_year, places=2)
    OfferCapacity.objects.create(offer=o4, period=next_year, places=3)
    case_officer = User.objects.get(email="sagsbehandler@indsats.test")
    for code, topic, not_met in DEMO_QUEUE:
        organisation = Organisation.objects.get(
            kind=OrganisationKind.MUNICIPALITY, municipality__code=code
        )
        # Recorded by the case officer on the municipality's behalf (it arrived by mail).
        application = Application.objects.create(
            offer=o1, organisation=organisation, created_by=case_officer, answers=_answers(topic)
        )
        result = submit(application, case_officer)
        if not result.submitted:  # the demo must never be half-made
            raise RuntimeError(f"Demo application for {organisation} is invalid.")
        judgements = {
            rule.pk: (
                Judgement.NOT_MET if rule.key in not_met else Judgement.MET,
                "Vurderet ud fra ansøgningen og det indledende møde.",
            )
            for rule in o1.rules.all()
        }
        save_assessment(application, case_officer, judgements, "", 1)
