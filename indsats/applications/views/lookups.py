"""Ownership-checking lookups used by every view: another organisation's record is a 404."""

from django.http import Http404
from django.shortcuts import get_object_or_404

from indsats.accounts import permissions

from ..models import Application, DocumentVersion, Enquiry


def get_application_for_user(user, pk) -> Application:
    application = get_object_or_404(
        Application.objects.select_related("offer", "organisation", "enquiry", "group"), pk=pk
    )
    if not permissions.can_view_application(user, application):
        raise Http404
    return application


def get_enquiry_for_user(user, pk) -> Enquiry:
    enquiry = get_object_or_404(Enquiry.objects.select_related("offer", "organisation"), pk=pk)
    if not permissions.can_view_enquiry(user, enquiry):
        raise Http404
    return enquiry


def get_document_version_for_user(user, pk) -> DocumentVersion:
    version = get_object_or_404(
        DocumentVersion.objects.select_related("document__application", "document__programme"),
        pk=pk,
    )
    document = version.document
    if document.application_id is not None:
        allowed = permissions.can_view_application(user, document.application)
    else:
        allowed = permissions.can_view_programme(user, document.programme)
    if not allowed:
        raise Http404
    return version
