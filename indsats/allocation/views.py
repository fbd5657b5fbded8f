"""The allocation back office (C5): capacity per offer and period, consultants' hours, the
plan with its reasons, moving a place with a reason, and confirming. Thin: the rules are
in ``rules.py``, the loading and recording in ``services.py``."""

from __future__ import annotations

from django.contrib import messages
from django.db import transaction
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from indsats.accounts import permissions
from indsats.accounts.decorators import requires
from indsats.accounts.models import Role, User
from indsats.catalogue.models import Offer
from indsats.core.concurrency import CONFLICT, EditConflict

from . import confirmation, rules, services
from .forms import CapacityForm, ConsultantHoursForm, MoveForm, NewPeriodForm, WeightsForm
from .models import ConsultantCapacity, CriterionWeight, OfferCapacity, PlanMove
from .periods import Period, parse_period


def _offer(code) -> Offer:
    if code not in services.ALLOCATED_OFFERS:
        raise Http404
    return get_object_or_404(Offer, code=code)


def _period(text) -> Period:
    try:
        return parse_period(text)
    except ValueError:
        raise Http404 from None


@requires(permissions.can_view_allocation)
def overview(request):
    capacities = OfferCapacity.objects.select_related("offer").order_by("offer__order", "-period")
    form = NewPeriodForm()
    return render(
        request,
        "allocation/overview.html",
        {
            "capacities": capacities,
            "offers": Offer.objects.filter(code__in=services.ALLOCATED_OFFERS),
            "form": form,
            "proposals": services.free_capacity_proposals(),
            "can_allocate": permissions.can_allocate(request.user),
        },
    )


@require_POST
@requires(permissions.can_allocate)
def capacity_create(request):
    offer = _offer(request.POST.get("offer", ""))
    form = NewPeriodForm(request.POST)
    if not form.is_valid():
        messages.error(request, " ".join(form.errors["period"]))
        return redirect("allocation:overview")
    period = form.cleaned_data["period"]
    OfferCapacity.objects.get_or_create(offer=offer, period=period, defaults={"places": 0})
    return redirect("allocation:capacity", code=offer.code, period=period)


@requires(permissions.can_allocate)
def capacity_edit(request, code, period):
    offer, period = _offer(code), _period(period)
    capacity = get_object_or_404(OfferCapacity, offer=offer, period=period.key)
    # Only O1 ranks by weighted criteria (O1.4).
    rules_ = list(offer.criteria()) if offer.code == "O1" else []
    stored = dict(CriterionWeight.objects.filter(rule__in=rules_).values_list("rule", "weight"))
    data = request.POST if request.method == "POST" else None
    form = CapacityForm(data, instance=capacity)
    weights = WeightsForm(data, rules=rules_, weights=stored)
    status = 200
    if data is not None and form.is_valid() and weights.is_valid():
        try:
            with transaction.atomic():
                form.save()
                for rule_pk, weight in weights.weights().items():
                    CriterionWeight.objects.update_or_create(
                        rule_id=rule_pk, defaults={"weight": weight}
                    )
        except EditConflict:
            status = CONFLICT
        else:
            messages.success(request, _("Kapaciteten er gemt."))
            return redirect("allocation:plan", code=offer.code, period=period.key)
    return render(
        request,
        "allocation/capacity_form.html",
        {"offer": offer, "period": period, "form": form, "weights": weights},
        status=status,
    )


@requires(permissions.can_allocate)
def consultant_hours(request, period):
    period = _period(period)
    consultants = User.objects.filter(role=Role.CONSULTANT, is_active=True).order_by(
        "full_name", "pk"
    )
    stored = {
        row.consultant_id: row
        for row in ConsultantCapacity.objects.filter(period=period.key, consultant__in=consultants)
    }
    form = ConsultantHoursForm(
        request.POST if request.method == "POST" else None,
        consultants=consultants,
        initial_hours={pk: row.hours for pk, row in stored.items()},
    )
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            for consultant_pk, hours in form.hours().items():
                row = stored.get(consultant_pk)
                if hours is None:
                    if row is not None:
                        row.delete()
                elif row is None:
                    ConsultantCapacity.objects.create(
                        consultant_id=consultant_pk, period=period.key, hours=hours
                    )
                elif row.hours != hours:
                    row.hours = hours
                    row.save()
        messages.success(request, _("Konsulenternes timer er gemt."))
        return redirect("allocation:consultants", period=period.key)
    return render(request, "allocation/consultant_hours.html", {"period": period, "form": form})


def _queue(plan) -> tuple[dict[str, int], int]:
    """Each queued application's place, and the number of places in the queue."""
    positions = {p.ref: p.position for p in plan.placements if p.position is not None}
    return positions, max(positions.values(), default=0)


def _plan_context(request, offer, period, move_form=None, move_reference=None, drawn=None):
    drawn = drawn or services.draw_plan(offer, period)
    rows = []
    for placement in drawn.plan.placements:
        application = drawn.applications[placement.ref]
        rows.append(
            {
                "placement": placement,
                "application": application,
                "changes": application.status != confirmation.STATUS_OF[placement.outcome],
            }
        )
    news = confirmation.news_of(drawn)
    return {
        "offer": offer,
        "period": period,
        "drawn": drawn,
        "plan": drawn.plan,
        "use": drawn.use,
        "rows": rows,
        "queue_length": _queue(drawn.plan)[1],
        "move_form": move_form,
        "move_reference": move_reference,
        "changes": news.decisions,
        "news": news,
        "fingerprint": rules.fingerprint(drawn.plan),
        "can_allocate": permissions.can_allocate(request.user),
    }


@requires(permissions.can_view_allocation)
def plan(request, code, period):
    offer, period = _offer(code), _period(period)
    return render(request, "allocation/plan.html", _plan_context(request, offer, period))


@require_POST
@requires(permissions.can_allocate)
def move(request, code, period):
    offer, period = _offer(code), _period(period)
    drawn = services.draw_plan(offer, period)
    positions, queue_length = _queue(drawn.plan)
    form = MoveForm(request.POST, positions=positions, queue_length=queue_length)
    if form.is_valid():
        application = drawn.applications[form.cleaned_data["reference"]]
        services.move_in_queue(
            offer,
            period,
            application,
            form.cleaned_data["to_position"],
            form.cleaned_data["reason"],
            request.user,
        )
        messages.success(
            request,
            _("%(reference)s er flyttet. Flytningen gælder, når du bekræfter fordelingen.")
            % {"reference": application.reference},
        )
        return redirect("allocation:plan", code=offer.code, period=period.key)
    reference = request.POST.get("reference")
    moved = drawn.applications.get(reference)
    if moved is not None:  # its fields on the page are named by the application's pk
        form.auto_id = f"move-{moved.pk}-%s"
    context = _plan_context(
        request, offer, period, move_form=form, move_reference=reference, drawn=drawn
    )
    return render(request, "allocation/plan.html", context, status=400)


@require_POST
@requires(permissions.can_allocate)
def cancel_move(request, code, period, move_pk):
    offer, period = _offer(code), _period(period)
    pending = get_object_or_404(
        PlanMove, pk=move_pk, offer=offer, period=period.key, confirmed_at__isnull=True
    )
    pending.delete()
    messages.success(request, _("Flytningen er fortrudt."))
    return redirect("allocation:plan", code=offer.code, period=period.key)


@require_POST
@requires(permissions.can_allocate)
def confirm(request, code, period):
    offer, period = _offer(code), _period(period)
    try:
        confirmed = confirmation.confirm_plan(
            offer.code, period, request.user, shown=request.POST.get("plan", "")
        )
    except rules.AllocationInputError as problem:
        messages.error(request, str(problem))
    else:
        messages.success(
            request,
            _(
                "Fordelingen er bekræftet: %(granted)s bevilget, %(waiting)s på venteliste, "
                "%(refused)s afslået. Ansøgerne har fået besked."
            )
            % {
                "granted": len(confirmed.granted()),
                "waiting": len(confirmed.waiting()),
                "refused": len(confirmed.refused()),
            },
        )
    return redirect("allocation:plan", code=offer.code, period=period.key)
