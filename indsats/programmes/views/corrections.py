"""Correcting, moving and cancelling a programme's records (C6, C10): theme days, hours,
tasks, and the cancelling of meetings, theme days, hour entries, focus groups, goals and
tasks. Who may record a thing may correct it (``permissions.can_deliver``).

Each correction is validated and saved while the programme's row is locked, so the rules
that span records — the two connected theme days, the hour cap — see every other record
as it is; and with the record's version, so two people never overwrite each other
without being told (status 409, with what they typed kept).
"""

from __future__ import annotations

from django.contrib import messages
from django.db import transaction
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from indsats.accounts import permissions
from indsats.accounts.decorators import requires
from indsats.core.concurrency import CONFLICT, EditConflict, saved

from .. import notifications, rules
from ..correction_forms import CancelForm, Cancellable, cancel_record
from ..delivery_forms import HourEntryForm, TaskForm
from ..event_forms import ThemeDayForm
from ..models import (
    FocusGroup,
    Goal,
    HourEntry,
    Meeting,
    Programme,
    Task,
    ThemeDay,
    hours_summary,
)
from .delivery import _back, _deleted_meanwhile, _page, _programme, _record_to_edit


def save_under_programme_lock(programme, form) -> int | None:
    """Validate and save ``form`` under the programme's row lock. None when saved;
    otherwise the status of the page to show again (200 invalid, 409 conflict)."""
    with transaction.atomic():
        Programme.objects.select_for_update().get(pk=programme.pk)
        if not form.is_valid():
            return 200
        if not saved(form):
            return CONFLICT
    return None


@requires(permissions.is_signed_in)
def theme_day_edit(request, pk, day_pk):
    """Move a theme day or correct it. A move that breaks the connected-days rule is
    refused at the date and the stored date stays; a move needs a reason."""
    programme = _programme(request, pk)
    day = _record_to_edit(request, ThemeDay, day_pk, programme)
    if day is None:
        return _deleted_meanwhile(request, programme, "temadage")
    form = ThemeDayForm(request.POST or None, instance=day, programme=programme)
    status = 200
    if request.method == "POST":
        status = save_under_programme_lock(programme, form)
        if status is None:
            messages.success(request, _("Temadagen er gemt."))
            return _back(programme, "temadage")
    others = programme.theme_days.exclude(pk=day.pk)
    return _page(
        request, "theme_day_form.html", programme, form, status=status, day=day, theme_days=others
    )


@requires(permissions.is_signed_in)
def hours_edit(request, pk, entry_pk):
    """Correct an hour entry, with a reason; checked against the cap again (O1.1)."""
    programme = _programme(request, pk)
    entry = _record_to_edit(request, HourEntry, entry_pk, programme)
    if entry is None:
        return _deleted_meanwhile(request, programme, "timer")
    form = HourEntryForm(request.POST or None, instance=entry, programme=programme, user=None)
    status = 200
    if request.method == "POST":
        status = save_under_programme_lock(programme, form)
        if status is None:
            messages.success(request, _("Registreringen er rettet."))
            hours = hours_summary(programme)
            if hours.warning:
                messages.warning(request, rules.hours_warning_text(hours))
            return _back(programme, "timer")
    return _page(
        request,
        "hours_form.html",
        programme,
        form,
        status=status,
        entry=entry,
        hours=hours_summary(programme),
        can_raise_hour_cap=permissions.can_raise_hour_cap(request.user),
    )


@requires(permissions.is_signed_in)
def task_edit(request, pk, task_pk):
    programme = _programme(request, pk)
    task = _record_to_edit(request, Task, task_pk, programme)
    if task is None:
        return _deleted_meanwhile(request, programme, "opgaver")
    form = TaskForm(request.POST or None, instance=task)
    status = 200
    if request.method == "POST" and form.is_valid():
        if saved(form):
            messages.success(request, _("Opgaven er gemt."))
            return _back(programme, "opgaver")
        status = CONFLICT
    return _page(request, "task_form.html", programme, form, status=status, task=task)


# --- Cancelling -----------------------------------------------------------------------------


def _meeting_refused(meeting) -> str:
    if meeting.has_minutes:
        return gettext_lazy(
            "Mødet har et referat og er altså holdt. Ret mødet i stedet for at aflyse det."
        )
    return ""


def _theme_day_refused(day) -> str:
    if day.held:
        return gettext_lazy("Temadagen er markeret som holdt. Ret den i stedet for at aflyse den.")
    return ""


CANCELLABLE = {
    "meeting": Cancellable(
        Meeting,
        "moeder",
        heading=gettext_lazy("Aflys mødet"),
        button=gettext_lazy("Aflys mødet"),
        done=gettext_lazy("Mødet er aflyst."),
        reason_required=True,
        refused=_meeting_refused,
    ),
    "theme_day": Cancellable(
        ThemeDay,
        "temadage",
        heading=gettext_lazy("Aflys temadagen"),
        button=gettext_lazy("Aflys temadagen"),
        done=gettext_lazy("Temadagen er aflyst."),
        reason_required=True,
        refused=_theme_day_refused,
    ),
    "hour_entry": Cancellable(
        HourEntry,
        "timer",
        heading=gettext_lazy("Slet timeregistreringen"),
        button=gettext_lazy("Slet registreringen"),
        done=gettext_lazy("Registreringen er slettet."),
        reason_required=True,
    ),
    "focus_group": Cancellable(
        FocusGroup,
        "fokusgrupper",
        heading=gettext_lazy("Slet fokusgruppeinterviewet"),
        button=gettext_lazy("Slet interviewet"),
        done=gettext_lazy("Fokusgruppeinterviewet er slettet."),
        reason_required=True,
    ),
    "goal": Cancellable(
        Goal,
        "maal",
        heading=gettext_lazy("Slet målet"),
        button=gettext_lazy("Slet målet"),
        done=gettext_lazy("Målet er slettet."),
        reason_required=False,
    ),
    "task": Cancellable(
        Task,
        "opgaver",
        heading=gettext_lazy("Slet opgaven"),
        button=gettext_lazy("Slet opgaven"),
        done=gettext_lazy("Opgaven er slettet."),
        reason_required=False,
    ),
}

# What the audit trail's reason reads: "Aflyst: Stedet har fået corona."
CANCELLED_TEXT = {
    "meeting": gettext_lazy("Aflyst: %(reason)s"),
    "theme_day": gettext_lazy("Aflyst: %(reason)s"),
}
DELETED_TEXT = gettext_lazy("Slettet: %(reason)s")


@requires(permissions.is_signed_in)
def cancel(request, pk, kind, record_pk):
    """Cancel a meeting or a theme day, or delete an hour entry, a focus group, a goal or
    a task — with the reason in the history. An upcoming meeting's participants are told."""
    programme = _programme(request, pk)
    what = CANCELLABLE.get(kind)
    if what is None:
        raise Http404
    record = get_object_or_404(what.model, pk=record_pk, programme=programme)
    refused = what.refused(record)
    form = CancelForm(
        request.POST or None,
        initial={"version": record.version},
        reason_required=what.reason_required,
    )
    status = 200
    if request.method == "POST" and not refused and form.is_valid():
        upcoming = kind == "meeting" and record.starts_at > timezone.now()
        try:
            with transaction.atomic():  # the cancellation and its e-mails, or neither (C12)
                gone = cancel_record(
                    record,
                    form.cleaned_data["version"],
                    form.cleaned_data["reason"],
                    CANCELLED_TEXT.get(kind, DELETED_TEXT),
                )
                if upcoming and gone is not None:  # None: someone cancelled it first
                    reason = form.cleaned_data["reason"]
                    notifications.meeting_cancelled(gone, programme, reason)
        except EditConflict:
            status = CONFLICT
            form.add_error(
                None,
                _(
                    "En anden har ændret posten, mens du så på den. Se den igen, før du "
                    "sletter eller aflyser den."
                ),
            )
        else:
            messages.success(request, what.done)
            return _back(programme, what.section)
    return _page(
        request,
        "cancel_form.html",
        programme,
        form,
        status=status,
        what=what,
        record=record,
        refused=refused,
    )
