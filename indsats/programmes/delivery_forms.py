"""Forms for the records of delivering a programme (C6): hours, the hour cap, goals, tasks,
the programme's texts and its consultants. The dated events — meetings, theme days and
focus groups — are in ``event_forms``.

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
from .correction_forms import CorrectionReasonMixin
from .facts_from_records import draft_policy_received
from .models import (
    Goal,
    HourEntry,
    ProgrammeRecord,
    Task,
    hours_summary,
)
from .record_dates import DATE_INPUT, is_new_or_changed, programme_began

HALF_HOUR = Decimal("0.5")

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
        problem = is_new_or_changed(self, "date") and rules.too_early_problem(
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
        problem = is_new_or_changed(self, "due_on") and rules.task_deadline_problem(
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
