"""Django's admin site: administrators manage users; nobody else gets in."""

import pytest
from django.urls import reverse

from indsats.accounts.models import Invitation, User
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


def test_it_shows_invitations_read_only_and_without_their_token(client, administrator, applicant):
    invitation = Invitation.objects.create(
        organisation=applicant.organisation,
        email="kollega@aarhus.test",
        full_name="Kaj Kollega",
        invited_by=applicant,
    )
    client.force_login(administrator)
    listing = client.get(reverse("admin:accounts_invitation_changelist"))
    assert listing.status_code == 200
    assert "Kaj Kollega" in listing.text
    assert reverse("admin:accounts_invitation_add") not in listing.text
    page = client.get(reverse("admin:accounts_invitation_change", args=[invitation.pk]))
    assert page.status_code == 200
    assert "kollega@aarhus.test" in page.text
    assert invitation.token not in page.text + listing.text
    assert 'name="email"' not in page.text  # nothing to edit
    assert (
        client.post(
            reverse("admin:accounts_invitation_change", args=[invitation.pk]),
            {"email": "en.anden@aarhus.test"},
        ).status_code
        == 403
    )


def test_it_offers_no_bulk_delete_of_users_or_organisations(client, administrator, applicant):
    """People and organisations are deactivated; deleting those who acted would break the
    audit trail (C10)."""
    client.force_login(administrator)
    for url_name, record in [
        ("admin:accounts_user_changelist", applicant),
        ("admin:organisations_organisation_changelist", applicant.organisation),
    ]:
        page = client.get(reverse(url_name))
        assert page.status_code == 200
        assert "delete_selected" not in page.text
        client.post(
            reverse(url_name),
            {"action": "delete_selected", "_selected_action": [record.pk], "post": "yes"},
        )
        assert type(record).objects.filter(pk=record.pk).exists()
