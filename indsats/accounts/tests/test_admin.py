"""Django's admin site: administrators manage users; nobody else gets in."""

import pytest
from django.urls import reverse

from indsats.accounts.models import User
from indsats.testing.factories import municipality_organisation

pytestmark = pytest.mark.django_db


def test_it_lets_an_administrator_create_a_user(client, administrator):
    client.force_login(administrator)
    response = client.post(
        reverse("admin:accounts_user_add"),
        {
            "email": "ny.bruger@indsats.test",
            "full_name": "Ny Bruger",
            "organisation": municipality_organisation("461").pk,
            "role": "applicant",
            "usable_password": "true",
            "password1": "et-Langt-Kodeord-99",
            "password2": "et-Langt-Kodeord-99",
        },
    )
    assert response.status_code == 302, response.context["adminform"].form.errors
    user = User.objects.get(email="ny.bruger@indsats.test")
    assert user.organisation.name == "Odense Kommune"
    assert user.check_password("et-Langt-Kodeord-99")


def test_it_keeps_managers_out_of_the_admin_site(client, manager):
    client.force_login(manager)
    response = client.get(reverse("admin:index"))
    assert response.status_code == 302
    assert "login" in response.url


def test_it_lists_organisations_for_the_administrator(client, administrator, placement_site):
    client.force_login(administrator)
    response = client.get(
        reverse("admin:organisations_organisation_changelist"), {"q": "Granbakken"}
    )
    assert response.status_code == 200
    assert "Opholdsstedet Granbakken" in response.text


@pytest.mark.parametrize(
    "url_name",
    [
        "admin:catalogue_offer_changelist",
        "admin:applications_application_changelist",
        "admin:applications_enquiry_changelist",
        "admin:applications_decision_changelist",
        "admin:programmes_programme_changelist",
    ],
)
def test_it_opens_each_register_in_the_admin_site(client, administrator, url_name):
    client.force_login(administrator)
    assert client.get(reverse(url_name)).status_code == 200


def test_it_calls_the_admin_site_by_the_services_name(client, administrator):
    client.force_login(administrator)
    page = client.get(reverse("admin:index"), HTTP_ACCEPT_LANGUAGE="da").text
    assert "Indsats – administration" in page
    assert "Django" not in page
