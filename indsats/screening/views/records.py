"""What staff record per municipality: the plan, press criticism, ministerial requests and
the comparison group. Each edit is versioned (two people never overwrite each other)."""

from __future__ import annotations

from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from indsats.accounts import permissions
from indsats.accounts.decorators import requires
from indsats.core.concurrency import CONFLICT, saved

from ..forms import (
    ComparisonGroupForm,
    MinisterialRequestForm,
    PlanForm,
    PressForm,
    changes_nothing,
)
from ..models import ComparisonGroup, MinisterialRequest, PreparednessPlan, PressCriticism
from .lookups import get_ministerial_request, get_municipality, get_press


def _save(request, form, municipality, title, success, before_save=None):
    """Validate and save ``form``; 409 with the form kept when someone saved in between."""
    status = 200
    if request.method == "POST":
        if form.is_valid():
            if changes_nothing(form):  # no audit entry for a change that did not happen
                messages.info(request, _("Ingen ændringer at gemme."))
                return redirect("screening:municipality", code=municipality.code)
            if before_save:
                before_save(form.instance)
            if saved(form):
                messages.success(request, success)
                return redirect("screening:municipality", code=municipality.code)
            status = CONFLICT
        else:
            status = 400
    return render(
        request,
        "screening/record_form.html",
        {"form": form, "municipality": municipality, "title": title},
        status=status,
    )


@requires(permissions.can_record_screening_information)
def plan_edit(request, code):
    municipality = get_municipality(code)
    plan = PreparednessPlan.objects.filter(municipality=municipality).first()
    plan = plan or PreparednessPlan(municipality=municipality)
    form = PlanForm(request.POST or None, instance=plan)
    return _save(
        request,
        form,
        municipality,
        _("Beredskab for %(name)s") % {"name": municipality},
        _("Beredskabet er gemt."),
    )


def _recorded_by(request):
    def set_user(instance):
        if instance.pk is None:
            instance.recorded_by = request.user

    return set_user


@requires(permissions.can_record_screening_information)
def press_create(request, code):
    municipality = get_municipality(code)
    form = PressForm(request.POST or None, instance=PressCriticism(municipality=municipality))
    return _save(
        request,
        form,
        municipality,
        _("Registrér kritik i pressen af %(name)s") % {"name": municipality},
        _("Kritikken i pressen er registreret."),
        _recorded_by(request),
    )


@requires(permissions.can_record_screening_information)
def press_edit(request, pk):
    item = get_press(pk)
    form = PressForm(request.POST or None, instance=item)
    return _save(
        request,
        form,
        item.municipality,
        _("Ret kritik i pressen af %(name)s") % {"name": item.municipality},
        _("Ændringerne er gemt."),
    )


@requires(permissions.can_record_screening_information)
def ministerial_create(request, code):
    municipality = get_municipality(code)
    instance = MinisterialRequest(municipality=municipality)
    form = MinisterialRequestForm(request.POST or None, instance=instance)
    return _save(
        request,
        form,
        municipality,
        _("Registrér henvendelse fra ministeren om %(name)s") % {"name": municipality},
        _("Henvendelsen fra ministeren er registreret."),
        _recorded_by(request),
    )


@requires(permissions.can_record_screening_information)
def ministerial_edit(request, pk):
    item = get_ministerial_request(pk)
    form = MinisterialRequestForm(request.POST or None, instance=item)
    return _save(
        request,
        form,
        item.municipality,
        _("Ret henvendelse fra ministeren om %(name)s") % {"name": item.municipality},
        _("Ændringerne er gemt."),
    )


@requires(permissions.can_record_screening_information)
def group_edit(request, code):
    municipality = get_municipality(code)
    group = ComparisonGroup.objects.filter(municipality=municipality).first()
    form = ComparisonGroupForm(
        request.POST or None, instance=group or ComparisonGroup(), municipality=municipality
    )
    return _save(
        request,
        form,
        municipality,
        _("Sammenligningsgruppe for %(name)s") % {"name": municipality},
        _("Sammenligningsgruppen er gemt."),
    )
