"""The daily reminders (C10): tasks that fall due, and meetings tomorrow.

Each reminder has a key naming what and when; ``indsats.core.models.send_once`` makes
sure a key is sent once, so the command may run twice a day without duplicates.
"""

from __future__ import annotations

import datetime

from django.utils import timezone

from indsats.core.mail import absolute_url, send_templated
from indsats.core.models import send_once

from .models import ProgrammeStatus


def _programme_people(programme) -> list[str]:
    emails = list(programme.consultants.values_list("email", flat=True))
    for organisation in programme.all_organisations():
        emails += list(organisation.users.filter(is_active=True).values_list("email", flat=True))
    return emails


def due_task_reminders(today: datetime.date) -> int:
    from .models import Task

    sent = 0
    tasks = Task.objects.filter(
        done_at__isnull=True, due_on__lte=today, programme__status=ProgrammeStatus.ACTIVE
    ).select_related("programme", "assignee")
    for task in tasks:
        recipients = (
            [task.assignee.email]
            if task.assignee
            else list(task.programme.consultants.values_list("email", flat=True))
        )
        context = {"task": task, "url": absolute_url("programmes:detail", task.programme_id)}
        key = f"task-due:{task.pk}:{task.due_on.isoformat()}"
        if send_once(
            key, lambda c=context, r=recipients: send_templated("programmes/email/task_due", c, r)
        ):
            sent += 1
    return sent


def meeting_reminders(today: datetime.date) -> int:
    from .models import Meeting

    tomorrow = today + datetime.timedelta(days=1)
    sent = 0
    meetings = Meeting.objects.filter(
        starts_at__date=tomorrow, programme__status=ProgrammeStatus.ACTIVE
    ).select_related("programme")
    for meeting in meetings:
        context = {
            "meeting": meeting,
            "url": absolute_url("programmes:detail", meeting.programme_id),
        }
        key = f"meeting-tomorrow:{meeting.pk}:{timezone.localtime(meeting.starts_at).isoformat()}"
        recipients = _programme_people(meeting.programme)
        if send_once(
            key,
            lambda c=context, r=recipients: send_templated(
                "programmes/email/meeting_tomorrow", c, r
            ),
        ):
            sent += 1
    return sent
