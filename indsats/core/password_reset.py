"""Django's password reset, with its e-mail sent through the outbox like every other, so
a mail server outage neither fails the request nor loses the link (C13)."""

from __future__ import annotations

from django.contrib.auth.forms import PasswordResetForm
from django.template.loader import render_to_string

from . import outbox


class OutboxPasswordResetForm(PasswordResetForm):
    def send_mail(
        self,
        subject_template_name,
        email_template_name,
        context,
        from_email,
        to_email,
        html_email_template_name=None,
    ):
        subject = "".join(render_to_string(subject_template_name, context).splitlines())
        body = render_to_string(email_template_name, context)
        outbox.store(email_template_name.removesuffix(".txt"), subject, body, [to_email])
