"""The outbox: every e-mail is a row, and a task sends it (C10, C13).

The request renders the message (in its language, with its context) and stores it;
``deliver`` hands it to the mail server from the worker. Exactly once: a message is
claimed by a conditional update before it is sent, so two tasks for the same message (a
retry and the sweeper's, say) cannot both send it, and it is marked sent as soon as the
server has accepted it. A failed send is tried again with back-off (``next_attempt``)
until the policy gives up; then the message stays in the outbox as failed, visible in the
admin site, where an administrator can send it again.
"""

from __future__ import annotations

import datetime
import logging
import smtplib
from dataclasses import dataclass

from django.conf import settings
from django.core.mail import EmailMessage
from django.utils import timezone
from django.utils.translation import gettext

from .models import OutgoingEmail, OutgoingEmailStatus

logger = logging.getLogger(__name__)

# Errors after which the same message may go through later: the server is down, busy,
# or refused for now. Anything else is a fault in the message or in the code.
TRANSIENT_ERRORS = (smtplib.SMTPException, OSError)

# A message claimed longer ago than this was being sent by a worker that died; it is
# tried again (the one case where it may arrive twice: if the server had accepted it).
ABANDONED_AFTER = datetime.timedelta(minutes=15)

# A waiting message whose time came this long ago has lost its task (the queue was
# emptied, or the task failed): the sweeper enqueues it again.
OVERDUE_AFTER = datetime.timedelta(minutes=5)


@dataclass(frozen=True)
class RetryPolicy:
    """Doubling delays from ``first_delay`` up to ``longest_delay``, ``max_attempts`` tries."""

    first_delay: datetime.timedelta
    max_attempts: int
    longest_delay: datetime.timedelta = datetime.timedelta(hours=6)

    @classmethod
    def from_settings(cls) -> RetryPolicy:
        return cls(
            first_delay=datetime.timedelta(seconds=settings.EMAIL_RETRY_DELAY),
            max_attempts=settings.EMAIL_MAX_ATTEMPTS,
        )

    def delay_after(self, failed_attempts: int) -> datetime.timedelta:
        """How long to wait after the ``failed_attempts``-th failed try (1, 2, ...)."""
        if failed_attempts < 1:
            raise ValueError("failed_attempts counts from 1")
        # Cap the exponent first: 2**failed_attempts grows past any timedelta.
        doublings = min(failed_attempts - 1, 32)
        return min(self.first_delay * 2**doublings, self.longest_delay)

    def next_attempt(
        self, failed_attempts: int, now: datetime.datetime
    ) -> datetime.datetime | None:
        """When to try again after a failure, or None when the policy gives up."""
        if failed_attempts >= self.max_attempts:
            return None
        return now + self.delay_after(failed_attempts)


def store(template: str, subject: str, body: str, recipients: list[str]) -> OutgoingEmail:
    """Put a rendered message in the outbox and enqueue its delivery."""
    message = OutgoingEmail.objects.create(
        template=template,
        subject=subject,
        body=body,
        from_email=settings.DEFAULT_FROM_EMAIL,
        recipients=recipients,
        next_attempt_at=timezone.now(),
    )
    enqueue_delivery(message.pk)
    return message


def enqueue_delivery(message_id: int, at: datetime.datetime | None = None) -> None:
    """Enqueue the task that sends the message, at ``at`` if the backend can wait.

    A backend that runs tasks at once (the test suite's) cannot wait; a later try is then
    left to the sweeper.
    """
    from .tasks import deliver_email

    if at is None:
        deliver_email.enqueue(message_id)
    elif deliver_email.get_backend().supports_defer:
        deliver_email.using(run_after=at).enqueue(message_id)


def claim(message_id: int, now: datetime.datetime) -> OutgoingEmail | None:
    """The message, if it was waiting and due and this caller got it first."""
    claimed = OutgoingEmail.objects.filter(
        pk=message_id, status=OutgoingEmailStatus.WAITING, next_attempt_at__lte=now
    ).update(status=OutgoingEmailStatus.SENDING, claimed_at=now)
    return OutgoingEmail.objects.get(pk=message_id) if claimed else None


def deliver(message_id: int, policy: RetryPolicy | None = None) -> str:
    """Send one message from the outbox; returns what became of it (for the task log)."""
    policy = policy or RetryPolicy.from_settings()
    now = timezone.now()
    message = claim(message_id, now)
    if message is None:
        return "not due"  # sent, given up, or another task has it
    attempts = message.attempts + 1
    try:
        EmailMessage(
            message.subject, message.body, message.from_email, to=message.recipients
        ).send()
    except TRANSIENT_ERRORS as error:
        return _record_failure(
            message, attempts, _describe(error), policy.next_attempt(attempts, now)
        )
    except Exception as error:
        # Not the server's fault: trying again would fail the same way.
        _record_failure(message, attempts, _describe(error), None)
        raise
    OutgoingEmail.objects.filter(pk=message.pk).update(
        status=OutgoingEmailStatus.SENT,
        attempts=attempts,
        sent_at=timezone.now(),
        claimed_at=None,
        last_error="",
    )
    return "sent"


def _describe(error: BaseException) -> str:
    return f"{type(error).__name__}: {error}"[:2000]


def _record_failure(
    message: OutgoingEmail, attempts: int, error: str, retry_at: datetime.datetime | None
) -> str:
    status = OutgoingEmailStatus.WAITING if retry_at else OutgoingEmailStatus.FAILED
    OutgoingEmail.objects.filter(pk=message.pk).update(
        status=status,
        attempts=attempts,
        last_error=error,
        claimed_at=None,
        next_attempt_at=retry_at or message.next_attempt_at,
    )
    if retry_at:
        logger.warning(
            "E-mail %s failed (try %s), retry at %s: %s", message.pk, attempts, retry_at, error
        )
        enqueue_delivery(message.pk, at=retry_at)
        return "retry"
    logger.error("E-mail %s failed for good after %s tries: %s", message.pk, attempts, error)
    return "failed"


def sweep(now: datetime.datetime | None = None) -> int:
    """Enqueue again every message whose task is lost; returns how many.

    Waiting messages overdue by OVERDUE_AFTER, and messages claimed by a worker that has
    not finished within ABANDONED_AFTER (put back to waiting first). Safe to run often and
    from several workers: a message is still sent only by whoever claims it.
    """
    now = now or timezone.now()
    abandoned = list(
        OutgoingEmail.objects.filter(
            status=OutgoingEmailStatus.SENDING, claimed_at__lte=now - ABANDONED_AFTER
        ).values_list("pk", flat=True)
    )
    OutgoingEmail.objects.filter(pk__in=abandoned, status=OutgoingEmailStatus.SENDING).update(
        status=OutgoingEmailStatus.WAITING,
        claimed_at=None,
        next_attempt_at=now,
        last_error=gettext("Afsendelsen blev afbrudt; e-mailen sendes igen."),
    )
    overdue = OutgoingEmail.objects.filter(
        status=OutgoingEmailStatus.WAITING, next_attempt_at__lte=now - OVERDUE_AFTER
    ).values_list("pk", flat=True)
    lost = sorted({*abandoned, *overdue})
    for message_id in lost:
        enqueue_delivery(message_id)
    return len(lost)


def send_again(messages) -> int:
    """An administrator sends failed messages again: a fresh round of tries, at once."""
    now = timezone.now()
    ids = list(messages.filter(status=OutgoingEmailStatus.FAILED).values_list("pk", flat=True))
    OutgoingEmail.objects.filter(pk__in=ids).update(
        status=OutgoingEmailStatus.WAITING, attempts=0, next_attempt_at=now
    )
    for message_id in ids:
        enqueue_delivery(message_id)
    return len(ids)
