"""Organisation pages: who sees which, and that only the own organisation is visible."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_it_shows_an_applicant_their_own_organisation_and_colleagues(client, applicant):
    client.force_login(applicant)
    response = client.get(reverse("organisations:mine"))
    assert response.status_code == 200
    assert "Aarhus Kommune" in response.text
    assert applicant.email in response.text


def test_it_sends_staff_away_from_the_applicants_own_page(client, case_officer):
    client.force_login(case_officer)
    assert client.get(reverse("organisations:mine")).status_code == 403


@pytest.mark.parametrize(
    "url_name", ["organisations:municipalities", "organisations:placement_sites"]
)
def test_it_keeps_the_registers_from_applicants(client, applicant, url_name):
    client.force_login(applicant)
    assert client.get(reverse(url_name)).status_code == 403


@pytest.mark.parametrize(
    "url_name", ["organisations:municipalities", "organisations:placement_sites"]
)
def test_it_sends_anonymous_users_to_the_login_page(client, url_name):
    response = client.get(reverse(url_name))
    assert response.status_code == 302
    assert response.url.startswith(reverse("accounts:login"))


def test_it_filters_municipalities_by_region(client, case_officer):
    client.force_login(case_officer)
    response = client.get(reverse("organisations:municipalities"), {"region": "1081"})
    assert response.status_code == 200
    shown = response.context["municipalities"]
    assert shown.count() == 11
    assert {m.region.code for m in shown} == {"1081"}
    assert "Aalborg" in response.text
    assert "Aarhus" not in response.text


def test_it_lists_placement_sites_for_staff(client, case_officer, placement_site):
    client.force_login(case_officer)
    response = client.get(reverse("organisations:placement_sites"))
    assert response.status_code == 200
    assert "Opholdsstedet Granbakken" in response.text


@pytest.mark.parametrize("url_name", ["organisations:detail", "organisations:placement_site_edit"])
def test_it_hides_another_organisation_from_an_applicant(
    client, other_applicant, placement_site, url_name
):
    client.force_login(other_applicant)
    response = client.get(reverse(url_name, args=[placement_site.pk]))
    assert response.status_code == 404


def test_it_lets_a_site_see_and_edit_its_own_details(client, site_applicant, placement_site):
    client.force_login(site_applicant)
    assert client.get(reverse("organisations:detail", args=[placement_site.pk])).status_code == 200
    edit = client.get(reverse("organisations:placement_site_edit", args=[placement_site.pk]))
    assert edit.status_code == 200


def test_it_does_not_offer_editing_a_municipality(client, case_officer, aarhus):
    client.force_login(case_officer)
    response = client.get(reverse("organisations:placement_site_edit", args=[aarhus.pk]))
    assert response.status_code == 404
