from django.contrib import messages
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from indsats.accounts import permissions
from indsats.accounts.decorators import requires
from indsats.core.concurrency import CONFLICT, saved

from .cache import cached_for_anonymous
from .forms import (
    CONDITIONS_PREFIX,
    MISSING_ENGLISH,
    STEPS_PREFIX,
    ConditionFormSet,
    OfferForm,
    StepFormSet,
)
from .models import Offer


def _offer_for(user, slug) -> Offer:
    """Published offers are public; staff who edit the catalogue also see unpublished ones."""
    offers = Offer.objects.all()
    if not permissions.can_edit_catalogue(user):
        offers = offers.published()
    return get_object_or_404(offers, slug=slug)


@require_safe
@cached_for_anonymous
def offer_list(request):
    offers = Offer.objects.published()
    return render(
        request,
        "catalogue/offer_list.html",
        {
            "offers": [offer for offer in offers if offer.applicant_kind != "none"],
            "outreach": [offer for offer in offers if offer.applicant_kind == "none"],
        },
    )


@require_safe
@cached_for_anonymous
def offer_detail(request, slug):
    offer = _offer_for(request.user, slug)
    steps, conditions, criteria = offer.steps.all(), offer.conditions(), offer.criteria()
    can_edit = permissions.can_edit_catalogue(request.user)
    return render(
        request,
        "catalogue/offer_detail.html",
        {
            "offer": offer,
            "steps": steps,
            "conditions": conditions,
            "criteria": criteria,
            "can_edit": can_edit,
            # Staff who edit the catalogue see how many texts still lack English (C11).
            "texts_without_english": sum(
                len(record.missing_english()) for record in [offer, *steps, *conditions, *criteria]
            )
            if can_edit
            else 0,
            "can_apply": permissions.can_apply_for(request.user, offer),
            "can_enquire": permissions.can_send_enquiry(request.user, offer),
        },
    )


@requires(permissions.can_edit_catalogue)
def offer_edit(request, slug):
    """The offer's texts, steps and conditions, Danish and English side by side (C11)."""
    offer = _offer_for(request.user, slug)
    data = request.POST or None
    form = OfferForm(data, instance=offer)
    steps = StepFormSet(data, instance=offer, prefix=STEPS_PREFIX)
    rules = ConditionFormSet(data, instance=offer, prefix=CONDITIONS_PREFIX)
    status = 200
    if request.method == "POST" and all([form.is_valid(), steps.is_valid(), rules.is_valid()]):
        with transaction.atomic():
            if saved(form):
                steps.save()
                rules.save()
                messages.success(request, _("Tilbuddet er opdateret."))
                return redirect("catalogue:offer_detail", slug=offer.slug)
        status = CONFLICT
    return render(
        request,
        "catalogue/offer_form.html",
        {
            "form": form,
            "offer": offer,
            "steps": steps,
            "rules": rules,
            "missing_english": MISSING_ENGLISH,
        },
        status=status,
    )
