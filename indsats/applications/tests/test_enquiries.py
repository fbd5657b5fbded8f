"""The online enquiry replaces the e-mail (O1.2 step 1, O4.3 step 2) and is answered in the
Board's inbox; an application can refer to it."""

from datetime import timedelta

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from indsats.applications.models import Enquiry, EnquiryStatus
from indsats.applications.services import build_form
from indsats.testing import answers

pytestmark = pytest.mark.django_db


def _send_enquiry(client, user, slug="temaforloeb"):
    client.force_login(user)
    response = client.post(
        reverse("applications:enquiry_create", args=[slug]),
        {
            "subject": "Kursus i børnesamtaler",
            "message": "Vi overvejer et temaforløb for vores rådgivere.",
            "contact_name": user.full_name,
            "contact_email": user.email,
        },
    )
    assert response.status_code == 302, response.context["form"].errors
    return Enquiry.objects.latest("pk")


def test_it_lands_an_enquiry_in_the_boards_inbox(client, applicant, case_officer):
    enquiry = _send_enquiry(client, applicant)
    assert enquiry.organisation == applicant.organisation
    assert enquiry.status == EnquiryStatus.RECEIVED
    assert {tuple(m.to) for m in mail.outbox} == {
        (applicant.email,),
        ("indsats-indbakke@localhost",),
    }
    client.force_login(case_officer)
    inbox = client.get(reverse("applications:inbox"))
    assert list(inbox.context["enquiries"]) == [enquiry]


def test_it_lets_staff_answer_and_set_the_initial_meeting(client, applicant, case_officer):
    enquiry = _send_enquiry(client, applicant)
    mail.outbox.clear()
    client.force_login(case_officer)
    response = client.post(
        reverse("applications:enquiry_detail", args=[enquiry.pk]),
        {
            "answer": "Tak, lad os mødes.",
            "initial_meeting_at": "2027-02-03T10:00",
            "initial_meeting_place": "Rådhuset, mødelokale 2",
            "status": "answered",
            "version": enquiry.version,
        },
    )
    assert response.status_code == 302
    enquiry.refresh_from_db()
    assert enquiry.status == EnquiryStatus.ANSWERED
    assert enquiry.answered_by == case_officer
    assert [m.to for m in mail.outbox] == [[applicant.email]]
    assert "Rådhuset, mødelokale 2" in mail.outbox[0].body
    client.force_login(applicant)
    page = client.get(reverse("applications:enquiry_detail", args=[enquiry.pk]))
    assert "Tak, lad os mødes." in page.text


def _answer(client, enquiry, **fields):
    return client.post(
        reverse("applications:enquiry_detail", args=[enquiry.pk]),
        {
            "answer": "Tak, lad os mødes.",
            "status": "answered",
            "version": enquiry.version,
            **fields,
        },
    )


def test_it_refuses_an_initial_meeting_in_the_past(client, applicant, case_officer):
    """A meeting time already passed is an error at the field, and nothing is e-mailed
    (O1.2 step 1)."""
    enquiry = _send_enquiry(client, applicant)
    mail.outbox.clear()
    client.force_login(case_officer)
    past = timezone.localtime() - timedelta(hours=1)
    response = _answer(
        client,
        enquiry,
        initial_meeting_at=past.strftime("%Y-%m-%dT%H:%M"),
        initial_meeting_place="Rådhuset",
    )
    errors = response.context["form"].errors["initial_meeting_at"]
    assert errors == ["Tidspunktet er passeret. Vælg et tidspunkt for mødet, der ligger efter nu."]
    assert "Tidspunkt for det indledende møde: Tidspunktet er passeret" in response.text
    enquiry.refresh_from_db()
    assert enquiry.status == EnquiryStatus.RECEIVED
    assert mail.outbox == []


def test_it_keeps_a_meeting_already_held_when_the_enquiry_is_closed(
    client, applicant, case_officer
):
    """Only a new meeting time must lie ahead: closing an enquiry whose meeting was held
    keeps working."""
    enquiry = _send_enquiry(client, applicant)
    # To the minute, as the page shows it.
    held = (timezone.now() - timedelta(days=3)).replace(second=0, microsecond=0)
    Enquiry.objects.filter(pk=enquiry.pk).update(initial_meeting_at=held)
    enquiry.refresh_from_db()
    client.force_login(case_officer)
    meeting_field = timezone.localtime(held).strftime("%Y-%m-%dT%H:%M")
    response = _answer(client, enquiry, initial_meeting_at=meeting_field, status="closed")
    assert response.status_code == 302, response.context["form"].errors
    enquiry.refresh_from_db()
    assert enquiry.status == EnquiryStatus.CLOSED


def test_it_offers_only_statuses_an_answer_can_have(client, applicant, case_officer):
    """ "Modtaget" would silently become "Besvaret": it is not offered, and a received
    enquiry's answer starts as "Besvaret"."""
    enquiry = _send_enquiry(client, applicant)
    client.force_login(case_officer)
    form = client.get(reverse("applications:enquiry_detail", args=[enquiry.pk])).context["form"]
    assert [value for value, _label in form.fields["status"].choices] == ["answered", "closed"]
    assert form["status"].value() == "answered"
    response = _answer(client, enquiry, status="received")
    assert response.context["form"].errors["status"] == ["Vælg »Besvaret« eller »Afsluttet«."]


def test_it_asks_for_the_answer_in_words_of_the_task(client, applicant, case_officer):
    enquiry = _send_enquiry(client, applicant)
    client.force_login(case_officer)
    response = _answer(client, enquiry, answer="")
    assert response.context["form"].errors["answer"] == ["Skriv svaret til ansøgeren."]
    assert "Dette felt er påkrævet" not in response.text


def test_it_refuses_an_applicant_answering_their_own_enquiry(client, applicant):
    enquiry = _send_enquiry(client, applicant)
    response = client.post(
        reverse("applications:enquiry_detail", args=[enquiry.pk]), {"answer": "Selvsvar"}
    )
    assert response.status_code == 403


def test_it_lets_a_placement_site_ask_the_project_leader(client, site_applicant):  # O4.3 step 2
    enquiry = _send_enquiry(client, site_applicant, slug="opkvalificeringsforloeb")
    assert enquiry.offer.code == "O4"


def test_it_lets_an_application_refer_to_its_enquiry(client, applicant, make_application):
    enquiry = _send_enquiry(client, applicant)
    application = make_application(
        "O1", applicant.organisation, applicant, submitted=True, enquiry=str(enquiry.pk)
    )
    assert application.enquiry == enquiry


def test_it_offers_only_the_organisations_own_enquiries(
    client, applicant, other_applicant, make_application
):
    _send_enquiry(client, other_applicant)
    application = make_application("O1", applicant.organisation, applicant)
    form = build_form(application)
    assert "enquiry" not in form.fields  # Aarhus has none; København's is not offered


def test_it_refuses_someone_elses_enquiry_in_an_application(
    client, applicant, other_applicant, make_application
):
    foreign = _send_enquiry(client, other_applicant)
    _send_enquiry(client, applicant)
    application = make_application("O1", applicant.organisation, applicant)
    form = build_form(application, data=None)
    bound = type(form)(
        {**answers.o1(), "enquiry": str(foreign.pk)},
        offer=application.offer,
        organisation=application.organisation,
    )
    assert "enquiry" in bound.errors


def test_it_assigns_an_enquiry_to_a_case_officer(client, applicant, case_officer, manager):
    enquiry = _send_enquiry(client, applicant)
    client.force_login(manager)
    client.post(
        reverse("applications:enquiry_assign", args=[enquiry.pk]),
        {"case_officer": case_officer.pk},
    )
    enquiry.refresh_from_db()
    assert enquiry.case_officer == case_officer


def test_it_filters_the_inbox_enquiries_by_their_own_status(client, applicant, case_officer):
    waiting = _send_enquiry(client, applicant)
    answered = _send_enquiry(client, applicant)
    Enquiry.objects.filter(pk=answered.pk).update(status=EnquiryStatus.ANSWERED)
    client.force_login(case_officer)

    def shown(**query):
        return list(client.get(reverse("applications:inbox"), query).context["enquiries"])

    assert shown() == [waiting]
    assert shown(status="granted", enquiry_status="received") == [waiting]
    assert shown(enquiry_status="answered") == [answered]
