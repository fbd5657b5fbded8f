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

    The key is claimed in the same transaction as the sending, so a failed send can be
    retried, and two concurrent runs cannot both send.
    """
    try:
        with transaction.atomic():
            SentNotification.objects.create(key=key)
            send()
    except IntegrityError:
        return False
    return True
