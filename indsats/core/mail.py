"""E-mail from templates: one subject template and one body template per message.

``send_templated("applications/email/receipt", ...)`` renders ``..._subject.txt`` and
``....txt`` now, in the active language and with the caller's context, and leaves the
message in the outbox (``indsats.core.outbox``) for the worker to send: the user's action
never waits for, or fails with, the mail server. Call it inside the transaction that saves
the record the message is about: the message and its queued delivery are rows in the same
database, so both are kept or neither is (C12). Links in e-mails are absolute, built from
settings.SITE_URL, since mail is often rendered where there is no request to take the
host from.
"""

from __future__ import annotations

from django.conf import settings
from django.template.loader import render_to_string
from django.urls import reverse

from . import outbox
from .cleaning import one_line
from .models import OutgoingEmail


def send_templated(template: str, context: dict, recipients: list[str]) -> OutgoingEmail | None:
    recipients = sorted({address for address in recipients if address})
    if not recipients:
        return None
    # A header is one line: a line break typed into a subject or a name would make the
    # mail library refuse the message (C12), so white space is collapsed here, always.
    subject = one_line(render_to_string(f"{template}_subject.txt", context))
    body = render_to_string(f"{template}.txt", context)
    return outbox.store(template, subject, body, recipients)


def absolute_url(name: str, *args) -> str:
    return settings.SITE_URL.rstrip("/") + reverse(name, args=args)
