"""The screening's settings, its saved runs, the staff's decisions and plan reminders."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from indsats.organisations.models import MunicipalContact, Municipality
from indsats.programmes.models import Programme

from ..coverage import MissingInput, describe
from ..parameters import DEFAULT_REASON_CODES, FACTORS, MEAN, POOLED, Parameters


class Averaging(models.TextChoices):
    POOLED = POOLED, _("Samlet (summen af tal over summen af børn)")
    MEAN = MEAN, _("Uvægtet gennemsnit af kommunernes rater")


class ScreeningSettings(models.Model):
    """The one set of parameters staff edit (pk 1). Changes are in the audit trail; every
    run saves the values it used."""

    threshold = models.DecimalField(
        _("tærskel t"),
        max_digits=4,
        decimal_places=3,
        default=Decimal("0.250"),
        validators=[MinValueValidator(Decimal(0)), MaxValueValidator(Decimal("0.99"))],
        help_text=_("F5–F7: over (1 + t) × eller under (1 − t) × en reference. 0,25 = 25 %."),
    )
    averaging = models.CharField(
        _("referencerater"), max_length=10, choices=Averaging.choices, default=POOLED
    )
    use_region = models.BooleanField(_("sammenlign med regionen"), default=True)
    use_country = models.BooleanField(_("sammenlign med hele landet"), default=True)
    use_group = models.BooleanField(_("sammenlign med sammenligningsgruppen"), default=True)
    look_back_months = models.PositiveSmallIntegerField(
        _("F3: måneder bagud for kritik i pressen"), default=24
    )
    plan_max_age_years = models.PositiveSmallIntegerField(
        _("F2: år mellem revisioner af beredskabet"), default=4, validators=[MinValueValidator(1)]
    )
    warning_window_days = models.PositiveSmallIntegerField(
        _("F2: dage før fristen, hvor beredskabet vises som snart forfaldent"), default=90
    )
    weight_f1 = models.DecimalField(_("vægt F1"), max_digits=4, decimal_places=2, default=1)
    weight_f2 = models.DecimalField(_("vægt F2"), max_digits=4, decimal_places=2, default=1)
    weight_f3 = models.DecimalField(_("vægt F3"), max_digits=4, decimal_places=2, default=1)
    weight_f4 = models.DecimalField(_("vægt F4"), max_digits=4, decimal_places=2, default=1)
    weight_f5 = models.DecimalField(_("vægt F5"), max_digits=4, decimal_places=2, default=1)
    weight_f6 = models.DecimalField(_("vægt F6"), max_digits=4, decimal_places=2, default=1)
    weight_f7 = models.DecimalField(_("vægt F7"), max_digits=4, decimal_places=2, default=1)
    candidate_min_factors = models.PositiveSmallIntegerField(
        _("antal opfyldte faktorer for at være kandidat"),
        default=2,
        validators=[MinValueValidator(1), MaxValueValidator(7)],
        help_text=_("En åben henvendelse fra ministeren (F4) gør altid kommunen til kandidat."),
    )
    reason_codes = models.TextField(
        _("årsagskoder i UND3, der tæller som vold og seksuelle overgreb"),
        default=DEFAULT_REASON_CODES,
        help_text=_(
            "Én periode pr. linje, fx »2017-2021: 7, 8, 9« eller »2022-: 11, 12«. "
            "Kontrollér koderne mod Danmarks Statistiks tabelinformation for UND3."
        ),
    )
    child_count_quarter = models.PositiveSmallIntegerField(
        _("kvartal for årets antal børn (FOLK1A)"),
        default=1,
        validators=[MinValueValidator(1), MaxValueValidator(4)],
        help_text=_("1 = befolkningen pr. 1. januar."),
    )
    updated_at = models.DateTimeField(_("ændret"), auto_now=True)
    version = models.PositiveIntegerField(_("version"), default=1, editable=False)

    class Meta:
        verbose_name = _("indstillinger for screeningen")
        verbose_name_plural = _("indstillinger for screeningen")

    def __str__(self):
        return str(_("Indstillinger for screeningen"))

    @classmethod
    def current(cls) -> ScreeningSettings:
        settings_row, _created = cls.objects.get_or_create(pk=1)
        return settings_row

    def parameters(self, year: int, as_of: date) -> Parameters:
        references = tuple(
            name
            for name, used in (
                ("region", self.use_region),
                ("country", self.use_country),
                ("group", self.use_group),
            )
            if used
        )
        return Parameters(
            year=year,
            as_of=as_of,
            threshold=Decimal(self.threshold),
            averaging=self.averaging,
            references=references,
            look_back_months=self.look_back_months,
            plan_max_age_years=self.plan_max_age_years,
            warning_window_days=self.warning_window_days,
            weights={code: Decimal(getattr(self, f"weight_{code.lower()}")) for code in FACTORS},
            candidate_min_factors=self.candidate_min_factors,
            reason_codes=self.reason_codes,
            child_count_quarter=self.child_count_quarter,
        )


class ScreeningRunQuerySet(models.QuerySet):
    def for_pages(self):
        """Without ``inputs``: every municipality's figures and records, kept to reproduce
        the run; no page shows them, and reading them took a third of a page's time."""
        return self.defer("inputs")


class ScreeningRun(models.Model):
    """One screening: the parameters, the data versions and inputs it used, and its results.

    ``inputs`` is a snapshot of every figure and record fed to the core, so running the
    core again on it with ``parameters`` gives ``results`` again (see services.reproduce).
    """

    year = models.PositiveSmallIntegerField(_("år"))
    as_of = models.DateField(_("opgjort pr."))
    created_at = models.DateTimeField(_("kørt"), auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("kørt af"),
    )
    parameters = models.JSONField(_("parametre"))
    data_versions = models.JSONField(_("dataversioner"))
    inputs = models.JSONField(_("inddata"))
    results = models.JSONField(_("resultater"))
    fingerprint = models.CharField(_("fingeraftryk af inddata og parametre"), max_length=64)
    synthetic = models.BooleanField(_("bygger på syntetiske data"), default=False)

    objects = ScreeningRunQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("screeningskørsel")
        verbose_name_plural = _("screeningskørsler")

    def __str__(self):
        if self.created_at is None:  # not saved yet
            return str(_("Screening for %(year)s")) % {"year": self.year}
        # Local time in the active language's format: »29. november 2026 kl. 07.40«.
        when = date_format(timezone.localtime(self.created_at), "DATETIME_FORMAT")
        return str(_("Screening for %(year)s, kørt %(when)s")) % {"year": self.year, "when": when}

    @cached_property
    def parsed_parameters(self) -> Parameters:
        return Parameters.from_dict(self.parameters)

    def result_for(self, code: str) -> dict | None:
        return next((row for row in self.results if row["code"] == code), None)

    @cached_property
    def missing_inputs(self) -> list[str]:
        """The inputs missing for most municipalities, each in a sentence (#9); none for
        runs saved before this was recorded."""
        saved = self.data_versions.get("missing_inputs", [])
        return [describe(MissingInput.from_dict(gap), self.year) for gap in saved]


class Decision(models.TextChoices):
    CONTACT = "contact", _("Tag kontakt")
    WATCH = "watch", _("Hold øje")
    NO_ACTION = "no_action", _("Ingen handling")


class ScreeningDecision(models.Model):
    """Staff's judgement on a municipality; *contact* opens an outreach case (O5)."""

    municipality = models.ForeignKey(
        Municipality,
        on_delete=models.PROTECT,
        related_name="screening_decisions",
        verbose_name=_("kommune"),
    )
    run = models.ForeignKey(
        ScreeningRun,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="decisions",
        verbose_name=_("screeningskørsel"),
    )
    decision = models.CharField(_("beslutning"), max_length=10, choices=Decision.choices)
    reason = models.TextField(_("begrundelse"))
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("besluttet af"),
    )
    decided_at = models.DateTimeField(_("besluttet"), auto_now_add=True)
    programme = models.ForeignKey(
        Programme,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("opsøgende forløb"),
    )
    # The outreach case's contact in the municipality (#9); kept empty if they are removed.
    contact = models.ForeignKey(
        MunicipalContact,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("kontaktperson i kommunen"),
    )

    class Meta:
        ordering = ["-decided_at", "-pk"]
        verbose_name = _("beslutning i screeningen")
        verbose_name_plural = _("beslutninger i screeningen")

    def __str__(self):
        return f"{self.municipality}: {self.get_decision_display()}"


class PlanReminder(models.Model):
    """A reminder sent about a plan falling due; one per plan and due date, so the
    reminder command can run any number of times."""

    municipality = models.ForeignKey(
        Municipality, on_delete=models.CASCADE, related_name="+", verbose_name=_("kommune")
    )
    due_on = models.DateField(_("frist for revision"))
    sent_at = models.DateTimeField(_("sendt"), auto_now_add=True)
    recipients = models.TextField(_("modtagere"))

    class Meta:
        ordering = ["-sent_at"]
        verbose_name = _("påmindelse om beredskab")
        verbose_name_plural = _("påmindelser om beredskaber")
        constraints = [
            models.UniqueConstraint(fields=["municipality", "due_on"], name="one_reminder_per_due")
        ]

    def __str__(self):
        return f"{self.municipality} {self.due_on}"
