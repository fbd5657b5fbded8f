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
        DocumentVersion.objects.select_related("document__application"), pk=pk
    )
    if not permissions.can_view_application(user, version.document.application):
        raise Http404
    return version
