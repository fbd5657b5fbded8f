"""The pending identity: verified at the provider, not yet linked to a user."""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib import auth
from django.db import transaction

from .. import strong_auth
from ..models import ExternalIdentity, User

PENDING_SESSION_KEY = "indsats_oidc_pending_identity"
ID_TOKEN_SESSION_KEY = "indsats_oidc_id_token"  # noqa: S105 (a session key, no secret)
BACKEND_PATH = "indsats.accounts.oidc.OIDCBackend"  # re-exported by the package, see __init__


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
