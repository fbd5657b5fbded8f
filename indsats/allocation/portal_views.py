"""Where an applicant stands, and joint programmes by consent (C5; O4.4).

The applicant's page shows the newest confirmed placement: granted, number N of M on the
waiting list with an estimated start, or refused — each with its reasons. Small sites see
the sites that asked to work with them and the Board's proposals, and accept them here.
Staff see suggested groups among small sites waiting alone and propose them.
"""

from __future__ import annotations

from django.contrib import messages
from django.db import transaction
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from indsats.accounts import permissions
from indsats.accounts.decorators import requires
from indsats.applications.models import OPEN_STATUSES, Application, ApplicationStatus
from indsats.applications.partners import accept_partners, can_name_partners, partner_requests
from indsats.applications.views.lookups import get_application_for_user
from indsats.catalogue.models import Offer
from indsats.organisations.models import Organisation

from .confirmation import latest_placement
from .models import PartnerProposal, PartnerProposalMember, PlacementOutcome
from .partners import WaitingSite, suggest_partners

STATUS_OF_OUTCOME = {
    PlacementOutcome.GRANTED: ApplicationStatus.GRANTED,
    PlacementOutcome.WAITING: ApplicationStatus.WAITING_LIST,
    PlacementOutcome.REFUSED: ApplicationStatus.REJECTED,
}


def context_for(user, application) -> dict:
    """What the application's portal page needs from the allocation."""
    placement = None
    if not application.is_draft:
        placement = latest_placement(application)
        if placement and STATUS_OF_OUTCOME[placement.outcome] != application.status:
            placement = None  # decided since, outside the plan: the decision speaks
    proposals = []
    requests = []
    if permissions.is_applicant(user) and can_name_partners(application):
        requests = partner_requests(application)
        proposals = list(
            PartnerProposalMember.objects.filter(application=application, accepted_at__isnull=True)
            .select_related("proposal")
            .order_by("proposal__proposed_at")
        )
        others: dict[int, list] = {}
        for member in (
            PartnerProposalMember.objects.filter(proposal__in=[m.proposal_id for m in proposals])
            .exclude(application__organisation=application.organisation_id)
            .select_related("application__organisation")
            .order_by("application__organisation__name")
        ):
            others.setdefault(member.proposal_id, []).append(member.application.organisation)
        for membership in proposals:
            membership.others = others.get(membership.proposal_id, [])
    return {
        "placement": placement,
        "placement_reasons": placement.reasons_in_language() if placement else [],
        "partner_requests": requests,
        "partner_proposals": proposals,
    }


@require_POST
@requires(permissions.is_applicant)
def accept_partnership(request, pk):
    """The site accepts a site that named it, or the Board's proposal (O4.4)."""
    application = get_application_for_user(request.user, pk)
    if not can_name_partners(application):
        raise Http404
    organisations = []
    proposal_pk = request.POST.get("proposal", "")
    if proposal_pk.isdigit():
        membership = PartnerProposalMember.objects.filter(
            proposal_id=int(proposal_pk), application=application, accepted_at__isnull=True
        ).first()
        if membership is None:
            raise Http404
        organisations = list(
            Organisation.objects.filter(
                applications__partner_proposals__proposal_id=membership.proposal_id
            ).distinct()
        )
    else:
        asking = {o.pk: o for o in partner_requests(application)}
        chosen = request.POST.get("organisation", "")
        if not chosen.isdigit() or int(chosen) not in asking:
            raise Http404
        organisations = [asking[int(chosen)]]
        membership = None
    with transaction.atomic():
        grouped = accept_partners(application, organisations)
        if membership is not None:
            membership.accepted_at = timezone.now()
            membership.accepted_by = request.user
            membership.save()
    if grouped:
        messages.success(
            request,
            _("I er nu et fælles forløb. Gruppen står i køen fra det tidligste steds ansøgning."),
        )
    else:
        messages.success(
            request,
            _("Tak. Det fælles forløb er på plads, når alle stederne har accepteret hinanden."),
        )
    return redirect("applications:detail", pk=application.pk)


def _waiting_small_sites(offer) -> list[Application]:
    threshold = offer.small_site_threshold or 0
    sites = (
        Application.objects.filter(offer=offer, status__in=OPEN_STATUSES, group__isnull=True)
        .exclude(reference__isnull=True)
        .select_related("organisation__municipality__region")
        .order_by("submitted_at", "pk")
    )
    return [
        a
        for a in sites
        if str(a.answers.get("employee_count", "")).isdigit()
        and int(a.answers["employee_count"]) < threshold
    ]


@requires(permissions.can_view_allocation)
def partner_suggestions(request):
    offer = Offer.objects.get(code="O4")
    waiting = _waiting_small_sites(offer)
    by_id = {a.pk: a for a in waiting}
    suggestions = suggest_partners(
        WaitingSite(
            application_id=a.pk,
            name=a.organisation.name,
            complete_at=a.submitted_at,
            municipality=a.organisation.municipality.name if a.organisation.municipality else "",
            region=(a.organisation.municipality.region.name if a.organisation.municipality else ""),
            site_type=a.organisation.get_site_type_display() if a.organisation.site_type else "",
        )
        for a in waiting
    )
    pending = PartnerProposal.objects.filter(
        members__accepted_at__isnull=True, members__application__status__in=OPEN_STATUSES
    ).distinct()
    proposed = set(
        PartnerProposalMember.objects.filter(proposal__in=pending).values_list(
            "application", flat=True
        )
    )
    rows = [
        {
            "suggestion": s,
            "applications": [by_id[pk] for pk in s.application_ids],
            "already_proposed": any(pk in proposed for pk in s.application_ids),
        }
        for s in suggestions
    ]
    return render(
        request,
        "allocation/partners.html",
        {
            "rows": rows,
            "waiting": waiting,
            "can_propose": permissions.can_propose_partners(request.user),
        },
    )


@require_POST
@requires(permissions.can_propose_partners)
def propose_partners(request):
    offer = Offer.objects.get(code="O4")
    waiting = {a.pk: a for a in _waiting_small_sites(offer)}
    chosen = [int(v) for v in request.POST.getlist("application") if v.isdigit()]
    reason = request.POST.get("reason", "").strip()
    if len(set(chosen)) < 2 or any(pk not in waiting for pk in chosen) or not reason:
        messages.error(request, _("Vælg mindst to små steder på ventelisten, og skriv hvorfor."))
        return redirect("allocation:partners")
    with transaction.atomic():
        proposal = PartnerProposal.objects.create(
            offer=offer, reason=reason, proposed_by=request.user
        )
        for pk in sorted(set(chosen)):
            PartnerProposalMember.objects.create(proposal=proposal, application=waiting[pk])
    from .notifications import partnership_proposed

    transaction.on_commit(lambda: partnership_proposed(proposal))
    messages.success(request, _("Forslaget er sendt til stederne, som accepterer det i Indsats."))
    return redirect("allocation:partners")
