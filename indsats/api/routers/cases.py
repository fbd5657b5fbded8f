"""Enquiries, applications, decisions and document files (C3, C4, C9).

An applicant reads its own organisation's and creates drafts; the Board's staff read all.
Another organisation's record is a 404, as on the pages (``applications.views.lookups``).
"""

from datetime import date, datetime

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Q
from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema
from ninja.pagination import paginate
from ninja.responses import Status

from indsats.accounts import permissions
from indsats.applications import notifications, services
from indsats.applications.forms import EnquiryForm
from indsats.applications.models import (
    Application,
    ApplicationStatus,
    Decision,
    DecisionOutcome,
    Enquiry,
    EnquiryStatus,
)
from indsats.applications.offer_forms import form_class_for
from indsats.applications.offer_forms.base import MAX_ANSWER_LENGTH
from indsats.applications.views.lookups import (
    get_application_for_user,
    get_enquiry_for_user,
)
from indsats.audit.reads import ReadKind, case_label, record_read
from indsats.catalogue.models import Offer
from indsats.core.concurrency import EditConflict

from ..errors import ERRORS, ApiError, ErrorOut, invalid_form, invalid_query
from ..filters import Text
from ..pagination import PagePagination

router = Router(tags=["Henvendelser, ansøgninger og afgørelser"])


# Enquiries --------------------------------------------------------------------------


class EnquiryOut(Schema):
    id: int
    offer: str = Field(alias="offer.code")
    organisation: str = Field(alias="organisation.name")
    channel: str
    subject: str
    message: str
    status: str
    status_label: str = Field(alias="get_status_display")
    answer: str
    created_at: datetime
    answered_at: datetime | None
    initial_meeting_at: datetime | None


class EnquiryFilters(Schema):
    status: EnquiryStatus | None = None
    offer: Text | None = Field(None, description="Tilbuddets kode, fx O1.")
    region: Text | None = Field(None, description="Regionens kode (kun for Socialstyrelsen).")
    received_from: date | None = None
    received_to: date | None = None
    q: Text | None = Field(None, description="Søg i emne og organisationens navn.")


@router.get("/enquiries", response={200: list[EnquiryOut], **ERRORS}, summary="Henvendelser")
@paginate(PagePagination)
def list_enquiries(request, filters: Query[EnquiryFilters]):
    user = request.auth
    enquiries = Enquiry.objects.select_related("offer", "organisation").order_by(
        "-created_at", "-pk"
    )
    if not permissions.is_board_staff(user):
        if not permissions.is_applicant(user):
            raise PermissionDenied
        enquiries = enquiries.filter(organisation_id=user.organisation_id)
    if filters.status:
        enquiries = enquiries.filter(status=filters.status)
    if filters.offer:
        enquiries = enquiries.filter(offer__code=filters.offer)
    if filters.region:
        enquiries = enquiries.filter(organisation__municipality__region__code=filters.region)
    if filters.received_from:
        enquiries = enquiries.filter(created_at__date__gte=filters.received_from)
    if filters.received_to:
        enquiries = enquiries.filter(created_at__date__lte=filters.received_to)
    if filters.q:
        enquiries = enquiries.filter(
            Q(subject__icontains=filters.q) | Q(organisation__name__icontains=filters.q)
        )
    return enquiries


@router.get(
    "/enquiries/{enquiry_id}", response={200: EnquiryOut, **ERRORS}, summary="Én henvendelse"
)
def get_enquiry(request, enquiry_id: int):
    return get_enquiry_for_user(request.auth, enquiry_id)


class EnquiryIn(Schema):
    offer: Text = Field(description="Tilbuddets kode, fx O1.")
    # The form's limits (EnquiryForm), also in the schema.
    subject: str = Field(max_length=Enquiry._meta.get_field("subject").max_length)
    message: str = Field(max_length=MAX_ANSWER_LENGTH)
    contact_name: str | None = Field(None, description="Uden: brugerens eget navn.")
    contact_email: str | None = Field(None, description="Uden: brugerens egen e-mail.")
    contact_phone: str | None = Field(None, description="Uden: brugerens eget telefonnummer.")


@router.post(
    "/enquiries", response={201: EnquiryOut, **ERRORS}, summary="Send en henvendelse om et tilbud"
)
def create_enquiry(request, payload: EnquiryIn):
    """As the offer's enquiry page (``applications.views.enquiries.enquiry_create``): its
    form, its permission and its notification."""
    user = request.auth
    if not permissions.is_applicant(user):
        raise PermissionDenied
    offer = Offer.objects.published().filter(code=payload.offer).first()
    if offer is None:
        raise invalid_query([("offer", _("Tilbuddet findes ikke."))])
    if not permissions.can_send_enquiry(user, offer):
        raise ApiError(403, _("Jeres organisation kan ikke sende en henvendelse om dette tilbud."))
    form = EnquiryForm(
        {
            "subject": payload.subject,
            "message": payload.message,
            "contact_name": payload.contact_name or user.full_name,
            "contact_email": payload.contact_email or user.email,
            "contact_phone": payload.contact_phone or user.phone,
        }
    )
    if not form.is_valid():
        raise invalid_form(form)
    enquiry = form.save(commit=False)
    enquiry.offer = offer
    enquiry.organisation = user.organisation
    enquiry.created_by = user
    with transaction.atomic():  # the enquiry and its e-mails, or neither (C12)
        enquiry.save()
        notifications.enquiry_received(enquiry)
    return Status(201, get_enquiry_for_user(user, enquiry.pk))


# Applications -----------------------------------------------------------------------


class ApplicationOut(Schema):
    id: int
    reference: str | None
    offer: str = Field(alias="offer.code")
    organisation: str = Field(alias="organisation.name")
    status: str
    status_label: str = Field(alias="get_status_display")
    enquiry_id: int | None
    group_id: int | None
    programme_id: int | None
    created_at: datetime
    submitted_at: datetime | None
    withdrawn_at: datetime | None
    version: int


class ApplicationDetailOut(ApplicationOut):
    answers: dict


class ApplicationFilters(Schema):
    status: ApplicationStatus | None = Field(
        None, description="Uden status: ansøgerens egne alle, Socialstyrelsens de åbne."
    )
    offer: Text | None = Field(None, description="Tilbuddets kode, fx O1.")
    region: Text | None = Field(None, description="Regionens kode (kun for Socialstyrelsen).")
    owner: Text | None = Field(
        None, description="Sagsbehandler: »mine«, »none« (ikke fordelt) eller brugerens id."
    )
    received_from: date | None = None
    received_to: date | None = None
    q: Text | None = Field(None, description="Søg i reference og organisationens navn.")


def _staff_applications(user, filters: ApplicationFilters):
    """As the inbox filters them (``applications.views.backoffice``): never drafts, the open
    ones unless a status is asked for."""
    applications = Application.objects.exclude(status=ApplicationStatus.DRAFT)
    if filters.status:
        applications = applications.filter(status=filters.status)
    if filters.region:
        applications = applications.filter(organisation__municipality__region__code=filters.region)
    if filters.owner == "mine":
        applications = applications.filter(case_officer=user)
    elif filters.owner == "none":
        applications = applications.filter(case_officer__isnull=True)
    elif filters.owner:
        if not filters.owner.isdigit():
            raise invalid_query([("owner", _("Skriv »mine«, »none« eller en brugers id."))])
        applications = applications.filter(case_officer_id=int(filters.owner))
    return applications


@router.get("/applications", response={200: list[ApplicationOut], **ERRORS}, summary="Ansøgninger")
@paginate(PagePagination)
def list_applications(request, filters: Query[ApplicationFilters]):
    user = request.auth
    if permissions.is_board_staff(user):
        applications = _staff_applications(user, filters)
    elif permissions.is_applicant(user):
        applications = Application.objects.filter(organisation_id=user.organisation_id)
        if filters.status:
            applications = applications.filter(status=filters.status)
    else:
        raise PermissionDenied
    if filters.offer:
        applications = applications.filter(offer__code=filters.offer)
    if filters.received_from:
        applications = applications.filter(submitted_at__date__gte=filters.received_from)
    if filters.received_to:
        applications = applications.filter(submitted_at__date__lte=filters.received_to)
    if filters.q:
        applications = applications.filter(
            Q(reference__icontains=filters.q) | Q(organisation__name__icontains=filters.q)
        )
    # The list never carries the answers JSON (C13).
    return (
        applications.select_related("offer", "organisation")
        .defer("answers")
        .order_by("-created_at", "-pk")
    )


@router.get(
    "/applications/{application_id}",
    response={200: ApplicationDetailOut, **ERRORS},
    summary="Én ansøgning med svarene",
)
def get_application(request, application_id: int):
    application = get_application_for_user(request.auth, application_id)
    record_read(request, ReadKind.CASE, application.pk, case_label(application), request.auth)
    return application


class DraftIn(Schema):
    offer: Text = Field(description="Tilbuddets kode, fx O1.")
    enquiry_id: int | None = Field(
        None, ge=1, le=2**31 - 1, description="Den egne henvendelse, ansøgningen bygger på."
    )


@router.post(
    "/applications",
    response={201: ApplicationDetailOut, **ERRORS},
    summary="Opret en kladde til en ansøgning",
)
def create_draft(request, payload: DraftIn):
    """As »Ansøg« on the offer's page (``applications.views.applying.start``)."""
    user = request.auth
    if not permissions.is_applicant(user):
        raise PermissionDenied
    offer = Offer.objects.published().filter(code=payload.offer).first()
    if offer is None:
        raise invalid_query([("offer", _("Tilbuddet findes ikke."))])
    if not permissions.can_apply_for(user, offer):
        raise ApiError(403, _("Jeres organisation kan ikke søge dette tilbud nu."))
    enquiry = None
    if payload.enquiry_id is not None:
        enquiry = Enquiry.objects.filter(
            pk=payload.enquiry_id, offer=offer, organisation_id=user.organisation_id
        ).first()
        if enquiry is None:
            raise invalid_query(
                [("enquiry_id", _("Henvendelsen findes ikke hos jer for dette tilbud."))]
            )
    application = Application.objects.create(
        offer=offer,
        organisation=user.organisation,
        created_by=user,
        enquiry=enquiry,
        answers={"enquiry": str(enquiry.pk)} if enquiry else {},
    )
    return Status(201, get_application_for_user(user, application.pk))


class AnswersIn(Schema):
    version: int = Field(ge=1, le=2**31 - 1, description="Den version, svarene bygger på.")
    answers: dict[str, str | list[str]] = Field(
        description=(
            "Svar pr. felt i tilbuddets ansøgningsskema; andre felter ignoreres. Uden "
            '»enquiry« beholder kladden sin henvendelse; »enquiry«: "" fjerner den.'
        )
    )


@router.put(
    "/applications/{application_id}/answers",
    response={200: ApplicationDetailOut, 409: ErrorOut, **ERRORS},
    summary="Gem svar i en kladde",
)
def save_answers(request, application_id: int, payload: AnswersIn):
    """Stored as typed, valid or not, like »Gem kladde«; the form judges them on submit."""
    user = request.auth
    application = get_application_for_user(user, application_id)
    if not permissions.can_edit_application(user, application):
        raise ApiError(403, _("Kun en kladde fra jeres egen organisation kan ændres."))
    fields = form_class_for(application.offer).base_fields
    answers = {
        name: value
        for name, value in payload.answers.items()
        if name in fields and "\x00" not in str(value)
    }
    # The enquiry the draft was started from is no answer a client types: replacing the
    # answers without it must not unlink it (the form would show "Ingen henvendelse").
    if "enquiry" not in answers and "enquiry" in (application.answers or {}):
        answers["enquiry"] = application.answers["enquiry"]
    try:
        services.save_draft(application, answers, payload.version)
    except EditConflict:
        raise ApiError(
            409,
            _("En anden har gemt kladden imens. Hent den igen og gem oven på den nye version."),
        ) from None
    return get_application_for_user(user, application_id)


# Decisions --------------------------------------------------------------------------


class DecisionOut(Schema):
    id: int
    application_id: int
    application_reference: str | None = Field(alias="application.reference")
    outcome: str
    outcome_label: str = Field(alias="get_outcome_display")
    applicant_text: str
    decided_at: datetime
    reopened_at: datetime | None
    internal_reason: str | None = Field(None, description="Kun for Socialstyrelsen.")
    decided_by: str | None = Field(None, description="Kun for Socialstyrelsen.")

    # What stays in the file is never shown to the applicant (C4).
    @staticmethod
    def resolve_internal_reason(obj, context):
        return obj.internal_reason if permissions.is_board_staff(context["request"].auth) else None

    @staticmethod
    def resolve_decided_by(obj, context):
        if not permissions.is_board_staff(context["request"].auth):
            return None
        return obj.decided_by.full_name


class DecisionFilters(Schema):
    outcome: DecisionOutcome | None = None
    offer: Text | None = Field(None, description="Tilbuddets kode, fx O1.")
    application_id: int | None = Field(None, ge=1, le=2**31 - 1)
    standing: bool | None = Field(None, description="Kun gældende (ikke genoptagne) afgørelser.")
    decided_from: date | None = None
    decided_to: date | None = None


@router.get(
    "/decisions",
    response={200: list[DecisionOut], **ERRORS},
    summary="Afgørelser (ansøgere ser ikke den interne begrundelse)",
)
@paginate(PagePagination)
def list_decisions(request, filters: Query[DecisionFilters]):
    user = request.auth
    decisions = Decision.objects.select_related("application", "decided_by").order_by(
        "-decided_at", "-pk"
    )
    if permissions.is_applicant(user):
        decisions = decisions.filter(application__organisation_id=user.organisation_id)
    elif not permissions.is_board_staff(user):
        raise PermissionDenied
    if filters.outcome:
        decisions = decisions.filter(outcome=filters.outcome)
    if filters.offer:
        decisions = decisions.filter(application__offer__code=filters.offer)
    if filters.application_id:
        decisions = decisions.filter(application_id=filters.application_id)
    if filters.standing is not None:
        decisions = decisions.filter(reopened_at__isnull=filters.standing)
    if filters.decided_from:
        decisions = decisions.filter(decided_at__date__gte=filters.decided_from)
    if filters.decided_to:
        decisions = decisions.filter(decided_at__date__lte=filters.decided_to)
    return decisions
