"""The authentication backend: the provider's answer verified, the linked user found."""

from __future__ import annotations

import logging
from dataclasses import asdict

import requests
from django.conf import settings
from django.core.exceptions import SuspiciousOperation
from django.utils import timezone
from mozilla_django_oidc.auth import OIDCAuthenticationBackend

from ..models import ExternalIdentity, User
from .identity import PENDING_SESSION_KEY, PendingIdentity
from .provider import (
    SIGNING_ALGORITHM,
    oidc_enabled,
    provider_config,
    provider_keys,
    signing_key_for,
    strong_sign_in_method,
    verify_id_token,
)

logger = logging.getLogger(__package__)  # "indsats.accounts.oidc", as before the split


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
