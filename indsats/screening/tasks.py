"""Background tasks of the screening (C7, C13): the daily reminder of preparedness plans
that fall due, scheduled by the worker (indsats.core.schedule); each plan and due date is
reminded of once however often this runs."""

from __future__ import annotations

from django.utils import timezone
from django_tasks import task

from .reminders import send_plan_reminders


@task()
def send_due_plan_reminders() -> list[str]:
    sent = send_plan_reminders(timezone.localdate())
    return [item.plan.municipality.name for item in sent]
