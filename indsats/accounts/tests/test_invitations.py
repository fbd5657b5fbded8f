"""Applicants invite colleagues into their own organisation (issue #3)."""

import re
from datetime import timedelta

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from indsats.accounts import registration
from indsats.accounts.models import Invitation, Role, User
from indsats.accounts.registration import Person
from indsats.testing.factories import UserFactory

pytestmark = pytest.mark.django_db

PASSWORD = "Hyben-Rose-Skov-2024"


def accept_data(**overrides):
    data = {
        "full_name": "Lone Bach",
        "job_title": "Socialrådgiver",
        "phone": "87 13 11 11",
        "password1": PASSWORD,
        "password2": PASSWORD,
    }
    data.update(overrides)
    return data


def link_in(message) -> str:
    found = re.search(r"https?://[^/\s]+(/konto/invitation/[^/\s]+/)", message.body)
    assert found, message.body
    return found.group(1)


@pytest.fixture
def invitation(applicant):
    invitation = registration.invite(
        invited_by=applicant, email="lone.bach@aarhus.test", full_name="Lone Bach"
    )
    mail.outbox.clear()
    return invitation


def test_it_invites_a_colleague_who_then_joins_the_organisation(client, applicant, aarhus):
    client.force_login(applicant)
    response = client.post(
        reverse("accounts:colleagues"),
        {"full_name": "Lone Bach", "email": "Lone.Bach@aarhus.test"},
    )
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["lone.bach@aarhus.test"]
    assert "Aarhus Kommune" in mail.outbox[0].subject
    link = link_in(mail.outbox[0])
    client.logout()

    form_page = client.get(link)
    assert form_page.status_code == 200
    assert "lone.bach@aarhus.test" in form_page.text
    response = client.post(link, accept_data())

    assert response.status_code == 302
    colleague = User.objects.get(email="lone.bach@aarhus.test")
    assert colleague.is_active
    assert colleague.organisation == aarhus
    assert colleague.role == Role.APPLICANT
    assert colleague.job_title == "Socialrådgiver"
    assert colleague.check_password(PASSWORD)
    assert int(client.session["_auth_user_id"]) == colleague.pk
    assert Invitation.objects.get().accepted_at is not None


def test_it_keeps_what_was_typed_when_the_passwords_differ(client, invitation):
    link = reverse("accounts:invitation", args=[invitation.token])

    response = client.post(link, accept_data(password2="noget-Andet-123"))

    assert response.status_code == 200
    assert 'href="#id_password2"' in response.text
    assert 'value="Socialrådgiver"' in response.text
    assert not User.objects.filter(email="lone.bach@aarhus.test").exists()


def test_it_refuses_a_used_invitation(client, invitation):
    link = reverse("accounts:invitation", args=[invitation.token])
    client.post(link, accept_data())
    client.logout()

    response = client.get(link)
    again = client.post(link, accept_data(password1="Andet-Kodeord-4242", password2="x"))

    assert response.status_code == 410
    assert "allerede brugt" in response.text
    assert again.status_code == 410
    assert User.objects.filter(email="lone.bach@aarhus.test").count() == 1


def test_it_refuses_an_expired_invitation(client, invitation):
    Invitation.objects.filter(pk=invitation.pk).update(
        expires_at=timezone.now() - timedelta(minutes=1)
    )
    link = reverse("accounts:invitation", args=[invitation.token])

    response = client.post(link, accept_data())

    assert response.status_code == 410
    assert "udløbet" in response.text
    assert not User.objects.filter(email="lone.bach@aarhus.test").exists()


def test_it_makes_an_invitation_last_fourteen_days(invitation):
    assert invitation.expires_at - invitation.created_at == timedelta(days=14)


def test_it_refuses_an_unknown_token(client):
    response = client.get(reverse("accounts:invitation", args=["ikke-et-rigtigt-token"]))
    assert response.status_code == 404
    assert "Vi kan ikke finde invitationen" in response.text


def test_it_makes_only_the_newest_invitation_work(client, applicant, invitation):
    newer = registration.invite(
        invited_by=applicant, email="lone.bach@aarhus.test", full_name="Lone Bach"
    )

    old = client.get(reverse("accounts:invitation", args=[invitation.token]))
    new = client.get(reverse("accounts:invitation", args=[newer.token]))

    assert old.status_code == 410
    assert new.status_code == 200


def test_it_refuses_to_invite_an_e_mail_that_already_has_a_user(client, applicant, other_applicant):
    client.force_login(applicant)

    response = client.post(
        reverse("accounts:colleagues"),
        {"full_name": "Fremmed", "email": other_applicant.email.upper()},
    )

    assert response.status_code == 200
    assert "Der findes allerede en bruger med denne e-mail" in response.text
    assert 'href="#id_email"' in response.text
    assert Invitation.objects.count() == 0
    assert mail.outbox == []


def test_it_refuses_the_invitation_if_the_e_mail_got_a_user_meanwhile(client, invitation, aarhus):
    UserFactory(email="lone.bach@aarhus.test", role=Role.APPLICANT, organisation=aarhus)

    response = client.post(reverse("accounts:invitation", args=[invitation.token]), accept_data())

    assert response.status_code == 410
    assert "_auth_user_id" not in client.session


def test_it_shows_each_applicant_only_their_own_colleagues(
    client, applicant, other_applicant, invitation
):
    aarhus_colleague = UserFactory(
        full_name="Kollega I Aarhus", role=Role.APPLICANT, organisation=applicant.organisation
    )
    client.force_login(other_applicant)

    response = client.get(reverse("accounts:colleagues"))

    assert response.status_code == 200
    assert list(response.context["users"]) == [other_applicant]
    assert response.context["invitations"] == []
    assert aarhus_colleague.full_name not in response.text
    assert applicant.email not in response.text
    assert "lone.bach@aarhus.test" not in response.text


def test_it_lists_the_organisation_s_users_and_open_invitations(client, applicant, invitation):
    client.force_login(applicant)

    response = client.get(reverse("accounts:colleagues"))

    assert applicant.email in response.text
    assert "lone.bach@aarhus.test" in response.text
    assert response.context["invitations"] == [invitation]


@pytest.mark.parametrize("name", ["case_officer", "administrator"])
def test_it_keeps_board_staff_out_of_the_colleague_page(request, client, name):
    client.force_login(request.getfixturevalue(name))
    assert client.get(reverse("accounts:colleagues")).status_code == 403


def test_it_sends_anonymous_visitors_from_the_colleague_page_to_login(client):
    response = client.get(reverse("accounts:colleagues"))
    assert response.status_code == 302
    assert response.url.startswith(reverse("accounts:login"))


def test_it_links_to_the_colleague_page_from_the_own_organisation_page(
    client, applicant, case_officer, aarhus
):
    client.force_login(applicant)
    assert reverse("accounts:colleagues") in client.get(reverse("organisations:mine")).text
    client.force_login(case_officer)
    staff_view = client.get(reverse("organisations:detail", args=[aarhus.pk]))
    assert reverse("accounts:colleagues") not in staff_view.text


def test_it_puts_the_invitee_in_the_inviter_s_organisation_whatever_they_type(
    site_applicant, placement_site
):
    invitation = registration.invite(
        invited_by=site_applicant, email="ny@granbakken.test", full_name="Ny Medarbejder"
    )
    user = registration.accept_invitation(
        invitation, person=Person(full_name="Ny Medarbejder"), password=PASSWORD
    )
    assert user.organisation == placement_site
    assert user.is_active


def test_it_refuses_a_phone_number_that_is_not_one_on_the_invitation(client, invitation):
    link = reverse("accounts:invitation", args=[invitation.token])
    response = client.post(link, accept_data(phone="abc"))
    assert response.status_code == 200
    assert response.context["form"].errors["phone"] == ["Skriv et telefonnummer, fx 12 34 56 78."]
    assert not User.objects.filter(email="lone.bach@aarhus.test").exists()
    assert client.post(link, accept_data(phone="")).status_code == 302  # it may be left out
