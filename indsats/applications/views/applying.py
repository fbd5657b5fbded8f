"""Applying: start a draft, fill it in, review it, submit it, get a receipt, withdraw."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from indsats.accounts import permissions
from indsats.accounts.decorators import requires
from indsats.catalogue.models import Offer
from indsats.core.cleaning import whole_number
from indsats.core.concurrency import CONFLICT, EditConflict

from .. import notifications, services
from ..models import Application
from ..offer_forms import form_class_for
from ..offer_forms.base import (
    answers_as_data,
    answers_fingerprint,
    answers_from_post,
    changed_by_colleague,
    had_nul,
)
from .lookups import get_application_for_user


@requires(permissions.is_applicant)
def start(request, slug):
    offer = get_object_or_404(Offer.objects.published(), slug=slug)
    if offer.applicant_kind == request.user.organisation.kind and not offer.can_be_applied_for:
        # Closed (by its dates or by staff): said on the offer's page, not as a 403.
        text = _("Forløbet er lukket for ansøgninger lige nu.")
        opens = offer.opens_on(timezone.localdate())
        if opens:
            text += " " + _("Det kan søges fra %(date)s.") % {
                "date": date_format(opens, "DATE_FORMAT")
            }
        messages.info(request, text)
        return redirect("catalogue:offer_detail", slug=offer.slug)
    if not permissions.can_apply_for(request.user, offer):
        raise PermissionDenied
    drafts = Application.objects.filter(
        offer=offer, organisation=request.user.organisation, status="draft"
    )
    enquiry = _own_enquiry(request, offer)
    if request.method == "POST":
        application = services.start_draft(offer, request.user, enquiry)
        return redirect("applications:edit", pk=application.pk)
    return render(
        request,
        "applications/start.html",
        {
            "offer": offer,
            "drafts": drafts,
            "enquiry": enquiry,
            "sent_from_enquiry": services.sent_from_enquiry(enquiry) if enquiry else [],
        },
    )


def _own_enquiry(request, offer):
    """The enquiry the applicant came from (``?henvendelse=``), if it is their own
    organisation's about this offer; anything else is ignored."""
    from ..models import Enquiry

    value = (request.POST or request.GET).get("henvendelse", "")
    if not value.isdigit():
        return None
    return Enquiry.objects.filter(
        pk=int(value), offer=offer, organisation=request.user.organisation
    ).first()


def _editable(request, pk) -> Application:
    application = get_application_for_user(request.user, pk)
    if not permissions.can_edit_application(request.user, application):
        raise PermissionDenied
    return application


@requires(permissions.is_applicant)
def edit(request, pk):
    application = _editable(request, pk)
    status = 200
    if request.method == "POST":
        form_class = form_class_for(application.offer)
        answers = answers_from_post(form_class, request.POST)
        if had_nul(form_class, request.POST):
            messages.warning(
                request,
                _("Et tegn, der ikke kan gemmes, er fjernet fra jeres svar. Læs dem igennem."),
            )
        version = whole_number(request.POST.get("version"), minimum=1)
        saved_by_colleague = {}
        try:
            if version is None:
                # Not what the page sent (C12): refused like a conflict, never a server error.
                messages.error(
                    request,
                    _(
                        "Siden sagde ikke, hvilken udgave af kladden du rettede. Dine ændringer "
                        "er ikke gemt; de står nedenfor. Gem igen for at bruge dem."
                    ),
                )
                status = 400
            else:
                services.save_draft(application, answers, version)
        except EditConflict:
            application.refresh_from_db()
            # Only the answers the colleague changed since this page was shown (C12).
            saved_by_colleague = changed_by_colleague(
                application.answers,
                answers,
                request.POST.get("based_on"),
                form_class.base_fields,
            )
            messages.error(
                request,
                _(
                    "En kollega har gemt kladden, mens du skrev. Dine ændringer er ikke gemt; "
                    "de står nedenfor. Gem igen for at bruge dine."
                ),
            )
            status = CONFLICT
        if status != 200:
            application.refresh_from_db()
            # Still a draft: what was typed, not judged; the colleague's differences marked.
            form = services.build_form(application, data=answers_as_data(answers))
            form.show_unjudged(saved_by_colleague)
        else:
            if request.POST.get("action") == "review":
                form = services.build_form(application)
                if form.is_valid():
                    return redirect("applications:review", pk=application.pk)
            else:
                messages.success(request, _("Kladden er gemt. I kan fortsætte senere."))
                return redirect("applications:edit", pk=application.pk)
    elif request.GET.get("vis") == "fejl":
        form = services.build_form(application)  # bound: shows every problem at its field
    else:
        form = services.draft_form(application)  # what was saved, without errors yet
    return _edit_page(request, application, form, status)


def _edit_page(request, application, form, status=200):
    """The draft's form; it carries the version and a fingerprint of the saved answers, so
    a later conflict marks only what a colleague changed (C12)."""
    based_on = answers_fingerprint(
        application.answers, form_class_for(application.offer).base_fields
    )
    return render(
        request,
        "applications/edit.html",
        {"application": application, "form": form, "based_on": based_on},
        status=status,
    )


@requires(permissions.is_applicant)
def review(request, pk):
    application = get_application_for_user(request.user, pk)
    if not application.is_draft:
        # Submitted already, by this click's twin or a colleague: its receipt (C12).
        return redirect("applications:receipt", pk=application.pk)
    if not permissions.can_edit_application(request.user, application):
        raise PermissionDenied
    if request.method == "POST":
        result = services.submit(
            application,
            request.user,
            on_submitted=lambda sent: notifications.application_submitted(sent, request.user),
        )
        if result.submitted or result.already_submitted:
            return redirect("applications:receipt", pk=application.pk)
        messages.error(request, _("Ansøgningen kan ikke sendes endnu. Ret fejlene nedenfor."))
        return _edit_page(request, application, result.form)
    form = services.build_form(application)
    if not form.is_bound or not form.is_valid():
        return redirect(reverse("applications:edit", args=[application.pk]) + "?vis=fejl")
    return render(request, "applications/review.html", {"application": application, "form": form})


@requires(permissions.is_applicant)
def receipt(request, pk):
    application = get_application_for_user(request.user, pk)
    if application.is_draft:
        return redirect("applications:edit", pk=application.pk)
    return render(request, "applications/receipt.html", {"application": application})


@requires(permissions.is_applicant)
def withdraw(request, pk):
    """Withdraw a submitted application; a draft, never sent, is deleted instead."""
    application = get_application_for_user(request.user, pk)
    if not permissions.can_withdraw_application(request.user, application):
        raise PermissionDenied
    status = 200
    if request.method == "POST" and application.is_draft:
        if not permissions.can_edit_application(request.user, application):
            raise PermissionDenied
        version = whole_number(request.POST.get("version"), minimum=1)
        try:
            services.delete_draft(application, version)
        except EditConflict:
            messages.error(
                request,
                _(
                    "En kollega har ændret kladden, efter du åbnede siden. Den er ikke slettet. "
                    "Se kladden igennem, før du sletter den."
                ),
            )
            application.refresh_from_db()
            status = CONFLICT
        else:
            messages.success(request, _("Kladden er slettet."))
            return redirect("applications:portal")
    elif request.method == "POST":
        services.withdraw(application)
        messages.success(request, _("Ansøgningen er trukket tilbage."))
        return redirect("applications:detail", pk=application.pk)
    return render(
        request, "applications/withdraw.html", {"application": application}, status=status
    )
