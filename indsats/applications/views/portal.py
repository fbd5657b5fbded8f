"""The applicant portal (C3): the organisation's enquiries, applications and documents."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import FileResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from indsats.accounts import permissions
from indsats.accounts.decorators import requires

from ..forms import DocumentUploadForm
from ..models import (
    APPLICANT_UPLOAD_KINDS,
    Application,
    Document,
    DocumentKind,
    DocumentVersion,
    Enquiry,
)
from ..timeline import timeline_for
from .lookups import get_application_for_user, get_document_version_for_user


@requires(permissions.is_applicant)
def portal(request):
    organisation = request.user.organisation
    return render(
        request,
        "applications/portal.html",
        {
            "organisation": organisation,
            "applications": Application.objects.filter(organisation=organisation)
            .select_related("offer", "group")
            .order_by("-created_at"),
            "enquiries": Enquiry.objects.filter(organisation=organisation).select_related("offer"),
            "upcoming_meetings": Enquiry.objects.filter(
                organisation=organisation, initial_meeting_at__gte=timezone.now()
            ).order_by("initial_meeting_at"),
        },
    )


@requires(permissions.is_signed_in)
def detail(request, pk):
    application = get_application_for_user(request.user, pk)
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
            "form": _read_only_form(application),
            "timeline": timeline_for(application),
            "documents": documents,
            "upload_kinds": upload_kinds,
            "upload_form": DocumentUploadForm(),
            "partners_in_group": partners_in_group,
            "can_withdraw": permissions.can_withdraw_application(request.user, application),
            "can_edit": permissions.can_edit_application(request.user, application),
        },
    )


def _read_only_form(application):
    from .. import services

    form = services.build_form(application)
    return form if form.is_bound and form.is_valid() else None


@require_POST
@requires(permissions.is_applicant)
def upload(request, pk, kind):
    application = get_application_for_user(request.user, pk)
    if not permissions.can_upload_document(request.user, application, kind):
        raise PermissionDenied
    form = DocumentUploadForm(request.POST, request.FILES, kind=kind)
    if not form.is_valid():
        messages.error(request, " ".join(form.errors["file"]))
        return redirect("applications:detail", pk=application.pk)
    upload_file = form.cleaned_data["file"]
    with transaction.atomic():
        document, _created = Document.objects.select_for_update().get_or_create(
            application=application, kind=kind
        )
        number = (
            document.versions.order_by("-number").values_list("number", flat=True).first() or 0
        ) + 1
        DocumentVersion.objects.create(
            document=document,
            number=number,
            file=upload_file,
            original_name=upload_file.name[:255],
            content_type=form.content_type,
            size=upload_file.size,
            uploaded_by=request.user,
        )
    messages.success(
        request,
        _("%(kind)s er modtaget (version %(number)s).")
        % {"kind": DocumentKind(kind).label, "number": number},
    )
    return redirect("applications:detail", pk=application.pk)


@requires(permissions.is_signed_in)
def download(request, version_pk):
    version = get_document_version_for_user(request.user, version_pk)
    return FileResponse(
        version.file.open("rb"),
        as_attachment=True,
        filename=version.original_name,
        content_type=version.content_type,
    )
