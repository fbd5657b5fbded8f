"""Each offer's form enforces exactly its conditions (O1.1–O1.3, O2.2–O2.3, O3.1, O4.3–O4.5)."""

import pytest

from indsats.applications.offer_forms import form_class_for
from indsats.applications.offer_forms.base import answers_as_data
from indsats.catalogue.models import Offer
from indsats.testing import answers
from indsats.testing.factories import PlacementSiteFactory

pytestmark = pytest.mark.django_db


def _form(code, data, organisation):
    offer = Offer.objects.get(code=code)
    return form_class_for(offer)(answers_as_data(data), offer=offer, organisation=organisation)


@pytest.mark.parametrize(
    ("code", "make"), [("O1", answers.o1), ("O2", answers.o2), ("O3", answers.o3)]
)
def test_it_accepts_complete_municipal_applications(code, make, aarhus):
    form = _form(code, make(), aarhus)
    assert form.is_valid(), form.errors


def test_it_refuses_o1_without_a_chef_level_decision(aarhus):  # O1.3
    form = _form("O1", answers.o1(decided_at_chef_level=None, decision_by_name=""), aarhus)
    assert not form.is_valid()
    assert "chefniveau" in form.errors["decided_at_chef_level"][0]
    assert "decision_by_name" in form.errors


def test_it_refuses_o1_decided_in_the_future(aarhus):
    form = _form("O1", answers.o1(decision_date="2999-01-01"), aarhus)
    assert "decision_date" in form.errors


def test_it_refuses_o1_beyond_the_hour_cap(aarhus):  # O1.1: up to 25 hours
    assert "planned_hours" in _form("O1", answers.o1(planned_hours="26"), aarhus).errors
    assert _form("O1", answers.o1(planned_hours="25"), aarhus).is_valid()


def test_it_follows_the_hour_cap_in_the_offer_data(aarhus):
    Offer.objects.filter(code="O1").update(hour_cap=30)
    assert _form("O1", answers.o1(planned_hours="28"), aarhus).is_valid()


def test_it_asks_for_details_when_earlier_help_is_declared(aarhus):  # O1.4(d)
    form = _form("O1", answers.o1(earlier_help="yes"), aarhus)
    assert "earlier_help_details" in form.errors


def test_it_needs_o1_to_have_a_delivery_form(aarhus):
    assert "delivery_forms" in _form("O1", answers.o1(delivery_forms=[]), aarhus).errors


def test_it_refuses_o2_without_backing_or_accepting_own_costs(aarhus):  # O2.2, O2.3
    form = _form("O2", answers.o2(management_backing=None, accepts_own_costs=None), aarhus)
    assert set(form.errors) == {"management_backing", "accepts_own_costs"}


@pytest.mark.parametrize(
    ("months", "valid"), [("7", False), ("8", True), ("12", True), ("14", False)]
)
def test_it_keeps_o3_between_8_and_12_months(aarhus, months, valid):  # O3.1
    form = _form("O3", answers.o3(duration_months=months), aarhus)
    assert form.is_valid() is valid
    if not valid:
        assert "mellem 8 og 12 måneder" in form.errors["duration_months"][0]


def test_it_needs_o3_to_say_what_other_covers(aarhus):
    form = _form("O3", answers.o3(themes=["other"]), aarhus)
    assert "themes_other" in form.errors


def test_it_accepts_a_complete_o4_application(placement_site):
    assert _form("O4", answers.o4(), placement_site).is_valid()


def test_it_refuses_o4_with_one_management_and_one_staff_representative(placement_site):  # O4.3
    form = _form("O4", answers.o4(staff_representatives="Ali Demo, pædagog"), placement_site)
    assert not form.is_valid()
    assert "to eller tre medarbejderrepræsentanter" in form.errors["staff_representatives"][0]


def test_it_refuses_o4_with_four_staff_or_no_management(placement_site):  # O4.3
    four = "A, pædagog\nB, pædagog\nC, pædagog\nD, pædagog"
    assert (
        "staff_representatives"
        in _form("O4", answers.o4(staff_representatives=four), placement_site).errors
    )
    assert (
        "management_representatives"
        in _form("O4", answers.o4(management_representatives="  \n "), placement_site).errors
    )


@pytest.mark.parametrize(
    "missing", ["management_decision", "staff_resources", "all_staff_take_part"]
)
def test_it_refuses_o4_without_each_minimum_condition(placement_site, missing):  # O4.5
    form = _form("O4", answers.o4(**{missing: None}), placement_site)
    assert list(form.errors) == [missing]


def test_it_refuses_a_small_site_without_partners(placement_site):  # O4.4
    form = _form("O4", answers.o4(employee_count="18"), placement_site)
    assert "færre end 25 ansatte" in form.errors["partners"][0]


def test_it_accepts_a_small_site_with_a_partner(placement_site):  # O4.4
    partner = PlacementSiteFactory(name="Opholdsstedet Bøgely")
    form = _form("O4", answers.o4(employee_count="18", partners=[str(partner.pk)]), placement_site)
    assert form.is_valid(), form.errors


def test_it_accepts_a_small_site_that_asks_the_board_for_partners(placement_site):  # O4.4
    form = _form(
        "O4", answers.o4(employee_count="18", asks_board_to_find_partners="on"), placement_site
    )
    assert form.is_valid(), form.errors


def test_it_never_offers_a_site_itself_as_its_own_partner(placement_site):
    form = _form("O4", answers.o4(), placement_site)
    assert placement_site not in form.fields["partners"].queryset


def test_it_needs_o3_to_name_themes_and_areas(aarhus):  # O3.2
    form = _form("O3", answers.o3(themes=[], areas=[]), aarhus)
    assert set(form.errors) == {"themes", "areas"}
