"""Whether this session's sign-in was strong enough for the Board's staff (C12).

Two ways make a sign-in strong: a password followed by a confirmed second factor
(django-otp marks the session itself), or an OpenID Connect sign-in whose provider says,
in the ID token's ``acr``/``amr`` claims, that it was made with more than one factor
(MitID Erhverv at level "substantial" or "high"). The OIDC sign-in calls
``mark_strong_sign_in``; the two-factor check asks ``is_strong_sign_in``.
"""

from __future__ import annotations

SESSION_KEY = "indsats_strong_sign_in"


def mark_strong_sign_in(request, how: str) -> None:
    """Record in the session that the provider vouched for a multi-factor sign-in."""
    request.session[SESSION_KEY] = how


def is_strong_sign_in(request) -> bool:
    """True when the provider vouched for the sign-in or a second factor was confirmed."""
    if request.session.get(SESSION_KEY):
        return True
    user = getattr(request, "user", None)
    is_verified = getattr(user, "is_verified", None)  # set by django-otp's middleware
    return bool(is_verified and is_verified())
