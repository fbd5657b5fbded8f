from django.contrib import messages
from django.db.models import Count, Q
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from indsats.accounts import permissions
from indsats.accounts.decorators import requires
from indsats.core.cleaning import text_parameter
from indsats.core.concurrency import CONFLICT, saved
from indsats.core.pagination import paginate

from .forms import PlacementSiteForm
from .models import Municipality, Organisation, OrganisationKind, Region


def _get_organisation_for_user(user, pk) -> Organisation:
    """The organisation, if this user may see it; otherwise 404 (existence is not revealed)."""
    organisation = get_object_or_404(Organisation.objects.select_related("municipality"), pk=pk)
    if not permissions.can_view_organisation(user, organisation):
        raise Http404
    return organisation


@requires(permissions.is_applicant)
def mine(request):
    organisation = request.user.organisation
    return render(
        request,
        "organisations/detail.html",
        {
            "organisation": organisation,
            "colleagues": organisation.users.filter(is_active=True).order_by("full_name"),
            "can_edit": permissions.can_edit_organisation(request.user, organisation),
            "can_export": permissions.can_export_organisation_data(request.user, organisation),
        },
    )


@requires(permissions.can_view_organisation_register)
def municipalities(request):
    regions = Region.objects.all()
    selected_region = text_parameter(request.GET, "region")
    rows = (
        Municipality.objects.select_related("region")
        .annotate(contact_count=Count("contacts"))
        .order_by("region__code", "name")
    )
    if selected_region:
        rows = rows.filter(region__code=selected_region)
    query = text_parameter(request.GET, "q")
    if query:
        rows = rows.filter(Q(name__icontains=query) | Q(code=query))
    return render(
        request,
        "organisations/municipalities.html",
        {
            "regions": regions,
            "selected_region": selected_region,
            "query": query,
            "municipalities": rows,
        },
    )


@requires(permissions.can_view_organisation_register)
def placement_sites(request):
    # Only what the list shows, 50 a page (C13).
    sites = (
        Organisation.objects.placement_sites()
        .select_related("municipality")
        .only(
            "name",
            "site_type",
            "employee_count",
            "cvr",
            "cvr_checksum_confirmed",
            "municipality__name",
        )
        .annotate(user_count=Count("users"))
        .order_by("name", "pk")
    )
    # The filters are in the address, so the pagination's links keep them.
    selected_region = text_parameter(request.GET, "region")
    if selected_region:
        sites = sites.filter(municipality__region__code=selected_region)
    selected_municipality = text_parameter(request.GET, "kommune")
    if selected_municipality:
        sites = sites.filter(municipality__code=selected_municipality)
    query = text_parameter(request.GET, "q")
    if query:
        # A CVR number is found however it was typed ("DK 3456 7891").
        digits = "".join(character for character in query if character.isdigit())
        match = Q(name__icontains=query)
        if digits:
            match |= Q(cvr__startswith=digits)
        sites = sites.filter(match)
    filtered = bool(selected_region or selected_municipality or query)
    return render(
        request,
        "organisations/placement_sites.html",
        {
            "sites": paginate(request, sites, label=_("Sider med anbringelsessteder")),
            "can_create": permissions.can_edit_organisation_register(request.user),
            "regions": Region.objects.order_by("name"),
            "municipalities": Municipality.objects.order_by("name").only("code", "name"),
            "selected_region": selected_region,
            "selected_municipality": selected_municipality,
            "query": query,
            "filtered": filtered,
        },
    )


@requires(permissions.is_signed_in)
def detail(request, pk):
    organisation = _get_organisation_for_user(request.user, pk)
    return render(
        request,
        "organisations/detail.html",
        {
            "organisation": organisation,
            "colleagues": organisation.users.filter(is_active=True).order_by("full_name"),
            "can_edit": permissions.can_edit_organisation(request.user, organisation),
            "can_export": permissions.can_export_organisation_data(request.user, organisation),
        },
    )


@requires(permissions.can_edit_organisation_register)
def placement_site_create(request):
    form = PlacementSiteForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        site = form.save()
        messages.success(request, _("Anbringelsesstedet er oprettet."))
        return redirect("organisations:detail", pk=site.pk)
    return render(
        request,
        "organisations/placement_site_form.html",
        {"form": form, "creating": True},
    )


@requires(permissions.is_signed_in)
def placement_site_edit(request, pk):
    site = _get_organisation_for_user(request.user, pk)
    if site.kind != OrganisationKind.PLACEMENT_SITE or not permissions.can_edit_organisation(
        request.user, site
    ):
        raise Http404
    form = PlacementSiteForm(request.POST or None, instance=site)
    status = 200
    if request.method == "POST" and form.is_valid():
        if saved(form):
            messages.success(request, _("Ændringerne er gemt."))
            return redirect("organisations:detail", pk=site.pk)
        status = CONFLICT
    return render(
        request,
        "organisations/placement_site_form.html",
        {"form": form, "organisation": site, "creating": False},
        status=status,
    )
