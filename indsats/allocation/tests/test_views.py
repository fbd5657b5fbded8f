"""The allocation back office and what the applicant sees (C5, C3)."""

from decimal import Decimal

import pytest
from django.urls import reverse

from indsats.allocation.models import ConsultantCapacity, CriterionWeight, OfferCapacity, PlanMove
from indsats.applications.models import ApplicationStatus
from indsats.catalogue.models import Offer

from .conftest import at

pytestmark = pytest.mark.django_db


def plan_url(code="O1", period="2027"):
    return reverse("allocation:plan", args=[code, period])


def confirm(client, code="O1", period="2027"):
    """Confirm the plan as the page shows it now: the form carries its fingerprint."""
    shown = client.get(plan_url(code, period)).context["fingerprint"]
    return client.post(reverse("allocation:confirm", args=[code, period]), {"plan": shown})


def test_it_shows_the_plan_to_staff_with_positions_and_reasons(
    client, case_officer, municipal_application, capacity
):
    """C5: a case officer answering a municipality sees the queue and every reason."""
    capacity("O1", "2027", 1)
    first = municipal_application("751", at(1))
    second = municipal_application("461", at(2), "motivation")
    client.force_login(case_officer)
    response = client.get(plan_url())
    assert response.status_code == 200
    page = response.content.decode()
    assert first.reference in page
    assert "Venteliste, nr. 1 af 1" in page
    assert "O1.4" in page
    assert second.organisation.name in page
    assert "Bekræft fordelingen" not in page  # case officers do not confirm


def test_it_hides_allocation_from_applicants_and_confirming_from_case_officers(
    client, applicant, case_officer, capacity
):
    """C5: the plan is for the Board's staff; only managers confirm."""
    capacity("O1", "2027", 1)
    client.force_login(applicant)
    assert client.get(plan_url()).status_code == 403
    assert client.get(reverse("allocation:overview")).status_code == 403
    client.force_login(case_officer)
    assert client.post(reverse("allocation:confirm", args=["O1", "2027"])).status_code == 403
    assert client.post(reverse("allocation:move", args=["O1", "2027"])).status_code == 403


@pytest.mark.parametrize("path", [("O5", "2027"), ("O1", "2027-K9"), ("X1", "2027")])
def test_it_answers_404_for_an_offer_without_allocation_or_a_bad_period(client, manager, path):
    """C5: O5 is the Board's own initiative, not allocated; a bad period is no page."""
    client.force_login(manager)
    assert client.get(plan_url(*path)).status_code == 404


def test_a_manager_creates_a_period_and_sets_its_capacity_and_weights(client, manager):
    """C5, O1.4: capacity per offer and period, the criteria weighted by a setting."""
    client.force_login(manager)
    response = client.post(
        reverse("allocation:capacity_create"), {"offer": "O1", "period": "2027-k2"}
    )
    assert response.status_code == 302
    capacity = OfferCapacity.objects.get()
    assert capacity.period == "2027-Q2"
    rules = list(Offer.objects.get(code="O1").criteria())
    data = {
        "places": "4",
        "consultant_hours": "100,5",
        "average_programme_days": "60",
        "note": "",
        "version": str(capacity.version),
        **{f"weight_{rule.pk}": "1" for rule in rules},
        f"weight_{rules[0].pk}": "3",
    }
    response = client.post(reverse("allocation:capacity", args=["O1", "2027-Q2"]), data)
    assert response.status_code == 302, response.content.decode()
    capacity.refresh_from_db()
    assert (capacity.places, capacity.consultant_hours) == (4, Decimal("100.5"))
    assert CriterionWeight.objects.get(rule=rules[0]).weight == 3


def test_it_refuses_a_period_that_is_not_a_year_or_quarter(client, manager):
    """C5: capacity is per year or quarter; anything else is a clear error."""
    client.force_login(manager)
    response = client.post(
        reverse("allocation:capacity_create"), {"offer": "O1", "period": "næste år"}, follow=True
    )
    assert "er ikke en periode" in response.content.decode()
    assert not OfferCapacity.objects.exists()


def test_a_stale_capacity_form_does_not_overwrite_a_colleagues_change(client, manager, capacity):
    """C5: Concurrent edits never silently overwrite."""
    stored = capacity("O1", "2027", 3)
    OfferCapacity.objects.filter(pk=stored.pk).update(places=5, version=2)
    client.force_login(manager)
    weights = {f"weight_{rule.pk}": "1" for rule in Offer.objects.get(code="O1").criteria()}
    response = client.post(
        reverse("allocation:capacity", args=["O1", "2027"]),
        {"places": "4", "average_programme_days": "90", "version": "1", "note": "", **weights},
    )
    assert response.status_code == 409
    stored.refresh_from_db()
    assert stored.places == 5


def test_a_manager_sets_consultants_hours_with_a_decimal_comma(client, manager, consultant):
    """C5, C11: a consultant's hours per period, typed the Danish way."""
    client.force_login(manager)
    url = reverse("allocation:consultants", args=["2027"])
    response = client.post(url, {f"hours_{consultant.pk}": "120,5"})
    assert response.status_code == 302
    assert ConsultantCapacity.objects.get(consultant=consultant).hours == Decimal("120.5")
    client.post(url, {f"hours_{consultant.pk}": ""})
    assert not ConsultantCapacity.objects.exists()


def test_a_move_without_a_reason_is_an_error_at_the_field(
    client, manager, municipal_application, capacity
):
    """C5: every move in the queue is explained; no reason, no move."""
    capacity("O1", "2027", 1)
    application = municipal_application("751", at(1))
    client.force_login(manager)
    response = client.post(
        reverse("allocation:move", args=["O1", "2027"]),
        {"reference": application.reference, "to_position": "1", "reason": ""},
    )
    assert response.status_code == 400
    assert "Der er problemer" in response.content.decode()
    assert not PlanMove.objects.exists()


def test_a_manager_moves_and_confirms_and_the_applicants_see_where_they_stand(
    client, manager, municipal_application, capacity, django_capture_on_commit_callbacks
):
    """C5, C3: A (4 criteria) is moved after B (3 criteria) with a reason; one place.
    After confirming, B's portal says granted, A's says number 1 of 1 on the waiting
    list and that another application was moved ahead (never the other municipality's
    reason), B's says where the criteria placed it and where the manager did — but not
    the manager's reason, which is internal — and the refused C's says why."""
    capacity("O1", "2027", 1)
    a = municipal_application("751", at(1))
    b = municipal_application("461", at(2), "motivation")
    c = municipal_application("101", at(3), "chef_level_decision")
    client.force_login(manager)
    client.post(
        reverse("allocation:move", args=["O1", "2027"]),
        {"reference": b.reference, "to_position": "1", "reason": "Kommunen har en akut sag."},
    )
    with django_capture_on_commit_callbacks(execute=True):
        response = confirm(client)
    assert response.status_code == 302
    for application in (a, b, c):
        application.refresh_from_db()
    assert (a.status, b.status, c.status) == (
        ApplicationStatus.WAITING_LIST,
        ApplicationStatus.GRANTED,
        ApplicationStatus.REJECTED,
    )
    client.force_login(a.organisation.users.get())
    page = client.get(reverse("applications:detail", args=[a.pk])).content.decode()
    assert "Nummer 1 af 1 på ventelisten" in page
    assert "efter at lederen har flyttet en anden ansøgning" in page
    assert "Kommunen har en akut sag." not in page
    client.force_login(b.organisation.users.get())
    page = client.get(reverse("applications:detail", args=[b.pk])).content.decode()
    assert "I har fået et forløb" in page
    assert "Nr. 2 efter kriterierne; nr. 1 efter lederens prioritering." in page
    assert "Kommunen har en akut sag." not in page
    client.force_login(c.organisation.users.get())
    page = client.get(reverse("applications:detail", args=[c.pk])).content.decode()
    assert "Ansøgningen er afslået" in page
    assert "chefniveau" in page


def test_the_overview_lists_periods_without_a_query_per_row(
    client, manager, capacity, django_assert_max_num_queries
):
    """C5, C13: the overview's queries do not grow with its rows."""
    for year in range(2027, 2037):
        capacity("O1", str(year), 2)
    client.force_login(manager)
    with django_assert_max_num_queries(20):
        response = client.get(reverse("allocation:overview"))
    assert response.content.decode().count("Fordeling</a>") == 10


def test_a_manager_is_told_on_the_overview_when_a_place_frees_up(
    client, manager, municipal_application, capacity
):
    """C5: the current period has a free place and an assessed application in line."""
    import time_machine

    capacity("O1", "2027", 1)
    municipal_application("751", at(1))
    with time_machine.travel("2027-03-01 12:00"):
        client.force_login(manager)
        page = client.get(reverse("core:dashboard")).content.decode()
    assert "Ledig kapacitet i" in page
    assert "Den næste i køen kan nu få et forløb." in page
    client.force_login(manager)
    page = client.get(reverse("core:dashboard")).content.decode()  # 2026: not the period
    assert "Ledig kapacitet i" not in page


@pytest.mark.parametrize(
    ("language", "summary", "available"),
    [
        ("da", "40 i alt, 0 planlagt eller brugt, 40 ledige", "12,5"),
        ("en", "40 in all, 0 planned or used, 40 free", "12.5"),
    ],
)
def test_it_shows_hours_alike_everywhere(
    client, manager, consultant, capacity, language, summary, available
):
    """Whole hours without ",0", a decimal comma in Danish and a point in English (C5, C11)."""
    capacity("O1", "2027", 2, consultant_hours=Decimal("40.0"))
    ConsultantCapacity.objects.create(consultant=consultant, period="2027", hours=Decimal("12.5"))
    client.cookies["django_language"] = language
    client.force_login(manager)
    page = client.get(plan_url()).text
    assert summary in page
    assert f'<td class="text-align-right">{available}</td>' in page
    overview = client.get(reverse("allocation:overview")).text
    assert '<td class="text-align-right">40</td>' in overview
