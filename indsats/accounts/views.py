"""Self-registration, the Board's decisions on access requests, and invitations.

Login, logout and password reset are Django's own views, set up in ``urls.py``.
"""

from django.contrib import messages
from django.contrib.auth import login
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from . import permissions, registration
from .decorators import requires
from .forms import (
    AcceptInvitationForm,
    AccessRequestDecisionForm,
    InviteColleagueForm,
    RegistrationForm,
)
from .models import AccessRequest, Invitation
from .oidc.identity import forget_pending_identity, log_in_linked, pending_identity

MODEL_BACKEND = "indsats.accounts.backends.PasswordBackend"


def register(request):
    if request.user.is_authenticated:
        return redirect("core:dashboard")
    # A MitID Erhverv sign-in waiting for a link (oidc.views.link) asks for access without a
    # password; the login is linked when the Board approves (C12).
    identity = pending_identity(request)
    form = RegistrationForm(
        request.POST or None,
        with_password=identity is None,
        initial={"full_name": identity.name, "email": identity.email} if identity else None,
    )
    if request.method == "POST" and form.is_valid():
        try:
            registration.create_registration(
                organisation=form.organisation(),
                person=form.person(),
                password=form.cleaned_data.get("password1"),
                identity=identity,
            )
        except registration.EmailInUse:
            # The same answer as for a new address; the owner is told by e-mail (C12).
            registration.tell_existing_account(
                form.cleaned_data["email"], form.cleaned_data.get("password1")
            )
            return redirect("accounts:registration_received")
        except registration.IdentityInUse:
            forget_pending_identity(request)
            messages.error(
                request, _("Dit MitID Erhverv-login er allerede forbundet til en bruger.")
            )
            return redirect("accounts:login")
        else:
            forget_pending_identity(request)
            return redirect("accounts:registration_received")
    return render(
        request, "accounts/registration/register.html", {"form": form, "identity": identity}
    )


def registration_received(request):
    return render(request, "accounts/registration/received.html")


@requires(permissions.can_decide_access_requests)
def access_requests(request):
    pending = AccessRequest.objects.filter(approved__isnull=True).select_related(
        "user", "organisation__municipality"
    )
    decided = (
        AccessRequest.objects.filter(approved__isnull=False)
        .select_related("user", "organisation", "decided_by")
        .order_by("-decided_at")[:10]
    )
    return render(
        request,
        "accounts/registration/access_requests.html",
        {
            "pending": [(item, AccessRequestDecisionForm(prefix=str(item.pk))) for item in pending],
            "decided": decided,
        },
    )


@requires(permissions.can_decide_access_requests)
@require_POST
def access_request_decide(request, pk):
    access_request = get_object_or_404(AccessRequest.objects.select_related("user"), pk=pk)
    form = AccessRequestDecisionForm(request.POST, prefix=str(pk))
    decision = request.POST.get("decision")
    if decision not in ("approve", "reject") or not form.is_valid():
        messages.error(request, _("Anmodningen er ikke afgjort. Prøv igen."))
        return redirect("accounts:access_requests")
    note = form.cleaned_data["note"]
    name = access_request.user.full_name
    try:
        if decision == "approve":
            registration.approve(access_request, request.user, note)
            messages.success(
                request, _("%(name)s har fået adgang og får besked på e-mail.") % {"name": name}
            )
        else:
            registration.reject(access_request, request.user, note)
            messages.success(
                request,
                _("Anmodningen fra %(name)s er afvist, og %(name)s får besked på e-mail.")
                % {"name": name},
            )
    except registration.AlreadyDecided:
        messages.warning(request, _("En anden har allerede afgjort anmodningen."))
    return redirect("accounts:access_requests")


@requires(permissions.can_invite_colleagues)
def colleagues(request):
    organisation = request.user.organisation
    form = InviteColleagueForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            invitation = registration.invite(
                invited_by=request.user,
                email=form.cleaned_data["email"],
                full_name=form.cleaned_data["full_name"],
            )
        except registration.EmailInUse:
            form.add_error("email", _("Der findes allerede en bruger med denne e-mail i Indsats."))
        else:
            messages.success(
                request,
                _("Invitationen er sendt til %(email)s.") % {"email": invitation.email},
            )
            return redirect("accounts:colleagues")
    return render(
        request,
        "accounts/registration/colleagues.html",
        {
            "organisation": organisation,
            "users": organisation.users.order_by("-is_active", "full_name"),
            "invitations": [
                invitation
                for invitation in Invitation.objects.filter(
                    organisation=organisation, accepted_at__isnull=True
                ).select_related("invited_by")
                if invitation.is_usable
            ],
            "form": form,
        },
    )


def invitation(request, token):
    try:
        found = registration.find_invitation(token)
    except registration.InvitationUnavailable as error:
        return _invitation_unavailable(request, error.reason)
    # Accepted while a MitID Erhverv sign-in waits for a link (oidc.views.link): the new user
    # gets that login instead of a password (C12).
    identity = pending_identity(request)
    form = AcceptInvitationForm(
        request.POST or None, invitation=found, with_password=identity is None
    )
    if request.method == "POST" and form.is_valid():
        try:
            user = registration.accept_invitation(
                found,
                person=form.person(email=found.email),
                password=form.cleaned_data.get("password1"),
                identity=identity,
            )
        except registration.InvitationUnavailable as error:
            return _invitation_unavailable(request, error.reason)
        except registration.EmailInUse:
            return _invitation_unavailable(request, "email_in_use")
        except registration.IdentityInUse:
            forget_pending_identity(request)
            messages.error(
                request, _("Dit MitID Erhverv-login er allerede forbundet til en bruger.")
            )
            return redirect("accounts:login")
        if identity is not None:
            log_in_linked(request, user, identity)
        else:
            login(request, user, backend=MODEL_BACKEND)
        messages.success(
            request,
            _("Velkommen til Indsats. Du er nu bruger hos %(organisation)s.")
            % {"organisation": user.organisation.name},
        )
        return redirect("organisations:mine")
    return render(
        request,
        "accounts/registration/invitation.html",
        {"invitation": found, "form": form, "identity": identity},
    )


def _invitation_unavailable(request, reason):
    status = 404 if reason == "unknown" else 410
    return render(
        request,
        "accounts/registration/invitation_unavailable.html",
        {"reason": reason},
        status=status,
    )
