"""The screening's settings (with their history) and uploading data files."""

from __future__ import annotations

from auditlog.models import LogEntry
from django.contrib import messages
from django.contrib.contenttypes.models import ContentType
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from indsats.accounts import permissions
from indsats.accounts.decorators import requires
from indsats.audit.describe import describe
from indsats.core.concurrency import CONFLICT, saved

from ..forms import ImportForm, SettingsForm
from ..importers import IMPORTERS, ImportFailed
from ..models import DataSource, ScreeningSettings


@requires(permissions.can_edit_screening_settings)
def settings_edit(request):
    current = ScreeningSettings.current()
    form = SettingsForm(request.POST or None, instance=current)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            if saved(form):
                messages.success(
                    request,
                    _("Indstillingerne er gemt. De gælder for de næste kørsler af screeningen."),
                )
                return redirect("screening:settings")
            status = CONFLICT
        else:
            status = 400
    entries = LogEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(ScreeningSettings),
        object_pk=str(current.pk),
    ).select_related("actor", "content_type")[:20]
    return render(
        request,
        "screening/settings.html",
        {"form": form, "history": [describe(entry) for entry in entries]},
        status=status,
    )


@requires(permissions.can_import_screening_data)
def upload(request):
    form = ImportForm(request.POST or None, request.FILES or None)
    errors, status = [], 200
    if request.method == "POST":
        if form.is_valid():
            upload_file = form.cleaned_data["file"]
            importer = IMPORTERS[form.cleaned_data["kind"]]
            try:
                result = importer(upload_file.read(), upload_file.name, user=request.user)
            except ImportFailed as failure:
                errors, status = failure.errors, 400
            else:
                messages.success(request, result.summary())
                return redirect("screening:upload")
        else:
            status = 400
    return render(
        request,
        "screening/upload.html",
        {
            "form": form,
            "errors": errors,
            "sources": DataSource.objects.select_related("imported_by")[:30],
        },
        status=status,
    )
