"""Capacity per offer and period, and the record of allocating places by the published
criteria (C5).

Managers set how many programmes the Board can start in a period and how many consultant
hours it can spend; each consultant's own hours per period. What is committed (programmes
started in the period, hours planned and logged) is subtracted live in ``capacity.py``.
A confirmed plan is an ``AllocationRun`` with one ``Placement`` per application: granted,
number N of M on the waiting list, or refused, with the reasons in Danish and English as
they were when the manager confirmed them.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from indsats.catalogue.models import Offer, OfferCondition

from .periods import parse_period


class OfferCapacity(models.Model):
    """How many programmes of an offer the Board can start in a period, and the
    consultant hours it can spend on them."""

    offer = models.ForeignKey(
        Offer, on_delete=models.PROTECT, related_name="capacities", verbose_name=_("tilbud")
    )
    period = models.CharField(
        _("periode"), max_length=7, help_text=_("Et år (2027) eller et kvartal (2027-K1).")
    )
    places = models.PositiveIntegerField(_("forløb, der kan startes"))
    consultant_hours = models.DecimalField(
        _("konsulenttimer i alt"), max_digits=7, decimal_places=1, null=True, blank=True
    )
    average_programme_days = models.PositiveIntegerField(
        _("forløbets gennemsnitlige længde i dage"),
        default=90,
        help_text=_("Bruges til at anslå, hvornår de på ventelisten kan starte."),
    )
    note = models.TextField(_("note"), blank=True)
    updated_at = models.DateTimeField(_("ændret"), auto_now=True)
    version = models.PositiveIntegerField(_("version"), default=1, editable=False)

    class Meta:
        ordering = ["offer", "period"]
        verbose_name = _("kapacitet")
        verbose_name_plural = _("kapacitet")
        constraints = [
            models.UniqueConstraint(fields=["offer", "period"], name="one_capacity_per_period")
        ]

    def __str__(self):
        return f"{self.offer.name} {self.period_label}"

    @property
    def period_label(self) -> str:
        return parse_period(self.period).label


class ConsultantCapacity(models.Model):
    """A consultant's available hours in a period (all offers together)."""

    consultant = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="capacities",
        verbose_name=_("konsulent"),
    )
    period = models.CharField(_("periode"), max_length=7)
    hours = models.DecimalField(_("timer til rådighed"), max_digits=6, decimal_places=1)
    updated_at = models.DateTimeField(_("ændret"), auto_now=True)

    class Meta:
        ordering = ["period", "consultant__full_name"]
        verbose_name = _("konsulentens kapacitet")
        verbose_name_plural = _("konsulenternes kapacitet")
        constraints = [
            models.UniqueConstraint(
                fields=["consultant", "period"], name="one_consultant_capacity_per_period"
            ),
            models.CheckConstraint(
                condition=models.Q(hours__gte=0), name="consultant_hours_not_negative"
            ),
        ]

    def __str__(self):
        return f"{self.consultant} {self.period}: {self.hours}"


class CriterionWeight(models.Model):
    """How much a priority criterion (O1.4 a–d) counts; 1 unless a manager changes it."""

    rule = models.OneToOneField(
        OfferCondition, on_delete=models.CASCADE, related_name="weight", verbose_name=_("kriterium")
    )
    weight = models.PositiveSmallIntegerField(_("vægt"), default=1)

    class Meta:
        verbose_name = _("vægt af kriterium")
        verbose_name_plural = _("vægte af kriterier")

    def __str__(self):
        return f"{self.rule}: {self.weight}"


class PlanMove(models.Model):
    """A manager moves an application (its whole unit) to another place in a period's
    queue, with a reason. Pending until the plan is confirmed; then part of the record,
    and still applied when the plan of that period is drawn up again. For O2 and O3,
    where the order is the manager's, this is how the manager sets it."""

    offer = models.ForeignKey(Offer, on_delete=models.PROTECT, related_name="+")
    period = models.CharField(_("periode"), max_length=7)
    application = models.ForeignKey(
        "applications.Application", on_delete=models.CASCADE, related_name="plan_moves"
    )
    to_position = models.PositiveIntegerField(_("ny plads"))
    reason = models.TextField(_("begrundelse"))
    moved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    moved_at = models.DateTimeField(_("flyttet"), auto_now_add=True)
    confirmed_at = models.DateTimeField(_("bekræftet"), null=True, blank=True)

    class Meta:
        ordering = ["moved_at", "pk"]
        verbose_name = _("flytning i køen")
        verbose_name_plural = _("flytninger i køen")

    def __str__(self):
        return f"{self.application} → {self.to_position}"


class AllocationRun(models.Model):
    """A plan a manager confirmed: the decisions it recorded and the queue it left."""

    offer = models.ForeignKey(Offer, on_delete=models.PROTECT, related_name="allocation_runs")
    period = models.CharField(_("periode"), max_length=7)
    places = models.PositiveIntegerField(_("kapacitet"))
    free_places = models.PositiveIntegerField(_("ledige pladser"))
    confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    confirmed_at = models.DateTimeField(_("bekræftet"), auto_now_add=True)

    class Meta:
        ordering = ["-confirmed_at", "-pk"]
        verbose_name = _("bekræftet fordeling")
        verbose_name_plural = _("bekræftede fordelinger")

    def __str__(self):
        return f"{self.offer.name} {self.period} ({self.confirmed_at:%Y-%m-%d})"


class PlacementOutcome(models.TextChoices):
    GRANTED = "granted", _("Bevilget")
    WAITING = "waiting", _("På venteliste")
    REFUSED = "refused", _("Afslået")


class Placement(models.Model):
    """Where an application stood in a confirmed plan, and why (what the applicant sees)."""

    run = models.ForeignKey(AllocationRun, on_delete=models.CASCADE, related_name="placements")
    application = models.ForeignKey(
        "applications.Application", on_delete=models.CASCADE, related_name="placements"
    )
    outcome = models.CharField(_("udfald"), max_length=10, choices=PlacementOutcome.choices)
    position = models.PositiveIntegerField(_("plads i køen"), null=True, blank=True)
    waiting_number = models.PositiveIntegerField(_("nummer på ventelisten"), null=True, blank=True)
    waiting_count = models.PositiveIntegerField(_("antal på ventelisten"), default=0)
    estimated_start = models.DateField(_("forventet start"), null=True, blank=True)
    # {"da": [...], "en": [...]}: the reasons in both languages, as confirmed.
    reasons = models.JSONField(_("begrundelser"), default=dict)

    class Meta:
        ordering = ["run", "position", "pk"]
        verbose_name = _("placering")
        verbose_name_plural = _("placeringer")

    def __str__(self):
        return f"{self.application}: {self.get_outcome_display()}"

    def reasons_in_language(self, language: str | None = None) -> list[str]:
        language = (language or get_language() or "da")[:2]
        return self.reasons.get(language) or self.reasons.get("da") or []


class PartnerProposal(models.Model):
    """The Board proposes that small sites waiting alone form a joint programme (O4.4).

    Each site accepts in its portal, which names the others as its partners; when every
    site has accepted, the group forms and takes its place in the queue."""

    offer = models.ForeignKey(Offer, on_delete=models.PROTECT, related_name="+")
    reason = models.TextField(_("begrundelse"))
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    proposed_at = models.DateTimeField(_("foreslået"), auto_now_add=True)

    class Meta:
        ordering = ["-proposed_at", "-pk"]
        verbose_name = _("forslag om fælles forløb")
        verbose_name_plural = _("forslag om fælles forløb")

    def __str__(self):
        return str(_("Forslag om fælles forløb %(date)s")) % {
            "date": f"{self.proposed_at:%Y-%m-%d}"
        }


class PartnerProposalMember(models.Model):
    proposal = models.ForeignKey(PartnerProposal, on_delete=models.CASCADE, related_name="members")
    application = models.ForeignKey(
        "applications.Application", on_delete=models.CASCADE, related_name="partner_proposals"
    )
    accepted_at = models.DateTimeField(_("accepteret"), null=True, blank=True)
    accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", null=True, blank=True
    )

    class Meta:
        ordering = ["proposal", "application__organisation__name"]
        verbose_name = _("sted i forslag om fælles forløb")
        verbose_name_plural = _("steder i forslag om fælles forløb")
        constraints = [
            models.UniqueConstraint(
                fields=["proposal", "application"], name="one_membership_per_proposal"
            )
        ]

    def __str__(self):
        return f"{self.proposal}: {self.application}"
