"""Open tasks across all active programmes, overdue first: the consultants' to-do list."""

from django.db.models import Count, Q
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _

from indsats.accounts import permissions
from indsats.accounts.decorators import requires
from indsats.core.pagination import paginate

from .. import rules
from ..models import ProgrammeStatus, Task


@requires(permissions.is_board_staff)
def task_list(request):
    """One list by due date, 50 a page (C13): the overdue ones come first because they are
    due earliest; each page shows its overdue and its coming tasks under their headings."""
    today = timezone.localdate()
    tasks = Task.objects.filter(done_at__isnull=True, programme__status=ProgrammeStatus.ACTIVE)
    mine = request.GET.get("vis") == "mine"
    if mine:
        tasks = tasks.filter(assignee=request.user)
    counts = tasks.aggregate(all=Count("pk"), overdue=Count("pk", filter=Q(due_on__lt=today)))
    rows = (
        tasks.select_related("programme", "assignee")
        .only(
            "title",
            "due_on",
            "done_at",
            "programme__reference",
            "assignee__full_name",
            "assignee__email",
        )
        .order_by("due_on", "pk")
    )
    pagination = paginate(request, rows, label=_("Sider med opgaver"))
    overdue = rules.overdue_tasks(pagination, today)
    return render(
        request,
        "programmes/task_list.html",
        {
            "task_pages": pagination,
            "overdue": overdue,
            "upcoming": [task for task in pagination if task not in overdue],
            "overdue_count": counts["overdue"],
            "upcoming_count": counts["all"] - counts["overdue"],
            "mine": mine,
        },
    )
