"""E-mails about programmes (C10), rendered from Danish templates."""

from __future__ import annotations

from indsats.accounts.models import User
from indsats.core.mail import absolute_url, send_templated


def _everyone_on(programme) -> list[str]:
    """Every active user of the programme's organisations (a joint programme has several)
    and its consultants."""
    organisations = programme.all_organisations()
    recipients = list(
        User.objects.filter(is_active=True, organisation__in=organisations).values_list(
            "email", flat=True
        )
    )
    recipients += list(programme.consultants.filter(is_active=True).values_list("email", flat=True))
    return recipients


def meeting_scheduled(meeting, moved: bool) -> None:
    """A meeting is set, or moved to a new time or place: to everyone on the programme."""
    programme = meeting.programme
    recipients = _everyone_on(programme)
    context = {
        "meeting": meeting,
        "programme": programme,
        "moved": moved,
        "url": absolute_url("programmes:detail", programme.pk),
    }
    send_templated("programmes/email/meeting_scheduled", context, recipients)


def meeting_cancelled(meeting, programme, reason: str) -> None:
    """An upcoming meeting is cancelled (and deleted), with the reason: to everyone on the
    programme, as its setting was."""
    context = {
        "meeting": meeting,
        "programme": programme,
        "reason": reason,
        "url": absolute_url("programmes:detail", programme.pk),
    }
    send_templated("programmes/email/meeting_cancelled", context, _everyone_on(programme))
