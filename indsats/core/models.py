"""What the system itself keeps: a record of each reminder already sent."""

from django.db import IntegrityError, models, transaction
from django.utils.translation import gettext_lazy as _


class SentNotification(models.Model):
    """One row per reminder sent, by a key that names what it was about and when, so a
    daily command can run twice (or be retried) without sending anything twice."""

    key = models.CharField(_("nøgle"), max_length=200, unique=True)
    sent_at = models.DateTimeField(_("sendt"), auto_now_add=True)

    class Meta:
        verbose_name = _("sendt påmindelse")
        verbose_name_plural = _("sendte påmindelser")

    def __str__(self):
        return self.key


def send_once(key: str, send) -> bool:
    """Call ``send()`` unless a notification with ``key`` was sent before; True if sent.

    The key is claimed in the same transaction as ``send()``, which puts the message in the
    outbox: both are kept or neither, two concurrent runs cannot both send, and the outbox
    retries a send that fails.
    """
    try:
        with transaction.atomic():
            SentNotification.objects.create(key=key)
            send()
    except IntegrityError:
        return False
    return True


class OutgoingEmailStatus(models.TextChoices):
    WAITING = "waiting", _("venter")
    SENDING = "sending", _("sendes")
    SENT = "sent", _("sendt")
    FAILED = "failed", _("mislykkedes")


class OutgoingEmail(models.Model):
    """One e-mail, rendered when it was asked for and sent by the worker (C10, C13).

    The row is the record of the message, not the task that sends it: a send that fails is
    tried again after ``next_attempt_at``, and the message is never lost, even if the task
    queue is emptied. ``sent_at`` is set exactly once, when the mail server accepted it.
    """

    template = models.CharField(_("skabelon"), max_length=200)
    subject = models.CharField(_("emne"), max_length=998)
    body = models.TextField(_("tekst"))
    from_email = models.CharField(_("afsender"), max_length=254)
    recipients = models.JSONField(_("modtagere"))
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=OutgoingEmailStatus.choices,
        default=OutgoingEmailStatus.WAITING,
    )
    attempts = models.PositiveIntegerField(_("forsøg"), default=0)
    last_error = models.TextField(_("seneste fejl"), blank=True)
    created_at = models.DateTimeField(_("oprettet"), auto_now_add=True)
    next_attempt_at = models.DateTimeField(_("næste forsøg"))
    claimed_at = models.DateTimeField(_("sendes siden"), null=True, blank=True)
    sent_at = models.DateTimeField(_("sendt"), null=True, blank=True)

    class Meta:
        verbose_name = _("udgående e-mail")
        verbose_name_plural = _("udgående e-mails")
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["status", "next_attempt_at"])]

    def __str__(self):
        return self.subject


class ScheduledRun(models.Model):
    """A scheduled job enqueued for one slot (a day, or a few minutes): the unique pair
    makes sure that several workers enqueue it once between them."""

    job = models.CharField(_("job"), max_length=100)
    slot = models.CharField(_("periode"), max_length=40)
    enqueued_at = models.DateTimeField(_("sat i kø"), auto_now_add=True)

    class Meta:
        verbose_name = _("planlagt kørsel")
        verbose_name_plural = _("planlagte kørsler")
        ordering = ["-enqueued_at", "-pk"]
        constraints = [
            models.UniqueConstraint(fields=["job", "slot"], name="core_scheduledrun_once"),
        ]

    def __str__(self):
        return f"{self.job} {self.slot}"
