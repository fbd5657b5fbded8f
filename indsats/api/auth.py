"""Who is calling: a browser session (CSRF checked on writes) or an API token (C9).

Either way the operation gets the user in ``request.auth`` and asks the same permission
predicates as the pages (``indsats.accounts.permissions``). A token's scope is the one
thing the API adds: a read-only token may not write.
"""

from __future__ import annotations

from contextlib import contextmanager
from functools import wraps

from auditlog.context import auditlog_value, set_actor
from django.utils.translation import gettext_lazy as _
from ninja.errors import AuthenticationError, AuthorizationError
from ninja.security import HttpBearer, SessionAuth

from .services import token_for

SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})


class TokenAuth(HttpBearer):
    """``Authorization: Bearer ind_…``; a token that is not live is refused outright
    (401), never passed on to the session."""

    openapi_scheme = "bearer"

    def __call__(self, request):
        # Ninja's own parsing logs a header with another scheme in full (DEBUG), and a
        # token sent as "Token ind_…" is still a secret: no credential is ever logged.
        scheme, _space, credentials = request.headers.get(self.header, "").partition(" ")
        if scheme.lower() != self.openapi_scheme or not credentials:
            return None
        return self.authenticate(request, credentials.strip())

    def authenticate(self, request, token):
        api_token = token_for(token)
        if api_token is None:
            raise AuthenticationError(401, str(_("API-nøglen er ukendt eller tilbagekaldt.")))
        if request.method not in SAFE_METHODS and not api_token.can_write:
            raise AuthorizationError(403, str(_("API-nøglen må kun læse.")))
        request.api_token = api_token
        return api_token.user


class ActiveSessionAuth(SessionAuth):
    """The signed-in browser user; ninja checks the CSRF token on every unsafe method."""

    def authenticate(self, request, key):
        user = request.user
        return user if user.is_authenticated and user.is_active else None


@contextmanager
def acting_as(user):
    """The audit trail (django-auditlog) records ``user`` as the actor of every change
    inside, keeping the request's address from the middleware's context."""
    try:
        enclosing = auditlog_value.get()
    except LookupError:
        enclosing = None
    address = enclosing or {}
    try:
        with set_actor(user, address.get("remote_addr"), address.get("remote_port")):
            yield
    finally:
        # set_actor does not put back the context it replaced, so the middleware's exit
        # would disconnect this one's receiver again and leave its own connected.
        if enclosing is not None:
            auditlog_value.set(enclosing)


def token_user_as_actor(operation):
    """auditlog's middleware knows only the session's user; a request with a token acts
    as the token's user, as the pages record the signed-in person."""

    @wraps(operation)
    def run(request, *args, **kwargs):
        if getattr(request, "api_token", None) is None:
            return operation(request, *args, **kwargs)
        with acting_as(request.auth):
            return operation(request, *args, **kwargs)

    return run
