"""E-mail from templates: one subject template and one body template per message.

``send_templated("applications/email/receipt", ...)`` renders ``..._subject.txt`` and
``....txt``. Links in e-mails are absolute, built from settings.SITE_URL, since mail is
often sent where there is no request to take the host from.
"""

from __future__ import annotations

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse


def send_templated(template: str, context: dict, recipients: list[str]) -> None:
    recipients = sorted({address for address in recipients if address})
    if not recipients:
        return
    subject = render_to_string(f"{template}_subject.txt", context).strip()
    body = render_to_string(f"{template}.txt", context)
    send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, recipients)


def absolute_url(name: str, *args) -> str:
    return settings.SITE_URL.rstrip("/") + reverse(name, args=args)
