from auditlog.models import LogEntry
from django.shortcuts import render
from django.utils.translation import gettext as _

from indsats.accounts.decorators import requires
from indsats.accounts.permissions import can_view_audit_trail
from indsats.core.pagination import paginate

from .describe import describe


@requires(can_view_audit_trail)
def trail(request):
    """Every recorded change, newest first, 50 a page (C13)."""
    entries = LogEntry.objects.select_related("actor", "content_type").order_by("-timestamp", "-pk")
    pagination = paginate(request, entries, label=_("Sider i revisionssporet"))
    return render(
        request,
        "audit/trail.html",
        {
            "pagination": pagination,
            "page": pagination.page,
            "described": [describe(entry) for entry in pagination],
        },
    )
