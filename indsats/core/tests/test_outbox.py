"""The outbox: e-mails rendered in the request, sent once by a task, retried with back-off
and never lost (C10, C13).

These tests are about the queue, so they use the database backend as production does
(the rest of the suite runs tasks at once, see immediate_tasks.py); the mail server they
fail against is a real closed port on 127.0.0.1.
"""

import datetime

import pytest
import time_machine
from django.core import mail
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import override
from django_tasks_db.models import DBTaskResult, get_date_max

from indsats.core import outbox
from indsats.core.mail import send_templated
from indsats.core.models import OutgoingEmail, OutgoingEmailStatus
from indsats.core.outbox import RetryPolicy

from .immediate_tasks import DATABASE_TASKS
from .worker_process import free_port

NOW = datetime.datetime(2026, 11, 28, 9, 0, tzinfo=datetime.UTC)


@pytest.fixture
def database_queue(settings):
    settings.TASKS = DATABASE_TASKS


@pytest.fixture
def mail_server_down(settings):
    """SMTP to a port on 127.0.0.1 where nothing listens: every send is refused."""
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = free_port()
    settings.EMAIL_TIMEOUT = 5


def _queued_deliveries(message):
    return DBTaskResult.objects.filter(
        task_path="indsats.core.tasks.deliver_email", args_kwargs__args=[message.pk]
    ).order_by("enqueued_at")


def _access_email(recipients=("ansoeger@kommune.test",)):
    return send_templated(
        "accounts/email/access_request_received",
        {"user": {"full_name": "Kim Fiktiv"}, "url": "http://127.0.0.1:8000/"},
        list(recipients),
    )


class TestRetryPolicy:
    """The back-off rule alone, without a database."""

    policy = RetryPolicy(first_delay=datetime.timedelta(minutes=1), max_attempts=5)

    def test_it_doubles_the_delay_after_each_failure(self):
        delays = [self.policy.delay_after(n) for n in (1, 2, 3, 4)]
        assert delays == [datetime.timedelta(minutes=m) for m in (1, 2, 4, 8)]

    def test_it_never_waits_longer_than_six_hours(self):
        long_policy = RetryPolicy(first_delay=datetime.timedelta(hours=1), max_attempts=100)
        assert long_policy.delay_after(4) == datetime.timedelta(hours=6)
        assert long_policy.delay_after(99) == datetime.timedelta(hours=6)

    def test_it_gives_up_after_the_last_attempt(self):
        assert self.policy.next_attempt(4, NOW) == NOW + datetime.timedelta(minutes=8)
        assert self.policy.next_attempt(5, NOW) is None

    def test_it_refuses_to_count_from_zero(self):
        with pytest.raises(ValueError, match="counts from 1"):
            self.policy.delay_after(0)


@pytest.mark.django_db
class TestOutbox:
    def test_it_renders_in_the_request_and_leaves_the_sending_to_the_queue(self, database_queue):
        with override("en"):
            message = _access_email()
        message.refresh_from_db()
        assert message.status == OutgoingEmailStatus.WAITING
        assert message.subject == "We have received your request for access to Indsats"
        assert message.recipients == ["ansoeger@kommune.test"]
        assert mail.outbox == []  # nothing sent in the request
        assert _queued_deliveries(message).count() == 1

    def test_it_sends_a_message_exactly_once(self, database_queue):
        message = _access_email()
        assert outbox.deliver(message.pk) == "sent"
        assert outbox.deliver(message.pk) == "not due"  # a second task for the same message
        message.refresh_from_db()
        assert message.status == OutgoingEmailStatus.SENT
        assert message.sent_at is not None
        assert message.attempts == 1
        assert [m.subject for m in mail.outbox] == [message.subject]

    def test_it_retries_with_back_off_while_the_server_is_down(
        self, database_queue, mail_server_down, settings
    ):
        settings.EMAIL_RETRY_DELAY = 60
        with time_machine.travel(NOW, tick=False):
            message = _access_email()
            assert outbox.deliver(message.pk) == "retry"
        message.refresh_from_db()
        assert message.status == OutgoingEmailStatus.WAITING
        assert message.attempts == 1
        assert "ConnectionRefusedError" in message.last_error
        first_retry = NOW + datetime.timedelta(seconds=60)
        assert message.next_attempt_at == first_retry
        # The retry is a task of its own, deferred to that time.
        assert [t.run_after for t in _queued_deliveries(message)] == [get_date_max(), first_retry]

        with time_machine.travel(first_retry, tick=False):
            assert outbox.deliver(message.pk) == "retry"
        message.refresh_from_db()
        assert message.attempts == 2
        assert message.next_attempt_at == first_retry + datetime.timedelta(seconds=120)

    def test_it_does_not_send_before_the_next_attempt_is_due(
        self, database_queue, mail_server_down, settings
    ):
        with time_machine.travel(NOW, tick=False):
            message = _access_email()
            outbox.deliver(message.pk)
        settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
        with time_machine.travel(NOW + datetime.timedelta(seconds=30), tick=False):
            assert outbox.deliver(message.pk) == "not due"
        assert mail.outbox == []

    def test_a_message_that_keeps_failing_stays_in_the_outbox_for_the_administrator(
        self, database_queue, mail_server_down, settings, client, administrator, case_officer
    ):
        settings.EMAIL_MAX_ATTEMPTS = 3
        when = NOW
        with time_machine.travel(when, tick=False):
            message = _access_email()
        for _attempt in range(3):
            with time_machine.travel(when, tick=False):
                outbox.deliver(message.pk)
            message.refresh_from_db()
            when = message.next_attempt_at
        assert message.status == OutgoingEmailStatus.FAILED
        assert message.attempts == 3
        assert _queued_deliveries(message).count() == 3  # the first and two retries, no more

        client.force_login(administrator)
        response = client.get(reverse("admin:core_outgoingemail_changelist"), {"status": "failed"})
        assert response.status_code == 200
        assert message.subject in response.text
        assert "ConnectionRefusedError" in response.text
        client.force_login(case_officer)  # not an administrator: no admin site
        response = client.get(reverse("admin:core_outgoingemail_changelist"))
        assert response.status_code == 302

    def test_the_administrator_can_send_a_failed_message_again(
        self, database_queue, client, administrator
    ):
        message = _access_email()
        OutgoingEmail.objects.filter(pk=message.pk).update(
            status=OutgoingEmailStatus.FAILED, attempts=12, last_error="SMTPException: nej"
        )
        client.force_login(administrator)
        response = client.post(
            reverse("admin:core_outgoingemail_changelist"),
            {"action": "send_again", "_selected_action": [message.pk]},
        )
        assert response.status_code == 302
        message.refresh_from_db()
        assert (message.status, message.attempts) == (OutgoingEmailStatus.WAITING, 0)
        assert _queued_deliveries(message).count() == 2
        assert outbox.deliver(message.pk) == "sent"

    def test_the_sweeper_enqueues_a_message_whose_task_was_lost(self, database_queue):
        with time_machine.travel(NOW, tick=False):
            message = _access_email()
        DBTaskResult.objects.all().delete()  # e.g. the queue was pruned or emptied
        with time_machine.travel(NOW + datetime.timedelta(minutes=1), tick=False):
            assert outbox.sweep() == 0  # its task may still be on its way
        with time_machine.travel(NOW + datetime.timedelta(minutes=6), tick=False):
            assert outbox.sweep() == 1
            assert outbox.deliver(message.pk) == "sent"
        assert _queued_deliveries(message).count() == 1
        assert len(mail.outbox) == 1

    def test_the_sweeper_takes_back_a_message_from_a_worker_that_died(self, database_queue):
        with time_machine.travel(NOW, tick=False):
            message = _access_email()
            assert outbox.claim(message.pk, timezone.now()) is not None  # then the worker died
        with time_machine.travel(NOW + datetime.timedelta(minutes=16), tick=False):
            assert outbox.sweep() == 1
            assert outbox.deliver(message.pk) == "sent"
        assert len(mail.outbox) == 1

    def test_it_sends_nothing_without_recipients(self, database_queue):
        assert _access_email(recipients=("", "")) is None
        assert not OutgoingEmail.objects.exists()

    def test_the_password_reset_link_goes_through_the_outbox_too(
        self, database_queue, client, applicant
    ):
        client.post(reverse("accounts:password_reset"), {"email": applicant.email})
        assert mail.outbox == []
        message = OutgoingEmail.objects.get()
        assert message.recipients == [applicant.email]
        assert "/konto/nulstil-adgangskode/" in message.body
        assert outbox.deliver(message.pk) == "sent"
        assert [m.to for m in mail.outbox] == [[applicant.email]]

    def test_a_message_the_server_could_never_take_fails_at_once(self, database_queue):
        message = _access_email()
        # A line break in a header is refused by Django before any server is asked.
        OutgoingEmail.objects.filter(pk=message.pk).update(subject="Emne\nBcc: x@y.test")
        with pytest.raises(ValueError, match="newlines"):
            outbox.deliver(message.pk)
        message.refresh_from_db()
        assert (message.status, message.attempts) == (OutgoingEmailStatus.FAILED, 1)
        assert "BadHeaderError" in message.last_error
        assert _queued_deliveries(message).count() == 1  # no retry of what cannot work
        assert mail.outbox == []
