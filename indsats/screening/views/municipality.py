"""A municipality's page in the screening: its factors with their figures, time series as
charts with data tables, the records staff keep, programmes and outreach, and the decision."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.shortcuts import redirect, render
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext as _

from indsats.accounts import permissions
from indsats.accounts.decorators import requires
from indsats.audit.reads import ReadKind, record_read, screening_label
from indsats.programmes.models import Programme

from ..forms import DecisionForm, outreach_in_progress
from ..labels import MEASURE_LABELS, REFERENCE_LABELS
from ..models import (
    ComparisonGroup,
    Decision,
    MinisterialRequest,
    PreparednessPlan,
    PressCriticism,
    ScreeningDecision,
    StatisticValue,
)
from ..rules import BOERNEHUS, NOTIFICATION
from ..series import chart_data, time_series
from ..services import (
    OutreachAlreadyOpen,
    current_parameters,
    data_changed_since,
    municipality_organisation,
    record_decision,
    running_outreach_case,
)
from .lookups import get_municipality, shown_run


def _programme_url(programme) -> str | None:
    """The programme's page, once the programmes app has one."""
    try:
        return reverse("programmes:detail", args=[programme.pk])
    except NoReverseMatch:
        return None


def _charts(municipality, parameters) -> tuple[list[dict], list[dict]]:
    series = time_series(municipality, parameters)
    labels = {name: str(label) for name, label in REFERENCE_LABELS.items()}
    labels = {name: label[:1].upper() + label[1:] for name, label in labels.items()}
    charts = []
    for measure in (NOTIFICATION, BOERNEHUS):
        charts.append(
            {
                "id": f"chart-{measure}",
                "data_id": f"chart-{measure}-data",
                "title": MEASURE_LABELS[measure],
                "data": chart_data(series, measure, labels, municipality.name),
                "measure": measure,
            }
        )
    return series, charts


def _uses_synthetic(municipality, run) -> bool:
    if run is not None and run.synthetic:
        return True
    return StatisticValue.objects.filter(municipality=municipality, source__synthetic=True).exists()


@requires(permissions.can_view_screening)
def detail(request, code):
    municipality = get_municipality(code)
    can_decide = permissions.can_decide_outreach(request.user)
    run, current = shown_run(request)
    running_case = running_outreach_case(municipality)
    form = None
    if can_decide:
        form = DecisionForm(
            request.POST or None, municipality=municipality, running_case=running_case
        )
    if request.method == "POST":
        if not can_decide:
            raise PermissionDenied
        if form.is_valid():
            try:
                decision = record_decision(
                    municipality,
                    form.cleaned_data["decision"],
                    form.cleaned_data["reason"],
                    request.user,
                    run=run,
                    contact=form.cleaned_data.get("contact"),
                )
            except OutreachAlreadyOpen as refused:  # opened since the form was checked
                running_case = refused.programme
                form.add_error("decision", outreach_in_progress(running_case))
            else:
                if decision.decision == Decision.CONTACT:
                    messages.success(
                        request,
                        _(
                            "Beslutningen er gemt, og det opsøgende forløb %(reference)s er "
                            "oprettet."
                        )
                        % {"reference": decision.programme.reference},
                    )
                else:
                    messages.success(request, _("Beslutningen er gemt."))
                return redirect("screening:municipality", code=municipality.code)
    record_read(request, ReadKind.SCREENING, municipality.code, screening_label(municipality))
    parameters = current_parameters(run.year if run else None)
    series, charts = _charts(municipality, parameters)
    organisation = municipality_organisation(municipality)
    programmes = list(
        Programme.objects.filter(Q(organisation=organisation) | Q(participants=organisation))
        .select_related("offer")
        .distinct()
        .order_by("-created_at")
    )
    for programme in programmes:
        programme.url = _programme_url(programme)
    decisions = list(
        ScreeningDecision.objects.filter(municipality=municipality)
        .select_related("decided_by", "programme", "contact")
        .order_by("-decided_at", "-pk")
    )
    for decision in decisions:
        if decision.programme is not None:
            decision.programme.url = _programme_url(decision.programme)
    if running_case is not None:
        running_case.url = _programme_url(running_case)
    return render(
        request,
        "screening/municipality.html",
        {
            "municipality": municipality,
            "run": run,
            "current_run": current,
            "result": run.result_for(municipality.code) if run else None,
            "series": series,
            "charts": charts,
            "plan": PreparednessPlan.objects.filter(municipality=municipality).first(),
            "press": PressCriticism.objects.filter(municipality=municipality),
            "requests": MinisterialRequest.objects.filter(municipality=municipality),
            "group": ComparisonGroup.objects.filter(municipality=municipality)
            .prefetch_related("members")
            .first(),
            "programmes": programmes,
            "decisions": decisions,
            "running_case": running_case,
            "data_changed": run is not None and data_changed_since(run),
            "form": form,
            "can_record": permissions.can_record_screening_information(request.user),
            "contacts": municipality.contacts.all(),
            "can_keep_contacts": permissions.can_keep_municipal_contacts(request.user),
            "synthetic": _uses_synthetic(municipality, run),
        },
        status=400 if form is not None and form.is_bound else 200,
    )
