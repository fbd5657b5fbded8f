"""Open tasks across all active programmes, overdue apart from coming: the consultants'
to-do list."""

from django.db.models import Count, Q
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _

from indsats.accounts import permissions
from indsats.accounts.decorators import requires
from indsats.core.pagination import paginate

from ..models import ProgrammeStatus, Task

UPCOMING_PAGE_PARAMETER = "side_kommende"


@requires(permissions.is_board_staff)
def task_list(request):
    """The overdue tasks and the coming ones, each by due date and paged on its own, 50 a
    page (C13): many overdue tasks never push the coming ones off the first page."""
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
    overdue = paginate(
        request,
        rows.filter(due_on__lt=today),
        label=_("Sider med overskredne opgaver"),
        count=counts["overdue"],
    )
    upcoming = paginate(
        request,
        rows.filter(due_on__gte=today),
        label=_("Sider med kommende opgaver"),
        parameter=UPCOMING_PAGE_PARAMETER,
        count=counts["all"] - counts["overdue"],
    )
    return render(
        request,
        "programmes/task_list.html",
        {
            "overdue": overdue,
            "upcoming": upcoming,
            "overdue_count": overdue.count,
            "upcoming_count": upcoming.count,
            "mine": mine,
        },
    )
