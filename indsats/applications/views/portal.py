"""The applicant portal (C3): the organisation's enquiries, applications and documents."""

import datetime

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Prefetch, Q
from django.http import FileResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from indsats.accounts import permissions
from indsats.accounts.decorators import requires
from indsats.allocation.portal_views import context_for as allocation_context_for
from indsats.audit.reads import ReadKind, case_label, record_read
from indsats.catalogue.models import OfferCode
from indsats.core.pagination import paginate
from indsats.organisations.models import Organisation
from indsats.programmes.models import Programme

from .. import notifications, services
from ..documents import add_version
from ..forms import DocumentUploadForm
from ..models import (
    APPLICANT_UPLOAD_KINDS,
    Application,
    DocumentKind,
    Enquiry,
)
from ..timeline import timeline_for
from ..uploads import DOCX
from .lookups import get_application_for_user, get_document_version_for_user


@requires(permissions.is_applicant)
def portal(request):
    organisation = request.user.organisation
    # Only what the lists show: never the answers JSON (C13).
    applications = (
        Application.objects.filter(organisation=organisation)
        .select_related("offer")
        .only(
            "reference",
            "status",
            "submitted_at",
            "created_at",
            "updated_at",
            "group_id",
            "offer__name",
            "offer__name_en",
        )
        .order_by("-created_at", "-pk")
    )
    enquiries = (
        Enquiry.objects.filter(organisation=organisation)
        .select_related("offer")
        .only("subject", "status", "created_at", "offer__name")
        .order_by("-created_at", "-pk")
    )
    return render(
        request,
        "applications/portal.html",
        {
            "organisation": organisation,
            "applications": paginate(request, applications, label=_("Sider med ansøgninger")),
            "enquiries": paginate(
                request,
                enquiries,
                label=_("Sider med henvendelser"),
                parameter="side_henvendelser",
            ),
            "programmes": [
                (programme, programme_name(programme))
                for programme in Programme.objects.filter(
                    Q(organisation=organisation) | Q(participants=organisation)
                )
                .select_related("offer", "organisation")
                .prefetch_related(
                    Prefetch("participants", queryset=Organisation.objects.order_by("name"))
                )
                .distinct()
            ],
            "upcoming": upcoming_for(organisation),
        },
    )


def programme_name(programme) -> str:
    """The programme's offer in the active language and its organisations. Its stored
    title was written in Danish when it was opened, so it is not shown (C11)."""
    others = [p.name for p in programme.participants.all() if p.pk != programme.organisation_id]
    names = ", ".join([programme.organisation.name, *others])
    if programme.offer.code == OfferCode.OUTREACH:  # the Board's own outreach has no applicant
        return _("Konsulentbistand til %(organisation)s") % {"organisation": names}
    return f"{programme.offer}: {names}"


def upcoming_for(organisation) -> list[tuple]:
    """(when, has_time, what, place, link) for the organisation's coming meetings and theme days."""
    from indsats.programmes.models import Meeting, ThemeDay

    now = timezone.now()
    in_programmes = Q(programme__organisation=organisation) | Q(
        programme__participants=organisation
    )
    items = [
        (
            e.initial_meeting_at,
            True,
            _("Indledende møde om »%s«") % e.subject,
            e.initial_meeting_place,
            reverse("applications:enquiry_detail", args=[e.pk]),
        )
        for e in Enquiry.objects.filter(organisation=organisation, initial_meeting_at__gte=now)
    ]
    items += [
        (
            m.starts_at,
            True,
            m.get_kind_display(),
            m.place,
            reverse("programmes:detail", args=[m.programme_id]),
        )
        for m in Meeting.objects.filter(in_programmes, starts_at__gte=now).distinct()
    ]
    items += [
        (d.date, False, _("Temadag"), d.place, reverse("programmes:detail", args=[d.programme_id]))
        for d in ThemeDay.objects.filter(in_programmes, date__gte=timezone.localdate()).distinct()
    ]
    return sorted(items, key=lambda item: _as_datetime(item[0]))


def _as_datetime(value):

    if isinstance(value, datetime.datetime):
        return value
    return timezone.make_aware(datetime.datetime.combine(value, datetime.time()))


@requires(permissions.is_signed_in)
def detail(request, pk):
    application = get_application_for_user(request.user, pk)
    record_read(request, ReadKind.CASE, application.pk, case_label(application))  # staff (C12)
    documents = application.documents.prefetch_related("versions__uploaded_by")
    upload_kinds = [
        (kind, DocumentKind(kind).label)
        for kind in APPLICANT_UPLOAD_KINDS
        if permissions.can_upload_document(request.user, application, kind)
    ]
    partners_in_group = (
        application.group.applications.exclude(pk=application.pk).select_related("organisation")
        if application.group
        else []
    )
    return render(
        request,
        "applications/detail.html",
        {
            "application": application,
            "answers": services.answers_summary(application),
            "timeline": timeline_for(application),
            "documents": documents,
            "upload_kinds": upload_kinds,
            "partners_in_group": partners_in_group,
            "programme_name": programme_name(application.programme)
            if application.programme
            else None,
            "can_withdraw": permissions.can_withdraw_application(request.user, application),
            "can_edit": permissions.can_edit_application(request.user, application),
            **allocation_context_for(request.user, application),
        },
    )


@require_POST
@requires(permissions.is_applicant)
def upload(request, pk, kind):
    application = get_application_for_user(request.user, pk)
    if not permissions.can_upload_document(request.user, application, kind):
        raise PermissionDenied
    form = DocumentUploadForm(request.POST, request.FILES, kind=kind)
    if not form.is_valid():
        messages.error(request, " ".join(form.errors["file"]))
        return _back(request, application)
    upload_file = form.cleaned_data["file"]
    with transaction.atomic():  # the version and its e-mail, or neither (C12)
        version = add_version(
            kind,
            file=upload_file,
            original_name=upload_file.name,
            content_type=form.content_type,
            size=upload_file.size,
            user=request.user,
            application=application,
        )
        notifications.document_received(version)
    number = version.number
    messages.success(
        request,
        _("%(kind)s er modtaget (version %(number)s).")
        % {"kind": DocumentKind(kind).label, "number": number},
    )
    return _back(request, application)


def _back(request, application):
    """Back to the page the upload came from (the programme page), or the application."""
    target = request.GET.get("tilbage", "")
    if target and url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        return redirect(target)
    return redirect("applications:detail", pk=application.pk)


@requires(permissions.is_signed_in)
def download(request, version_pk):
    """The file of one version; ``?udgave=docx`` gives the editable copy where there is one."""
    version = get_document_version_for_user(request.user, version_pk)
    if request.GET.get("udgave") == "docx" and version.editable_file:
        return FileResponse(
            version.editable_file.open("rb"),
            as_attachment=True,
            filename=version.original_name.rsplit(".", 1)[0] + ".docx",
            content_type=DOCX,
        )
    return FileResponse(
        version.file.open("rb"),
        as_attachment=True,
        filename=version.original_name,
        content_type=version.content_type,
    )
