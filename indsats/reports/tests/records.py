"""Records for the report tests, placed at the moments a test needs (C8). All fictitious."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from decimal import Decimal

from django.utils import timezone

from indsats.accounts.models import Role
from indsats.allocation.models import ConsultantCapacity, OfferCapacity
from indsats.applications.models import (
    Application,
    ApplicationStatus,
    Decision,
    DecisionOutcome,
    Document,
    DocumentKind,
    Enquiry,
)
from indsats.catalogue.models import Offer
from indsats.programmes.models import FocusGroup, Goal, HourEntry, Programme, ProgrammeStatus
from indsats.screening.models import ScreeningDecision, ScreeningRun
from indsats.screening.models.screening import Decision as ScreeningChoice
from indsats.testing.factories import PlacementSiteFactory, UserFactory, municipality_organisation

_references = iter(range(1, 10_000))


def at(day: date, hour: int = 10) -> datetime:
    """A moment on ``day`` in Copenhagen."""
    return timezone.make_aware(datetime(day.year, day.month, day.day, hour))


def application(code: str, organisation, user, received: date, **fields) -> Application:
    made = Application.objects.create(
        offer=Offer.objects.get(code=code),
        organisation=organisation,
        created_by=user,
        status=fields.pop("status", ApplicationStatus.SUBMITTED),
        submitted_at=at(received),
        **fields,
    )
    return made


def decide(application, user, on: date, outcome=DecisionOutcome.GRANT, reopened=False):
    decision = Decision.objects.create(
        application=application,
        outcome=outcome,
        applicant_text="Afgjort i testen.",
        decided_by=user,
    )
    Decision.objects.filter(pk=decision.pk).update(
        decided_at=at(on, 15), reopened_at=at(on, 16) if reopened else None
    )
    return decision


def start_programme(application, on: date, **fields) -> Programme:
    programme = Programme.objects.create(
        offer=application.offer,
        reference=f"T-{next(_references):05d}",
        title=f"Testforløb for {application.organisation.name}",
        organisation=application.organisation,
        current_step="start",
        **fields,
    )
    Programme.objects.filter(pk=programme.pk).update(created_at=at(on, 9))
    application.programme = programme
    application.save(update_fields=["programme"])
    programme.refresh_from_db()
    return programme


def waiting_times_2027(user):
    """Applications received in 2027 whose waits are worked out by hand in the tests.

    O1 (Aarhus, Odense, Aalborg, Vejle, Esbjerg, and Horsens without a decision), all
    granted:
      received → decision  3, 10, 5, 7, 30 days  (Aarhus reopened, decided again on day 20)
      decision → start     14 (Aarhus), 2 (Odense), 20 (Aalborg)
    O2 (four municipalities): received → decision 1, 2, 3, 4 days; no programme.
    """
    received = date(2027, 2, 1)
    o1 = [("751", 3, 14), ("461", 10, 2), ("851", 5, 20), ("630", 7, None), ("561", 30, None)]
    made = {}
    for code, decision_days, start_days in o1:
        app = application("O1", municipality_organisation(code), user, received)
        decided_on = received + timedelta(days=decision_days)
        decide(app, user, decided_on, reopened=code == "751")
        if start_days is not None:
            start_programme(app, decided_on + timedelta(days=start_days))
        made[code] = app
    # Aarhus' decision was reopened and taken again later: the wait is still to the first.
    decide(made["751"], user, received + timedelta(days=20))
    application("O1", municipality_organisation("615"), user, received)  # Horsens: waiting
    for code, days in [("101", 1), ("147", 2), ("157", 3), ("159", 4)]:
        app = application("O2", municipality_organisation(code), user, received)
        decide(app, user, received + timedelta(days=days), outcome=DecisionOutcome.REJECT)
    return made


def everything_2027():
    """A little of every record the reports count, in 2027, and one of each just outside."""
    officer = UserFactory(role=Role.CASE_OFFICER)
    consultant = UserFactory(role=Role.CONSULTANT, full_name="Konsulent Karen Testesen")
    made = waiting_times_2027(officer)
    aarhus = municipality_organisation("751")
    Enquiry.objects.create(
        offer=Offer.objects.get(code="O1"),
        organisation=aarhus,
        subject="Spørgsmål om temaforløb",
        message="Hvornår kan vi starte?",
        contact_name="Testperson Aarhus",
        contact_email="kontakt@aarhus.test",
        created_by=officer,
        created_at=at(date(2027, 1, 15)),
    )
    Enquiry.objects.create(
        offer=Offer.objects.get(code="O1"),
        organisation=aarhus,
        subject="Gammelt spørgsmål",
        message="Fra året før.",
        contact_name="Testperson Aarhus",
        contact_email="kontakt@aarhus.test",
        created_by=officer,
        created_at=at(date(2026, 12, 31)),
    )
    programme = made["751"].programme
    programme.consultants.add(consultant)
    HourEntry.objects.create(
        programme=programme,
        date=date(2027, 3, 1),
        hours=Decimal("2.5"),
        description="Temadag forberedt",
        consultant=consultant,
    )
    HourEntry.objects.create(
        programme=programme,
        date=date(2027, 3, 8),
        hours=Decimal("4.0"),
        description="Temadag holdt",
        consultant=consultant,
    )
    Goal.objects.create(programme=programme, text="Fælles beredskab", result="Vedtaget i juni")
    Goal.objects.create(programme=programme, text="Kendskab i alle afdelinger")
    OfferCapacity.objects.update_or_create(  # the demo data may have planned 2027 already
        offer=Offer.objects.get(code="O1"),
        period="2027",
        defaults={"places": 4, "consultant_hours": 100},
    )
    ConsultantCapacity.objects.create(consultant=consultant, period="2027", hours=Decimal("200"))
    site = PlacementSiteFactory(name="Opholdsstedet Lyngtoppen")
    o4 = application("O4", site, officer, date(2027, 3, 1), status=ApplicationStatus.GRANTED)
    decide(o4, officer, date(2027, 3, 10))
    o4_programme = start_programme(o4, date(2027, 4, 1), status=ProgrammeStatus.ACTIVE)
    FocusGroup.objects.create(programme=o4_programme, phase="start", held_on=date(2027, 5, 3))
    policy = Document.objects.create(application=o4, kind=DocumentKind.FINAL_POLICY)
    Document.objects.filter(pk=policy.pk).update(created_at=at(date(2027, 9, 1)))
    run = screening_run(2027, candidates={"461": 3, "147": 2})
    contact = ScreeningDecision.objects.create(
        municipality=municipality_organisation("461").municipality,
        run=run,
        decision=ScreeningChoice.CONTACT,
        reason="Mange underretninger.",
        decided_by=officer,
    )
    ScreeningDecision.objects.filter(pk=contact.pk).update(decided_at=at(date(2027, 7, 2)))
    return made


def screening_run(year: int, candidates: dict[str, int]) -> ScreeningRun:
    """A saved run whose results name every municipality; ``candidates`` (code → factors
    met) are the candidates. Only the fields the reports read are filled in."""
    from indsats.organisations.models import Municipality

    results = [
        {
            "code": municipality.code,
            "name": municipality.name,
            "region_code": municipality.region.code,
            "region_name": municipality.region.name,
            "count": candidates.get(municipality.code, 0),
            "candidate": municipality.code in candidates,
        }
        for municipality in Municipality.objects.select_related("region").order_by("code")
    ]
    return ScreeningRun.objects.create(
        year=year,
        as_of=date(year, 6, 30),
        parameters={},
        data_versions={},
        inputs={},
        results=results,
        fingerprint="test",
    )
