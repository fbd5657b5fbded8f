"""No query per row (C8): each report runs as many queries with more records as with few."""

from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from indsats.accounts.models import Role
from indsats.allocation.models import ConsultantCapacity, OfferCapacity
from indsats.catalogue.models import Offer
from indsats.programmes.models import Goal, HourEntry
from indsats.reports.registry import REPORTS, ReportParams, run_report
from indsats.screening.models import ScreeningDecision
from indsats.screening.models.screening import Decision as ScreeningChoice
from indsats.testing.factories import UserFactory, municipality_organisation

from .records import application, at, decide, everything_2027, start_programme

YEAR_2027 = ReportParams(date(2027, 1, 1), date(2027, 12, 31))
MORE_MUNICIPALITIES = ["101", "147", "157", "159", "161", "163", "165", "167"]


def _queries(key: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        run_report(key, YEAR_2027)
    return len(captured)


def _more_records():
    officer = UserFactory(role=Role.CASE_OFFICER)
    for number, code in enumerate(MORE_MUNICIPALITIES):
        consultant = UserFactory(role=Role.CONSULTANT)
        ConsultantCapacity.objects.create(consultant=consultant, period="2027", hours=150)
        received = date(2027, 4, 1) + timedelta(days=number)
        made = application("O1", municipality_organisation(code), officer, received)
        decide(made, officer, received + timedelta(days=number + 1))
        programme = start_programme(made, received + timedelta(days=20))
        programme.consultants.add(consultant)
        Goal.objects.create(programme=programme, text="Mål", result="Nået")
        HourEntry.objects.create(
            programme=programme,
            date=received + timedelta(days=25),
            hours=Decimal("3.5"),
            description="Møde",
            consultant=consultant,
        )
        decision = ScreeningDecision.objects.create(
            municipality=municipality_organisation(code).municipality,
            decision=ScreeningChoice.WATCH,
            reason="Følges.",
            decided_by=officer,
        )
        ScreeningDecision.objects.filter(pk=decision.pk).update(decided_at=at(received))


@pytest.mark.django_db
def test_it_runs_the_same_number_of_queries_for_few_and_many_rows():
    everything_2027()
    few = {key: _queries(key) for key in REPORTS}

    _more_records()
    many = {key: _queries(key) for key in REPORTS}

    assert many == few
    assert run_report("volumes", YEAR_2027).tables[0].totals["applications"] == 11 + 8


@pytest.mark.django_db
def test_the_capacity_report_reads_the_consultants_hours_once_per_period():
    """Every offer of a period shares the consultants' hours; the report reads them once
    for the period's consultant table, not again for each offer."""
    everything_2027()
    _more_records()
    for code in ("O2", "O3", "O4"):  # O1 is planned already: four offers in the period
        OfferCapacity.objects.update_or_create(
            offer=Offer.objects.get(code=code), period="2027", defaults={"places": 2}
        )
    table = ConsultantCapacity._meta.db_table
    with CaptureQueriesContext(connection) as captured:
        report = run_report("capacity", YEAR_2027)
    offer_rows = len(report.tables[0].rows)
    assert offer_rows == 4  # a read per offer would show four times
    reads = [query for query in captured if f'"{table}"' in query["sql"]]
    assert len(reads) <= 2, [query["sql"][:120] for query in reads]
