"""Confirming the plan the manager saw, and moving within the queue (C5, C10).

Three O1 municipalities and one place, as on the demo: by the criteria Aarhus (4
criteria) is 1 and granted, Odense (3) 2 and Vejle (2) 3 on the waiting list.
"""

import pytest
from django.core import mail
from django.urls import reverse

from indsats.allocation import services
from indsats.allocation.models import AllocationRun, Placement, PlanMove
from indsats.allocation.periods import parse_period
from indsats.applications.models import ApplicationStatus, Decision
from indsats.catalogue.models import Offer

from .conftest import at

pytestmark = pytest.mark.django_db
PLAN = reverse("allocation:plan", args=["O1", "2027"])
CONFIRM = reverse("allocation:confirm", args=["O1", "2027"])
MOVE = reverse("allocation:move", args=["O1", "2027"])


@pytest.fixture
def three(municipal_application, capacity):
    capacity("O1", "2027", 1)
    aarhus = municipal_application("751", at(1))
    odense = municipal_application("461", at(2), "motivation")
    vejle = municipal_application("630", at(3), "motivation", "delimited_topic")
    return aarhus, odense, vejle


def shown(client):
    return client.get(PLAN).context["fingerprint"]


def test_a_plan_changed_since_the_page_was_opened_is_not_confirmed(client, manager, three):
    """C5: browser B shows Aarhus granted; in browser A the manager moves Odense to 1.
    B confirms without reloading: refused with a message, the current plan shown, and
    nothing decided, recorded or sent; the move stays pending. Confirmed from the page as
    it is now, the plan stands."""
    aarhus, odense, _vejle = three
    client.force_login(manager)
    seen_in_b = shown(client)
    response = client.post(
        MOVE, {"reference": odense.reference, "to_position": "1", "reason": "Akut behov"}
    )
    assert response.status_code == 302
    mail.outbox.clear()
    response = client.post(CONFIRM, {"plan": seen_in_b}, follow=True)
    page = response.content.decode()
    assert "er ændret, siden du åbnede siden" in page
    assert "Fordelingen er bekræftet" not in page
    assert not Decision.objects.exists()
    assert not AllocationRun.objects.exists()
    assert PlanMove.objects.get().confirmed_at is None
    assert mail.outbox == []
    odense.refresh_from_db()
    assert odense.status == ApplicationStatus.SUBMITTED

    client.post(CONFIRM, {"plan": shown(client)})
    odense.refresh_from_db()
    aarhus.refresh_from_db()
    assert (odense.status, aarhus.status) == (
        ApplicationStatus.GRANTED,
        ApplicationStatus.WAITING_LIST,
    )


def test_a_confirmation_without_the_plan_it_was_made_on_is_refused(client, manager, three):
    """C5: a form without the plan's fingerprint (or with junk) confirms nothing."""
    client.force_login(manager)
    for data in ({}, {"plan": "x" * 500}):
        response = client.post(CONFIRM, data, follow=True)
        assert "er ændret, siden du åbnede siden" in response.content.decode()
    assert not Decision.objects.exists()


def test_there_is_no_confirm_button_when_nothing_would_change(client, manager, three):
    """C5: once confirmed, 0 applications get a new decision and no one a new place: the
    page says there is nothing to confirm and offers no button; a stale post is refused
    and records no second run."""
    client.force_login(manager)
    page = client.get(PLAN).content.decode()
    assert "Bekræft fordelingen</button>" in page
    fingerprint = shown(client)
    client.post(CONFIRM, {"plan": fingerprint})
    page = client.get(PLAN).content.decode()
    assert "Der er intet at bekræfte" in page
    assert "Bekræft fordelingen</button>" not in page
    response = client.post(CONFIRM, {"plan": fingerprint}, follow=True)
    assert "Der er intet at bekræfte" in response.content.decode()
    assert AllocationRun.objects.count() == 1


def test_confirming_again_is_offered_when_a_waiting_place_changes(client, manager, three):
    """C5: after a withdrawal no one gets a new decision, but Vejle moves from 2 of 2 to
    1 of 1 on the waiting list and must be told: confirming is still offered."""
    from indsats.applications.services import withdraw

    _aarhus, odense, _vejle = three
    client.force_login(manager)
    client.post(CONFIRM, {"plan": shown(client)})
    odense.refresh_from_db()
    withdraw(odense)
    page = client.get(PLAN).content.decode()
    assert "Bekræft fordelingen</button>" in page
    assert "Ingen ansøgning får en ny afgørelse." in page


def test_the_managers_reason_for_a_move_stays_out_of_the_applicants_letter(client, manager, three):
    """C5, C10: Odense moved from 2 to 1 "Odense har akut behov" and confirmed. The
    decision's text to the applicant, in Danish and English, explains by the criteria and
    says where it stands, never the manager's reason; the internal reason keeps the
    move and its reason."""
    _aarhus, odense, _vejle = three
    client.force_login(manager)
    client.post(
        MOVE,
        {"reference": odense.reference, "to_position": "1", "reason": "Odense har akut behov"},
    )
    client.post(CONFIRM, {"plan": shown(client)})
    decision = Decision.objects.get(application=odense)
    assert "akut behov" not in decision.applicant_text
    assert "Flyttet af lederen" not in decision.applicant_text
    assert "Nr. 2 efter kriterierne; nr. 1 efter lederens prioritering." in (
        decision.applicant_text
    )
    assert "Prioriteret: 3 af 4 kriterier opfyldt" in decision.applicant_text
    assert decision.internal_reason == (
        "Flyttet af lederen fra nr. 2 til nr. 1. Begrundelse: Odense har akut behov"
    )
    placement = Placement.objects.get(application=odense)
    for language in ("da", "en"):
        assert not any("akut behov" in reason for reason in placement.reasons[language])
    assert PlanMove.objects.get().reason == "Odense har akut behov"  # the plan's history


def test_a_move_beyond_the_queue_is_an_error_at_the_field(client, manager, three):
    """C5, C12: TF-…0002 to place 99 in a queue of 3 is refused at its field, naming the
    range and the application, with what was typed kept; nothing is recorded."""
    _aarhus, odense, _vejle = three
    client.force_login(manager)
    response = client.post(
        MOVE, {"reference": odense.reference, "to_position": "99", "reason": "Akut behov"}
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert f"Ny plads for {odense.reference}: Vælg en plads mellem 1 og 3." in page
    assert f'href="#move-{odense.pk}-to_position"' in page
    assert f'id="move-{odense.pk}-to_position"' in page
    assert 'value="99"' in page
    assert ">Akut behov</textarea>" in page
    assert not PlanMove.objects.exists()


def test_a_move_to_its_own_place_is_refused_and_not_recorded(client, manager, three):
    """C5: a move "from 2 to 2" changes nothing; it is refused, not recorded."""
    _aarhus, odense, _vejle = three
    client.force_login(manager)
    response = client.post(
        MOVE, {"reference": odense.reference, "to_position": "2", "reason": "Akut behov"}
    )
    assert response.status_code == 400
    assert "står allerede på plads 2" in response.content.decode()
    assert not PlanMove.objects.exists()


def test_the_plan_from_the_records_has_a_stable_fingerprint(three):
    """C5: drawn twice from unchanged records, the plan's fingerprint is the same."""
    from indsats.allocation import rules

    offer, period = Offer.objects.get(code="O1"), parse_period("2027")
    first = rules.fingerprint(services.draw_plan(offer, period).plan)
    assert rules.fingerprint(services.draw_plan(offer, period).plan) == first
