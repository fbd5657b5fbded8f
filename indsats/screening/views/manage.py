"""The screening's settings (with their history), choosing UND3's reason codes from the
table's own list, and uploading data files."""

from __future__ import annotations

import logging

from auditlog.models import LogEntry
from django.contrib import messages
from django.contrib.contenttypes.models import ContentType
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from indsats.accounts import permissions
from indsats.accounts.decorators import requires
from indsats.audit.describe import describe
from indsats.core.concurrency import CONFLICT, EditConflict, save_if_unchanged, saved

from ..forms import ImportForm, ReasonCodeChoiceForm, SettingsForm, changes_nothing
from ..importers import IMPORTERS, ImportFailed
from ..models import DataSource, ScreeningSettings
from ..parameters import sorted_codes
from ..reason_codes import codes_in_force, fetch_reason_options, with_codes_from
from ..services import default_year
from ..statbank import StatbankError

logger = logging.getLogger(__name__)


@requires(permissions.can_edit_screening_settings)
def settings_edit(request):
    current = ScreeningSettings.current()
    form = SettingsForm(request.POST or None, instance=current)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            if changes_nothing(form):
                messages.info(request, _("Ingen ændringer at gemme."))
                return redirect("screening:settings")
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


@requires(permissions.can_edit_screening_settings)
def reason_codes(request):
    """Tick UND3's reasons from the list Statbank's tableinfo gives (#9); when Statbank
    cannot be reached, back to the settings page to type the codes."""
    try:
        options = fetch_reason_options()
    except StatbankError as exc:
        logger.warning("UND3's reasons could not be read from Statbank: %s", exc)
        messages.error(
            request,
            _(
                "Danmarks Statistiks Statistikbank kunne ikke nås, så listen over årsager i "
                "UND3 kan ikke hentes lige nu. Skriv årsagskoderne i feltet nedenfor i "
                "stedet, fx »2022-: 11, 12, 13«, eller prøv igen senere."
            ),
        )
        return redirect(f"{reverse('screening:settings')}#id_reason_codes")
    current = ScreeningSettings.current()
    year = default_year()
    first_year, codes = codes_in_force(current.reason_codes, year) or (year, frozenset())
    listed = {option.code for option in options}
    initial = {"version": current.version, "first_year": first_year, "codes": sorted(codes)}
    form = ReasonCodeChoiceForm(request.POST or None, options=options, initial=initial)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            current.reason_codes = with_codes_from(
                current.reason_codes, form.cleaned_data["first_year"], form.cleaned_data["codes"]
            )
            try:
                save_if_unchanged(current, form.cleaned_data["version"], ["reason_codes"])
            except EditConflict as conflict:
                data = form.data.copy()
                data["version"] = str(conflict.stored_version)
                form.data = data
                form.add_error(
                    None,
                    _(
                        "En anden har gemt indstillingerne, mens du valgte årsager. Dit valg "
                        "er ikke gemt endnu. Se indstillingerne efter, eller gem igen for at "
                        "overskrive dem med dit valg."
                    ),
                )
                status = CONFLICT
            else:
                messages.success(
                    request,
                    _("Årsagskoderne er gemt. De gælder for de næste kørsler af screeningen."),
                )
                return redirect("screening:settings")
        else:
            status = 400
    return render(
        request,
        "screening/reason_codes.html",
        {
            "form": form,
            "year": year,
            "codes_in_force": sorted_codes(codes),
            "not_listed": sorted_codes(codes - listed),
        },
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
