"""The provider's discovery document and signing keys, and the ID token's verification."""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass

import jwt
import requests
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured, SuspiciousOperation

WELL_KNOWN = "/.well-known/openid-configuration"
DISCOVERY_TTL = 60 * 60  # seconds a discovery document and its keys are trusted
SIGNING_ALGORITHM = "RS256"

# NSIS assurance levels as NemLog-in writes them in ``acr``; both need two factors.
STRONG_ACR_MARKERS = ("substantial", "high")
# ``amr`` values (RFC 8176) that mean a second factor on their own.
MULTI_FACTOR_AMR = {"mfa", "otp", "hwk", "swk", "sms", "fpt", "face", "iris", "pin"}


def oidc_enabled() -> bool:
    """Whether a provider is configured: a discovery address and a client id."""
    return bool(
        getattr(settings, "OIDC_DISCOVERY_URL", "") and getattr(settings, "OIDC_RP_CLIENT_ID", "")
    )


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
