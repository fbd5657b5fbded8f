"""The records of delivering a programme (C6).

Meetings (initial, closing, follow-up, outreach), the two connected theme days and the
focus-group interviews of O4 (O4.1, O4.3), the hours log against the cap (O1.1), goals
and results (O2, O3), tasks with due dates, and the programme's own texts — scope,
plan, evaluation and the Board's written feedback on the draft policy — in one
``ProgrammeRecord`` next to the programme.

The facts the workflow engine needs are computed from these in ``facts_from_records``;
the rules (hours cap, theme days, overdue) are pure functions in ``rules``.
"""

from __future__ import annotations

from decimal import Decimal

from django.conf import settings
from django.db import models
from django.db.models import Sum
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from .. import rules
from .core import Programme


class MeetingKind(models.TextChoices):
    INITIAL = "initial", _("Indledende møde")
    CLOSING = "closing", _("Afsluttende møde")
    FOLLOW_UP = "follow_up", _("Opfølgningsmøde")
    OUTREACH = "outreach", _("Møde med kommunen (Socialstyrelsens initiativ)")
    OTHER = "other", _("Andet møde")


def initial_meeting_minutes_template() -> str:
    """Headings for the minutes of an O4 initial meeting: the topics of O4.3 step 5."""
    headings = [
        gettext("Stedets målgruppe, alder, størrelse og organisering"),
        gettext("Stedets erfaringer og udfordringer"),
        gettext("Stedets forventninger, herunder ledelsens rolle og medarbejdernes deltagelse"),
        gettext("Socialstyrelsens forventninger"),
        gettext("Plan for skrivning af politikken, herunder skrivegruppe"),
        gettext("Implementering efter forløbet"),
        gettext("Aftalte datoer, sted og praktiske forhold samt forventet afslutning"),
    ]
    return "\n\n".join(f"{heading}:\n" for heading in headings)


def _normalised(text: str) -> str:
    return " ".join((text or "").split())


class Correctable(models.Model):
    """A delivery record that can be corrected, moved or cancelled with history (C6, C10).

    ``version`` guards against two people overwriting each other (``core.concurrency``).
    ``change_reason`` holds the reason given for the latest correction: saving it makes
    django-auditlog record it beside the changed fields, so the audit trail shows why. A
    cancelled record is deleted after its reason is saved, so the trail keeps both.
    """

    change_reason = models.TextField(_("begrundelse for ændringen"), blank=True)
    version = models.PositiveIntegerField(_("version"), default=1, editable=False)

    class Meta:
        abstract = True

    def get_additional_data(self) -> dict:
        """Stored with every audit entry, so a deleted record stays in its programme's history."""
        return {"programme": self.programme_id}


class Meeting(Correctable):
    """A meeting with the municipality or site: when, where, who, and the minutes."""

    programme = models.ForeignKey(
        Programme, on_delete=models.CASCADE, related_name="meetings", verbose_name=_("forløb")
    )
    kind = models.CharField(
        _("mødetype"), max_length=20, choices=MeetingKind.choices, default=MeetingKind.OTHER
    )
    starts_at = models.DateTimeField(_("tidspunkt"))
    place = models.CharField(_("sted"), max_length=200)
    participants = models.TextField(
        _("deltagere"), blank=True, help_text=_("Én deltager pr. linje, gerne med funktion.")
    )
    minutes = models.TextField(_("referat"), blank=True)
    agreed_end = models.DateField(
        _("forventet afslutning"),
        null=True,
        blank=True,
        help_text=_("Den dato, forløbet efter aftale forventes at slutte."),
    )
    created_at = models.DateTimeField(_("oprettet"), auto_now_add=True)
    updated_at = models.DateTimeField(_("ændret"), auto_now=True)

    class Meta:
        ordering = ["programme", "starts_at", "pk"]
        verbose_name = _("møde")
        verbose_name_plural = _("møder")

    def __str__(self):
        when = date_format(timezone.localtime(self.starts_at), "DATETIME_FORMAT")
        return f"{self.get_kind_display()} {when}"

    @property
    def has_minutes(self) -> bool:
        """Minutes are written: not empty, and not only the untouched headings."""
        written = _normalised(self.minutes)
        return bool(written) and written != _normalised(initial_meeting_minutes_template())


class ThemeDay(Correctable):
    """One of the two connected theme days at the site (O4.1, O4.2, O4.3 step 7)."""

    programme = models.ForeignKey(
        Programme, on_delete=models.CASCADE, related_name="theme_days", verbose_name=_("forløb")
    )
    date = models.DateField(_("dato"))
    place = models.CharField(_("sted"), max_length=200)
    topics = models.TextField(_("emner"), blank=True)
    held = models.BooleanField(_("holdt"), default=False)
    gap_reason = models.TextField(
        _("begrundelse for afvigelse"),
        blank=True,
        help_text=_("Kun hvis dagene ikke ligger på hverdage lige efter hinanden: hvorfor ikke."),
    )
    created_at = models.DateTimeField(_("oprettet"), auto_now_add=True)
    updated_at = models.DateTimeField(_("ændret"), auto_now=True)

    class Meta:
        ordering = ["programme", "date", "pk"]
        verbose_name = _("temadag")
        verbose_name_plural = _("temadage")

    def __str__(self):
        return str(_("Temadag %(date)s")) % {"date": date_format(self.date, "DATE_FORMAT")}


class FocusGroupPhase(models.TextChoices):
    START = "start", _("Ved forløbets start")
    END = "end", _("Ved forløbets afslutning")


class FocusGroup(Correctable):
    """The focus-group interview with a staff group at the start or the end (O4.1)."""

    programme = models.ForeignKey(
        Programme, on_delete=models.CASCADE, related_name="focus_groups", verbose_name=_("forløb")
    )
    phase = models.CharField(
        _("tidspunkt i forløbet"), max_length=5, choices=FocusGroupPhase.choices
    )
    held_on = models.DateField(_("holdt den"))
    participants = models.TextField(_("deltagere"), blank=True)
    notes = models.TextField(_("noter"), blank=True)
    updated_at = models.DateTimeField(_("ændret"), auto_now=True)

    class Meta:
        ordering = ["programme", "phase"]
        verbose_name = _("fokusgruppeinterview")
        verbose_name_plural = _("fokusgruppeinterviews")
        constraints = [
            models.UniqueConstraint(fields=["programme", "phase"], name="one_focus_group_per_phase")
        ]

    def __str__(self):
        return f"{self.programme.reference}: {self.get_phase_display()}"

    @property
    def has_notes(self) -> bool:
        return bool((self.notes or "").strip())


class HourEntryManager(models.Manager):
    def summary(self) -> rules.HoursStatus:
        """From a programme's related manager (``programme.hour_entries.summary``): the
        total against the cap, for templates."""
        programme = getattr(self, "instance", None)
        if programme is None:
            raise TypeError("summary() is for a programme's hour entries.")
        return hours_summary(programme)


class HourEntry(Correctable):
    """Hours of sparring, advice or teaching given (O1.1: up to 25 hours)."""

    programme = models.ForeignKey(
        Programme, on_delete=models.CASCADE, related_name="hour_entries", verbose_name=_("forløb")
    )
    date = models.DateField(_("dato"))
    hours = models.DecimalField(_("timer"), max_digits=4, decimal_places=1)
    description = models.CharField(_("hvad blev der lavet"), max_length=300)
    consultant = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="hour_entries",
        verbose_name=_("konsulent"),
    )
    created_at = models.DateTimeField(_("registreret"), auto_now_add=True)
    updated_at = models.DateTimeField(_("ændret"), auto_now=True)

    objects = HourEntryManager()

    class Meta:
        ordering = ["programme", "date", "pk"]
        verbose_name = _("timeregistrering")
        verbose_name_plural = _("timeregistreringer")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(hours__gt=0), name="hour_entry_hours_positive"
            )
        ]

    def __str__(self):
        return gettext("%(date)s: %(hours)s t") % {
            "date": date_format(self.date, "DATE_FORMAT"),
            "hours": rules.format_hours(self.hours),
        }


class Goal(Correctable):
    """A concrete goal set together with the municipality, and its result (O2.1, O2.4, O3)."""

    programme = models.ForeignKey(
        Programme, on_delete=models.CASCADE, related_name="goals", verbose_name=_("forløb")
    )
    text = models.TextField(_("mål"))
    result = models.TextField(_("resultat"), blank=True)
    order = models.PositiveIntegerField(_("rækkefølge"), default=0)
    updated_at = models.DateTimeField(_("ændret"), auto_now=True)

    class Meta:
        ordering = ["programme", "order", "pk"]
        verbose_name = _("mål")
        verbose_name_plural = _("mål")

    def __str__(self):
        return self.text[:80]

    @property
    def has_result(self) -> bool:
        return bool((self.result or "").strip())


class Task(Correctable):
    """Something someone must do by a date."""

    programme = models.ForeignKey(
        Programme, on_delete=models.CASCADE, related_name="tasks", verbose_name=_("forløb")
    )
    title = models.CharField(_("opgave"), max_length=200)
    due_on = models.DateField(_("frist"))
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="programme_tasks",
        verbose_name=_("ansvarlig"),
    )
    done_at = models.DateTimeField(_("udført"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("oprettet af"),
    )
    created_at = models.DateTimeField(_("oprettet"), auto_now_add=True)
    updated_at = models.DateTimeField(_("ændret"), auto_now=True)

    class Meta:
        ordering = ["programme", models.F("done_at").asc(nulls_first=True), "due_on", "pk"]
        verbose_name = _("opgave")
        verbose_name_plural = _("opgaver")

    def __str__(self):
        return self.title

    @property
    def is_done(self) -> bool:
        return self.done_at is not None

    @property
    def is_overdue(self) -> bool:
        return rules.is_overdue(self.due_on, self.done_at, timezone.localdate())


class ProgrammeRecord(models.Model):
    """The programme's own texts, next to it so that Programme stays as it is."""

    programme = models.OneToOneField(
        Programme, on_delete=models.CASCADE, related_name="record", verbose_name=_("forløb")
    )
    scope = models.TextField(
        _("aftalt omfang"),
        blank=True,
        help_text=_("Hvad er aftalt om forløbets omfang, indhold og rammer."),
    )
    plan = models.TextField(
        _("plan"),
        blank=True,
        help_text=_("Plan for 8–12 måneder: temaer, områder og måneder."),
    )
    evaluation = models.TextField(_("evaluering"), blank=True)
    draft_feedback = models.TextField(
        _("skriftlig feedback på udkastet til politik"),
        blank=True,
        help_text=_(
            "Socialstyrelsens feedback på stedets udkast. Kan skrives, når udkastet er modtaget."
        ),
    )
    updated_at = models.DateTimeField(_("ændret"), auto_now=True)
    version = models.PositiveIntegerField(_("version"), default=1, editable=False)

    class Meta:
        verbose_name = _("forløbsnoter")
        verbose_name_plural = _("forløbsnoter")

    def __str__(self):
        return str(_("Noter til %(reference)s")) % {"reference": self.programme.reference}

    @classmethod
    def for_programme(cls, programme) -> ProgrammeRecord:
        record, _created = cls.objects.get_or_create(programme=programme)
        return record


def effective_hour_cap(programme) -> int | None:
    """The programme's cap; if it has none of its own, its offer's (O1.1: 25 hours)."""
    if programme.hour_cap is not None:
        return programme.hour_cap
    return programme.offer.hour_cap


def hours_summary(programme) -> rules.HoursStatus:
    total = HourEntry.objects.filter(programme=programme).aggregate(total=Sum("hours"))["total"]
    return rules.HoursStatus(total=total or Decimal("0"), cap=effective_hour_cap(programme))
