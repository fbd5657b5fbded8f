"""What staff record per municipality (F1–F4): preparedness plans, press criticism and
ministerial requests (C7, C9). Created and updated through the pages' own forms
(``screening.forms``), so every rule and message is theirs; a stale version is a 409.
"""

from datetime import date, datetime

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema
from ninja.pagination import paginate
from ninja.responses import Status

from indsats.accounts import permissions
from indsats.core.concurrency import saved
from indsats.organisations.models import Municipality
from indsats.screening.forms import MinisterialRequestForm, PlanForm, PressForm
from indsats.screening.models import (
    MinisterialRequest,
    PreparednessPlan,
    PressCriticism,
    RequestStatus,
)
from indsats.screening.views.lookups import get_ministerial_request, get_press

from ..errors import ERRORS, ApiError, ErrorOut, invalid_form, invalid_query
from ..filters import Text
from ..pagination import PagePagination

router = Router(tags=["Screening: beredskaber, kritik i pressen og henvendelser fra ministeren"])

WRITE_ERRORS = {409: ErrorOut, **ERRORS}
MAX_INT = 2**31 - 1


def _require_staff(user):
    if not permissions.can_record_screening_information(user):
        raise PermissionDenied


def _municipality(code: str) -> Municipality:
    municipality = Municipality.objects.filter(code=code).first()
    if municipality is None:
        raise invalid_query([("municipality", _("Kommunen findes ikke."))])
    return municipality


def _form_data(payload: Schema) -> dict:
    """The payload as the form's POST data would carry it."""
    data = {}
    for name, value in payload.model_dump(exclude={"municipality"}).items():
        if value is None:
            data[name] = ""
        elif isinstance(value, date):
            data[name] = value.isoformat()
        else:
            data[name] = value
    return data


def _save(form):
    if not form.is_valid():
        raise invalid_form(form)
    if not saved(form):
        raise ApiError(
            409,
            _(
                "En anden har gemt ændringer imens. Hent posten igen og gem oven på den nye "
                "version."
            ),
        )
    return form.instance


class MunicipalityFilter(Schema):
    municipality: Text | None = Field(None, description="Kommunekoden, fx 751.")


# Press criticism (F3) -----------------------------------------------------------------


class PressOut(Schema):
    id: int
    municipality: str = Field(alias="municipality.code")
    published_on: date
    medium: str
    url: str
    summary: str
    created_at: datetime
    updated_at: datetime
    version: int


class PressIn(Schema):
    published_on: date
    medium: str
    url: str = ""
    summary: str


class PressCreateIn(PressIn):
    municipality: Text = Field(description="Kommunekoden, fx 751.")


class PressUpdateIn(PressIn):
    version: int = Field(ge=1, le=MAX_INT, description="Den version, ændringen bygger på.")


@router.get(
    "/screening/press", response={200: list[PressOut], **ERRORS}, summary="Kritik i pressen"
)
@paginate(PagePagination)
def list_press(request, filters: Query[MunicipalityFilter]):
    _require_staff(request.auth)
    items = PressCriticism.objects.select_related("municipality").order_by("-published_on", "-pk")
    if filters.municipality:
        items = items.filter(municipality__code=filters.municipality)
    return items


@router.post(
    "/screening/press",
    response={201: PressOut, **WRITE_ERRORS},
    summary="Registrér kritik i pressen",
)
def create_press(request, payload: PressCreateIn):
    user = request.auth
    _require_staff(user)
    instance = PressCriticism(municipality=_municipality(payload.municipality), recorded_by=user)
    return Status(201, _save(PressForm(_form_data(payload), instance=instance)))


@router.put(
    "/screening/press/{press_id}",
    response={200: PressOut, **WRITE_ERRORS},
    summary="Ret kritik i pressen",
)
def update_press(request, press_id: int, payload: PressUpdateIn):
    _require_staff(request.auth)
    form = PressForm(_form_data(payload), instance=get_press(press_id))
    return _save(form)


# Ministerial requests (F4) -----------------------------------------------------------


class MinisterialOut(Schema):
    id: int
    municipality: str = Field(alias="municipality.code")
    received_on: date
    reference: str
    status: str
    status_label: str = Field(alias="get_status_display")
    note: str
    created_at: datetime
    updated_at: datetime
    version: int


class MinisterialIn(Schema):
    received_on: date
    reference: str
    status: RequestStatus = RequestStatus.OPEN
    note: str = ""


class MinisterialCreateIn(MinisterialIn):
    municipality: Text = Field(description="Kommunekoden, fx 751.")


class MinisterialUpdateIn(MinisterialIn):
    version: int = Field(ge=1, le=MAX_INT, description="Den version, ændringen bygger på.")


@router.get(
    "/screening/ministerial-requests",
    response={200: list[MinisterialOut], **ERRORS},
    summary="Henvendelser fra ministeren",
)
@paginate(PagePagination)
def list_ministerial_requests(request, filters: Query[MunicipalityFilter]):
    _require_staff(request.auth)
    items = MinisterialRequest.objects.select_related("municipality").order_by(
        "-received_on", "-pk"
    )
    if filters.municipality:
        items = items.filter(municipality__code=filters.municipality)
    return items


@router.post(
    "/screening/ministerial-requests",
    response={201: MinisterialOut, **WRITE_ERRORS},
    summary="Registrér en henvendelse fra ministeren",
)
def create_ministerial_request(request, payload: MinisterialCreateIn):
    user = request.auth
    _require_staff(user)
    instance = MinisterialRequest(
        municipality=_municipality(payload.municipality), recorded_by=user
    )
    return Status(201, _save(MinisterialRequestForm(_form_data(payload), instance=instance)))


@router.put(
    "/screening/ministerial-requests/{request_id}",
    response={200: MinisterialOut, **WRITE_ERRORS},
    summary="Ret en henvendelse fra ministeren",
)
def update_ministerial_request(request, request_id: int, payload: MinisterialUpdateIn):
    _require_staff(request.auth)
    form = MinisterialRequestForm(_form_data(payload), instance=get_ministerial_request(request_id))
    return _save(form)


# Preparedness plans (F1, F2) -------------------------------------------------------------


class PlanOut(Schema):
    id: int
    municipality: str = Field(alias="municipality.code")
    approved_on: date | None
    revised_on: date | None
    is_published: bool
    url: str
    note: str
    updated_at: datetime
    version: int


class PlanIn(Schema):
    approved_on: date | None = None
    revised_on: date | None = None
    is_published: bool = False
    url: str = ""
    note: str = ""
    version: int | None = Field(
        None,
        ge=1,
        le=MAX_INT,
        description="Den version, ændringen bygger på (ikke ved oprettelse).",
    )


@router.get(
    "/screening/preparedness-plans",
    response={200: list[PlanOut], **ERRORS},
    summary="Kommunernes beredskaber",
)
@paginate(PagePagination)
def list_plans(request, filters: Query[MunicipalityFilter]):
    _require_staff(request.auth)
    plans = PreparednessPlan.objects.select_related("municipality").order_by("municipality__name")
    if filters.municipality:
        plans = plans.filter(municipality__code=filters.municipality)
    return plans


@router.put(
    "/screening/preparedness-plans/{municipality_code}",
    response={200: PlanOut, **WRITE_ERRORS},
    summary="Opret eller ret kommunens beredskab",
)
def put_plan(request, municipality_code: str, payload: PlanIn):
    _require_staff(request.auth)
    if "\x00" in municipality_code:  # no code has one, and PostgreSQL cannot search for it
        raise Http404
    municipality = get_object_or_404(Municipality, code=municipality_code)
    plan = PreparednessPlan.objects.filter(municipality=municipality).first()
    plan = plan or PreparednessPlan(municipality=municipality)
    if plan.pk is not None and payload.version is None:
        raise invalid_query([("version", _("Skriv den version, ændringen bygger på."))])
    return _save(PlanForm(_form_data(payload), instance=plan))
