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
