"""Self-registration for a municipality or a placement site (issue #3)."""

import pytest
from django.conf import settings
from django.core import mail
from django.urls import reverse

from indsats.accounts.models import AccessRequest, Role, User
from indsats.organisations.models import Municipality, Organisation

pytestmark = pytest.mark.django_db

PASSWORD = "Hyben-Rose-Skov-2024"
FAILING_CVR = "12345678"  # well formed, but fails the modulus-11 check


def person(**overrides):
    data = {
        "full_name": "Mette Kragh",
        "job_title": "Afdelingsleder, Børn og Familie",
        "email": "mette.kragh@aarhus.test",
        "phone": "87 13 00 00",
        "password1": PASSWORD,
        "password2": PASSWORD,
    }
    data.update(overrides)
    return data


def municipality_registration(**overrides):
    data = {
        "organisation_kind": "municipality",
        "municipality": str(Municipality.objects.get(code="751").pk),
        **person(),
    }
    data.update(overrides)
    return data


def new_site_registration(**overrides):
    data = {
        "organisation_kind": "placement_site",
        "site_choice": "new",
        "site-name": "Opholdsstedet Lærkereden",
        "site-site_type": "opholdssted",
        "site-cvr": "23456788",
        "site-municipality": str(Municipality.objects.get(code="727").pk),
        "site-address": "Skovvej 12",
        "site-postcode": "8300",
        "site-city": "Odder",
        "site-employee_count": "14",
        **person(full_name="Jens Lund", email="jens@laerkereden.test", job_title="Forstander"),
    }
    data.update(overrides)
    return data


def test_it_links_to_registration_from_the_login_page(client):
    response = client.get(reverse("accounts:login"))
    assert reverse("accounts:register") in response.text


def test_it_registers_a_municipality_user_as_inactive_with_a_pending_request(client, aarhus):
    response = client.post(reverse("accounts:register"), municipality_registration())

    assert response.status_code == 302
    assert response.url == reverse("accounts:registration_received")
    user = User.objects.get(email="mette.kragh@aarhus.test")
    assert not user.is_active
    assert user.organisation == aarhus
    assert user.role == Role.APPLICANT
    assert user.job_title == "Afdelingsleder, Børn og Familie"
    assert user.check_password(PASSWORD)
    access_request = AccessRequest.objects.get(user=user)
    assert access_request.is_pending
    assert access_request.organisation == aarhus
    assert not access_request.creates_organisation
    assert "_auth_user_id" not in client.session


def test_it_tells_the_board_and_sends_the_registrant_a_receipt(client, aarhus):
    client.post(reverse("accounts:register"), municipality_registration())

    recipients = sorted(message.to[0] for message in mail.outbox)
    assert recipients == sorted(["mette.kragh@aarhus.test", settings.BOARD_INBOX_EMAIL])
    to_board = next(m for m in mail.outbox if m.to == [settings.BOARD_INBOX_EMAIL])
    assert "Mette Kragh" in to_board.subject
    assert "Aarhus Kommune" in to_board.subject
    assert reverse("accounts:access_requests") in to_board.body
    receipt = next(m for m in mail.outbox if m.to == ["mette.kragh@aarhus.test"])
    assert "e-mail, når anmodningen er behandlet" in receipt.body


def test_it_explains_what_happens_next(client, aarhus):
    response = client.post(reverse("accounts:register"), municipality_registration(), follow=True)
    assert response.redirect_chain[-1][0] == reverse("accounts:registration_received")
    assert "Du har fået en kvittering på e-mail" in response.text
    assert "ikke logge ind, før anmodningen er godkendt" in response.text


def test_it_does_not_let_the_registrant_log_in_before_approval(client, aarhus):
    client.post(reverse("accounts:register"), municipality_registration())

    response = client.post(
        reverse("accounts:login"), {"username": "mette.kragh@aarhus.test", "password": PASSWORD}
    )

    assert response.status_code == 200
    assert "endnu ikke godkendt" in response.text
    assert "_auth_user_id" not in client.session


def test_it_does_not_reveal_a_pending_account_to_someone_without_the_password(client, aarhus):
    client.post(reverse("accounts:register"), municipality_registration())

    response = client.post(
        reverse("accounts:login"), {"username": "mette.kragh@aarhus.test", "password": "gaet"}
    )

    assert "passer ikke sammen" in response.text
    assert "endnu ikke godkendt" not in response.text
    assert "_auth_user_id" not in client.session


def test_it_registers_a_new_placement_site_with_its_details(client):
    response = client.post(reverse("accounts:register"), new_site_registration())

    assert response.status_code == 302
    site = Organisation.objects.get(name="Opholdsstedet Lærkereden")
    assert site.is_placement_site
    assert site.cvr == "23456788"
    assert not site.cvr_checksum_confirmed
    assert site.municipality.code == "727"
    assert site.employee_count == 14
    assert site.contact_email == "jens@laerkereden.test"
    access_request = AccessRequest.objects.get(user__email="jens@laerkereden.test")
    assert access_request.organisation == site
    assert access_request.creates_organisation


def test_it_asks_to_confirm_a_cvr_number_that_fails_the_check_and_then_registers(client):
    data = new_site_registration(**{"site-cvr": FAILING_CVR})

    first = client.post(reverse("accounts:register"), data)

    assert first.status_code == 200
    assert "består ikke kontrollen" in first.text
    assert 'name="site-confirm_cvr"' in first.text
    assert not Organisation.objects.filter(name="Opholdsstedet Lærkereden").exists()
    assert not User.objects.filter(email="jens@laerkereden.test").exists()

    second = client.post(reverse("accounts:register"), {**data, "site-confirm_cvr": "on"})

    assert second.status_code == 302
    site = Organisation.objects.get(name="Opholdsstedet Lærkereden")
    assert site.cvr == FAILING_CVR
    assert site.cvr_checksum_confirmed


def test_it_registers_for_an_already_registered_placement_site(client, placement_site):
    data = {
        "organisation_kind": "placement_site",
        "site_choice": "existing",
        "existing_site": str(placement_site.pk),
        **person(email="medarbejder@granbakken.test"),
    }

    response = client.post(reverse("accounts:register"), data)

    assert response.status_code == 302
    user = User.objects.get(email="medarbejder@granbakken.test")
    assert user.organisation == placement_site
    assert not user.is_active
    assert Organisation.objects.placement_sites().count() == 1


def test_it_ignores_the_new_site_fields_for_a_municipality(client, aarhus):
    data = municipality_registration(**{"site-name": "", "site-cvr": "forkert"})

    response = client.post(reverse("accounts:register"), data)

    assert response.status_code == 302
    assert User.objects.get(email="mette.kragh@aarhus.test").organisation == aarhus


def test_it_keeps_what_was_typed_and_lists_the_errors_in_the_summary(client):
    data = new_site_registration(
        **{"site-cvr": "1234", "site-postcode": "", "password2": "en-anden-Kode-99"}
    )

    response = client.post(reverse("accounts:register"), data)

    assert response.status_code == 200
    html = response.text
    assert "Der er problemer" in html
    assert 'href="#id_site-cvr"' in html  # the summary links to the field
    assert 'href="#id_site-postcode"' in html
    assert 'href="#id_password2"' in html
    assert "Et CVR-nummer består af 8 cifre" in html
    assert "De to adgangskoder er ikke ens" in html
    assert 'value="Opholdsstedet Lærkereden"' in html
    assert 'value="1234"' in html
    assert 'value="jens@laerkereden.test"' in html
    assert 'value="Forstander"' in html
    assert not User.objects.filter(email="jens@laerkereden.test").exists()


def test_it_asks_for_the_municipality_when_none_is_chosen(client):
    response = client.post(reverse("accounts:register"), municipality_registration(municipality=""))

    assert response.status_code == 200
    assert "Vælg den kommune, du arbejder i" in response.text
    assert 'href="#id_municipality"' in response.text


def test_it_asks_which_registered_site_when_none_is_chosen(client, placement_site):
    data = {"organisation_kind": "placement_site", "site_choice": "existing", **person()}

    response = client.post(reverse("accounts:register"), data)

    assert response.status_code == 200
    assert "Vælg anbringelsesstedet på listen" in response.text


def test_it_refuses_a_weak_password_with_django_s_validators(client, aarhus):
    data = municipality_registration(password1="12345678", password2="12345678")

    response = client.post(reverse("accounts:register"), data)

    assert response.status_code == 200
    assert 'href="#id_password2"' in response.text
    assert not User.objects.filter(email="mette.kragh@aarhus.test").exists()


def test_it_makes_no_second_user_for_an_e_mail_that_already_has_one(client, applicant):
    """The page does not say so (C12; see test_no_enumeration): the owner gets an e-mail."""
    data = municipality_registration(email=applicant.email.upper())

    response = client.post(reverse("accounts:register"), data)

    assert response.status_code == 302
    assert response.url == reverse("accounts:registration_received")
    assert AccessRequest.objects.count() == 0
    assert User.objects.filter(email__iexact=applicant.email).count() == 1
    assert [message.to for message in mail.outbox] == [[applicant.email]]


def test_it_sends_a_signed_in_user_to_the_dashboard(client, applicant):
    client.force_login(applicant)
    response = client.get(reverse("accounts:register"))
    assert response.status_code == 302
    assert response.url == reverse("core:dashboard")


def test_it_reads_the_employee_count_of_a_new_site_the_danish_way(client):
    """ "1.000" employees was saved as 1; "1.200" was refused as not a whole number."""
    response = client.post(
        reverse("accounts:register"), new_site_registration(**{"site-employee_count": "1.200"})
    )
    assert response.status_code == 302
    assert Organisation.objects.get(name="Opholdsstedet Lærkereden").employee_count == 1200


def test_it_refuses_an_employee_count_that_is_not_a_whole_number(client):
    response = client.post(
        reverse("accounts:register"), new_site_registration(**{"site-employee_count": "1,5"})
    )
    assert response.status_code == 200
    site_form = response.context["form"].site_form
    assert site_form.errors["employee_count"] == ["Skriv et helt tal, fx 12."]


def test_it_puts_a_failed_cvr_check_at_the_cvr_field_and_in_the_summary(client):
    response = client.post(
        reverse("accounts:register"), new_site_registration(**{"site-cvr": FAILING_CVR})
    )
    site_form = response.context["form"].site_form
    assert list(site_form.errors) == ["cvr"]
    assert 'href="#id_site-cvr">CVR-nummer: CVR-nummeret 12345678 består ikke' in response.text
    assert "det er korrekt: CVR-nummeret" not in response.text


@pytest.mark.parametrize("phone", ["abc", "1234", "12 34 56 7"])
def test_it_refuses_a_phone_number_that_is_not_one(client, phone):
    response = client.post(reverse("accounts:register"), municipality_registration(phone=phone))
    assert response.status_code == 200
    assert response.context["form"].errors["phone"] == ["Skriv et telefonnummer, fx 12 34 56 78."]
    assert not User.objects.filter(email="mette.kragh@aarhus.test").exists()


def test_it_takes_an_international_phone_number(client, aarhus):
    response = client.post(
        reverse("accounts:register"), municipality_registration(phone="+46 8 123 456 78")
    )
    assert response.status_code == 302
    assert User.objects.get(email="mette.kragh@aarhus.test").phone == "+46 8 123 456 78"
