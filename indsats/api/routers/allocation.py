"""Capacity and the allocation plan (C5, C9): the Board's staff read them; the plan is
drawn by the same service as the page (``allocation.services.draw_plan``), nothing saved."""

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema
from ninja.pagination import paginate

from indsats.accounts import permissions
from indsats.allocation import services
from indsats.allocation.models import OfferCapacity
from indsats.allocation.periods import parse_period
from indsats.catalogue.models import Offer

from ..errors import ERRORS, invalid_query
from ..filters import Number, Text
from ..pagination import PagePagination

router = Router(tags=["Kapacitet og fordeling"])


def _require_allocation_view(user):
    if not permissions.can_view_allocation(user):
        raise PermissionDenied


def _period_key(text: str, field: str = "period") -> str:
    try:
        return parse_period(text).key
    except ValueError as problem:
        raise invalid_query([(field, str(problem))]) from None


class CapacityOut(Schema):
    id: int
    offer: str = Field(alias="offer.code")
    period: str
    period_label: str
    places: int
    consultant_hours: Number | None
    average_programme_days: int
    note: str
    version: int


class CapacityFilters(Schema):
    offer: Text | None = Field(None, description="Tilbuddets kode, fx O1.")
    period: Text | None = Field(None, description="Et år (2027) eller et kvartal (2027-K1).")


@router.get("/capacity", response={200: list[CapacityOut], **ERRORS}, summary="Kapacitet")
@paginate(PagePagination)
def list_capacity(request, filters: Query[CapacityFilters]):
    _require_allocation_view(request.auth)
    capacities = OfferCapacity.objects.select_related("offer").order_by("offer__order", "-period")
    if filters.offer:
        capacities = capacities.filter(offer__code=filters.offer)
    if filters.period:
        capacities = capacities.filter(period=_period_key(filters.period))
    return capacities


class PlacementOut(Schema):
    reference: str
    application_id: int
    organisation: str
    outcome: str
    position: int | None
    waiting_number: int | None
    unit: list[str]
    reasons: list[str]
    score: int | None
    consultant: str | None


class PlanOut(Schema):
    offer: str
    period: str
    period_label: str
    places: int
    free_places: int
    granted_count: int
    waiting_count: int
    placements: list[PlacementOut]
    unassessed: list[str] = Field(description="Åbne ansøgninger, der ikke er vurderet færdig.")


class PlanQuery(Schema):
    offer: Text = Field(description="Tilbuddets kode: O1, O2, O3 eller O4.")
    period: Text = Field(description="Et år (2027) eller et kvartal (2027-K1).")


@router.get(
    "/allocation/plan",
    response={200: PlanOut, **ERRORS},
    summary="Fordelingsplanen for et tilbud og en periode",
)
def get_plan(request, query: Query[PlanQuery]):
    _require_allocation_view(request.auth)
    if query.offer not in services.ALLOCATED_OFFERS:
        raise invalid_query([("offer", _("Kun O1, O2, O3 og O4 fordeles efter kapacitet."))])
    offer = Offer.objects.filter(code=query.offer).first()
    if offer is None:
        raise Http404
    period = parse_period(_period_key(query.period))
    drawn = services.draw_plan(offer, period)
    placements = []
    for placement in drawn.plan.placements:
        application = drawn.applications[placement.ref]
        placements.append(
            {
                "reference": placement.ref,
                "application_id": application.pk,
                "organisation": application.organisation.name,
                "outcome": placement.outcome,
                "position": placement.position,
                "waiting_number": placement.waiting_number,
                "unit": list(placement.unit),
                "reasons": [str(reason) for reason in placement.reasons],
                "score": placement.score,
                "consultant": placement.consultant,
            }
        )
    return {
        "offer": offer.code,
        "period": period.key,
        "period_label": str(period.label),
        "places": drawn.use.places,
        "free_places": drawn.use.free_places,
        "granted_count": drawn.plan.granted_count,
        "waiting_count": drawn.plan.waiting_count,
        "placements": placements,
        "unassessed": [a.reference for a in drawn.unassessed],
    }
