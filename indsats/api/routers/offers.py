"""The catalogue's offers, as every signed-in user sees them (C2, C9)."""

from datetime import date

from django.http import Http404
from django.shortcuts import get_object_or_404
from ninja import Router, Schema
from ninja.pagination import paginate

from indsats.catalogue.models import Offer

from ..errors import ERRORS
from ..pagination import PagePagination

router = Router(tags=["Tilbud"])


class OfferOut(Schema):
    code: str
    slug: str
    name: str
    summary: str
    applicant_kind: str
    is_open: bool
    can_be_applied_for: bool
    hour_cap: int | None
    valid_from: date
    valid_to: date | None


@router.get("/offers", response={200: list[OfferOut], **ERRORS}, summary="Tilbuddene i kataloget")
@paginate(PagePagination)
def list_offers(request):
    return Offer.objects.published().order_by("order", "code")


@router.get("/offers/{code}", response={200: OfferOut, **ERRORS}, summary="Ét tilbud")
def get_offer(request, code: str):
    if "\x00" in code:  # no code has one, and PostgreSQL cannot search for it
        raise Http404
    return get_object_or_404(Offer.objects.published(), code=code)
