"""Login, logout, password reset by e-mail and the external identity backend."""

import re

import pytest
from django.contrib.auth import authenticate
from django.core import mail
from django.urls import reverse

from indsats.accounts.models import ExternalIdentity
from indsats.testing.factories import TEST_PASSWORD

pytestmark = pytest.mark.django_db


def test_it_logs_in_with_e_mail_and_password(client, case_officer):
    response = client.post(
        reverse("accounts:login"), {"username": case_officer.email, "password": TEST_PASSWORD}
    )
    assert response.status_code == 302
    assert response.url == reverse("core:dashboard")
    assert client.get(reverse("core:dashboard")).context["user"] == case_officer


def test_it_refuses_a_wrong_password_with_a_danish_message(client, case_officer):
    response = client.post(
        reverse("accounts:login"), {"username": case_officer.email, "password": "forkert"}
    )
    assert response.status_code == 200
    assert "passer ikke sammen" in response.text


def test_it_logs_out_on_post(client, case_officer):
    client.force_login(case_officer)
    response = client.post(reverse("accounts:logout"))
    assert response.status_code == 302
    assert "_auth_user_id" not in client.session


def test_it_resets_a_password_through_a_link_sent_by_e_mail(client, applicant):
    client.post(reverse("accounts:password_reset"), {"email": applicant.email})
    assert len(mail.outbox) == 1
    link = re.search(r"https?://[^/\s]+(/konto/nulstil-adgangskode/\S+/\S+/)", mail.outbox[0].body)
    assert link, mail.outbox[0].body
    form_page = client.get(link.group(1), follow=True)
    new_password = "nyt-Kodeord-til-Aarhus-7"
    response = client.post(
        form_page.redirect_chain[-1][0],
        {"new_password1": new_password, "new_password2": new_password},
    )
    assert response.status_code == 302
    applicant.refresh_from_db()
    assert applicant.check_password(new_password)


def test_it_sends_no_mail_for_an_unknown_address(client):
    client.post(reverse("accounts:password_reset"), {"email": "ukendt@indsats.test"})
    assert mail.outbox == []


def test_it_logs_in_by_an_external_identity(rf, consultant):
    ExternalIdentity.objects.create(user=consultant, issuer="https://broker.test", subject="abc-1")
    user = authenticate(rf.get("/"), issuer="https://broker.test", subject="abc-1")
    assert user == consultant
    assert ExternalIdentity.objects.get(subject="abc-1").last_used_at is not None


def test_it_refuses_an_unknown_or_deactivated_external_identity(rf, consultant):
    ExternalIdentity.objects.create(user=consultant, issuer="https://broker.test", subject="abc-1")
    assert authenticate(rf.get("/"), issuer="https://broker.test", subject="other") is None
    consultant.is_active = False
    consultant.save()
    assert authenticate(rf.get("/"), issuer="https://broker.test", subject="abc-1") is None


def test_it_loads_the_organisation_with_the_signed_in_user(
    client, case_officer, django_assert_num_queries
):
    """The menu on every page reads the user's organisation; it comes with the user."""
    from django.contrib.auth import get_user
    from django.test import RequestFactory

    client.force_login(case_officer)
    request = RequestFactory().get("/")
    request.session = client.session
    with django_assert_num_queries(2):  # the session, and the user with its organisation
        user = get_user(request)
        assert user.organisation.is_board
