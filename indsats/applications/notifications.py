"""E-mails about enquiries and applications (C10), rendered from Danish templates."""

from __future__ import annotations

from django.conf import settings

from indsats.core.mail import absolute_url, send_templated


def application_submitted(application, submitted_by) -> None:
    """The receipt to the person who submitted, and a note to the Board's inbox."""
    context = {
        "application": application,
        "user": submitted_by,
        "url": absolute_url("applications:detail", application.pk),
    }
    send_templated("applications/email/receipt", context, [submitted_by.email])
    send_templated(
        "applications/email/new_application",
        {**context, "url": absolute_url("applications:case", application.pk)},
        [settings.BOARD_INBOX_EMAIL],
    )


def enquiry_received(enquiry) -> None:
    context = {"enquiry": enquiry, "url": absolute_url("applications:enquiry_detail", enquiry.pk)}
    send_templated("applications/email/enquiry_receipt", context, [enquiry.contact_email])
    send_templated("applications/email/new_enquiry", context, [settings.BOARD_INBOX_EMAIL])


def enquiry_answered(enquiry) -> None:
    context = {"enquiry": enquiry, "url": absolute_url("applications:enquiry_detail", enquiry.pk)}
    send_templated("applications/email/enquiry_answered", context, [enquiry.contact_email])


def _tell_applicant(decision, template: str) -> None:
    """An e-mail about ``decision``, linking to the portal, to everyone at the applicant."""
    application = decision.application
    recipients = list(
        application.organisation.users.filter(is_active=True).values_list("email", flat=True)
    )
    context = {
        "decision": decision,
        "application": application,
        "url": absolute_url("applications:detail", application.pk),
    }
    send_templated(template, context, recipients)


def decision_made(decision) -> None:
    """The decision, with a link to the letter in the portal, to everyone at the applicant."""
    _tell_applicant(decision, "applications/email/decision")


def decision_letter_corrected(decision) -> None:
    """A corrected letter is in the portal: tell everyone at the applicant (C10)."""
    _tell_applicant(decision, "applications/email/decision_corrected")


def document_received(version) -> None:
    """Tell the case officer and the programme's consultants that a document arrived."""
    application = version.document.application
    recipients = [settings.BOARD_INBOX_EMAIL]
    if application.case_officer_id:
        recipients.append(application.case_officer.email)
    if application.programme_id:
        recipients += list(application.programme.consultants.values_list("email", flat=True))
    context = {
        "version": version,
        "application": application,
        "url": absolute_url("applications:case", application.pk),
    }
    send_templated("applications/email/document_received", context, recipients)
