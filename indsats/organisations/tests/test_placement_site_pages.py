"""The register of placement sites in pages of 50 (C13)."""

import pytest
from django.urls import reverse

from indsats.organisations.models import Municipality, Organisation, OrganisationKind, SiteType
from indsats.testing.factories import UserFactory
from indsats.testing.pages import next_page_links, queries_for, query_of

pytestmark = pytest.mark.django_db


def _sites(n, start=0):
    aarhus = Municipality.objects.get(code="751")
    return Organisation.objects.bulk_create(
        Organisation(
            kind=OrganisationKind.PLACEMENT_SITE,
            name=f"Opholdsstedet Nummer {number:03d}",
            site_type=SiteType.OPHOLDSSTED,
            cvr="23456788",
            municipality=aarhus,
            employee_count=10 + number,
        )
        for number in range(start, start + n)
    )


def test_it_shows_fifty_sites_a_page_and_the_last_page_past_the_end(client, case_officer):
    _sites(120)
    client.force_login(case_officer)
    first = client.get(reverse("organisations:placement_sites"))
    assert len(first.context["sites"]) == 50
    assert query_of(next_page_links(first.content.decode())[0]) == {"side": ["2"]}
    last = client.get(reverse("organisations:placement_sites"), {"side": 99})
    assert last.status_code == 200
    assert [site.name for site in last.context["sites"]][-1] == "Opholdsstedet Nummer 119"


def test_its_queries_do_not_grow_with_the_rows(client, case_officer):
    client.force_login(case_officer)
    _sites(10)
    with_ten = queries_for(client, reverse("organisations:placement_sites"))
    for site in _sites(50, start=10)[:5]:
        UserFactory(role="applicant", organisation=site)
    assert queries_for(client, reverse("organisations:placement_sites")) == with_ten


def test_it_finds_sites_by_name_cvr_region_and_municipality_across_pages(client, case_officer):
    """C13: the list is searched by name or CVR number and filtered by region and
    municipality; the filters stay in the address of every page link."""
    _sites(60)
    odense = Municipality.objects.get(code="461")
    Organisation.objects.create(
        kind=OrganisationKind.PLACEMENT_SITE,
        name="Døgninstitutionen Havblik",
        site_type=SiteType.DOEGNINSTITUTION,
        cvr="34567891",
        municipality=odense,
    )
    client.force_login(case_officer)
    url = reverse("organisations:placement_sites")

    def names(**query):
        return [site.name for site in client.get(url, query).context["sites"]]

    assert names(q="havblik") == ["Døgninstitutionen Havblik"]
    assert names(q="DK 3456 7891") == ["Døgninstitutionen Havblik"]
    assert names(region=odense.region.code) == ["Døgninstitutionen Havblik"]
    assert names(kommune="461") == ["Døgninstitutionen Havblik"]
    assert names(kommune="101") == []
    response = client.get(url, {"kommune": "751", "q": "Nummer"})
    assert len(response.context["sites"]) == 50
    assert query_of(next_page_links(response.content.decode())[0]) == {
        "kommune": ["751"],
        "q": ["Nummer"],
        "side": ["2"],
    }
    assert "Ingen anbringelsessteder passer til filtret." in client.get(url, {"q": "xyz"}).text
