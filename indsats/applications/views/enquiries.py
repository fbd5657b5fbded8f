"""Enquiries before an application (O1.2) and questions to the project leader (O4.3)."""

import uuid

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from indsats.accounts import permissions
from indsats.accounts.decorators import requires
from indsats.catalogue.models import Offer
from indsats.core.concurrency import CONFLICT, saved

from .. import notifications, services
from ..backoffice_forms import AssignForm, EnquiryAnswerForm
from ..forms import EnquiryForm
from ..models import Enquiry
from .lookups import get_enquiry_for_user


@requires(permissions.is_applicant)
def enquiry_create(request, slug):
    offer = get_object_or_404(Offer.objects.published(), slug=slug)
    if not permissions.can_send_enquiry(request.user, offer):
        raise PermissionDenied
    user = request.user
    initial = {
        "contact_name": user.full_name,
        "contact_email": user.email,
        "contact_phone": user.phone,
        "submission_token": uuid.uuid4(),
    }
    form = EnquiryForm(request.POST or None, initial=initial, offer=offer)
    if request.method == "POST" and form.is_valid():
        enquiry = _send_enquiry(form, offer, user)
        messages.success(
            request, _("Tak for jeres henvendelse. Vi vender tilbage hurtigst muligt.")
        )
        return redirect("applications:enquiry_detail", pk=enquiry.pk)
    return render(request, "applications/enquiry_form.html", {"form": form, "offer": offer})


def _send_enquiry(form, offer, user) -> Enquiry:
    """Save the enquiry and queue its e-mails in one transaction (C12). Once per form: a
    second click on "send" (the same ``submission_token``) gives the first enquiry."""
    token = form.cleaned_data.get("submission_token")
    earlier = Enquiry.objects.filter(submission_token=token, created_by=user) if token else None
    if earlier is not None and earlier.exists():
        return earlier.get()
    enquiry = form.save(commit=False)
    enquiry.offer = offer
    enquiry.organisation = user.organisation
    enquiry.created_by = user
    enquiry.submission_token = token
    try:
        with transaction.atomic():
            enquiry.save()
            notifications.enquiry_received(enquiry)
    except IntegrityError:
        # The twin click saved it a moment before (the token is unique).
        if earlier is None or not earlier.exists():
            raise
        return earlier.get()
    return enquiry


@requires(permissions.is_signed_in)
def enquiry_detail(request, pk):
    enquiry = get_enquiry_for_user(request.user, pk)
    can_answer = permissions.can_answer_enquiry(request.user)
    form = None
    status = 200
    if can_answer:
        form = EnquiryAnswerForm(request.POST or None, instance=enquiry)
        if request.method == "POST" and form.is_valid():
            answered = form.instance  # "answered" or "closed": the form offers no other
            answered.answered_at = timezone.now()
            answered.answered_by = request.user
            # The answer and its e-mail, or neither; and never over a colleague's (C12).
            with transaction.atomic():
                if saved(form):
                    notifications.enquiry_answered(answered)
                    messages.success(request, _("Svaret er sendt til ansøgeren."))
                    return redirect("applications:enquiry_detail", pk=enquiry.pk)
            status = CONFLICT
            enquiry = Enquiry.objects.select_related("offer", "organisation").get(pk=enquiry.pk)
    elif request.method == "POST":
        raise PermissionDenied
    return render(
        request,
        "applications/enquiry_detail.html",
        {
            "enquiry": enquiry,
            "form": form,
            "assign_form": AssignForm(initial={"case_officer": enquiry.case_officer_id})
            if can_answer
            else None,
            # The Board never sees an applicant's unsent draft (C12).
            "applications": [
                application
                for application in enquiry.applications.select_related("offer")
                if permissions.can_view_application(request.user, application)
            ],
            "sent_applications": services.sent_from_enquiry(enquiry),
        },
        status=status,
    )


@require_POST
@requires(permissions.can_answer_enquiry)
def enquiry_assign(request, pk):
    enquiry = get_enquiry_for_user(request.user, pk)
    form = AssignForm(request.POST)
    if form.is_valid():
        enquiry.case_officer = form.cleaned_data["case_officer"]
        enquiry.save(update_fields=["case_officer"])
        messages.success(request, _("Henvendelsen er fordelt."))
    return redirect("applications:enquiry_detail", pk=enquiry.pk)
