from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from indsats.accounts.decorators import requires
from indsats.accounts.permissions import can_view_audit_trail, can_view_read_log
from indsats.core.pagination import paginate

from .describe import describe
from .forms import ReadLogFilterForm, TrailFilterForm


@require_safe
@requires(can_view_audit_trail)
def trail(request):
    """Every recorded change, newest first, 50 a page (C13), filtered as the address says."""
    asked = any(name in request.GET for name in TrailFilterForm.base_fields)
    form = TrailFilterForm(request.GET if asked else None)
    entries = form.entries().select_related("actor", "content_type")
    pagination = paginate(request, entries, label=_("Sider i revisionssporet"))
    return render(
        request,
        "audit/trail.html",
        {
            "form": form,
            "pagination": pagination,
            "page": pagination.page,
            "described": [describe(entry) for entry in pagination],
            "can_view_read_log": can_view_read_log(request.user),
        },
    )


@require_safe
@requires(can_view_read_log)
def read_log(request):
    """Who opened which case, programme or screening page, newest first, 50 a page (C12).

    The filters live in the address, so a page of results can be bookmarked and paged."""
    asked = any(name in request.GET for name in ReadLogFilterForm.base_fields)
    form = ReadLogFilterForm(request.GET if asked else None)
    pagination = paginate(request, form.entries(), label=_("Sider i læseloggen"))
    return render(
        request,
        "audit/read_log.html",
        {"form": form, "pagination": pagination, "page": pagination.page},
    )
