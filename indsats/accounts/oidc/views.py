"""The views: to the provider and back, logout there too, and linking a first sign-in."""

from __future__ import annotations

import logging
from urllib.parse import urlencode

import requests
from django import forms
from django.conf import settings
from django.contrib import auth, messages
from django.contrib.auth import views as auth_views
from django.core.exceptions import ImproperlyConfigured
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import redirect, render, resolve_url
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy
from mozilla_django_oidc.views import (
    OIDCAuthenticationCallbackView,
    OIDCAuthenticationRequestView,
)

from ..models import AccessRequest
from .backend import OIDCBackend
from .identity import (
    BACKEND_PATH,
    ID_TOKEN_SESSION_KEY,
    _remember_sign_in,
    forget_pending_identity,
    pending_identity,
)
from .provider import oidc_enabled, provider_config

logger = logging.getLogger(__package__)  # "indsats.accounts.oidc", as before the split


def _require_enabled():
    if not oidc_enabled():
        raise Http404("No OpenID Connect provider is configured.")


class OIDCAuthenticateView(OIDCAuthenticationRequestView):
    """Sends the browser to the provider, with state, nonce and the PKCE challenge."""

    def __init__(self, *args, **kwargs):
        super(OIDCAuthenticationRequestView, self).__init__(*args, **kwargs)

    def get(self, request):
        _require_enabled()
        try:
            self.OIDC_OP_AUTH_ENDPOINT = provider_config().authorization_endpoint
        except (requests.RequestException, ValueError, ImproperlyConfigured) as error:
            logger.error("OIDC provider unavailable: %s", error)
            messages.error(
                request, _("Log ind med MitID Erhverv virker ikke lige nu. Prøv igen senere.")
            )
            return redirect("accounts:login")
        self.OIDC_RP_CLIENT_ID = settings.OIDC_RP_CLIENT_ID
        return super().get(request)

    def get_extra_params(self, request):
        params = dict(super().get_extra_params(request))
        if settings.OIDC_ACR_VALUES:
            params["acr_values"] = settings.OIDC_ACR_VALUES
        return params


class OIDCCallbackView(OIDCAuthenticationCallbackView):
    """The provider's answer: log in a linked user, or show how to link the identity.

    The library's view, except that it asks ``OIDCBackend`` directly instead of going
    through ``django.contrib.auth.authenticate``: a first sign-in waiting for its link is
    no failed password, and must not count towards django-axes' lock on the client's
    address (a municipality's whole office may share one).
    """

    def get(self, request):
        _require_enabled()
        code, state = request.GET.get("code"), request.GET.get("state")
        states = dict(request.session.get("oidc_states") or {})
        entry = states.pop(state, None) if state else None
        if entry is not None:
            # Each state is used once, also when the provider answers with an error.
            request.session["oidc_states"] = states
            request.session.save()
        if request.GET.get("error") or not code or entry is None:
            if not request.GET.get("error"):
                logger.warning("OIDC callback with no code or a state this session never sent.")
            return self.login_failure()
        # Read the session anew after the slow token exchange, as the library does, so
        # that what another tab changed meanwhile is not overwritten.
        request.session = request.session.__class__(request.session.session_key)
        user = OIDCBackend().authenticate(
            request, nonce=entry.get("nonce"), code_verifier=entry.get("code_verifier")
        )
        if user is None or not user.is_active:
            return self.login_failure()
        self.user = user
        return self.login_success()

    def login_success(self):
        identity = self.user.oidc_identity
        auth.login(self.request, self.user, backend=BACKEND_PATH)
        _remember_sign_in(self.request, identity.id_token, identity.strong)
        forget_pending_identity(self.request)
        return HttpResponseRedirect(self.success_url)

    def login_failure(self):
        refused = getattr(self.request, "oidc_refused", "")
        if not refused and pending_identity(self.request) is not None:
            return redirect("accounts:oidc_link")
        forget_pending_identity(self.request)
        if refused == "inactive":
            messages.error(
                self.request,
                _("Din bruger i Indsats er ikke aktiv. Kontakt din administrator."),
            )
        else:
            messages.error(
                self.request,
                _(
                    "Du blev ikke logget ind med MitID Erhverv. Prøv igen, eller log ind med "
                    "e-mail og adgangskode."
                ),
            )
        return redirect("accounts:login")


class LogoutView(auth_views.LogoutView):
    """Django's logout, then the provider's when the user signed in there.

    The provider's ``end_session_endpoint`` gets the ID token as ``id_token_hint`` and
    sends the browser back to ``LOGOUT_REDIRECT_URL``. A password user, or a provider
    without that endpoint, gets Django's logout alone.
    """

    def post(self, request, *args, **kwargs):
        id_token = request.session.get(ID_TOKEN_SESSION_KEY)
        response = super().post(request, *args, **kwargs)
        if not id_token or not oidc_enabled():
            return response
        try:
            end_session = provider_config().end_session_endpoint
        except (requests.RequestException, ValueError, ImproperlyConfigured) as error:
            logger.warning("OIDC provider unavailable at logout: %s", error)
            return response
        if not end_session:
            return response
        query = urlencode(
            {
                "id_token_hint": id_token,
                "post_logout_redirect_uri": request.build_absolute_uri(
                    resolve_url(settings.LOGOUT_REDIRECT_URL)
                ),
                "client_id": settings.OIDC_RP_CLIENT_ID,
            }
        )
        separator = "&" if "?" in end_session else "?"
        return HttpResponseRedirect(f"{end_session}{separator}{query}")


# --- linking a first sign-in -----------------------------------------------------------


class InvitationCodeForm(forms.Form):
    """The link from an invitation e-mail, or the code at its end."""

    required_marks = "none"

    invitation = forms.CharField(
        label=_lazy("Link eller kode fra invitationen"),
        max_length=500,
        help_text=_lazy(
            "Kopiér linket fra den e-mail, du fik med invitationen, og sæt det ind her."
        ),
    )

    def clean_invitation(self):
        from .. import registration

        token = invitation_token(self.cleaned_data["invitation"])
        try:
            self.found = registration.find_invitation(token) if token else None
        except registration.InvitationUnavailable as error:
            messages_by_reason = {
                "used": _lazy("Invitationen er allerede brugt."),
                "expired": _lazy("Invitationen er udløbet. Bed din kollega om en ny."),
            }
            raise forms.ValidationError(
                messages_by_reason.get(
                    error.reason, _lazy("Vi kan ikke finde invitationen. Tjek linket.")
                ),
                code=error.reason,
            ) from None
        if self.found is None:
            raise forms.ValidationError(
                _lazy("Vi kan ikke finde invitationen. Tjek linket."), code="unknown"
            )
        return token


def invitation_token(text: str) -> str:
    """The invitation's token from a pasted link (…/konto/invitation/<token>/) or the token."""
    text = text.strip()
    if "/invitation/" in text:
        text = text.split("/invitation/", 1)[1]
    text = text.split("?", 1)[0].split("#", 1)[0].strip("/")
    return text if text and all(c.isalnum() or c in "-_" for c in text) else ""


def link(request):
    """ "Forbind din MitID Erhverv-login": what to do with a sign-in no user is linked to."""
    _require_enabled()
    if request.user.is_authenticated:
        return redirect(settings.LOGIN_REDIRECT_URL)
    identity = pending_identity(request)
    if identity is None:
        return redirect("accounts:login")
    if request.method == "POST" and request.POST.get("action") == "cancel":
        forget_pending_identity(request)
        messages.info(request, _("Dit MitID Erhverv-login er ikke forbundet til Indsats."))
        return redirect("accounts:login")
    form = InvitationCodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        return redirect("accounts:invitation", form.cleaned_data["invitation"])
    waiting = AccessRequest.objects.filter(
        pending_issuer=identity.issuer, pending_subject=identity.subject, approved__isnull=True
    ).exists()
    return render(
        request,
        "accounts/oidc_link.html",
        {"identity": identity, "form": form, "waiting": waiting},
    )
