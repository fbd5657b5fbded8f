"""The plan drawn from the records, and confirming it (C5; O1.3, O1.4, O4.4–O4.6).

Each expected outcome is worked out by hand in the test's docstring.
"""

from datetime import date

import pytest
import time_machine
from django.core import mail

from indsats.allocation import confirmation, rules, services
from indsats.allocation.models import AllocationRun, Placement, PlanMove
from indsats.allocation.periods import parse_period
from indsats.applications.decisions import decide
from indsats.applications.models import ApplicationStatus, Decision, DecisionOutcome, DocumentKind
from indsats.catalogue.models import Offer
from indsats.programmes.models import Programme, ProgrammeStatus

from .conftest import at

pytestmark = pytest.mark.django_db
Y2027 = parse_period("2027")


def _outcomes(plan):
    return [(p.ref, p.outcome, p.position, p.waiting_number) for p in plan.placements]


def test_it_ranks_o1_by_the_criteria_judged_and_refuses_without_the_o13_conditions(
    municipal_application, capacity
):
    """O1.3, O1.4: Aarhus meets all four criteria, Odense three (no (b)), København all
    four but was complete later, Aalborg lacks the chef-level decision. Capacity 2:
    Aarhus (4, earliest) 1st granted, København (4) 2nd granted, Odense (3) waits as
    number 1 of 1, Aalborg is refused with no position."""
    capacity("O1", "2027", 2)
    aarhus = municipal_application("751", at(5))
    odense = municipal_application("461", at(3), "delimited_topic")
    kbh = municipal_application("101", at(8))
    aalborg = municipal_application("851", at(1), "chef_level_decision")
    plan = services.plan_for_period("O1", Y2027)
    assert _outcomes(plan) == [
        (aarhus.reference, rules.GRANTED, 1, None),
        (kbh.reference, rules.GRANTED, 2, None),
        (odense.reference, rules.WAITING, 3, 1),
        (aalborg.reference, rules.REFUSED, None, None),
    ]
    assert any("O1.3" in reason for reason in plan.for_ref(aalborg.reference).reasons)


def test_it_counts_earlier_help_from_the_records_not_only_the_judgement(
    municipal_application, capacity, case_officer
):
    """O1.4 (d): Aarhus is judged to meet every criterion, but the Board's records hold an
    earlier programme for Aarhus; so Aarhus has 3 criteria and Odense (4, later) comes
    first with one place."""
    capacity("O1", "2027", 1)
    aarhus = municipal_application("751", at(1))
    odense = municipal_application("461", at(9))
    Programme.objects.create(
        offer=Offer.objects.get(code="O2"),
        reference="UF-2020-0001",
        title="Tidligere forløb",
        organisation=aarhus.organisation,
        current_step="x",
        status=ProgrammeStatus.CLOSED,
    )
    plan = services.plan_for_period("O1", Y2027)
    assert plan.for_ref(odense.reference).outcome == rules.GRANTED
    assert plan.for_ref(aarhus.reference).outcome == rules.WAITING
    assert plan.for_ref(aarhus.reference).score == 3


def test_it_subtracts_programmes_started_in_the_period_and_frees_stopped_ones(
    municipal_application, capacity, case_officer
):
    """C5: capacity 2, one O1 programme already started this period → 1 free place; when
    that programme is stopped, 2 free places again."""
    capacity("O1", "2027", 2)
    first = municipal_application("751", at(1))
    second = municipal_application("461", at(2))
    other = municipal_application("101", at(3))
    with time_machine.travel(date(2027, 2, 1)):
        decide(other, DecisionOutcome.GRANT, "Bevilget før fordelingen.", case_officer)
    use = services.draw_plan(Offer.objects.get(code="O1"), Y2027).use
    assert (use.places, use.started, use.free_places) == (2, 1, 1)
    plan = services.plan_for_period("O1", Y2027)
    assert [p.outcome for p in plan.placements] == [rules.GRANTED, rules.WAITING]
    assert plan.placements[0].ref == first.reference
    Programme.objects.filter(applications=other).update(status=ProgrammeStatus.STOPPED)
    plan = services.plan_for_period("O1", Y2027)
    assert {p.ref for p in plan.granted()} == {first.reference, second.reference}


def test_it_bounds_places_by_the_offers_consultant_hours(municipal_application, capacity):
    """C5: 3 places but 60 consultant hours and O1's 25 hours each → 2 places."""
    capacity("O1", "2027", 3, consultant_hours=60)
    for code, day in (("751", 1), ("461", 2), ("101", 3)):
        municipal_application(code, at(day))
    plan = services.plan_for_period("O1", Y2027)
    assert len(plan.granted()) == 2


def test_it_places_a_group_of_small_sites_as_one_unit_and_keeps_a_lone_small_site_waiting(
    site_application, capacity
):
    """O4.4–O4.6: Lille (12 employees, alone) was first, then the pair Ager+Bæk (each 10,
    naming each other; unit placed by Ager, day 3), then Stor (40, day 4). Capacity 1:
    Lille waits at position 1 (no partner), the pair takes the place (position 2), Stor
    waits at position 3. On the waiting list Lille is number 1 and Stor number 2 of 2."""
    capacity("O4", "2027", 1)
    lille = site_application("Lille", at(1), 12)
    ager = site_application("Ager", at(3), 10)
    baek = site_application("Bæk", at(5), 10, [ager.organisation])
    from indsats.applications.partners import accept_partners

    accept_partners(ager, [baek.organisation])
    stor = site_application("Stor", at(4), 40)
    plan = services.plan_for_period("O4", Y2027)
    assert _outcomes(plan) == [
        (lille.reference, rules.WAITING, 1, 1),
        (ager.reference, rules.GRANTED, 2, None),
        (baek.reference, rules.GRANTED, 2, None),
        (stor.reference, rules.WAITING, 3, 2),
    ]
    assert plan.for_ref(baek.reference).unit == (ager.reference, baek.reference)


def test_it_forms_no_unit_from_one_sided_naming(site_application, capacity):
    """O4.4: Ager names Bæk, Bæk never names Ager: two lone small sites, both waiting."""
    capacity("O4", "2027", 2)
    baek = site_application("Bæk", at(1), 10)
    ager = site_application("Ager", at(2), 10, [baek.organisation])
    plan = services.plan_for_period("O4", Y2027)
    assert plan.for_ref(ager.reference).outcome == rules.WAITING
    assert plan.for_ref(baek.reference).outcome == rules.WAITING
    assert plan.for_ref(ager.reference).unit == (ager.reference,)


def test_confirming_records_decisions_letters_placements_and_tells_everyone(
    municipal_application, capacity, manager, django_capture_on_commit_callbacks
):
    """C5, C10: capacity 1 among Aarhus (4 criteria), Odense (3) and Aalborg (no chef
    decision): Aarhus granted with a programme and a letter, Odense on the waiting list as
    number 1 of 1 with an estimated start, Aalborg refused; each hears by e-mail."""
    capacity("O1", "2027", 1, average_programme_days=120)
    aarhus = municipal_application("751", at(2))
    odense = municipal_application("461", at(1), "motivation")
    aalborg = municipal_application("851", at(3), "staff_resources")
    mail.outbox.clear()
    with (
        time_machine.travel(date(2027, 1, 20)),
        django_capture_on_commit_callbacks(execute=True),
    ):
        confirmation.confirm_plan("O1", Y2027, manager)
    for application in (aarhus, odense, aalborg):
        application.refresh_from_db()
    assert {a.reference: a.status for a in (aarhus, odense, aalborg)} == {
        aarhus.reference: ApplicationStatus.GRANTED,
        odense.reference: ApplicationStatus.WAITING_LIST,
        aalborg.reference: ApplicationStatus.REJECTED,
    }
    assert Programme.objects.filter(applications=aarhus).exists()
    assert Decision.objects.count() == 3
    assert all(
        a.documents.filter(kind=DocumentKind.DECISION_LETTER).exists()
        for a in (aarhus, odense, aalborg)
    )
    run = AllocationRun.objects.get()
    waiting = Placement.objects.get(run=run, application=odense)
    assert (waiting.waiting_number, waiting.waiting_count) == (1, 1)
    assert waiting.estimated_start == date(2027, 5, 20)  # 20 Jan + 1 × 120 days
    assert waiting.reasons["da"][-1].startswith("Nr. 1 af 1 på ventelisten")
    assert waiting.reasons["en"][-1].startswith("Number 1 of 1 on the waiting list")
    refused = Decision.objects.get(application=aalborg)
    assert "personaleressourcer" in refused.applicant_text
    assert "O1.3" not in refused.applicant_text  # requirement ids are the Board's, not theirs
    assert len(mail.outbox) == 3


def test_confirming_again_tells_only_those_whose_place_changed(
    municipal_application, capacity, manager, django_capture_on_commit_callbacks
):
    """C5: after a first confirmation (capacity 1: A granted, B 1 of 2, C 2 of 2), B
    withdraws; confirming again moves C to 1 of 1 and writes only to C."""
    from indsats.applications.services import withdraw

    capacity("O1", "2027", 1)
    municipal_application("751", at(1))
    b = municipal_application("461", at(2), "motivation")
    c = municipal_application("101", at(3), "motivation", "delimited_topic")
    confirmation.confirm_plan("O1", Y2027, manager)
    withdraw(b)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        confirmation.confirm_plan("O1", Y2027, manager)
    placement = confirmation.latest_placement(c)
    assert (placement.waiting_number, placement.waiting_count) == (1, 1)
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == [c.organisation.users.get().email]
    assert "nummer 1 af 1" in mail.outbox[0].body


def test_a_move_with_a_reason_changes_the_order_and_is_confirmed_with_the_plan(
    municipal_application, capacity, manager
):
    """C5: A (4 criteria) would be granted before B (3); the manager moves B to place 1
    with a reason; on confirming, B is granted, A waits, and B's reasons carry the
    manager's reason."""
    capacity("O1", "2027", 1)
    a = municipal_application("751", at(1))
    b = municipal_application("461", at(2), "motivation")
    offer = Offer.objects.get(code="O1")
    services.move_in_queue(offer, Y2027, b, 1, "Akut behov efter en sag i kommunen.", manager)
    plan = confirmation.confirm_plan("O1", Y2027, manager)
    assert plan.for_ref(b.reference).outcome == rules.GRANTED
    assert plan.for_ref(a.reference).outcome == rules.WAITING
    assert any("Akut behov" in reason for reason in plan.for_ref(b.reference).reasons)
    assert PlanMove.objects.get().confirmed_at is not None


def test_a_move_needs_a_reason(municipal_application, manager):
    """C5: every move in the queue is explained."""
    application = municipal_application("751", at(1))
    with pytest.raises(rules.AllocationInputError):
        services.move_in_queue(application.offer, Y2027, application, 1, "  ", manager)


def test_it_proposes_the_next_in_line_when_a_place_frees_up(
    municipal_application, capacity, manager
):
    """C5: capacity 1, A granted and B waiting; A's programme is stopped (cancelled): the
    managers are told that one more can now be granted in O1 for the current period."""
    capacity("O1", "2027", 1)
    a = municipal_application("751", at(1))
    municipal_application("461", at(2), "motivation")
    with time_machine.travel(date(2027, 1, 20)):
        confirmation.confirm_plan("O1", Y2027, manager)
        assert services.free_capacity_proposals(date(2027, 3, 1)) == []
        Programme.objects.filter(applications=a).update(status=ProgrammeStatus.STOPPED)
    proposals = services.free_capacity_proposals(date(2027, 3, 1))
    assert [(offer.code, period.key, count) for offer, period, count in proposals] == [
        ("O1", "2027", 1)
    ]
    assert services.free_capacity_proposals(date(2028, 3, 1)) == []  # not the current period


def test_it_leaves_an_application_out_of_the_plan_until_every_rule_is_judged(
    municipal_application, make_application, capacity, applicant, judge
):
    """C4: an application is ranked only once every condition and criterion is judged met
    or not met; until then it is neither granted nor refused, and the plan lists it apart."""
    capacity("O1", "2027", 1)
    assessed = municipal_application("461", at(2))
    fresh = make_application("O1", applicant.organisation, applicant, submitted=True)
    drawn = services.draw_plan(Offer.objects.get(code="O1"), Y2027)
    assert [p.ref for p in drawn.plan.placements] == [assessed.reference]
    assert drawn.unassessed == (fresh,)
    judge(fresh)
    drawn = services.draw_plan(Offer.objects.get(code="O1"), Y2027)
    assert {p.ref for p in drawn.plan.placements} == {assessed.reference, fresh.reference}
