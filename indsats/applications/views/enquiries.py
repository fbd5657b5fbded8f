"""Enquiries before an application (O1.2) and questions to the project leader (O4.3)."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from indsats.accounts import permissions
from indsats.accounts.decorators import requires
from indsats.catalogue.models import Offer

from .. import notifications
from ..backoffice_forms import AssignForm
from ..forms import EnquiryAnswerForm, EnquiryForm
from ..models import EnquiryStatus
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
    }
    form = EnquiryForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        enquiry = form.save(commit=False)
        enquiry.offer = offer
        enquiry.organisation = user.organisation
        enquiry.created_by = user
        enquiry.save()
        notifications.enquiry_received(enquiry)
        messages.success(
            request, _("Tak for jeres henvendelse. Vi vender tilbage hurtigst muligt.")
        )
        return redirect("applications:enquiry_detail", pk=enquiry.pk)
    return render(request, "applications/enquiry_form.html", {"form": form, "offer": offer})


@requires(permissions.is_signed_in)
def enquiry_detail(request, pk):
    enquiry = get_enquiry_for_user(request.user, pk)
    can_answer = permissions.can_answer_enquiry(request.user)
    form = None
    if can_answer:
        form = EnquiryAnswerForm(request.POST or None, instance=enquiry)
        if request.method == "POST" and form.is_valid():
            enquiry = form.save(commit=False)
            if enquiry.status == EnquiryStatus.RECEIVED:
                enquiry.status = EnquiryStatus.ANSWERED
            enquiry.answered_at = timezone.now()
            enquiry.answered_by = request.user
            enquiry.save()
            notifications.enquiry_answered(enquiry)
            messages.success(request, _("Svaret er sendt til ansøgeren."))
            return redirect("applications:enquiry_detail", pk=enquiry.pk)
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
            "applications": enquiry.applications.all(),
        },
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
