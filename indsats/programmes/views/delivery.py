"""Delivering a programme (C6): meetings, theme days, focus groups, the hours log and its
cap, goals and results, tasks, the programme's texts and its consultants.

Every view takes the programme's pk first. Someone who may not see the programme gets
404 (an applicant of another organisation never learns it exists); someone who may see
it but not deliver it (the applicant's own users) gets 403. Each page returns to the
programme page, to the section it changed.
"""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from indsats.accounts import permissions
from indsats.accounts.decorators import requires
from indsats.core.concurrency import CONFLICT, saved

from .. import notifications, rules
from ..delivery_forms import (
    ConsultantsForm,
    GoalForm,
    HourCapForm,
    HourEntryForm,
    ProgrammeRecordForm,
    TaskForm,
)
from ..event_forms import FocusGroupForm, MeetingForm, ThemeDayForm
from ..models import (
    FocusGroup,
    FocusGroupPhase,
    Goal,
    Meeting,
    MeetingKind,
    Programme,
    ProgrammeRecord,
    Task,
    ThemeDay,
    effective_hour_cap,
    hours_summary,
)
from .programme import get_programme_for_user


def _programme(request, pk, may=None) -> Programme:
    """The programme, if the user may see it (else 404) and deliver it (else 403)."""
    programme = get_programme_for_user(request.user, pk)
    if not permissions.can_deliver(request.user, programme):
        raise PermissionDenied
    if may is not None and not may(request.user):
        raise PermissionDenied
    return programme


def _back(programme, section: str):
    return redirect(f"{reverse('programmes:detail', args=[programme.pk])}#{section}")


def _page(request, template, programme, form, status=200, **extra):
    context = {"programme": programme, "form": form, **extra}
    return render(request, f"programmes/delivery/{template}", context, status=status)


def _record_to_edit(request, model, record_pk, programme):
    """The programme's record to edit, or None when it is gone on a save: someone deleted
    it while the user edited, so the view returns to the programme page and says so
    (``_deleted_meanwhile``). Opening a record that does not exist is a 404."""
    record = model.objects.filter(pk=record_pk, programme=programme).first()
    if record is None and request.method != "POST":
        raise Http404
    return record


def _deleted_meanwhile(request, programme, section: str):
    messages.error(
        request,
        _(
            "Registreringen er slettet af en anden, mens du redigerede. Dine ændringer er "
            "ikke gemt."
        ),
    )
    return _back(programme, section)


def _is_upcoming(meeting) -> bool:
    return meeting.starts_at > timezone.now()


# --- Meetings -------------------------------------------------------------------------------


def _default_kind(programme) -> str:
    if programme.offer.code == "O5":
        return MeetingKind.OUTREACH
    if not programme.meetings.filter(kind=MeetingKind.INITIAL).exists():
        return MeetingKind.INITIAL
    return MeetingKind.OTHER


@requires(permissions.is_signed_in)
def meeting_add(request, pk):
    """Set a meeting; everyone at the organisations and the consultants are told (C10)."""
    programme = _programme(request, pk)
    kind = request.GET.get("type")
    if kind not in MeetingKind.values:
        kind = _default_kind(programme)
    form = MeetingForm(request.POST or None, programme=programme, initial={"kind": kind})
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():  # the meeting and its e-mails, or neither (C12)
            meeting = form.save()
            if _is_upcoming(meeting):
                notifications.meeting_scheduled(meeting, moved=False)
        messages.success(request, _("Mødet er gemt."))
        return _back(programme, "moeder")
    return _page(request, "meeting_form.html", programme, form, creating=True)


@requires(permissions.is_signed_in)
def meeting_edit(request, pk, meeting_pk):
    """Move a meeting or write its minutes. Two people saving at once: the second is told
    of the conflict, keeps what they typed, and gets status 409."""
    programme = _programme(request, pk)
    meeting = _record_to_edit(request, Meeting, meeting_pk, programme)
    if meeting is None:
        return _deleted_meanwhile(request, programme, "moeder")
    was = (meeting.starts_at, meeting.place)
    form = MeetingForm(request.POST or None, instance=meeting, programme=programme)
    status = 200
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():  # the change and its e-mails, or neither (C12)
            if saved(form):
                meeting = form.instance
                if (meeting.starts_at, meeting.place) != was and _is_upcoming(meeting):
                    notifications.meeting_scheduled(meeting, moved=True)
                messages.success(request, _("Mødet er gemt."))
                return _back(programme, "moeder")
        status = CONFLICT
    return _page(request, "meeting_form.html", programme, form, status=status, meeting=meeting)


# --- Theme days and focus groups (O4.1) -----------------------------------------------------


@requires(permissions.is_signed_in)
def theme_day_add(request, pk):
    programme = _programme(request, pk)
    form = ThemeDayForm(request.POST or None, programme=programme)
    if request.method == "POST":
        # Under the programme's lock: two people adding at once cannot make three days.
        with transaction.atomic():
            Programme.objects.select_for_update().get(pk=programme.pk)
            added = form.is_valid()
            if added:
                form.save()
        if added:
            messages.success(request, _("Temadagen er gemt."))
            return _back(programme, "temadage")
    return _page(
        request,
        "theme_day_form.html",
        programme,
        form,
        theme_days=programme.theme_days.all(),
    )


@require_POST
@requires(permissions.is_signed_in)
def theme_day_held(request, pk, day_pk):
    """Mark a theme day as held, once its date has come."""
    programme = _programme(request, pk)
    day = get_object_or_404(ThemeDay, pk=day_pk, programme=programme)
    if day.date > timezone.localdate():
        messages.error(request, _("En temadag kan først markeres som holdt på dagen."))
    elif not day.held:
        day.held = True
        day.version += 1  # an edit form opened before this now sees a conflict
        day.save(update_fields=["held", "version"])
        messages.success(request, _("Temadagen er markeret som holdt."))
    return _back(programme, "temadage")


@requires(permissions.is_signed_in)
def focus_group(request, pk, phase):
    """Record (or correct) the focus-group interview at the start or the end."""
    programme = _programme(request, pk)
    if phase not in FocusGroupPhase.values:
        raise Http404
    instance = FocusGroup.objects.filter(programme=programme, phase=phase).first() or FocusGroup(
        programme=programme, phase=phase
    )
    form = FocusGroupForm(request.POST or None, instance=instance)
    status = 200
    if request.method == "POST" and form.is_valid():
        if saved(form):
            messages.success(request, _("Fokusgruppeinterviewet er gemt."))
            return _back(programme, "fokusgrupper")
        status = CONFLICT
    return _page(
        request,
        "focus_group_form.html",
        programme,
        form,
        status=status,
        group=instance,
        phase_label=FocusGroupPhase(phase).label,
    )


# --- Hours (O1.1) ---------------------------------------------------------------------------


@requires(permissions.is_signed_in)
def hours_add(request, pk):
    """Log hours: warns at 20 of 25, refuses past the cap (O1.1)."""
    programme = _programme(request, pk)
    if request.method == "POST":
        with transaction.atomic():
            # One entry at a time per programme, so two cannot together pass the cap.
            Programme.objects.select_for_update().get(pk=programme.pk)
            form = HourEntryForm(request.POST, programme=programme, user=request.user)
            saved = form.is_valid()
            if saved:
                form.save()
        if saved:
            messages.success(request, _("Timerne er registreret."))
            status = hours_summary(programme)
            if status.warning:
                messages.warning(request, rules.hours_warning_text(status))
            return _back(programme, "timer")
    else:
        form = HourEntryForm(programme=programme, user=request.user)
    return _page(
        request,
        "hours_form.html",
        programme,
        form,
        hours=hours_summary(programme),
        can_raise_hour_cap=permissions.can_raise_hour_cap(request.user),
    )


@requires(permissions.is_signed_in)
def hour_cap(request, pk):
    """A manager raises the cap on hours, with a reason that is kept on the programme."""
    programme = _programme(request, pk, may=permissions.can_raise_hour_cap)
    status = hours_summary(programme)
    form = HourCapForm(request.POST or None, status=status)
    if request.method == "POST" and form.is_valid() and _raise_hour_cap(request, programme, form):
        new_cap = form.cleaned_data["hour_cap"]
        messages.success(request, _("Timeloftet er hævet til %(cap)s timer.") % {"cap": new_cap})
        return _back(programme, "timer")
    return _page(request, "hour_cap_form.html", programme, form, hours=status)


def _raise_hour_cap(request, programme, form) -> bool:
    """Raise the cap under a row lock. The form checked the cap it was shown; another
    manager may have raised it since, so the check is made again on the locked row."""
    with transaction.atomic():
        locked = Programme.objects.select_for_update().get(pk=programme.pk)
        current = effective_hour_cap(locked)
        new_cap = form.cleaned_data["hour_cap"]
        if current is not None and new_cap <= current:
            form.add_error(
                "hour_cap",
                _("Timeloftet er i mellemtiden sat til %(cap)s timer. Skriv et højere tal.")
                % {"cap": current},
            )
            return False
        line = _("%(date)s, %(who)s: fra %(old)s til %(new)s timer. %(reason)s") % {
            "date": date_format(timezone.localdate(), "SHORT_DATE_FORMAT"),
            "who": request.user.full_name,
            "old": current if current is not None else "–",
            "new": new_cap,
            "reason": form.cleaned_data["reason"],
        }
        locked.hour_cap = new_cap
        locked.hour_cap_reason = "\n".join(
            part for part in (locked.hour_cap_reason.strip(), line) if part
        )
        locked.version += 1
        locked.save(update_fields=["hour_cap", "hour_cap_reason", "version"])
    return True


# --- Goals and results (O2, O3) -------------------------------------------------------------


@requires(permissions.is_signed_in)
def goal_add(request, pk):
    programme = _programme(request, pk)
    form = GoalForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        goal = form.save(commit=False)
        goal.programme = programme
        last = programme.goals.order_by("-order").values_list("order", flat=True).first()
        goal.order = (last or 0) + 1
        goal.save()
        messages.success(request, _("Målet er gemt."))
        return _back(programme, "maal")
    return _page(request, "goal_form.html", programme, form, creating=True)


@requires(permissions.is_signed_in)
def goal_edit(request, pk, goal_pk):
    programme = _programme(request, pk)
    goal = _record_to_edit(request, Goal, goal_pk, programme)
    if goal is None:
        return _deleted_meanwhile(request, programme, "maal")
    form = GoalForm(request.POST or None, instance=goal)
    status = 200
    if request.method == "POST" and form.is_valid():
        if saved(form):
            messages.success(request, _("Målet er gemt."))
            return _back(programme, "maal")
        status = CONFLICT
    return _page(request, "goal_form.html", programme, form, status=status, goal=goal)


# --- Tasks ----------------------------------------------------------------------------------


@requires(permissions.is_signed_in)
def task_add(request, pk):
    programme = _programme(request, pk)
    form = TaskForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        task = form.save(commit=False)
        task.programme = programme
        task.created_by = request.user
        task.save()
        messages.success(request, _("Opgaven er oprettet."))
        return _back(programme, "opgaver")
    return _page(request, "task_form.html", programme, form)


@require_POST
@requires(permissions.is_signed_in)
def task_done(request, pk, task_pk):
    programme = _programme(request, pk)
    task = get_object_or_404(Task, pk=task_pk, programme=programme)
    if task.done_at is None:
        task.done_at = timezone.now()
        task.version += 1  # an edit form opened before this now sees a conflict
        task.save(update_fields=["done_at", "version"])
        messages.success(request, _("Opgaven »%(title)s« er udført.") % {"title": task.title})
    return _back(programme, "opgaver")


# --- The programme's texts, and its consultants ---------------------------------------------


@requires(permissions.is_signed_in)
def record_edit(request, pk):
    """Scope, plan, evaluation and feedback on the draft policy, as the offer uses them.
    Two people saving at once: the second is told, loses nothing, and gets 409."""
    programme = _programme(request, pk)
    record = ProgrammeRecord.for_programme(programme)
    form = ProgrammeRecordForm(request.POST or None, instance=record, programme=programme)
    status = 200
    if request.method == "POST" and form.is_valid():
        if saved(form):
            messages.success(request, _("Teksterne er gemt."))
            return _back(programme, "noter")
        status = CONFLICT
    return _page(request, "record_form.html", programme, form, status=status)


@requires(permissions.is_signed_in)
def consultants(request, pk):
    programme = _programme(request, pk, may=permissions.can_assign_consultants)
    form = ConsultantsForm(
        request.POST or None, initial={"consultants": list(programme.consultants.all())}
    )
    if request.method == "POST" and form.is_valid():
        programme.consultants.set(form.cleaned_data["consultants"])
        messages.success(request, _("Konsulenterne er gemt."))
        return _back(programme, "konsulenter")
    return _page(request, "consultants_form.html", programme, form)
