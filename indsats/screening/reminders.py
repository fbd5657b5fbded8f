"""Reminders for preparedness plans that fall due for revision (F2, Barnets Lov § 15).

A plan is due ``plan_max_age_years`` after it was last approved or revised. Within the
warning window before that, and after it, the Board's inbox is told once per plan and due
date: a PlanReminder records each one, so the command can run every day, or twice.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from django.conf import settings
from django.db import transaction

from indsats.core.mail import absolute_url, send_templated
from indsats.organisations.contacts import first_contact
from indsats.organisations.models import ContactRole, MunicipalContact

from .models import PlanReminder, PreparednessPlan, ScreeningSettings
from .parameters import add_years


@dataclass(frozen=True)
class DuePlan:
    plan: PreparednessPlan
    last_decided_on: date
    due_on: date
    overdue: bool
    url: str
    owner: MunicipalContact | None = None  # the plan's owner in the municipality (#9)


def plans_falling_due(as_of: date) -> list[DuePlan]:
    """Approved plans due within the warning window, or overdue, on ``as_of``."""
    settings_row = ScreeningSettings.current()
    window = timedelta(days=settings_row.warning_window_days)
    due = []
    plans = (
        PreparednessPlan.objects.select_related("municipality")
        .prefetch_related("municipality__contacts")
        .exclude(approved_on=None)
    )
    for plan in plans:
        last = max(day for day in (plan.approved_on, plan.revised_on) if day is not None)
        due_on = add_years(last, settings_row.plan_max_age_years)
        if as_of >= due_on - window:
            due.append(
                DuePlan(
                    plan,
                    last,
                    due_on,
                    as_of > due_on,
                    absolute_url("screening:municipality", plan.municipality.code),
                    first_contact(
                        contact
                        for contact in plan.municipality.contacts.all()
                        if contact.role == ContactRole.PLAN_OWNER
                    ),
                )
            )
    return sorted(due, key=lambda item: (item.due_on, item.plan.municipality.name))


def send_plan_reminders(as_of: date) -> list[DuePlan]:
    """E-mail the Board's inbox about plans not reminded of before; return those."""
    recipients = [settings.BOARD_INBOX_EMAIL]
    with transaction.atomic():
        fresh = []
        for item in plans_falling_due(as_of):
            _reminder, created = PlanReminder.objects.get_or_create(
                municipality=item.plan.municipality,
                due_on=item.due_on,
                defaults={"recipients": ", ".join(recipients)},
            )
            if created:
                fresh.append(item)
        if fresh:
            send_templated(
                "screening/email/plan_reminders",
                {"plans": fresh, "as_of": as_of, "screening_url": absolute_url("screening:list")},
                recipients,
            )
    return fresh
