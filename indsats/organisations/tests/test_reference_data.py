"""The 5 regions and 98 municipalities are in every fresh database with their official codes."""

import pytest

from indsats.organisations.models import Municipality, Organisation, OrganisationKind, Region

pytestmark = pytest.mark.django_db


def test_it_has_the_five_regions_with_their_codes():
    assert dict(Region.objects.values_list("code", "name")) == {
        "1081": "Region Nordjylland",
        "1082": "Region Midtjylland",
        "1083": "Region Syddanmark",
        "1084": "Region Hovedstaden",
        "1085": "Region Sjælland",
    }


def test_it_has_98_municipalities_spread_over_the_regions_as_in_denmark():
    assert Municipality.objects.count() == 98
    per_region = {region.code: region.municipalities.count() for region in Region.objects.all()}
    assert per_region == {"1081": 11, "1082": 19, "1083": 22, "1084": 29, "1085": 17}


@pytest.mark.parametrize(
    ("code", "name", "region_code"),
    [
        ("101", "København", "1084"),
        ("147", "Frederiksberg", "1084"),
        ("265", "Roskilde", "1085"),
        ("461", "Odense", "1083"),
        ("751", "Aarhus", "1082"),
        ("851", "Aalborg", "1081"),
        ("400", "Bornholm", "1084"),
        ("825", "Læsø", "1081"),
    ],
)
def test_it_knows_each_municipality_by_its_official_code(code, name, region_code):
    municipality = Municipality.objects.get(code=code)
    assert municipality.name == name
    assert municipality.region.code == region_code


def test_it_gives_every_municipality_one_applicant_organisation_and_has_one_board():
    organisations = Organisation.objects.filter(kind=OrganisationKind.MUNICIPALITY)
    assert organisations.count() == 98
    assert set(organisations.values_list("municipality__code", flat=True)) == set(
        Municipality.objects.values_list("code", flat=True)
    )
    assert Organisation.objects.get(kind=OrganisationKind.BOARD).name == "Socialstyrelsen"
    assert str(Municipality.objects.get(code="751")) == "Aarhus Kommune"


@pytest.mark.parametrize(
    ("code", "official"),
    [
        ("101", "Københavns Kommune"),
        ("400", "Bornholms Regionskommune"),
        ("147", "Frederiksberg Kommune"),
    ],
)
def test_it_names_each_municipality_as_it_names_itself(code, official):
    municipality = Municipality.objects.get(code=code)
    assert str(municipality) == official
    organisation = Organisation.objects.get(
        kind=OrganisationKind.MUNICIPALITY, municipality=municipality
    )
    assert organisation.name == official
