"""The catalogue's offers, as every signed-in user sees them (C2, C9)."""

from datetime import date

from django.http import Http404
from django.shortcuts import get_object_or_404
from ninja import Field, Router, Schema
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
    # Two different things, both wanted: the Board's switch, and what the catalogue shows.
    is_open: bool = Field(
        description=(
            "Socialstyrelsens kontakt »åben for ansøgninger«. Siger ikke, om tilbuddet kan "
            "søges i dag: se can_be_applied_for."
        )
    )
    can_be_applied_for: bool = Field(
        description=(
            "Om tilbuddet kan søges i dag, som kataloget viser det: åbent, inden for "
            "valid_from–valid_to, og et tilbud, man søger."
        )
    )
    hour_cap: int | None
    valid_from: date = Field(description="Første dag, tilbuddet kan søges.")
    valid_to: date | None = Field(description="Sidste dag, tilbuddet kan søges (uden: ingen).")


@router.get("/offers", response={200: list[OfferOut], **ERRORS}, summary="Tilbuddene i kataloget")
@paginate(PagePagination)
def list_offers(request):
    return Offer.objects.published().order_by("order", "code")


@router.get("/offers/{code}", response={200: OfferOut, **ERRORS}, summary="Ét tilbud")
def get_offer(request, code: str):
    if "\x00" in code:  # no code has one, and PostgreSQL cannot search for it
        raise Http404
    return get_object_or_404(Offer.objects.published(), code=code)
