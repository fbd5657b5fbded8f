"""Rough edges an applicant met applying online: a double click on "start", drafts that
look alike, applying twice from one enquiry, a status said twice, Danish names in English,
an initial meeting promised where the offer has none, and a sent application that later
gains a question it was never asked (C2, C3, C11, C12, O1.2, O4.3)."""

import datetime

import pytest
from django.conf import settings
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from indsats.applications.models import Application, Enquiry
from indsats.catalogue.models import Offer
from indsats.programmes.models import Programme

pytestmark = pytest.mark.django_db


def _enquiry(user, code="O1", subject="Kursus i børnesamtaler"):
    return Enquiry.objects.create(
        offer=Offer.objects.get(code=code),
        organisation=user.organisation,
        subject=subject,
        message="Vi overvejer et forløb.",
        contact_name=user.full_name,
        contact_email=user.email,
        created_by=user,
    )


# --- 1. a double click on "start"; drafts told apart ---------------------------------------


def test_a_double_click_on_start_makes_one_draft(client, applicant):
    """Two quick POSTs to the start page give one draft (C12)."""
    client.force_login(applicant)
    url = reverse("applications:start", args=["temaforloeb"])
    first = client.post(url)
    second = client.post(url)
    assert Application.objects.count() == 1
    assert first["Location"] == second["Location"]


def test_a_saved_or_older_draft_is_not_reused_for_a_new_start(client, applicant):
    client.force_login(applicant)
    url = reverse("applications:start", args=["temaforloeb"])
    client.post(url)
    Application.objects.update(version=2)  # saved since it was started
    client.post(url)
    assert Application.objects.count() == 2
    Application.objects.update(created_at=timezone.now() - datetime.timedelta(minutes=5))
    client.post(url)
    assert Application.objects.count() == 3


def test_a_double_click_from_an_enquiry_keeps_the_enquiry_and_makes_one_draft(client, applicant):
    enquiry = _enquiry(applicant)
    client.force_login(applicant)
    url = reverse("applications:start", args=["temaforloeb"])
    client.post(url)  # a draft without the enquiry is another draft
    client.post(url, {"henvendelse": enquiry.pk})
    client.post(url, {"henvendelse": enquiry.pk})
    assert Application.objects.count() == 2
    assert Application.objects.filter(enquiry=enquiry).count() == 1


def test_the_portal_tells_drafts_apart_by_when_they_were_saved(client, applicant):
    """»Kladde, senest gemt 29. november 2026 kl. 07.36«, not »Kladde« twice (C3)."""
    client.force_login(applicant)
    client.post(reverse("applications:start", args=["temaforloeb"]))
    saved = timezone.make_aware(datetime.datetime(2026, 11, 29, 7, 36))
    Application.objects.update(updated_at=saved)
    page = client.get(reverse("applications:portal")).text
    assert "Kladde, senest gemt 29. november 2026 kl. 07.36" in page


# --- 2. applying twice from one enquiry -------------------------------------------------


def test_the_enquiry_page_links_to_the_application_sent_from_it(
    client, applicant, make_application
):
    enquiry = _enquiry(applicant)
    client.force_login(applicant)
    page = client.get(reverse("applications:enquiry_detail", args=[enquiry.pk])).text
    assert "Gå videre til ansøgningen" in page
    sent = make_application("O1", applicant.organisation, applicant, enquiry=str(enquiry.pk))
    sent.enquiry = enquiry
    sent.save()
    from indsats.applications.services import submit

    assert submit(sent, applicant).submitted
    page = client.get(reverse("applications:enquiry_detail", args=[enquiry.pk])).text
    assert "I har allerede sendt en ansøgning, der bygger på henvendelsen" in page
    assert reverse("applications:detail", args=[sent.pk]) in page
    assert "Gå videre til ansøgningen" not in page
    start = client.get(
        reverse("applications:start", args=["temaforloeb"]), {"henvendelse": enquiry.pk}
    ).text
    assert "I har allerede sendt en ansøgning, der bygger på henvendelsen" in start
    assert "Har I ikke skrevet til os endnu" not in start  # it is preselected


def test_the_start_page_without_an_enquiry_still_suggests_one(client, applicant):
    client.force_login(applicant)
    start = client.get(reverse("applications:start", args=["temaforloeb"])).text
    assert "Har I ikke skrevet til os endnu" in start


# --- 3. the status once; names in the active language ----------------------------------------


def test_a_draft_on_the_enquiry_page_says_draft_once(client, applicant):
    enquiry = _enquiry(applicant)
    client.force_login(applicant)
    client.post(reverse("applications:start", args=["temaforloeb"]), {"henvendelse": enquiry.pk})
    page = client.get(reverse("applications:enquiry_detail", args=[enquiry.pk])).text
    assert "Kladde til Temaforløb om overgreb mod børn</a></li>" in page
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    page = client.get(reverse("applications:enquiry_detail", args=[enquiry.pk])).text
    assert "Draft for Theme programme on abuse of children</a></li>" in page


def test_the_portal_names_a_programme_in_the_active_language(
    client, site_applicant, placement_site
):
    """The stored title is Danish; the portal names the offer in English (C11)."""
    offer = Offer.objects.get(code="O4")
    Programme.objects.create(
        offer=offer,
        reference="OK-2026-0001",
        title=f"{offer.name}: {placement_site.name}",
        organisation=placement_site,
        current_step="initial_meeting",
    )
    client.force_login(site_applicant)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    page = client.get(reverse("applications:portal")).text
    assert f"{offer.name_en}: {placement_site.name}" in page
    assert offer.name not in page


# --- 4. an initial meeting only where the offer has one --------------------------------------


def test_the_enquiry_form_and_receipt_promise_an_initial_meeting_only_for_o1(client, applicant):
    """O1 starts with an enquiry and an initial meeting (O1.2); O2 has none."""
    client.force_login(applicant)
    o1 = client.get(reverse("applications:enquiry_create", args=["temaforloeb"])).text
    assert "Vi kontakter jer for at aftale et indledende møde." in o1
    slug = Offer.objects.get(code="O2").slug
    o2 = client.get(reverse("applications:enquiry_create", args=[slug])).text
    assert "indledende møde" not in o2
    assert "Vi kontakter jer for at tale om jeres behov." in o2
    client.post(
        reverse("applications:enquiry_create", args=[slug]),
        {
            "subject": "Beredskab",
            "message": "Vi vil gerne høre mere.",
            "contact_name": "Lone",
            "contact_email": "lone@aarhus.test",
        },
    )
    receipt = next(m for m in mail.outbox if m.to == ["lone@aarhus.test"])
    assert "Vi vender tilbage for at tale om jeres behov." in receipt.body
    assert "indledende møde" not in receipt.body


# --- 5. a sent application shows what was sent -----------------------------------------------


def test_an_enquiry_written_after_sending_adds_no_line_to_the_sent_application(
    client, applicant, make_application
):
    sent = make_application("O1", applicant.organisation, applicant, submitted=True)
    _enquiry(applicant)  # written afterwards, about the same offer
    client.force_login(applicant)
    page = client.get(reverse("applications:detail", args=[sent.pk])).text
    assert "Henvendelse, ansøgningen bygger på" not in page
