"""Downloading everything the Board holds about an organisation (GDPR art. 15, #10): from
the applicant's "Min organisation" page and from the staff's organisation page."""

from __future__ import annotations

import logging
import tempfile

from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404

from indsats.accounts import permissions
from indsats.accounts.decorators import requires

from .data_export import file_name, write_zip
from .models import Organisation

logger = logging.getLogger(__name__)

IN_MEMORY_BYTES = 10 * 1024 * 1024  # a larger export spills to a temporary file


@requires(permissions.is_signed_in)
def data_export(request, pk):
    organisation = get_object_or_404(Organisation.objects.select_related("municipality"), pk=pk)
    # Another organisation's export is "not found", as its pages are (existence not revealed).
    if not permissions.can_export_organisation_data(request.user, organisation):
        raise Http404
    target = tempfile.SpooledTemporaryFile(max_size=IN_MEMORY_BYTES)  # noqa: SIM115 - closed by the response
    write_zip(organisation, target)
    target.seek(0)
    logger.info("Data export of organisation %s made by user %s", organisation.pk, request.user.pk)
    return FileResponse(
        target,
        as_attachment=True,
        filename=file_name(organisation),
        content_type="application/zip",
    )
