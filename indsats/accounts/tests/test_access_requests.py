"""The Board's decisions on self-registered users (issue #3)."""

from datetime import timedelta

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from indsats.accounts import registration
from indsats.accounts.models import AccessRequest, Role
from indsats.accounts.registration import Person
from indsats.core.menu import menu_for
from indsats.testing.factories import PlacementSiteFactory, municipality_organisation

pytestmark = pytest.mark.django_db

PASSWORD = "Hyben-Rose-Skov-2024"


def register(organisation, email, name="Mette Kragh", title="Afdelingsleder"):
    access_request = registration.create_registration(
        organisation=organisation,
        person=Person(full_name=name, email=email, job_title=title, phone="12 34 56 78"),
        password=PASSWORD,
    )
    mail.outbox.clear()
    return access_request


@pytest.fixture
def pending(aarhus):
    return register(aarhus, "mette.kragh@aarhus.test")


def decide(client, access_request, decision, note=""):
    return client.post(
        reverse("accounts:access_request_decide", args=[access_request.pk]),
        {"decision": decision, f"{access_request.pk}-note": note},
    )


def test_it_lists_pending_requests_oldest_first_with_the_details_to_check(client, case_officer):
    odense = register(municipality_organisation("461"), "first@odense.test", name="Anne Først")
    AccessRequest.objects.filter(pk=odense.pk).update(created_at=timezone.now() - timedelta(days=2))
    new_site = PlacementSiteFactory.build(
        name="Opholdsstedet Lærkereden", cvr="12345678", cvr_checksum_confirmed=True
    )
    register(new_site, "jens@laerkereden.test", name="Jens Lund", title="Forstander")
    decided = register(municipality_organisation("101"), "done@kbh.test", name="Allerede Afgjort")
    registration.approve(decided, case_officer)
    client.force_login(case_officer)

    response = client.get(reverse("accounts:access_requests"))

    assert response.status_code == 200
    pending = response.context["pending"]
    assert [item.user.full_name for item, _form in pending] == ["Anne Først", "Jens Lund"]
    html = response.text
    assert html.index("Anne Først") < html.index("Jens Lund")
    assert "Odense Kommune" in html
    assert "first@odense.test" in html
    assert "Forstander" in html
    assert "12345678" in html
    assert "ansøgeren har bekræftet nummeret" in html
    assert "Nyt anbringelsessted" in html


def test_it_approves_a_request_and_tells_the_user_with_the_login_link(
    client, case_officer, pending
):
    client.force_login(case_officer)

    response = decide(client, pending, "approve", note="Velkommen")

    assert response.status_code == 302
    pending.refresh_from_db()
    assert pending.approved is True
    assert pending.decided_by == case_officer
    assert pending.decided_at is not None
    assert pending.user.is_active
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["mette.kragh@aarhus.test"]
    assert reverse("accounts:login") in mail.outbox[0].body
    assert "godkendt" in mail.outbox[0].body


def test_it_lets_an_approved_user_log_in(client, case_officer, pending):
    registration.approve(pending, case_officer)

    response = client.post(
        reverse("accounts:login"), {"username": "mette.kragh@aarhus.test", "password": PASSWORD}
    )

    assert response.status_code == 302
    assert int(client.session["_auth_user_id"]) == pending.user.pk


def test_it_rejects_a_request_and_sends_the_note(client, manager, pending):
    client.force_login(manager)

    decide(client, pending, "reject", note="Vi kan ikke bekræfte, at du arbejder i kommunen.")

    pending.refresh_from_db()
    assert pending.approved is False
    assert pending.note == "Vi kan ikke bekræfte, at du arbejder i kommunen."
    assert not pending.user.is_active
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["mette.kragh@aarhus.test"]
    assert "Vi kan ikke bekræfte, at du arbejder i kommunen." in mail.outbox[0].body


def test_it_tells_a_rejected_user_why_they_cannot_log_in(client, manager, pending):
    registration.reject(pending, manager, "Nej")

    response = client.post(
        reverse("accounts:login"), {"username": "mette.kragh@aarhus.test", "password": PASSWORD}
    )

    assert "har ikke godkendt din anmodning" in response.text
    assert "_auth_user_id" not in client.session


def test_it_decides_a_request_only_once(client, case_officer, project_leader, pending):
    registration.reject(pending, project_leader, "Ukendt person")
    mail.outbox.clear()
    client.force_login(case_officer)

    response = decide(client, pending, "approve")

    assert response.status_code == 302
    pending.refresh_from_db()
    assert pending.approved is False
    assert pending.decided_by == project_leader
    assert not pending.user.is_active
    assert mail.outbox == []


def test_it_ignores_an_unknown_decision(client, case_officer, pending):
    client.force_login(case_officer)

    decide(client, pending, "maybe")

    pending.refresh_from_db()
    assert pending.is_pending
    assert not pending.user.is_active


@pytest.mark.parametrize("name", ["applicant", "site_applicant", "consultant"])
def test_it_refuses_the_list_and_the_decision_to_others(request, client, name, pending):
    client.force_login(request.getfixturevalue(name))

    assert client.get(reverse("accounts:access_requests")).status_code == 403
    assert decide(client, pending, "approve").status_code == 403
    pending.user.refresh_from_db()
    assert not pending.user.is_active


def test_it_sends_anonymous_visitors_to_the_login_page(client, pending):
    for response in (
        client.get(reverse("accounts:access_requests")),
        decide(client, pending, "approve"),
    ):
        assert response.status_code == 302
        assert response.url.startswith(reverse("accounts:login"))
    pending.user.refresh_from_db()
    assert not pending.user.is_active


def test_it_shows_the_menu_entry_only_to_those_who_decide(case_officer, consultant, applicant):
    def names(user):
        return [entry.url_name for entry in menu_for(user)]

    assert "accounts:access_requests" in names(case_officer)
    assert "accounts:access_requests" not in names(consultant)
    assert "accounts:access_requests" not in names(applicant)


def test_it_keeps_the_registrant_an_applicant_of_the_organisation(case_officer, pending):
    registration.approve(pending, case_officer)
    pending.user.refresh_from_db()
    assert pending.user.role == Role.APPLICANT
    assert pending.user.organisation.name == "Aarhus Kommune"
