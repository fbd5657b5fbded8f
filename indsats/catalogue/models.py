"""The Board's offers (O1–O5) as data: texts, process steps, conditions and criteria.

Staff change texts and open or close an offer without a deploy; the audit trail keeps
every earlier wording. ``valid_from``/``valid_to`` bound when an offer can be applied for.
"""

from __future__ import annotations

import datetime

from django.db import models
from django.utils import timezone
from django.utils.text import format_lazy
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _


class OfferCode(models.TextChoices):
    TEMAFORLOEB = "O1", _("Temaforløb")
    UDVIKLINGSFORLOEB = "O2", _("Udviklingsforløb")
    FLEKSIBELT = "O3", _("Fleksibelt rådgivningsforløb")
    OPKVALIFICERING = "O4", _("Opkvalificeringsforløb")
    OUTREACH = "O5", _("Konsulentbistand på Socialstyrelsens initiativ")


class ApplicantKind(models.TextChoices):
    MUNICIPALITY = "municipality", _("Kommuner")
    PLACEMENT_SITE = "placement_site", _("Døgninstitutioner og opholdssteder")
    NONE = "none", _("Ingen ansøgning – Socialstyrelsen tager kontakt")


class EnglishTexts(models.Model):
    """A catalogue record whose texts have an English version beside the Danish (C11).

    ``ENGLISH`` names the Danish fields that have one (``<name>_en``). A user who chose
    English reads the English text; where it is missing, the Danish one, and the edit
    page marks the gap for staff.
    """

    ENGLISH: tuple[str, ...] = ()

    class Meta:
        abstract = True

    def in_language(self, name: str, language: str | None = None) -> str:
        """The text of field ``name`` in ``language`` (the active one), else in Danish."""
        if name not in self.ENGLISH:
            raise ValueError(f"{type(self).__name__}.{name} has no English version.")
        language = (language or get_language() or "da").split("-")[0]
        if language == "en":
            english = getattr(self, f"{name}_en")
            if english.strip():
                return english
        return getattr(self, name)

    def missing_english(self) -> list[str]:
        """The Danish fields with text whose English version is empty."""
        return [
            name
            for name in self.ENGLISH
            if getattr(self, name).strip() and not getattr(self, f"{name}_en").strip()
        ]


def _english(danish_field: models.Field) -> models.Field:
    """The English twin of a Danish text field: same kind, optional."""
    label = format_lazy("{} ({})", danish_field.verbose_name, _("engelsk"))
    if isinstance(danish_field, models.TextField):
        return models.TextField(label, blank=True)
    return models.CharField(label, max_length=danish_field.max_length, blank=True)


class OfferQuerySet(models.QuerySet):
    def published(self):
        return self.filter(is_published=True)

    def open_for_applications(self, on: datetime.date | None = None):
        on = on or timezone.localdate()
        return (
            self.published()
            .filter(is_open=True, valid_from__lte=on)
            .filter(models.Q(valid_to__isnull=True) | models.Q(valid_to__gte=on))
            .exclude(applicant_kind=ApplicantKind.NONE)
        )


class Offer(EnglishTexts):
    code = models.CharField(_("kode"), max_length=2, choices=OfferCode.choices, unique=True)
    slug = models.SlugField(_("adresse"), unique=True)
    reference_prefix = models.CharField(
        _("præfiks for referencenumre"),
        max_length=4,
        blank=True,
        help_text=_("Fx TF giver referencenumre som TF-2027-0001."),
    )
    name = models.CharField(_("navn"), max_length=120)
    applicant_kind = models.CharField(
        _("hvem kan søge"), max_length=20, choices=ApplicantKind.choices
    )
    summary = models.TextField(_("kort beskrivelse"))
    content = models.TextField(_("hvad forløbet giver"))
    target_group = models.TextField(_("hvem forløbet er for"))
    practical = models.TextField(_("praktiske forhold og økonomi"), blank=True)
    expected_results = models.TextField(_("forventede resultater"), blank=True)
    # Rules that the application form and the programme enforce.
    hour_cap = models.PositiveIntegerField(_("højst timer"), null=True, blank=True)
    min_days = models.PositiveIntegerField(_("mindst dage"), null=True, blank=True)
    max_days = models.PositiveIntegerField(_("højst dage"), null=True, blank=True)
    min_months = models.PositiveIntegerField(_("mindst måneder"), null=True, blank=True)
    max_months = models.PositiveIntegerField(_("højst måneder"), null=True, blank=True)
    small_site_threshold = models.PositiveIntegerField(
        _("grænse for små steder (ansatte)"),
        null=True,
        blank=True,
        help_text=_("Steder med færre ansatte skal søge sammen med andre steder."),
    )
    requires_enquiry = models.BooleanField(
        _("starter med en henvendelse"),
        default=False,
        help_text=_("Ansøgeren skriver først en henvendelse, og der holdes et indledende møde."),
    )
    is_published = models.BooleanField(_("vises i kataloget"), default=True)
    is_open = models.BooleanField(_("åben for ansøgninger"), default=True)
    valid_from = models.DateField(_("gælder fra"))
    valid_to = models.DateField(_("gælder til"), null=True, blank=True)
    order = models.PositiveSmallIntegerField(_("rækkefølge"), default=0)
    updated_at = models.DateTimeField(_("ændret"), auto_now=True)
    version = models.PositiveIntegerField(_("version"), default=1, editable=False)
    theme_day_topics = models.TextField(
        _("temadagenes emner"),
        blank=True,
        help_text=_("Ét emne pr. linje; forslaget, når en temadag planlægges (O4.2)."),
    )
    # English versions (C11); empty means the Danish text is shown.
    name_en = _english(name)
    summary_en = _english(summary)
    content_en = _english(content)
    target_group_en = _english(target_group)
    practical_en = _english(practical)
    expected_results_en = _english(expected_results)
    theme_day_topics_en = _english(theme_day_topics)

    ENGLISH = (
        "name",
        "summary",
        "content",
        "target_group",
        "practical",
        "expected_results",
        "theme_day_topics",
    )

    objects = OfferQuerySet.as_manager()

    class Meta:
        ordering = ["order", "code"]
        verbose_name = _("tilbud")
        verbose_name_plural = _("tilbud")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(valid_to__isnull=True)
                | models.Q(valid_to__gte=models.F("valid_from")),
                name="offer_valid_period",
            ),
        ]

    def __str__(self):
        return self.in_language("name")

    def can_be_applied_for_on(self, day: datetime.date) -> bool:
        """The same rule as ``Offer.objects.open_for_applications(day)``, without a query."""
        return (
            self.is_published
            and self.is_open
            and self.applicant_kind != ApplicantKind.NONE
            and self.valid_from <= day
            and (self.valid_to is None or day <= self.valid_to)
        )

    def opens_on(self, day: datetime.date) -> datetime.date | None:
        """The day the offer opens for applications after ``day``, when its dates say so
        (open, but not yet from); None when it is open now or it is not known."""
        later = self.valid_from > day
        opens = later and self.can_be_applied_for_on(self.valid_from)
        return self.valid_from if opens else None

    @property
    def can_be_applied_for(self) -> bool:
        return self.can_be_applied_for_on(timezone.localdate())

    def conditions(self):
        return self.rules.filter(kind=OfferCondition.Kind.CONDITION)

    def criteria(self):
        return self.rules.filter(kind=OfferCondition.Kind.CRITERION)


class Actor(models.TextChoices):
    APPLICANT = "applicant", _("Ansøgeren")
    BOARD = "board", _("Socialstyrelsen")
    BOTH = "both", _("Begge")


class OfferStep(EnglishTexts):
    """One step of the offer's process as the catalogue explains it."""

    offer = models.ForeignKey(Offer, on_delete=models.CASCADE, related_name="steps")
    number = models.PositiveSmallIntegerField(_("nummer"))
    title = models.CharField(_("overskrift"), max_length=200)
    text = models.TextField(_("tekst"), blank=True)
    actor = models.CharField(_("hvem handler"), max_length=10, choices=Actor.choices)
    title_en = _english(title)
    text_en = _english(text)

    ENGLISH = ("title", "text")

    class Meta:
        ordering = ["offer", "number"]
        verbose_name = _("procestrin")
        verbose_name_plural = _("procestrin")
        constraints = [
            models.UniqueConstraint(fields=["offer", "number"], name="unique_step_number")
        ]

    def __str__(self):
        return f"{self.number}. {self.in_language('title')}"


class OfferCondition(EnglishTexts):
    """A condition every applicant must meet, or a criterion used to prioritise."""

    class Kind(models.TextChoices):
        CONDITION = "condition", _("Betingelse")
        CRITERION = "criterion", _("Prioriteringskriterium")

    offer = models.ForeignKey(Offer, on_delete=models.CASCADE, related_name="rules")
    kind = models.CharField(_("art"), max_length=10, choices=Kind.choices)
    requirement = models.CharField(
        _("krav-id"), max_length=10, help_text=_("Fx O1.3 – bruges i vurderingen.")
    )
    key = models.SlugField(_("nøgle"), help_text=_("Fast navn, som vurderingen bruger."))
    text = models.TextField(_("tekst"))
    order = models.PositiveSmallIntegerField(_("rækkefølge"), default=0)
    text_en = _english(text)

    ENGLISH = ("text",)

    class Meta:
        ordering = ["offer", "kind", "order"]
        verbose_name = _("betingelse eller kriterium")
        verbose_name_plural = _("betingelser og kriterier")
        constraints = [models.UniqueConstraint(fields=["offer", "key"], name="unique_rule_key")]

    def __str__(self):
        return self.in_language("text")
