"""Programmes with their steps, meetings, theme days and documents (C6, C9).

Who sees a programme, and which of its documents, is decided by the programme pages'
own lookups (``programmes.views.programme``).
"""

from datetime import date, datetime
from typing import Literal

from django.core.exceptions import PermissionDenied
from django.db.models import Prefetch, Q
from django.http import FileResponse
from django.urls import reverse
from ninja import Field, Query, Router, Schema
from ninja.pagination import paginate

from indsats.accounts import permissions
from indsats.applications.models import DocumentVersion
from indsats.applications.views.lookups import get_document_version_for_user
from indsats.audit.reads import ReadKind, programme_label, record_read
from indsats.programmes.apps import step_titles
from indsats.programmes.models import Meeting, Programme, ProgrammeStatus, StepRecord, ThemeDay
from indsats.programmes.views.programme import get_programme_for_user, step_title, visible_documents

from ..errors import ERRORS
from ..filters import Text
from ..pagination import PagePagination

router = Router(tags=["Forløb"])


class ProgrammeOut(Schema):
    id: int
    reference: str
    title: str
    offer: str = Field(alias="offer.code")
    organisation: str = Field(alias="organisation.name")
    status: str
    status_label: str = Field(alias="get_status_display")
    current_step: str
    current_step_title: str
    hour_cap: int | None
    created_at: datetime
    closed_at: datetime | None

    @staticmethod
    def resolve_current_step_title(obj):
        return step_title(obj.offer.code, obj.current_step)


class StepOut(Schema):
    step: str
    title: str
    completed_at: datetime
    note: str

    @staticmethod
    def resolve_title(obj):
        return step_titles().get(obj.step, obj.step)  # its title, never only its key (C10)


class MeetingOut(Schema):
    id: int
    kind: str
    kind_label: str = Field(alias="get_kind_display")
    starts_at: datetime
    place: str
    participants: str
    minutes: str
    agreed_end: date | None


class ThemeDayOut(Schema):
    id: int
    date: date
    place: str
    topics: str
    held: bool
    gap_reason: str


class DocumentVersionOut(Schema):
    id: int
    number: int
    original_name: str
    content_type: str
    size: int
    uploaded_at: datetime
    download_url: str

    @staticmethod
    def resolve_download_url(obj):
        return reverse("api-v1:download_document", kwargs={"version_id": obj.pk})


class DocumentOut(Schema):
    id: int
    kind: str
    kind_label: str = Field(alias="get_kind_display")
    organisation: str | None
    versions: list[DocumentVersionOut]

    @staticmethod
    def resolve_organisation(obj):
        return obj.application.organisation.name if obj.application_id else None

    @staticmethod
    def resolve_versions(obj):
        return list(obj.versions.all())


class ProgrammeDetailOut(ProgrammeOut):
    participants: list[str]
    steps: list[StepOut]
    meetings: list[MeetingOut]
    theme_days: list[ThemeDayOut]
    documents: list[DocumentOut]

    # The operation prefetches each list; these only read what is there.
    @staticmethod
    def resolve_participants(obj):
        return [organisation.name for organisation in obj.participants.all()]

    @staticmethod
    def resolve_steps(obj):
        return list(obj.steps.all())

    @staticmethod
    def resolve_meetings(obj):
        return list(obj.meetings.all())

    @staticmethod
    def resolve_theme_days(obj):
        return list(obj.theme_days.all())

    @staticmethod
    def resolve_documents(obj):
        return obj.visible_documents


class ProgrammeFilters(Schema):
    show: Literal["active", "mine", "all"] = Field(
        "all", description="Som listens »vis«: de igangværende, mine, eller alle."
    )
    offer: Text | None = Field(None, description="Tilbuddets kode, fx O2.")
    q: Text | None = Field(None, description="Søg i reference og titel.")


@router.get("/programmes", response={200: list[ProgrammeOut], **ERRORS}, summary="Forløb")
@paginate(PagePagination)
def list_programmes(request, filters: Query[ProgrammeFilters]):
    user = request.auth
    programmes = Programme.objects.select_related("offer", "organisation").order_by(
        "-created_at", "-pk"
    )
    if permissions.is_applicant(user):
        own = user.organisation_id
        programmes = programmes.filter(Q(organisation_id=own) | Q(participants=own)).distinct()
    elif not permissions.is_board_staff(user):
        raise PermissionDenied
    if filters.show == "mine":
        programmes = programmes.filter(consultants=user, status=ProgrammeStatus.ACTIVE)
    elif filters.show == "active":
        programmes = programmes.filter(status=ProgrammeStatus.ACTIVE)
    if filters.offer:
        programmes = programmes.filter(offer__code=filters.offer)
    if filters.q:
        programmes = programmes.filter(
            Q(reference__icontains=filters.q) | Q(title__icontains=filters.q)
        )
    return programmes


@router.get(
    "/programmes/{programme_id}",
    response={200: ProgrammeDetailOut, **ERRORS},
    summary="Ét forløb med trin, møder, temadage og dokumenter",
)
def get_programme(request, programme_id: int):
    user = request.auth
    programme = get_programme_for_user(
        user,
        programme_id,
        Programme.objects.prefetch_related(
            Prefetch("steps", StepRecord.objects.order_by("completed_at", "pk")),
            Prefetch("meetings", Meeting.objects.order_by("starts_at", "pk")),
            Prefetch("theme_days", ThemeDay.objects.order_by("date", "pk")),
            "participants",
        ),
    )
    record_read(request, ReadKind.PROGRAMME, programme.pk, programme_label(programme), user)
    # Which documents this user sees is the programme page's rule.
    # The page's query prefetches "versions__uploaded_by"; a second, ordered "versions"
    # lookup beside it is refused by Django (a 500 once a document exists), so it
    # replaces the page's prefetch (C12, found by the authorisation matrix).
    programme.visible_documents = list(
        visible_documents(programme, user)
        .prefetch_related(None)
        .prefetch_related(
            Prefetch(
                "versions",
                DocumentVersion.objects.select_related("uploaded_by").order_by("-number"),
            )
        )
    )
    return programme


@router.get(
    "/documents/{version_id}/file",
    response={**ERRORS},
    url_name="download_document",
    summary="Hent en dokumentversion",
    openapi_extra={
        "responses": {
            "200": {
                "description": "Filen",
                "content": {"*/*": {"schema": {"type": "string", "format": "binary"}}},
            }
        }
    },
)
def download_document(request, version_id: int):
    version = get_document_version_for_user(request.auth, version_id)
    return FileResponse(
        version.file.open("rb"),
        as_attachment=True,
        filename=version.original_name,
        content_type=version.content_type,
    )
