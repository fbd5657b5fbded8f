"""Sign-in with MitID Erhverv through an OpenID Connect provider (C12).

NemLog-in / MitID Erhverv speak OIOSAML; a broker in front of them speaks OpenID Connect,
and this module is the client, built on ``mozilla-django-oidc``: the authorisation code
flow with PKCE, state and nonce (the library's), the ID token verified here in full
(RS256 signature by one of the provider's published keys, issuer, audience, expiry, nonce).

Everything comes from the provider's discovery document (``OIDC_DISCOVERY_URL``), read
when first needed and kept for ``DISCOVERY_TTL`` seconds; with no provider configured
(``oidc_enabled()`` is false) the OIDC pages answer 404, the login page shows no button
and the backend authenticates nobody.

The verified (issuer, subject) pair is the person; it maps to a user only through an
``ExternalIdentity``. No user is ever created here and an e-mail address never matches a
user by itself. A first sign-in with no link logs nobody in: the verified identity waits
in the session (``pending_identity``) while the person links it by accepting an invitation
or by an access request the Board approves (``registration``).
"""

from __future__ import annotations

import logging
import threading
import time
from dataclasses import asdict, dataclass
from urllib.parse import urlencode

import jwt
import requests
from django import forms
from django.conf import settings
from django.contrib import auth, messages
from django.contrib.auth import views as auth_views
from django.core.exceptions import ImproperlyConfigured, SuspiciousOperation
from django.db import transaction
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import redirect, render, resolve_url
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy
from mozilla_django_oidc.auth import OIDCAuthenticationBackend
from mozilla_django_oidc.views import (
    OIDCAuthenticationCallbackView,
    OIDCAuthenticationRequestView,
)

from .. import strong_auth
from ..models import AccessRequest, ExternalIdentity, User

logger = logging.getLogger(__name__)

WELL_KNOWN = "/.well-known/openid-configuration"
DISCOVERY_TTL = 60 * 60  # seconds a discovery document and its keys are trusted
SIGNING_ALGORITHM = "RS256"
PENDING_SESSION_KEY = "indsats_oidc_pending_identity"
ID_TOKEN_SESSION_KEY = "indsats_oidc_id_token"  # noqa: S105 (a session key, no secret)
BACKEND_PATH = "indsats.accounts.oidc.OIDCBackend"

# NSIS assurance levels as NemLog-in writes them in ``acr``; both need two factors.
STRONG_ACR_MARKERS = ("substantial", "high")
# ``amr`` values (RFC 8176) that mean a second factor on their own.
MULTI_FACTOR_AMR = {"mfa", "otp", "hwk", "swk", "sms", "fpt", "face", "iris", "pin"}


def oidc_enabled() -> bool:
    """Whether a provider is configured: a discovery address and a client id."""
    return bool(
        getattr(settings, "OIDC_DISCOVERY_URL", "") and getattr(settings, "OIDC_RP_CLIENT_ID", "")
    )


# --- the provider's discovery document and keys --------------------------------------


@dataclass(frozen=True)
class ProviderConfig:
    issuer: str
    authorization_endpoint: str
    token_endpoint: str
    jwks_uri: str
    userinfo_endpoint: str = ""
    end_session_endpoint: str = ""


_cache: dict[str, tuple[float, object]] = {}
_cache_lock = threading.Lock()


def _get_json(url: str) -> dict:
    response = requests.get(
        url, timeout=settings.OIDC_TIMEOUT, verify=settings.OIDC_VERIFY_SSL, allow_redirects=False
    )
    response.raise_for_status()
    return response.json()


def _cached(key: str, load, refresh: bool = False):
    now = time.monotonic()
    with _cache_lock:
        hit = _cache.get(key)
        if hit and not refresh and hit[0] > now:
            return hit[1]
    value = load()
    with _cache_lock:
        _cache[key] = (now + DISCOVERY_TTL, value)
    return value


def forget_provider() -> None:
    """Drop the cached discovery documents and keys (tests; a provider's key change)."""
    with _cache_lock:
        _cache.clear()


def expected_issuer(discovery_url: str) -> str:
    """The issuer a discovery document at ``discovery_url`` must name (OIDC Discovery §4.3)."""
    if getattr(settings, "OIDC_ISSUER", ""):
        return settings.OIDC_ISSUER
    if discovery_url.endswith(WELL_KNOWN):
        return discovery_url[: -len(WELL_KNOWN)]
    return ""


def parse_discovery(document: dict, issuer: str) -> ProviderConfig:
    """The endpoints from a discovery document, refusing one for another issuer."""
    if issuer and document.get("issuer", "").rstrip("/") != issuer.rstrip("/"):
        raise ImproperlyConfigured(
            f"The OIDC discovery document names issuer {document.get('issuer')!r}, not {issuer!r}."
        )
    missing = [
        name
        for name in ("issuer", "authorization_endpoint", "token_endpoint", "jwks_uri")
        if not document.get(name)
    ]
    if missing:
        raise ImproperlyConfigured(f"The OIDC discovery document lacks {', '.join(missing)}.")
    return ProviderConfig(
        issuer=document["issuer"],
        authorization_endpoint=document["authorization_endpoint"],
        token_endpoint=document["token_endpoint"],
        jwks_uri=document["jwks_uri"],
        userinfo_endpoint=document.get("userinfo_endpoint", ""),
        end_session_endpoint=document.get("end_session_endpoint", ""),
    )


def provider_config() -> ProviderConfig:
    """The configured provider's endpoints, read from its discovery document (cached)."""
    url = settings.OIDC_DISCOVERY_URL
    return _cached(
        f"discovery:{url}", lambda: parse_discovery(_get_json(url), expected_issuer(url))
    )


def provider_keys(refresh: bool = False) -> list[dict]:
    """The provider's published signing keys (JWKS), cached; ``refresh`` reads them anew."""
    uri = provider_config().jwks_uri
    return _cached(f"jwks:{uri}", lambda: _get_json(uri).get("keys", []), refresh=refresh)


def signing_key_for(token: str, keys: list[dict]) -> jwt.PyJWK | None:
    """The key among ``keys`` that the token's header names, for RS256 signatures."""
    header = jwt.get_unverified_header(token)
    kid = header.get("kid")
    for key in keys:
        if key.get("kty") != "RSA" or key.get("use", "sig") != "sig":
            continue
        if key.get("alg", SIGNING_ALGORITHM) != SIGNING_ALGORITHM:
            continue
        if kid is not None and key.get("kid") != kid:
            continue
        return jwt.PyJWK(key, algorithm=SIGNING_ALGORITHM)
    return None


def verify_id_token(
    token: str, *, keys: list[dict], issuer: str, audience: str, leeway: int = 60
) -> dict:
    """The claims of an ID token, once its signature, issuer, audience and expiry hold.

    Raises ``SuspiciousOperation`` for anything else: another algorithm (``none``, HS256
    with the public key as secret), a key the provider did not publish, a changed claim,
    another issuer or client, an expired or not yet valid token. The nonce is checked by
    the caller, who knows it.
    """
    try:
        header = jwt.get_unverified_header(token)
    except jwt.InvalidTokenError as error:
        raise SuspiciousOperation(f"The ID token is not a JWT: {error}") from error
    if header.get("alg") != SIGNING_ALGORITHM:
        raise SuspiciousOperation(f"The ID token is signed with {header.get('alg')!r}.")
    key = signing_key_for(token, keys)
    if key is None:
        raise SuspiciousOperation("The ID token is signed with a key the provider did not publish.")
    try:
        claims = jwt.decode(
            token,
            key,
            algorithms=[SIGNING_ALGORITHM],
            audience=audience,
            issuer=issuer,
            leeway=leeway,
            options={"require": ["iss", "sub", "aud", "exp", "iat"]},
        )
    except jwt.InvalidTokenError as error:
        raise SuspiciousOperation(f"The ID token is refused: {error}") from error
    audiences = claims["aud"] if isinstance(claims["aud"], list) else [claims["aud"]]
    if len(audiences) > 1 and claims.get("azp") != audience:
        raise SuspiciousOperation("The ID token has several audiences and another azp.")
    return claims


def strong_sign_in_method(claims: dict) -> str:
    """How the provider vouched for more than one factor, or "" if it did not.

    ``acr`` at NSIS level Substantial or High (MitID Erhverv's values are URIs ending so),
    or ``amr`` with "mfa", a second-factor method, or two methods or more.
    """
    acr = str(claims.get("acr") or "")
    if any(marker in acr.lower() for marker in STRONG_ACR_MARKERS):
        return f"oidc acr {acr}"
    amr = claims.get("amr") or []
    if isinstance(amr, str):
        amr = [amr]
    methods = {str(method).lower() for method in amr}
    if methods & MULTI_FACTOR_AMR or len(methods) >= 2:
        return "oidc amr " + " ".join(sorted(methods))
    return ""


# --- the pending identity: verified, not yet linked ----------------------------------


@dataclass(frozen=True)
class PendingIdentity:
    """A verified sign-in at the provider that no user is linked to yet."""

    issuer: str
    subject: str
    name: str = ""
    email: str = ""
    id_token: str = ""
    strong: str = ""


def pending_identity(request) -> PendingIdentity | None:
    data = request.session.get(PENDING_SESSION_KEY)
    if not isinstance(data, dict):
        return None
    try:
        return PendingIdentity(**data)
    except TypeError:
        return None


def forget_pending_identity(request) -> None:
    request.session.pop(PENDING_SESSION_KEY, None)


def link_identity(user: User, identity: PendingIdentity) -> ExternalIdentity | None:
    """Tie the identity to ``user``; None if it is already tied to someone.

    Creating the ``ExternalIdentity`` is recorded in the audit trail (see apps.py).
    """
    with transaction.atomic():
        if ExternalIdentity.objects.filter(
            issuer=identity.issuer, subject=identity.subject
        ).exists():
            return None
        return ExternalIdentity.objects.create(
            user=user, issuer=identity.issuer, subject=identity.subject
        )


def log_in_linked(request, user: User, identity: PendingIdentity) -> None:
    """Log in ``user`` after linking the pending identity, as if they had signed in anew."""
    auth.login(request, user, backend=BACKEND_PATH)
    _remember_sign_in(request, identity.id_token, identity.strong)
    forget_pending_identity(request)


def _remember_sign_in(request, id_token: str, strong: str) -> None:
    if id_token:
        request.session[ID_TOKEN_SESSION_KEY] = id_token
    if strong:
        strong_auth.mark_strong_sign_in(request, strong)
    else:
        request.session.pop(strong_auth.SESSION_KEY, None)


# --- the authentication backend ------------------------------------------------------


class OIDCBackend(OIDCAuthenticationBackend):
    """Verifies the provider's answer and finds the user linked to the identity.

    Only ``OIDCCallbackView`` reaches it: ``authenticate`` takes ``nonce`` and
    ``code_verifier``, so a password login never calls it. It returns the linked, active
    user; otherwise None, leaving the verified identity in the session
    (``PENDING_SESSION_KEY``) or, when the answer was refused, ``request.oidc_refused``.
    """

    def __init__(self, *args, **kwargs):
        # The library reads endpoints from settings; they come from discovery here.
        self.UserModel = User
        self.OIDC_RP_SIGN_ALGO = SIGNING_ALGORITHM
        self.OIDC_RP_IDP_SIGN_KEY = None
        self.OIDC_RP_CLIENT_ID = getattr(settings, "OIDC_RP_CLIENT_ID", "")
        self.OIDC_RP_CLIENT_SECRET = getattr(settings, "OIDC_RP_CLIENT_SECRET", "")

    def authenticate(self, request, nonce, code_verifier):
        if request is None or not oidc_enabled():
            return None
        try:
            config = provider_config()
            self.OIDC_OP_TOKEN_ENDPOINT = config.token_endpoint
            self.OIDC_OP_USER_ENDPOINT = config.userinfo_endpoint
            self.OIDC_OP_JWKS_ENDPOINT = config.jwks_uri
            return super().authenticate(request, nonce=nonce, code_verifier=code_verifier)
        except (SuspiciousOperation, requests.RequestException, ValueError) as error:
            logger.warning("OIDC sign-in refused: %s", error)
            request.oidc_refused = "invalid"
            return None

    def verify_token(self, token, **kwargs):
        """The library's nonce check on top of ``verify_id_token``; userinfo JWTs refused."""
        if "nonce" not in kwargs:
            raise SuspiciousOperation("Signed userinfo answers are not accepted.")
        return super().verify_token(token, **kwargs)

    def retrieve_matching_jwk(self, token):
        return None  # the keys are looked up in get_payload_data

    def get_payload_data(self, token, key):
        config = provider_config()
        verify = {"issuer": config.issuer, "audience": self.OIDC_RP_CLIENT_ID}
        leeway = settings.OIDC_CLOCK_SKEW
        try:
            return verify_id_token(token, keys=provider_keys(), leeway=leeway, **verify)
        except SuspiciousOperation:
            # Perhaps the provider has rolled its keys since they were read: read once more.
            if signing_key_for(token, provider_keys()) is not None:
                raise
            return verify_id_token(token, keys=provider_keys(refresh=True), leeway=leeway, **verify)

    def store_tokens(self, access_token, id_token):
        self.id_token = id_token  # kept in the session only once a user is logged in

    def get_userinfo(self, access_token, id_token, payload):
        """The ID token's claims, with name and e-mail from userinfo when it has them."""
        claims = dict(payload)
        if self.OIDC_OP_USER_ENDPOINT and access_token:
            info = super().get_userinfo(access_token, id_token, payload)
            if info.get("sub") != payload["sub"]:
                raise SuspiciousOperation("The userinfo answer is about another subject.")
            for name in ("name", "email"):
                if info.get(name) and not claims.get(name):
                    claims[name] = info[name]
        return claims

    def get_or_create_user(self, access_token, id_token, payload):
        """The active user linked to (issuer, subject); never a new one, never by e-mail."""
        claims = self.get_userinfo(access_token, id_token, payload)
        identity = PendingIdentity(
            issuer=payload["iss"],
            subject=payload["sub"],
            name=str(claims.get("name") or "")[:200],
            email=str(claims.get("email") or "")[:254],
            id_token=id_token,
            strong=strong_sign_in_method(payload),
        )
        linked = (
            ExternalIdentity.objects.select_related("user__organisation")
            .filter(issuer=identity.issuer, subject=identity.subject)
            .first()
        )
        if linked is None:
            self.request.session[PENDING_SESSION_KEY] = asdict(identity)
            return None
        if not linked.user.is_active:
            self.request.oidc_refused = "inactive"
            return None
        ExternalIdentity.objects.filter(pk=linked.pk).update(last_used_at=timezone.now())
        user = linked.user
        user.oidc_identity = identity
        return user

    def filter_users_by_claims(self, claims):
        return self.UserModel.objects.none()  # never match a user by e-mail

    def create_user(self, claims):
        raise SuspiciousOperation("Users are never created from an OIDC sign-in.")

    def get_user(self, user_id):
        users = User.objects.select_related("organisation")
        return users.filter(pk=user_id, is_active=True).first()


# --- views -----------------------------------------------------------------------------


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
