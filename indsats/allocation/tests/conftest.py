"""Applications with assessments, for the allocation's database tests."""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from indsats.accounts.models import Role
from indsats.allocation.models import OfferCapacity
from indsats.applications.decisions import save_assessment
from indsats.applications.models import Application, Judgement
from indsats.catalogue.models import Offer
from indsats.testing.factories import PlacementSiteFactory, UserFactory, municipality_organisation

CPH = ZoneInfo("Europe/Copenhagen")


def at(day: int, hour: int = 10) -> datetime:
    """A moment in January 2027, Copenhagen time."""
    return datetime(2027, 1, day, hour, tzinfo=CPH)


@pytest.fixture
def judge(case_officer):
    """Judge every condition and criterion of the application's offer: met unless named
    in ``not_met`` (by the rule's key)."""

    def judge(application, *not_met):
        rules = application.offer.rules.all()
        judgements = {
            rule.pk: (
                Judgement.NOT_MET if rule.key in not_met else Judgement.MET,
                "Vurderet i testen.",
            )
            for rule in rules
        }
        save_assessment(application, case_officer, judgements, "", 1)
        return application

    return judge


@pytest.fixture
def municipal_application(make_application, judge):
    """A submitted O1 application of the municipality ``code``, complete at ``when``,
    judged with every rule met except ``not_met``."""

    def make(code, when, *not_met, offer="O1"):
        organisation = municipality_organisation(code)
        user = UserFactory(role=Role.APPLICANT, organisation=organisation)
        application = make_application(offer, organisation, user, submitted=True)
        Application.objects.filter(pk=application.pk).update(submitted_at=when)
        application.refresh_from_db()
        return judge(application, *not_met)

    return make


@pytest.fixture
def site_application(make_application, judge):
    """A submitted O4 application of a new placement site with ``employees``, naming the
    organisations in ``partners``; complete at ``when``."""

    def make(name, when, employees=40, partners=(), *not_met):
        site = PlacementSiteFactory(name=name, employee_count=employees)
        user = UserFactory(role=Role.APPLICANT, organisation=site)
        extra = {"employee_count": str(employees), "partners": [str(p.pk) for p in partners]}
        if employees < 25 and not partners:
            extra["asks_board_to_find_partners"] = "on"
        application = make_application("O4", site, user, submitted=True, **extra)
        Application.objects.filter(pk=application.pk).update(submitted_at=when)
        application.refresh_from_db()
        judge(application, *not_met)
        application.user = user
        return application

    return make


@pytest.fixture
def capacity():
    def make(code, period, places, **fields):
        return OfferCapacity.objects.create(
            offer=Offer.objects.get(code=code), period=period, places=places, **fields
        )

    return make
