"""Open tasks across all active programmes, overdue first: the consultants' to-do list."""

from django.shortcuts import render
from django.utils import timezone

from indsats.accounts import permissions
from indsats.accounts.decorators import requires

from .. import rules
from ..models import ProgrammeStatus, Task


@requires(permissions.is_board_staff)
def task_list(request):
    today = timezone.localdate()
    tasks = (
        Task.objects.filter(done_at__isnull=True, programme__status=ProgrammeStatus.ACTIVE)
        .select_related("programme", "assignee")
        .order_by("due_on", "pk")
    )
    mine = request.GET.get("vis") == "mine"
    if mine:
        tasks = tasks.filter(assignee=request.user)
    overdue = rules.overdue_tasks(tasks, today)
    return render(
        request,
        "programmes/task_list.html",
        {
            "overdue": overdue,
            "upcoming": [task for task in tasks if task not in overdue],
            "mine": mine,
        },
    )
