"""E-mails about programmes (C10), rendered from Danish templates."""

from __future__ import annotations

from indsats.accounts.models import User
from indsats.core.mail import absolute_url, send_templated


def meeting_scheduled(meeting, moved: bool) -> None:
    """A meeting is set, or moved to a new time or place: to every active user of the
    programme's organisations (a joint programme has several) and to its consultants."""
    programme = meeting.programme
    organisations = programme.all_organisations()
    recipients = list(
        User.objects.filter(is_active=True, organisation__in=organisations).values_list(
            "email", flat=True
        )
    )
    recipients += list(programme.consultants.filter(is_active=True).values_list("email", flat=True))
    context = {
        "meeting": meeting,
        "programme": programme,
        "moved": moved,
        "url": absolute_url("programmes:detail", programme.pk),
    }
    send_templated("programmes/email/meeting_scheduled", context, recipients)
