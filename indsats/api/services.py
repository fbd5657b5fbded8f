"""Issuing, finding and revoking API tokens (C9). Return results; the caller shows them."""

from __future__ import annotations

from django.utils import timezone

from . import tokens
from .models import ApiToken


def issue_token(user, name: str, scope: str, created_by=None) -> tuple[ApiToken, str]:
    """A new token for ``user``; the text is returned once and never stored."""
    new = tokens.make_token()
    token = ApiToken.objects.create(
        user=user,
        name=name,
        scope=scope,
        prefix=new.prefix,
        digest=new.digest,
        created_by=created_by,
    )
    return token, new.text


def token_for(text: str) -> ApiToken | None:
    """The live token that ``text`` is, marked as used now; None for anything else
    (unknown, wrong secret, revoked, or its user no longer active)."""
    prefix = tokens.prefix_of(text)
    if prefix is None:
        return None
    token = ApiToken.objects.select_related("user__organisation").filter(prefix=prefix).first()
    if token is None or not tokens.matches(text, token.digest) or token.is_revoked:
        return None
    if not token.user.is_active:
        return None
    token.last_used_at = timezone.now()
    ApiToken.objects.filter(pk=token.pk).update(last_used_at=token.last_used_at)
    return token
