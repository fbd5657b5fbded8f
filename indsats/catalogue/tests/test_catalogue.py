"""The public catalogue (C1) and staff editing of offers as data (O1–O5)."""

import datetime

import pytest
from auditlog.models import LogEntry
from django.urls import reverse

from indsats.catalogue.models import Offer
from indsats.catalogue.tests.edit_data import edit_data

pytestmark = pytest.mark.django_db


def test_it_lists_the_four_offers_one_applies_for_and_the_outreach_page(client):
    response = client.get(reverse("catalogue:offer_list"))
    assert response.status_code == 200
    assert [offer.code for offer in response.context["offers"]] == ["O1", "O2", "O3", "O4"]
    assert [offer.code for offer in response.context["outreach"]] == ["O5"]


def test_it_shows_an_offer_with_its_scope_steps_conditions_and_criteria(client):
    response = client.get(reverse("catalogue:offer_detail", args=["temaforloeb"]))
    assert response.status_code == 200
    text = response.text
    assert "Op til 25 timer" in text  # O1.1
    assert "3–4 dage" in text
    assert "Indledende møde" in text  # O1.2
    assert "chefniveau" in text  # O1.3
    assert "ikke før fået bistand fra Socialstyrelsen" in text  # O1.4(d)


def test_it_shows_the_ten_steps_of_the_placement_site_offer(client):
    response = client.get(reverse("catalogue:offer_detail", args=["opkvalificeringsforloeb"]))
    assert len(response.context["steps"]) == 10  # O4.3
    assert "færre end 25 ansatte" in response.text  # O4.4


def test_it_gives_the_flexible_offer_8_to_12_months(client):
    response = client.get(
        reverse("catalogue:offer_detail", args=["fleksibelt-raadgivningsforloeb"])
    )
    assert "Varer 8–12 måneder" in response.text  # O3.1


def test_it_lists_the_seven_outreach_factors(client):
    response = client.get(
        reverse("catalogue:offer_detail", args=["konsulentbistand-paa-initiativ"])
    )
    assert [rule.requirement for rule in response.context["criteria"]] == [
        "F1",
        "F2",
        "F3",
        "F4",
        "F5",
        "F6",
        "F7",
    ]


def test_it_hides_an_unpublished_offer_from_the_public(client):
    Offer.objects.filter(code="O2").update(is_published=False)
    assert (
        client.get(reverse("catalogue:offer_detail", args=["udviklingsforloeb"])).status_code == 404
    )


def test_it_knows_when_an_offer_can_be_applied_for():
    offer = Offer.objects.get(code="O1")
    assert offer.can_be_applied_for
    offer.is_open = False
    offer.save()
    assert not offer.can_be_applied_for
    offer.is_open = True
    offer.valid_to = datetime.date(2021, 1, 1)
    offer.save()
    assert not offer.can_be_applied_for
    assert not Offer.objects.get(code="O5").can_be_applied_for  # nobody applies for outreach


def test_it_says_on_the_page_when_an_offer_is_closed(client):
    Offer.objects.filter(code="O3").update(is_open=False)
    response = client.get(
        reverse("catalogue:offer_detail", args=["fleksibelt-raadgivningsforloeb"])
    )
    assert "Der kan ikke søges om dette forløb lige nu." in response.text


def _edit_data(offer, **changes):
    return edit_data(offer, **changes)


def test_it_lets_a_project_leader_change_a_text_and_keeps_the_earlier_wording(
    client, project_leader
):
    offer = Offer.objects.get(code="O1")
    old_summary = offer.summary
    client.force_login(project_leader)
    response = client.post(
        reverse("catalogue:offer_edit", args=[offer.slug]),
        _edit_data(offer, summary="En ny og kortere beskrivelse."),
    )
    assert response.status_code == 302
    offer.refresh_from_db()
    assert offer.summary == "En ny og kortere beskrivelse."
    change = LogEntry.objects.get_for_object(offer).get(action=LogEntry.Action.UPDATE)
    assert change.changes["summary"] == [old_summary, "En ny og kortere beskrivelse."]
    assert change.actor == project_leader


def test_it_lets_a_manager_close_an_offer_without_a_deploy(client, manager):
    offer = Offer.objects.get(code="O4")
    client.force_login(manager)
    client.post(reverse("catalogue:offer_edit", args=[offer.slug]), _edit_data(offer, is_open=None))
    offer.refresh_from_db()
    assert not offer.is_open


def test_it_refuses_a_validity_period_that_ends_before_it_starts(client, manager):
    offer = Offer.objects.get(code="O4")
    client.force_login(manager)
    response = client.post(
        reverse("catalogue:offer_edit", args=[offer.slug]),
        _edit_data(offer, valid_to="2001-01-01"),
    )
    assert response.status_code == 200
    assert response.context["form"].errors
    offer.refresh_from_db()
    assert offer.valid_to is None


@pytest.mark.parametrize("name", ["case_officer", "consultant", "applicant"])
def test_it_keeps_others_from_editing_offers(client, request, name):
    client.force_login(request.getfixturevalue(name))
    assert client.get(reverse("catalogue:offer_edit", args=["temaforloeb"])).status_code == 403


def test_it_agrees_with_the_open_for_applications_query_on_every_day():
    """The per-offer rule and the queryset say the same, around the validity dates."""
    Offer.objects.filter(code="O3").update(valid_to=datetime.date(2027, 6, 30))
    Offer.objects.filter(code="O2").update(is_open=False)
    for day in [
        datetime.date(2021, 2, 8),
        datetime.date(2021, 2, 9),
        datetime.date(2027, 6, 30),
        datetime.date(2027, 7, 1),
    ]:
        by_query = set(Offer.objects.open_for_applications(day).values_list("code", flat=True))
        by_rule = {offer.code for offer in Offer.objects.all() if offer.can_be_applied_for_on(day)}
        assert by_rule == by_query, day


def test_an_end_date_before_the_start_date_is_refused_at_the_field(client, project_leader):
    """C11: »Gælder til« before »Gælder fra« is said at the field and in the summary, not
    as the database check's internal name."""
    offer = Offer.objects.get(code="O1")
    client.force_login(project_leader)
    response = client.post(
        reverse("catalogue:offer_edit", args=[offer.slug]),
        edit_data(offer, valid_from="2027-06-01", valid_to="2027-05-01"),
    )
    assert response.status_code == 200
    form = response.context["form"]
    assert form.errors == {"valid_to": ["Slutdatoen skal ligge efter startdatoen."]}
    assert "offer_valid_period" not in response.text
    offer.refresh_from_db()
    assert offer.valid_to != datetime.date(2027, 5, 1)
