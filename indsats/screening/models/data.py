"""Imported data: each import is a DataSource; each figure keeps its source and import time."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from indsats.organisations.models import Municipality


class SourceKind(models.TextChoices):
    UND1 = "statbank_und1", _("Danmarks Statistik UND1: underretninger")
    UND3 = "statbank_und3", _("Danmarks Statistik UND3: underretninger efter årsag")
    FOLK1A = "statbank_folk1a", _("Danmarks Statistik FOLK1A: befolkning 0–17 år")
    BOERNEHUS = "boernehus", _("Børnehusdatabasen: påbegyndte sager")
    VULNERABLE = "vulnerable_children", _("Andel sårbare børn")
    PLANS = "plans", _("Beredskaber")
    COMPARISON_GROUPS = "comparison_groups", _("Sammenligningsgrupper")


class DataSource(models.Model):
    """One import: a file or an answer from Statistics Denmark's API.

    ``synthetic`` marks made-up demo data; every page showing figures from such a source
    says so. A file that changes nothing makes no new source (imports are idempotent).
    """

    kind = models.CharField(_("type"), max_length=30, choices=SourceKind.choices)
    origin = models.CharField(
        _("kilde"), max_length=500, help_text=_("Filnavn eller adressen, data blev hentet fra.")
    )
    sha256 = models.CharField(_("SHA-256 af indholdet"), max_length=64)
    imported_at = models.DateTimeField(_("importeret"), auto_now_add=True)
    imported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("importeret af"),
    )
    synthetic = models.BooleanField(_("syntetiske data"), default=False)
    rows_read = models.PositiveIntegerField(_("læste rækker"), default=0)
    rows_changed = models.PositiveIntegerField(_("ændrede rækker"), default=0)

    class Meta:
        ordering = ["-imported_at", "-pk"]
        verbose_name = _("datakilde")
        verbose_name_plural = _("datakilder")

    def __str__(self):
        return f"{self.get_kind_display()} ({self.origin})"

    def as_version(self) -> dict:
        """What a run records about the data it used."""
        return {
            "id": self.pk,
            "kind": self.kind,
            "origin": self.origin,
            "sha256": self.sha256,
            "imported_at": self.imported_at.isoformat(),
            "synthetic": self.synthetic,
        }


class Measure(models.TextChoices):
    CHILDREN = "children", _("Børn 0–17 år")
    NOTIFICATIONS = "notifications", _("Underretninger i alt")
    NOTIFICATIONS_BY_REASON = "notifications_by_reason", _("Underretninger efter årsag")
    BOERNEHUS = "boernehus_cases", _("Påbegyndte børnehussager")
    VULNERABLE_PCT = "vulnerable_pct", _("Sårbare børn i procent af 0–17-årige")


class StatisticValue(models.Model):
    """One figure for one municipality and period, from one source.

    ``value`` is empty when the figure is missing, e.g. suppressed by Statistics Denmark
    (``..``): never 0. ``period`` is the source's own (``2023``, or ``2024K1`` for FOLK1A).
    """

    measure = models.CharField(_("mål"), max_length=30, choices=Measure.choices)
    municipality = models.ForeignKey(
        Municipality, on_delete=models.PROTECT, related_name="+", verbose_name=_("kommune")
    )
    year = models.PositiveSmallIntegerField(_("år"))
    period = models.CharField(_("periode"), max_length=10)
    reason = models.CharField(_("årsagskode"), max_length=20, blank=True)
    value = models.DecimalField(_("værdi"), max_digits=14, decimal_places=4, null=True)
    source = models.ForeignKey(
        DataSource, on_delete=models.PROTECT, related_name="values", verbose_name=_("kilde")
    )
    line = models.PositiveIntegerField(_("linje i kilden"))
    imported_at = models.DateTimeField(_("importeret"))

    class Meta:
        ordering = ["measure", "municipality__code", "period", "reason"]
        verbose_name = _("statistisk værdi")
        verbose_name_plural = _("statistiske værdier")
        constraints = [
            models.UniqueConstraint(
                fields=["measure", "municipality", "period", "reason"], name="one_value_per_key"
            )
        ]
        indexes = [
            models.Index(fields=["measure", "year"]),
            # The screening's "data changed" marker: a year's count and newest import (#11).
            models.Index(fields=["year", "imported_at"]),
        ]

    def __str__(self):
        return f"{self.measure} {self.municipality.code} {self.period} {self.reason}: {self.value}"


class ComparisonGroup(models.Model):
    """The objectively comparable municipalities of one municipality (e.g. KL's or VIVE's).

    The screening leaves the municipality itself out even when a published group lists it.
    """

    municipality = models.OneToOneField(
        Municipality,
        on_delete=models.PROTECT,
        related_name="comparison_group",
        verbose_name=_("kommune"),
    )
    members = models.ManyToManyField(
        Municipality, related_name="+", verbose_name=_("sammenlignelige kommuner")
    )
    source = models.ForeignKey(
        DataSource,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("importeret fra"),
    )
    updated_at = models.DateTimeField(_("ændret"), auto_now=True)
    version = models.PositiveIntegerField(_("version"), default=1, editable=False)

    class Meta:
        ordering = ["municipality__name"]
        verbose_name = _("sammenligningsgruppe")
        verbose_name_plural = _("sammenligningsgrupper")

    def __str__(self):
        return str(_("Sammenligningsgruppe for %(name)s")) % {"name": self.municipality}
