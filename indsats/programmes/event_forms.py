"""Forms for the dated events of a programme (C6; O1, O4): meetings, theme days and focus
groups. Each date is checked against the programme's order by the pure rules in
``rules`` — nothing before the programme (or, for the initial meeting, its case) began,
the theme days between the initial and the closing meeting, the end focus group after the
start one and the theme days — and a correction is held to the same rules (with a reason,
``correction_forms``).
"""

from __future__ import annotations

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from indsats.core.concurrency import VersionedModelForm
from indsats.core.text import LineBreaksMixin

from . import rules
from .correction_forms import CorrectionReasonMixin, meeting_dates
from .models import (
    FocusGroup,
    FocusGroupPhase,
    Meeting,
    MeetingKind,
    ThemeDay,
    initial_meeting_minutes_template,
)
from .record_dates import (
    DATE_INPUT,
    DATETIME_INPUT,
    case_began,
    is_new_or_changed,
    programme_began,
)


def theme_day_topics(offer=None) -> str:
    """The topics of the theme days (O4.2), one per line, as a starting point: the offer's
    own (staff keep them in the catalogue, in Danish and English), else the four of O4.2."""
    if offer is not None and offer.theme_day_topics.strip():
        return offer.in_language("theme_day_topics")
    return "\n".join(
        str(topic)
        for topic in (
            _("Lovgivning, definitioner og omfang"),
            _("Tvivl og dilemmaer ved mistanke"),
            _("Tegn og reaktioner samt samtalen med barnet"),
            _("Børns seksualitet og bekymrende seksuel adfærd"),
        )
    )


class MeetingForm(LineBreaksMixin, CorrectionReasonMixin, VersionedModelForm):
    """A meeting's time, place, participants and minutes; saved with optimistic locking.

    Its date must fit the programme's order (the initial meeting before the theme days,
    the closing meeting after them) and minutes are for a meeting that has begun.
    """

    reason_help = _("Frivilligt. Fx hvorfor mødet flyttes. Begrundelsen ses i historikken.")

    class Meta:
        model = Meeting
        fields = [
            "kind",
            "starts_at",
            "place",
            "participants",
            "minutes",
            "agreed_end",
            "change_reason",
        ]
        widgets = {
            "starts_at": DATETIME_INPUT,
            "agreed_end": DATE_INPUT,
            "participants": forms.Textarea(attrs={"rows": 4}),
            "minutes": forms.Textarea(attrs={"rows": 16}),
        }

    def __init__(self, *args, programme, **kwargs):
        super().__init__(*args, **kwargs)
        self.programme = programme
        if self.instance.pk is None:
            self.instance.programme = programme
        self.fields["starts_at"].help_text = _("Dato og klokkeslæt, fx 14.03.2027 kl. 10.00.")
        self.fields["starts_at"].error_messages["required"] = _(
            "Skriv, hvornår mødet er: dato og klokkeslæt."
        )
        self.fields["place"].error_messages["required"] = _("Skriv, hvor mødet holdes.")
        self.fields["minutes"].help_text = _(
            "Skriv referatet, når mødet er holdt. Overskrifterne er en skabelon; skriv under "
            "hver af dem."
        )
        kind = self.initial.get("kind") or self.instance.kind
        if (
            not self.is_bound
            and programme.offer.code == "O4"
            and kind == MeetingKind.INITIAL
            and not (self.instance.minutes or "").strip()
        ):
            self.initial["minutes"] = initial_meeting_minutes_template()

    def clean(self):
        cleaned = super().clean()
        starts_at = cleaned.get("starts_at")
        if starts_at is None:
            return cleaned
        day = timezone.localdate(starts_at)
        others = self.programme.meetings.exclude(pk=self.instance.pk)
        kind = cleaned.get("kind", "")
        problem = rules.second_initial_meeting_problem(
            kind, [timezone.localtime(m.starts_at) for m in others if m.kind == MeetingKind.INITIAL]
        )
        if problem:
            self.add_error("kind", problem)
        began = case_began if kind == MeetingKind.INITIAL else programme_began
        problem = is_new_or_changed(self, "starts_at") and rules.too_early_problem(
            day, began(self.programme)
        )
        problem = problem or rules.meeting_date_problem(
            kind,
            day,
            list(self.programme.theme_days.values_list("date", flat=True)),
            meeting_dates(others),
        )
        if problem:
            self.add_error("starts_at", problem)
        agreed_end = cleaned.get("agreed_end")
        if agreed_end is not None:
            problem = rules.agreed_end_problem(agreed_end, day)
            if problem:
                self.add_error("agreed_end", problem)
        written = Meeting(minutes=cleaned.get("minutes", "")).has_minutes
        problem = rules.minutes_problem(starts_at, timezone.now(), written)
        if problem:
            self.add_error("minutes", problem)
        return cleaned


class ThemeDayForm(LineBreaksMixin, CorrectionReasonMixin, VersionedModelForm):
    """One of the two connected theme days (O4.1): refused when it breaks the rule. A
    moved day is checked against the other day again, and needs a reason."""

    reason_help = _("Skal udfyldes, når temadagen flyttes. Begrundelsen ses i historikken.")
    reason_required_for = ("date",)
    reason_missing = _("Skriv, hvorfor temadagen flyttes.")

    class Meta:
        model = ThemeDay
        fields = ["date", "place", "topics", "held", "gap_reason", "change_reason"]
        widgets = {
            "date": DATE_INPUT,
            "topics": forms.Textarea(attrs={"rows": 5}),
            "gap_reason": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, programme, **kwargs):
        super().__init__(*args, **kwargs)
        self.programme = programme
        if self.instance.pk is None:
            self.instance.programme = programme
        self.fields["topics"].help_text = _("Temadagenes emner; ret dem til dagens program.")
        self.fields["held"].label = _("Temadagen er holdt")
        if not self.is_bound and not self.instance.pk:
            self.initial.setdefault("topics", theme_day_topics(programme.offer))

    def clean(self):
        cleaned = super().clean()
        day = cleaned.get("date")
        if day is None:
            return cleaned
        if cleaned.get("held") and day > timezone.localdate():
            self.add_error("held", _("En temadag i fremtiden kan ikke være holdt."))
        meetings = meeting_dates(self.programme.meetings.all())
        problem = is_new_or_changed(self, "date") and rules.too_early_problem(
            day, programme_began(self.programme)
        )
        problem = problem or rules.theme_day_date_problem(
            day,
            min((when for kind, when in meetings if kind == "initial"), default=None),
            min((when for kind, when in meetings if kind == "closing"), default=None),
        )
        if problem:
            self.add_error("date", problem)
            return cleaned
        others = self.programme.theme_days.exclude(pk=self.instance.pk)
        verdict = rules.check_theme_day(
            list(others.values_list("date", flat=True)), day, cleaned.get("gap_reason", "")
        )
        if not verdict.allowed:
            self.add_error("gap_reason" if verdict.needs_reason else "date", verdict.reason)
        return cleaned


class FocusGroupForm(LineBreaksMixin, CorrectionReasonMixin, VersionedModelForm):
    """The focus-group interview at the start or the end (O4.1): not before the programme
    began, the one at the end after the one at the start and after the theme days."""

    reason_help = _("Frivilligt. Fx hvorfor datoen rettes. Begrundelsen ses i historikken.")

    class Meta:
        model = FocusGroup
        fields = ["held_on", "participants", "notes", "change_reason"]
        widgets = {
            "held_on": DATE_INPUT,
            "participants": forms.Textarea(attrs={"rows": 3}),
            "notes": forms.Textarea(attrs={"rows": 12}),
        }

    def clean_held_on(self):
        held_on = self.cleaned_data["held_on"]
        if held_on > timezone.localdate():
            raise forms.ValidationError(_("Interviewet kan ikke være holdt i fremtiden."))
        programme = self.instance.programme
        problem = is_new_or_changed(self, "held_on") and rules.too_early_problem(
            held_on, programme_began(programme)
        )
        if not problem:
            others = {
                group.phase: group.held_on
                for group in programme.focus_groups.exclude(pk=self.instance.pk)
            }
            if self.instance.phase == FocusGroupPhase.END:
                problem = rules.end_focus_group_date_problem(
                    held_on,
                    others.get(FocusGroupPhase.START),
                    list(programme.theme_days.values_list("date", flat=True)),
                )
            else:
                problem = rules.start_focus_group_date_problem(
                    held_on, others.get(FocusGroupPhase.END)
                )
        if problem:
            raise forms.ValidationError(problem)
        return held_on
