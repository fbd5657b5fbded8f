"""Forms for the records of delivering a programme (C6).

The rules themselves (hours cap, theme days, dates in order) are pure functions in
``rules``; these forms hand them the stored values and put the verdict at the field it
is about. Every form that corrects a record carries its version (optimistic locking,
``core.concurrency``) and checks the rules again against the other records, so a
correction is held to the same rules as a new record. Where a correction matters — a
moved theme day, a corrected hour entry — it needs a reason, saved on the record so the
audit trail shows it (``correction_forms``).
"""

from __future__ import annotations

from decimal import Decimal

from django import forms
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from indsats.accounts.models import User
from indsats.accounts.permissions import DELIVERERS
from indsats.core import workdays
from indsats.core.concurrency import VersionedModelForm
from indsats.core.forms import WholeNumberModelMultipleChoiceField, danish_formfield
from indsats.core.text import LineBreaksMixin

from . import rules
from .correction_forms import CorrectionReasonMixin, meeting_dates
from .facts_from_records import draft_policy_received
from .models import (
    FocusGroup,
    FocusGroupPhase,
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

HALF_HOUR = Decimal("0.5")
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


def programme_began(programme):
    """The day the programme began: it is created when the application is granted, so no
    record of delivering it lies before that day."""
    return timezone.localdate(programme.created_at)


def case_began(programme):
    """The day the case began: the first enquiry or application behind the programme, else
    the programme itself. An initial meeting comes before the grant (O1.2: enquiry,
    initial meeting, then the application), so it may be recorded with a date from then."""
    moments = [programme.created_at]
    for application in programme.applications.select_related("enquiry"):
        moments.append(application.created_at)
        if application.enquiry is not None:
            moments.append(application.enquiry.created_at)
    return timezone.localdate(min(moments))


def _is_new_or_changed(form, name: str) -> bool:
    """Checked for a new record, and for a record whose ``name`` is changed: an old record
    that is only corrected elsewhere is not refused for a date it already had."""
    return form.instance.pk is None or name in form.changed_data


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
        problem = _is_new_or_changed(self, "starts_at") and rules.too_early_problem(
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
        problem = _is_new_or_changed(self, "date") and rules.too_early_problem(
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
        problem = _is_new_or_changed(self, "held_on") and rules.too_early_problem(
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


class HourEntryForm(LineBreaksMixin, CorrectionReasonMixin, VersionedModelForm):
    """An entry in the hours log, checked against the programme's cap (O1.1) — a
    corrected entry too, against the other entries and the cap as a manager has raised
    it. A correction needs a reason.

    The view validates it while it holds a lock on the programme, so two consultants
    logging at the same moment cannot together pass the cap.
    """

    reason_help = _("Skriv, hvad der rettes og hvorfor. Begrundelsen ses i historikken.")
    reason_required_for = ("date", "hours", "description", "consultant")
    reason_missing = _("Skriv, hvorfor registreringen rettes.")

    class Meta:
        model = HourEntry
        fields = ["date", "hours", "description", "consultant", "change_reason"]
        widgets = {"date": DATE_INPUT}
        formfield_callback = danish_formfield

    def __init__(self, *args, programme, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.programme = programme
        if self.instance.pk is None:
            self.instance.programme = programme
        self.verdict: rules.HoursVerdict | None = None
        self.fields["consultant"].queryset = delivering_staff()
        self.fields["hours"].help_text = _("I halve eller hele timer, fx 2,5.")
        self.fields["date"].error_messages["required"] = _("Skriv, hvilken dag timerne er brugt.")
        if not self.is_bound and self.instance.pk is None:
            self.initial.setdefault("date", timezone.localdate())
            self.initial.setdefault("consultant", user.pk)

    def clean_date(self):
        day = self.cleaned_data["date"]
        if day > timezone.localdate():
            raise forms.ValidationError(
                _("Timer registreres for det, der er holdt: ikke i fremtiden.")
            )
        problem = _is_new_or_changed(self, "date") and rules.too_early_problem(
            day, programme_began(self.programme)
        )
        if problem:
            raise forms.ValidationError(problem)
        return day

    def clean_hours(self):
        hours = self.cleaned_data["hours"]
        if hours % HALF_HOUR:
            raise forms.ValidationError(_("Skriv timerne i halve eller hele timer, fx 2,5."))
        status = hours_summary(self.programme)
        if self.instance.pk is None:
            self.verdict = rules.check_new_hours(status.total, hours, status.cap)
        else:
            self.verdict = rules.check_corrected_hours(
                status.total, self.instance.hours, hours, status.cap
            )
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


class GoalForm(LineBreaksMixin, VersionedModelForm):
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


class TaskForm(LineBreaksMixin, VersionedModelForm):
    """A task and its deadline: a working day, since a deadline on a weekend or a Danish
    public holiday is one nobody can meet on the day; and not already passed when set."""

    class Meta:
        model = Task
        fields = ["title", "due_on", "assignee"]
        widgets = {"due_on": DATE_INPUT}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["assignee"].queryset = delivering_staff()

    def clean_due_on(self):
        due_on = self.cleaned_data["due_on"]
        problem = _is_new_or_changed(self, "due_on") and rules.task_deadline_problem(
            due_on, timezone.localdate()
        )
        if problem:
            raise forms.ValidationError(problem)
        if workdays.is_working_day(due_on):
            return due_on
        holiday = workdays.holiday_name(due_on)
        words = {
            "date": date_format(due_on, "DATE_FORMAT"),
            "next": date_format(workdays.next_working_day(due_on), "DATE_FORMAT"),
            "holiday": holiday,
        }
        if holiday:
            message = _(
                "%(date)s er en helligdag (%(holiday)s). Vælg en hverdag som frist, fx %(next)s."
            )
        else:
            message = _("%(date)s er en weekenddag. Vælg en hverdag som frist, fx %(next)s.")
        raise forms.ValidationError(message % words)


class ProgrammeRecordForm(LineBreaksMixin, VersionedModelForm):
    """The programme's own texts, only those its offer uses; saved with optimistic locking.
    The feedback on the draft policy is written once the draft has come (O4.3 step 9)."""

    class Meta:
        model = ProgrammeRecord
        fields = list(ALL_RECORD_FIELDS)
        widgets = {name: forms.Textarea(attrs={"rows": 8}) for name in ALL_RECORD_FIELDS}

    def __init__(self, *args, programme, **kwargs):
        super().__init__(*args, **kwargs)
        self.programme = programme
        wanted = RECORD_FIELDS.get(programme.offer.code, ALL_RECORD_FIELDS)
        for name in ALL_RECORD_FIELDS:
            if name not in wanted:
                del self.fields[name]

    def clean_draft_feedback(self):
        feedback = self.cleaned_data["draft_feedback"]
        if "draft_feedback" in self.changed_data:
            problem = rules.feedback_problem(
                bool(feedback.strip()), draft_policy_received(self.programme)
            )
            if problem:
                raise forms.ValidationError(problem)
        return feedback


class ConsultantsForm(forms.Form):
    consultants = WholeNumberModelMultipleChoiceField(
        label=_("Konsulenter på forløbet"),
        queryset=User.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["consultants"].queryset = delivering_staff()
