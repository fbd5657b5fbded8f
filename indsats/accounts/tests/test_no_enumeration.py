"""Registration and password reset answer the same whether or not an address has an
account (C12): same status, same page, same text. Only the address's owner learns more,
by e-mail."""

import re

import pytest
from django.core import mail
from django.urls import reverse

from indsats.accounts.models import AccessRequest, User
from indsats.organisations.models import Municipality

pytestmark = pytest.mark.django_db

PASSWORD = "Hyben-Rose-Skov-2024"
NEW_ADDRESS = "ny.leder@aarhus.test"


def registration(email):
    return {
        "organisation_kind": "municipality",
        "municipality": str(Municipality.objects.get(code="751").pk),
        "full_name": "Mette Kragh",
        "job_title": "Afdelingsleder",
        "email": email,
        "phone": "87 13 00 00",
        "password1": PASSWORD,
        "password2": PASSWORD,
    }


def visible_text(html: str) -> str:
    """The page as sent, without what differs on every request anyway (CSRF tokens, CSP
    nonces)."""
    html = re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", html)
    html = re.sub(r'"X-CSRFToken": "[^"]+"', "", html)
    return re.sub(r'nonce="[^"]+"', "", html)


def answer(client, url, data):
    response = client.post(url, data, follow=True)
    return (
        [(target, status) for target, status in response.redirect_chain],
        response.status_code,
        visible_text(response.text),
    )


def test_it_answers_a_registration_the_same_for_a_known_and_a_new_address(
    client, django_user_model, applicant
):
    url = reverse("accounts:register")
    known = answer(client, url, registration(applicant.email))
    new = answer(type(client)(), url, registration(NEW_ADDRESS))

    assert known == new
    assert known[0] == [(reverse("accounts:registration_received"), 302)]


def test_it_tells_the_owner_of_a_known_address_by_e_mail_instead(client, applicant):
    client.post(reverse("accounts:register"), registration(applicant.email.upper()))

    assert AccessRequest.objects.count() == 0
    assert User.objects.filter(email__iexact=applicant.email).count() == 1
    (message,) = mail.outbox
    assert message.to == [applicant.email]
    assert message.subject == "Du har allerede en konto i Indsats"
    assert "Der er allerede en konto med den adresse" in message.body
    assert reverse("accounts:password_reset") in message.body
    assert reverse("accounts:login") in message.body


def test_it_tells_a_pending_registrant_that_the_account_waits_for_approval(client, aarhus):
    client.post(reverse("accounts:register"), registration(NEW_ADDRESS))
    mail.outbox.clear()

    client.post(reverse("accounts:register"), registration(NEW_ADDRESS))

    assert AccessRequest.objects.count() == 1
    (message,) = mail.outbox
    assert message.to == [NEW_ADDRESS]
    assert "Din konto er ikke aktiv" in message.body
    assert reverse("accounts:password_reset") not in message.body


def test_it_answers_a_password_reset_the_same_for_a_known_and_an_unknown_address(client, applicant):
    url = reverse("accounts:password_reset")
    known = answer(client, url, {"email": applicant.email})
    unknown = answer(type(client)(), url, {"email": "ukendt@aarhus.test"})

    assert known == unknown
    assert known[0] == [(reverse("accounts:password_reset_done"), 302)]
    # Only the known address got a link.
    assert [message.to for message in mail.outbox] == [[applicant.email]]
