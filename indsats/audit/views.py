from auditlog.models import LogEntry
from django.core.paginator import Paginator
from django.shortcuts import render

from indsats.accounts.decorators import requires
from indsats.accounts.permissions import can_view_audit_trail

from .describe import describe


@requires(can_view_audit_trail)
def trail(request):
    """Every recorded change, newest first."""
    entries = LogEntry.objects.select_related("actor", "content_type").order_by("-timestamp")
    page = Paginator(entries, 50).get_page(request.GET.get("side"))
    return render(
        request,
        "audit/trail.html",
        {"page": page, "described": [describe(entry) for entry in page.object_list]},
    )
