"""E-mail from templates: one subject template and one body template per message.

``send_templated("applications/email/receipt", ...)`` renders ``..._subject.txt`` and
``....txt`` now, in the active language and with the caller's context, and leaves the
message in the outbox (``indsats.core.outbox``) for the worker to send: the user's action
never waits for, or fails with, the mail server. Links in e-mails are absolute, built from
settings.SITE_URL, since mail is often rendered where there is no request to take the
host from.
"""

from __future__ import annotations

from django.conf import settings
from django.template.loader import render_to_string
from django.urls import reverse

from . import outbox
from .models import OutgoingEmail


def send_templated(template: str, context: dict, recipients: list[str]) -> OutgoingEmail | None:
    recipients = sorted({address for address in recipients if address})
    if not recipients:
        return None
    subject = render_to_string(f"{template}_subject.txt", context).strip()
    body = render_to_string(f"{template}.txt", context)
    return outbox.store(template, subject, body, recipients)


def absolute_url(name: str, *args) -> str:
    return settings.SITE_URL.rstrip("/") + reverse(name, args=args)
