"""The read log: who opened which case, programme or municipality's screening page, and
when (C12). Kept apart from the change audit trail (django-auditlog's ``LogEntry``): a
read changes nothing, and there are many more reads than changes.

An entry is written once, in one insert, and never changed or deleted by the service:
``save`` refuses an existing entry and ``delete`` refuses always; neither the admin site
nor the API offers the model.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class ReadKind(models.TextChoices):
    """What was opened."""

    CASE = "case", pgettext_lazy("read log kind", "Ansøgning")
    PROGRAMME = "programme", pgettext_lazy("read log kind", "Forløb")
    SCREENING = "screening", pgettext_lazy("read log kind", "Kommunens screening")


class ReadLogEntryQuerySet(models.QuerySet):
    def update(self, **kwargs):
        # The one change allowed: a deleted person's entries lose the link to the person
        # (on_delete=SET_NULL); their name and e-mail stay in user_label.
        if kwargs != {"user": None}:
            raise ReadLogIsAppendOnly(_("Læseloggen kan ikke ændres."))
        return super().update(**kwargs)

    def delete(self):
        raise ReadLogIsAppendOnly(_("Læseloggen kan ikke slettes."))


class ReadLogIsAppendOnly(Exception):
    """A read log entry was about to be changed or deleted."""


class ReadLogEntry(models.Model):
    at = models.DateTimeField(_("tidspunkt"), default=timezone.now)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("person"),
    )
    # The person's name and e-mail as they were, so that the entry reads the same later.
    user_label = models.CharField(_("person"), max_length=400)
    kind = models.CharField(_("art"), max_length=20, choices=ReadKind.choices)
    object_id = models.CharField(_("id"), max_length=40)
    label = models.CharField(_("hvad"), max_length=300)

    objects = ReadLogEntryQuerySet.as_manager()

    class Meta:
        verbose_name = _("læsning")
        verbose_name_plural = _("læselog")
        default_permissions = ("view",)  # no add, change or delete permission to grant
        indexes = [
            models.Index(fields=["-at", "-id"], name="readlog_at"),
            models.Index(fields=["user", "-at"], name="readlog_user_at"),
            models.Index(fields=["kind", "object_id", "-at"], name="readlog_object_at"),
        ]

    def __str__(self):
        return f"{self.user_label}: {self.get_kind_display()} {self.label}"

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise ReadLogIsAppendOnly(_("Læseloggen kan ikke ændres."))
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise ReadLogIsAppendOnly(_("Læseloggen kan ikke slettes."))
