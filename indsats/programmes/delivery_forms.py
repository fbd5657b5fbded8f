"""Forms for the records of delivering a programme (C6).

The rules themselves (hours cap, theme days) are pure functions in ``rules``; these
forms hand them the stored values and put the verdict where the user will see it.
"""

from __future__ import annotations

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from indsats.accounts.models import User
from indsats.accounts.permissions import DELIVERERS
from indsats.core.concurrency import VersionedModelForm

from . import rules
from .models import (
    FocusGroup,
    Goal,
    HourEntry,
    Meeting,
    MeetingKind,
    ProgrammeRecord,
    Task,
    ThemeDay,
    hours_summary,
    initial_meeting_minutes_template,
)

DATE_INPUT = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
DATETIME_INPUT = forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")

#: Which of the programme's texts each offer uses (from the facts its workflow needs).
RECORD_FIELDS = {
    "O1": ("scope",),
    "O2": ("scope",),
    "O3": ("plan", "evaluation"),
    "O4": ("draft_feedback",),
    "O5": ("scope", "plan", "evaluation"),
}
ALL_RECORD_FIELDS = ("scope", "plan", "evaluation", "draft_feedback")


def delivering_staff():
    """The Board's staff who may deliver a programme, by name."""
    return User.objects.filter(
        is_active=True, organisation__kind="board", role__in=list(DELIVERERS)
    ).order_by("full_name")


def theme_day_topics() -> str:
    """The four topics of the theme days (O4.2), one per line, as a starting point."""
    return "\n".join(
        str(topic)
        for topic in (
            _("Lovgivning, definitioner og omfang"),
            _("Tvivl og dilemmaer ved mistanke"),
            _("Tegn og reaktioner samt samtalen med barnet"),
            _("Børns seksualitet og bekymrende seksuel adfærd"),
        )
    )


class MeetingForm(VersionedModelForm):
    """A meeting's time, place, participants and minutes; saved with optimistic locking."""

    class Meta:
        model = Meeting
        fields = ["kind", "starts_at", "place", "participants", "minutes", "agreed_end"]
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


class ThemeDayForm(forms.ModelForm):
    """One of the two connected theme days (O4.1): refused when it breaks the rule."""

    class Meta:
        model = ThemeDay
        fields = ["date", "place", "topics", "held", "gap_reason"]
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
        self.fields["topics"].help_text = _("Emnerne fra O4.2; ret dem til dagens program.")
        self.fields["held"].label = _("Temadagen er holdt")
        if not self.is_bound and not self.instance.pk:
            self.initial.setdefault("topics", theme_day_topics())

    def clean(self):
        cleaned = super().clean()
        day = cleaned.get("date")
        if day is None:
            return cleaned
        if cleaned.get("held") and day > timezone.localdate():
            self.add_error("held", _("En temadag i fremtiden kan ikke være holdt."))
        others = self.programme.theme_days.exclude(pk=self.instance.pk)
        verdict = rules.check_theme_day(
            list(others.values_list("date", flat=True)), day, cleaned.get("gap_reason", "")
        )
        if not verdict.allowed:
            self.add_error("gap_reason" if verdict.needs_reason else "date", verdict.reason)
        return cleaned


class FocusGroupForm(forms.ModelForm):
    """The focus-group interview at the start or the end (O4.1)."""

    class Meta:
        model = FocusGroup
        fields = ["held_on", "participants", "notes"]
        widgets = {
            "held_on": DATE_INPUT,
            "participants": forms.Textarea(attrs={"rows": 3}),
            "notes": forms.Textarea(attrs={"rows": 12}),
        }

    def clean_held_on(self):
        held_on = self.cleaned_data["held_on"]
        if held_on > timezone.localdate():
            raise forms.ValidationError(_("Interviewet kan ikke være holdt i fremtiden."))
        return held_on


class HourEntryForm(forms.ModelForm):
    """An entry in the hours log, checked against the programme's cap (O1.1).

    The view validates it while it holds a lock on the programme, so two consultants
    logging at the same moment cannot together pass the cap.
    """

    class Meta:
        model = HourEntry
        fields = ["date", "hours", "description", "consultant"]
        widgets = {
            "date": DATE_INPUT,
            "hours": forms.NumberInput(attrs={"step": "0.5", "min": "0.5"}),
        }

    def __init__(self, *args, programme, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.programme = programme
        if self.instance.pk is None:
            self.instance.programme = programme
        self.verdict: rules.HoursVerdict | None = None
        self.fields["consultant"].queryset = delivering_staff()
        self.fields["hours"].help_text = _("I halve eller hele timer, fx 2,5.")
        if not self.is_bound:
            self.initial.setdefault("date", timezone.localdate())
            self.initial.setdefault("consultant", user.pk)

    def clean_date(self):
        day = self.cleaned_data["date"]
        if day > timezone.localdate():
            raise forms.ValidationError(
                _("Timer registreres for det, der er holdt: ikke i fremtiden.")
            )
        return day

    def clean_hours(self):
        hours = self.cleaned_data["hours"]
        status = hours_summary(self.programme)
        self.verdict = rules.check_new_hours(status.total, hours, status.cap)
        if not self.verdict.allowed:
            raise forms.ValidationError(self.verdict.reason)
        return hours


class HourCapForm(forms.Form):
    """A manager raises the programme's cap on hours, always with a reason (O1.1)."""

    required_marks = "none"

    hour_cap = forms.IntegerField(label=_("Nyt timeloft"), min_value=1, max_value=999)
    reason = forms.CharField(
        label=_("Begrundelse"),
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Hvorfor skal forløbet have flere timer end tilbuddet giver?"),
    )

    def __init__(self, *args, status: rules.HoursStatus, **kwargs):
        super().__init__(*args, **kwargs)
        self.status = status

    def clean_hour_cap(self):
        new_cap = self.cleaned_data["hour_cap"]
        if self.status.cap is not None and new_cap <= self.status.cap:
            raise forms.ValidationError(
                _("Det nye loft skal være højere end det nuværende på %(cap)s timer.")
                % {"cap": self.status.cap}
            )
        if new_cap < self.status.total:
            raise forms.ValidationError(
                _("Loftet kan ikke være lavere end de timer, der allerede er registreret.")
            )
        return new_cap

    def clean_reason(self):
        reason = self.cleaned_data["reason"].strip()
        if not reason:
            raise forms.ValidationError(_("Skriv en begrundelse."))
        return reason


class GoalForm(forms.ModelForm):
    """A concrete goal (O2.1) and, later, its result (O2.4)."""

    class Meta:
        model = Goal
        fields = ["text", "result"]
        widgets = {
            "text": forms.Textarea(attrs={"rows": 3}),
            "result": forms.Textarea(attrs={"rows": 5}),
        }
        help_texts = {
            "result": _("Hvad er opnået i forhold til målet? Udfyldes ved opfølgningen."),
        }


class TaskForm(forms.ModelForm):
    class Meta:
        model = Task
        fields = ["title", "due_on", "assignee"]
        widgets = {"due_on": DATE_INPUT}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["assignee"].queryset = delivering_staff()


class ProgrammeRecordForm(VersionedModelForm):
    """The programme's own texts, only those its offer uses; saved with optimistic locking."""

    class Meta:
        model = ProgrammeRecord
        fields = list(ALL_RECORD_FIELDS)
        widgets = {name: forms.Textarea(attrs={"rows": 8}) for name in ALL_RECORD_FIELDS}

    def __init__(self, *args, programme, **kwargs):
        super().__init__(*args, **kwargs)
        wanted = RECORD_FIELDS.get(programme.offer.code, ALL_RECORD_FIELDS)
        for name in ALL_RECORD_FIELDS:
            if name not in wanted:
                del self.fields[name]


class ConsultantsForm(forms.Form):
    consultants = forms.ModelMultipleChoiceField(
        label=_("Konsulenter på forløbet"),
        queryset=User.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["consultants"].queryset = delivering_staff()
