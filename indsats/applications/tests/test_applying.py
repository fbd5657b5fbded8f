"""Applying online (C2): drafts, summary, submit with a reference number, receipt, withdraw."""

import re

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from indsats.applications.models import Application, ApplicationStatus
from indsats.testing import answers

pytestmark = pytest.mark.django_db


def _start(client, slug):
    response = client.post(reverse("applications:start", args=[slug]))
    assert response.status_code == 302
    return Application.objects.latest("pk")


def test_it_starts_a_draft_for_the_applicants_own_organisation(client, applicant):
    client.force_login(applicant)
    application = _start(client, "temaforloeb")
    assert application.organisation == applicant.organisation
    assert application.status == ApplicationStatus.DRAFT
    assert application.reference is None


def test_it_does_not_let_a_municipality_apply_for_the_placement_site_offer(client, applicant):
    client.force_login(applicant)
    response = client.post(reverse("applications:start", args=["opkvalificeringsforloeb"]))
    assert response.status_code == 403


def test_it_does_not_let_anyone_apply_for_a_closed_offer(client, applicant):
    from indsats.catalogue.models import Offer

    Offer.objects.filter(code="O1").update(is_open=False)
    client.force_login(applicant)
    response = client.post(reverse("applications:start", args=["temaforloeb"]), follow=True)
    assert response.redirect_chain[-1][0] == reverse("catalogue:offer_detail", args=["temaforloeb"])
    assert "Forløbet er lukket for ansøgninger lige nu." in response.text
    assert not Application.objects.exists()


def test_an_offer_closed_by_its_dates_says_when_it_opens(client, applicant):
    """C2: the apply link of an offer not yet open is no 403 but the offer's page saying
    it is closed now and from which day it can be applied for."""
    import datetime

    from indsats.catalogue.models import Offer

    opens = timezone.localdate() + datetime.timedelta(days=30)
    Offer.objects.filter(code="O1").update(valid_from=opens, valid_to=None)
    client.force_login(applicant)
    response = client.get(reverse("applications:start", args=["temaforloeb"]), follow=True)
    assert response.status_code == 200
    shown = response.text
    assert "Forløbet er lukket for ansøgninger lige nu." in shown
    assert f"Det kan søges fra {opens.day}. " in shown
    assert "Du har ikke adgang" not in shown


def test_it_saves_an_incomplete_draft_without_losing_a_word(client, applicant):
    client.force_login(applicant)
    application = _start(client, "temaforloeb")
    response = client.post(
        reverse("applications:edit", args=[application.pk]),
        {
            "topic": "Tegn på seksuelle overgreb",
            "planned_hours": "99",
            "action": "save",
            "version": application.version,
        },
    )
    assert response.status_code == 302
    application.refresh_from_db()
    assert application.answers["topic"] == "Tegn på seksuelle overgreb"
    assert application.answers["planned_hours"] == "99"  # kept as typed, judged on submit
    page = client.get(reverse("applications:edit", args=[application.pk]))
    assert 'value="Tegn på seksuelle overgreb"' in page.text
    assert not page.context["form"].is_bound  # a resumed draft shows no errors yet


def test_it_shows_every_problem_at_its_field_and_in_the_summary(client, applicant):
    client.force_login(applicant)
    application = _start(client, "temaforloeb")
    response = client.post(
        reverse("applications:edit", args=[application.pk]),
        {
            **answers.o1(decided_at_chef_level=None, planned_hours="30"),
            "action": "review",
            "version": application.version,
        },
    )
    assert response.status_code == 200
    form = response.context["form"]
    assert set(form.errors) == {"decided_at_chef_level", "planned_hours"}
    assert "Der er problemer" in response.text
    assert 'href="#id_decided_at_chef_level"' in response.text
    assert "Ansøgningen skal være besluttet på chefniveau i kommunen." in response.text
    assert 'value="Børnesamtaler for myndighedsrådgivere"' in response.text


def test_it_submits_with_a_reference_per_offer_and_year_and_sends_a_receipt(
    client, applicant, make_application
):
    client.force_login(applicant)
    application = _start(client, "temaforloeb")
    client.post(
        reverse("applications:edit", args=[application.pk]),
        {**answers.o1(), "action": "review", "version": application.version},
    )
    review = client.get(reverse("applications:review", args=[application.pk]))
    assert "Børne- og familiechef" in review.text
    response = client.post(reverse("applications:review", args=[application.pk]))
    assert response.url == reverse("applications:receipt", args=[application.pk])
    application.refresh_from_db()
    year = timezone.localdate().year
    assert application.reference == f"TF-{year}-0001"
    assert application.status == ApplicationStatus.SUBMITTED
    receipt = client.get(response.url)
    assert f"TF-{year}-0001" in receipt.text
    to_applicant = [m for m in mail.outbox if applicant.email in m.to]
    assert len(to_applicant) == 1
    assert f"TF-{year}-0001" in to_applicant[0].subject
    to_board = [m for m in mail.outbox if "indsats-indbakke@localhost" in m.to]
    assert len(to_board) == 1
    assert f"/sagsbehandling/ansoegninger/{application.pk}/" in to_board[0].body

    second = make_application("O1", applicant.organisation, applicant, submitted=True)
    assert second.reference == f"TF-{year}-0002"
    third = make_application("O3", applicant.organisation, applicant, submitted=True)
    assert re.fullmatch(rf"FR-{year}-0001", third.reference)


def test_it_refuses_to_submit_an_invalid_draft(client, applicant, make_application):
    application = make_application("O3", applicant.organisation, applicant, duration_months="14")
    client.force_login(applicant)
    response = client.post(reverse("applications:review", args=[application.pk]))
    assert response.status_code == 200
    assert "duration_months" in response.context["form"].errors
    application.refresh_from_db()
    assert application.status == ApplicationStatus.DRAFT


def test_it_tells_the_second_colleague_of_a_conflicting_draft_save(
    client, applicant, make_application
):
    application = make_application("O2", applicant.organisation, applicant)
    opened = application.version
    client.force_login(applicant)
    client.post(
        reverse("applications:edit", args=[application.pk]),
        {**answers.o2(needs="Første version"), "action": "save", "version": opened},
    )
    response = client.post(
        reverse("applications:edit", args=[application.pk]),
        {**answers.o2(needs="Anden version"), "action": "save", "version": opened},
    )
    assert response.status_code == 409
    assert "Anden version" in response.text  # what the second person typed is still there
    application.refresh_from_db()
    assert application.answers["needs"] == "Første version"


def test_it_lets_the_applicant_withdraw_until_a_decision(client, applicant, make_application):
    application = make_application("O2", applicant.organisation, applicant, submitted=True)
    client.force_login(applicant)
    response = client.post(reverse("applications:withdraw", args=[application.pk]))
    assert response.status_code == 302
    application.refresh_from_db()
    assert application.status == ApplicationStatus.WITHDRAWN
    assert application.withdrawn_at is not None


def test_it_refuses_to_withdraw_after_a_decision(client, applicant, make_application):
    application = make_application("O2", applicant.organisation, applicant, submitted=True)
    Application.objects.filter(pk=application.pk).update(status=ApplicationStatus.GRANTED)
    client.force_login(applicant)
    assert client.post(reverse("applications:withdraw", args=[application.pk])).status_code == 403


def test_it_refuses_to_edit_a_submitted_application(client, applicant, make_application):
    application = make_application("O2", applicant.organisation, applicant, submitted=True)
    client.force_login(applicant)
    assert client.get(reverse("applications:edit", args=[application.pk])).status_code == 403
