from django.contrib.auth.decorators import login_required
from django.db import DatabaseError, connection
from django.http import HttpResponseServerError, JsonResponse
from django.shortcuts import redirect, render
from django.template import loader
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from indsats.accounts import permissions

from . import health


@require_safe
def front(request):
    if request.user.is_authenticated:
        return redirect("core:dashboard")
    return render(request, "core/front.html")


@login_required
def dashboard(request):
    proposals = []
    if permissions.can_allocate(request.user):
        from indsats.allocation.services import free_capacity_proposals

        proposals = free_capacity_proposals()  # a freed place is proposed to managers (C5)
    return render(
        request,
        "core/dashboard.html",
        {"is_board_staff": permissions.is_board_staff(request.user), "proposals": proposals},
    )


@require_safe
def accessibility_statement(request):
    return render(request, "core/accessibility_statement.html")


@require_safe
@never_cache
def healthz(request):
    """200 when the database answers a query, 503 when it does not.

    ``/healthz?full`` adds the age of the oldest task waiting for a worker and the outbox's
    backlog (C13), for monitoring; the plain check stays one query, for load balancers.
    """
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
        answer = {"status": "ok", "database": "up"}
        if "full" in request.GET:
            now = timezone.now()
            answer["tasks"] = health.task_backlog(now)
            answer["outbox"] = health.outbox_backlog(now)
    except DatabaseError:
        return JsonResponse({"status": "unavailable", "database": "down"}, status=503)
    return JsonResponse(answer)


def permission_denied(request, exception=None):
    return render(request, "403.html", status=403)


def page_not_found(request, exception=None):
    return render(request, "404.html", status=404)


def server_error(request):
    # No context processors: the failure may be the database, which the menu needs.
    return HttpResponseServerError(loader.get_template("500.html").render({"request": None}))
