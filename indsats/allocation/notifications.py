"""Telling applicants where they stand after a confirmed plan (C5, C10)."""

from __future__ import annotations

from indsats.core.mail import absolute_url, send_templated


def placement_changed(placement) -> None:
    """A waiting applicant's place changed (or was first given) without a new decision:
    their new number on the waiting list, why, and when they may expect to start."""
    application = placement.application
    recipients = list(
        application.organisation.users.filter(is_active=True).values_list("email", flat=True)
    )
    context = {
        "placement": placement,
        "application": application,
        "reasons": placement.reasons_in_language("da"),
        "url": absolute_url("applications:detail", application.pk),
    }
    send_templated("allocation/email/placement_changed", context, recipients)


def partnership_proposed(proposal) -> None:
    """Each site in the Board's proposal is asked to accept it in its portal (O4.4)."""
    for membership in proposal.members.select_related("application__organisation"):
        application = membership.application
        recipients = list(
            application.organisation.users.filter(is_active=True).values_list("email", flat=True)
        )
        context = {
            "proposal": proposal,
            "application": application,
            "url": absolute_url("applications:detail", application.pk),
        }
        send_templated("allocation/email/partnership_proposed", context, recipients)
