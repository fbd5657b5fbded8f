"""Junk on the application and enquiry forms gives a clear error, never a server error,
and nothing half-saved (C12, #12): a version that is not a number, NUL bytes (PostgreSQL
refuses them), huge numbers, line breaks in one-line fields."""

import pytest
from django.core import mail
from django.urls import reverse

from indsats.applications.models import Enquiry

pytestmark = pytest.mark.django_db

BAD_VERSIONS = ["abc", "", "9" * 20, "-1", "0", "1.5", "١"]


@pytest.fixture
def draft(applicant, make_application):
    return make_application("O1", applicant.organisation, applicant)


@pytest.mark.parametrize("version", BAD_VERSIONS)
def test_it_refuses_a_version_that_is_not_a_whole_number_with_a_clear_error(
    client, applicant, draft, version
):
    client.force_login(applicant)
    before = dict(draft.answers)
    response = client.post(
        reverse("applications:edit", args=[draft.pk]),
        {"topic": "Nyt emne", "action": "save", "version": version},
    )
    assert response.status_code == 400
    assert "Dine ændringer er ikke gemt" in response.text
    assert 'value="Nyt emne"' in response.text  # what was typed stays in the form
    draft.refresh_from_db()
    assert draft.answers == before


def test_it_refuses_a_missing_version(client, applicant, draft):
    client.force_login(applicant)
    response = client.post(reverse("applications:edit", args=[draft.pk]), {"topic": "X"})
    assert response.status_code == 400


def test_it_saves_answers_with_a_nul_byte_without_it_and_says_so(client, applicant, draft):
    """PostgreSQL cannot store NUL in JSON: the character is dropped and the user told."""
    client.force_login(applicant)
    response = client.post(
        reverse("applications:edit", args=[draft.pk]),
        {
            "topic": "Tegn\x00 på overgreb",
            "delivery_forms": ["teaching\x00"],
            "action": "save",
            "version": draft.version,
        },
        follow=True,
    )
    assert response.status_code == 200
    assert "Et tegn, der ikke kan gemmes, er fjernet" in response.text
    draft.refresh_from_db()
    assert draft.answers["topic"] == "Tegn på overgreb"
    assert "\x00" not in str(draft.answers)


@pytest.mark.parametrize("hours", ["9" * 20, "-" + "9" * 20, "1000001"])
def test_it_refuses_a_huge_or_negative_number_at_the_field_on_submit(
    client, applicant, make_application, hours
):
    application = make_application("O1", applicant.organisation, applicant, planned_hours=hours)
    client.force_login(applicant)
    response = client.post(reverse("applications:review", args=[application.pk]))
    assert response.status_code == 200
    assert "planned_hours" in response.context["form"].errors
    application.refresh_from_db()
    assert application.is_draft
    assert application.reference is None


def _enquiry(**changes):
    return {
        "subject": "Temadage for vores rådgivere",
        "message": "Vi vil gerne høre mere.",
        "contact_name": "Anne Andersen",
        "contact_email": "anne@aarhus.test",
        "contact_phone": "12345678",
        **changes,
    }


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("subject", "Temadage\r\nBcc: alle@example.test"),
        ("subject", "Temadage\nfor alle"),
        ("contact_name", "Anne\rAndersen"),
        ("subject", "Tema\x00dage"),
        ("message", "Vi vil\x00 gerne"),
        ("subject", "x" * 100_000),
    ],
)
def test_it_refuses_a_bad_enquiry_at_the_field_and_saves_nothing(client, applicant, field, value):
    client.force_login(applicant)
    response = client.post(
        reverse("applications:enquiry_create", args=["temaforloeb"]), _enquiry(**{field: value})
    )
    assert response.status_code == 200
    assert field in response.context["form"].errors
    assert not Enquiry.objects.exists()
    assert not mail.outbox


def test_it_keeps_line_breaks_in_the_message_itself(client, applicant):
    client.force_login(applicant)
    response = client.post(
        reverse("applications:enquiry_create", args=["temaforloeb"]),
        _enquiry(message="Første linje.\r\nAnden linje."),
    )
    assert response.status_code == 302
    assert Enquiry.objects.get().message.splitlines() == ["Første linje.", "Anden linje."]


def test_it_answers_an_enquiry_with_nul_with_a_field_error(client, case_officer, applicant):
    client.force_login(applicant)
    client.post(reverse("applications:enquiry_create", args=["temaforloeb"]), _enquiry())
    enquiry = Enquiry.objects.get()
    client.force_login(case_officer)
    response = client.post(
        reverse("applications:enquiry_detail", args=[enquiry.pk]),
        {"answer": "Svar\x00", "status": "answered", "version": enquiry.version},
    )
    assert response.status_code == 200
    assert "answer" in response.context["form"].errors
    enquiry.refresh_from_db()
    assert enquiry.answer == ""


def test_it_builds_mail_headers_from_one_line_text_whatever_is_stored(applicant):
    """An enquiry recorded before the forms refused line breaks (or by staff in the admin
    site) still makes a receipt that can be sent: the subject is one line."""
    from indsats.applications import notifications
    from indsats.catalogue.models import Offer
    from indsats.core.models import OutgoingEmail, OutgoingEmailStatus

    enquiry = Enquiry.objects.create(
        offer=Offer.objects.get(code="O1"),
        organisation=applicant.organisation,
        created_by=applicant,
        subject="Temadage\r\nBcc: alle@example.test",
        message="Hej",
        contact_name="Anne\nAndersen",
        contact_email="anne@aarhus.test",
    )
    notifications.enquiry_received(enquiry)
    receipt = OutgoingEmail.objects.get(template="applications/email/enquiry_receipt")
    assert receipt.subject.endswith("Temadage Bcc: alle@example.test")
    assert receipt.status == OutgoingEmailStatus.SENT
    assert len(mail.outbox) == 2  # the receipt and the note to the Board's inbox
    assert all("\n" not in message.subject for message in mail.outbox)
