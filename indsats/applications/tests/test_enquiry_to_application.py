"""From an answered enquiry to the application: the link is kept, the enquiry is chosen
in the application from the start (O1.2, C2, C4)."""

import re

import pytest
from django.urls import reverse
from django.utils import timezone

from indsats.applications.models import Application, Enquiry, EnquiryStatus

pytestmark = pytest.mark.django_db


def _answered_enquiry(applicant, subject="Kursus i børnesamtaler"):
    from indsats.catalogue.models import Offer

    return Enquiry.objects.create(
        offer=Offer.objects.get(code="O1"),
        organisation=applicant.organisation,
        subject=subject,
        message="Vi overvejer et temaforløb.",
        contact_name=applicant.full_name,
        contact_email=applicant.email,
        status=EnquiryStatus.ANSWERED,
        answer="Velkommen til et indledende møde.",
        answered_at=timezone.now(),
        created_by=applicant,
    )


def test_starting_from_an_answered_enquiry_preselects_it(client, applicant):
    _answered_enquiry(applicant, "Et andet emne")  # the applicant has more than one
    enquiry = _answered_enquiry(applicant)
    client.force_login(applicant)
    detail = client.get(reverse("applications:enquiry_detail", args=[enquiry.pk])).text
    link = re.search(r'href="([^"]*/ansoeg/[^"]*)"', detail).group(1).replace("&amp;", "&")
    start = client.get(link)
    assert "Kursus i børnesamtaler" in start.text
    response = client.post(link, {"henvendelse": str(enquiry.pk)})
    application = Application.objects.get()
    assert application.enquiry == enquiry
    form = client.get(response["Location"]).text
    selected = re.search(r'<option value="(\d+)" selected>', form)
    assert selected
    assert selected.group(1) == str(enquiry.pk)


def test_someone_elses_enquiry_is_not_linked(client, applicant, other_applicant):
    foreign = _answered_enquiry(other_applicant)
    client.force_login(applicant)
    client.post(reverse("applications:start", args=["temaforloeb"]), {"henvendelse": foreign.pk})
    application = Application.objects.get()
    assert application.enquiry is None
    assert application.answers == {}
