"""Programmes (forløb): what runs after a grant, or after the Board reaches out (O5).

A programme follows its offer's workflow definition (``workflow/definitions``); the
engine decides which step may be completed, and every completed step is a StepRecord
with who and when. A joint O4 programme has several applications, one per site.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from indsats.catalogue.models import Offer
from indsats.organisations.models import Organisation


class ProgrammeStatus(models.TextChoices):
    ACTIVE = "active", _("I gang")
    CLOSED = "closed", _("Afsluttet")
    STOPPED = "stopped", _("Stoppet uden videre forløb")


class Programme(models.Model):
    offer = models.ForeignKey(
        Offer, on_delete=models.PROTECT, related_name="programmes", verbose_name=_("tilbud")
    )
    reference = models.CharField(_("reference"), max_length=20, unique=True)
    title = models.CharField(_("titel"), max_length=200)
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        related_name="programmes",
        verbose_name=_("ansvarlig organisation"),
        help_text=_("Kommunen, eller det første sted i et fælles forløb."),
    )
    participants = models.ManyToManyField(
        Organisation, related_name="joint_programmes", blank=True, verbose_name=_("deltagere")
    )
    status = models.CharField(
        _("status"), max_length=10, choices=ProgrammeStatus.choices, default=ProgrammeStatus.ACTIVE
    )
    current_step = models.CharField(_("nuværende trin"), max_length=50)
    consultants = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        related_name="programmes",
        blank=True,
        verbose_name=_("konsulenter"),
    )
    hour_cap = models.PositiveIntegerField(_("timeloft"), null=True, blank=True)
    hour_cap_reason = models.TextField(_("begrundelse for ændret timeloft"), blank=True)
    origin_note = models.TextField(
        _("baggrund"), blank=True, help_text=_("Fx screeningens begrundelse for at tage kontakt.")
    )
    created_at = models.DateTimeField(_("oprettet"), auto_now_add=True)
    closed_at = models.DateTimeField(_("afsluttet"), null=True, blank=True)
    version = models.PositiveIntegerField(_("version"), default=1, editable=False)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("forløb")
        verbose_name_plural = _("forløb")

    def __str__(self):
        return f"{self.reference} {self.title}"

    def all_organisations(self):
        return Organisation.objects.filter(
            models.Q(pk=self.organisation_id) | models.Q(joint_programmes=self)
        ).distinct()


class StepRecord(models.Model):
    """A completed workflow step: who completed it, when, and a note."""

    programme = models.ForeignKey(Programme, on_delete=models.CASCADE, related_name="steps")
    step = models.CharField(_("trin"), max_length=50)
    completed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    completed_at = models.DateTimeField(_("gennemført"), auto_now_add=True)
    note = models.TextField(_("note"), blank=True)

    class Meta:
        ordering = ["programme", "completed_at", "pk"]
        verbose_name = _("gennemført trin")
        verbose_name_plural = _("gennemførte trin")
        constraints = [
            models.UniqueConstraint(fields=["programme", "step"], name="step_completed_once")
        ]

    def __str__(self):
        from ..apps import step_titles  # the step's title, never its key (C10)

        return f"{self.programme.reference}: {step_titles().get(self.step, self.step)}"
