"""The Board's assessment of an application against each condition and criterion of its
offer (C4), and the decision that follows: grant, waiting list or reject, always with a
reason and a letter. A manager may reopen a decision; that is recorded too."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from indsats.catalogue.models import OfferCondition


class Judgement(models.TextChoices):
    MET = "met", _("Opfyldt")
    NOT_MET = "not_met", _("Ikke opfyldt")
    UNCLEAR = "unclear", _("Uafklaret")


class Assessment(models.Model):
    application = models.OneToOneField(
        "applications.Application", on_delete=models.CASCADE, related_name="assessment"
    )
    summary = models.TextField(_("samlet vurdering"), blank=True)
    assessed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        null=True,
        verbose_name=_("vurderet af"),
    )
    updated_at = models.DateTimeField(_("senest ændret"), auto_now=True)
    version = models.PositiveIntegerField(_("version"), default=1, editable=False)
    # A manager's recorded decision to let the case be decided before every rule is
    # judged (C4): who, when and why, for the file.
    override_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        null=True,
        blank=True,
        verbose_name=_("undtagelse givet af"),
    )
    override_at = models.DateTimeField(_("undtagelse givet"), null=True, blank=True)
    override_reason = models.TextField(_("begrundelse for undtagelsen"), blank=True)

    class Meta:
        verbose_name = _("vurdering")
        verbose_name_plural = _("vurderinger")

    def __str__(self):
        return str(_("Vurdering af %s")) % self.application

    @property
    def is_overridden(self) -> bool:
        return self.override_at is not None


class CriterionJudgement(models.Model):
    """A judgement of one rule; its reason is an internal note for the file, never put in a
    letter or an e-mail."""

    assessment = models.ForeignKey(Assessment, on_delete=models.CASCADE, related_name="judgements")
    rule = models.ForeignKey(
        OfferCondition, on_delete=models.PROTECT, related_name="+", verbose_name=_("kriterium")
    )
    judgement = models.CharField(_("vurdering"), max_length=10, choices=Judgement.choices)
    reason = models.TextField(_("intern begrundelse"))

    class Meta:
        ordering = ["assessment", "rule__kind", "rule__order"]
        verbose_name = _("vurdering af kriterium")
        verbose_name_plural = _("vurderinger af kriterier")
        constraints = [
            models.UniqueConstraint(fields=["assessment", "rule"], name="one_judgement_per_rule")
        ]

    def __str__(self):
        return f"{self.rule.requirement}: {self.get_judgement_display()}"


class DecisionOutcome(models.TextChoices):
    GRANT = "grant", _("Bevilget")
    WAITING_LIST = "waiting_list", _("Venteliste")
    REJECT = "reject", _("Afslag")


class Decision(models.Model):
    application = models.ForeignKey(
        "applications.Application", on_delete=models.CASCADE, related_name="decisions"
    )
    outcome = models.CharField(_("afgørelse"), max_length=15, choices=DecisionOutcome.choices)
    # What the letter tells the applicant, and what stays in the file: never mixed (C4).
    applicant_text = models.TextField(_("begrundelse til ansøgeren"))
    internal_reason = models.TextField(_("intern begrundelse"), blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    decided_at = models.DateTimeField(_("truffet"), auto_now_add=True)
    reopened_at = models.DateTimeField(_("genoptaget"), null=True, blank=True)
    reopened_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", null=True, blank=True
    )
    reopen_reason = models.TextField(_("begrundelse for genoptagelse"), blank=True)

    class Meta:
        ordering = ["application", "-decided_at", "-pk"]
        verbose_name = _("afgørelse")
        verbose_name_plural = _("afgørelser")

    def __str__(self):
        return f"{self.application}: {self.get_outcome_display()}"

    @property
    def is_standing(self) -> bool:
        return self.reopened_at is None
