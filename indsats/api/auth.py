"""Who is calling: a browser session (CSRF checked on writes) or an API token (C9).

Either way the operation gets the user in ``request.auth`` and asks the same permission
predicates as the pages (``indsats.accounts.permissions``). A token's scope is the one
thing the API adds: a read-only token may not write.
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from ninja.errors import AuthenticationError, AuthorizationError
from ninja.security import HttpBearer, SessionAuth

from .services import token_for

SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})


class TokenAuth(HttpBearer):
    """``Authorization: Bearer ind_…``; a token that is not live is refused outright
    (401), never passed on to the session."""

    openapi_scheme = "bearer"

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
