"""Idle and absolute limits on a signed-in session (C12).

A session ends after ``SESSION_IDLE_TIMEOUT`` seconds without a request, and
``SESSION_ABSOLUTE_TIMEOUT`` seconds after the sign-in however busy the user is; the Board's
staff, who see cases, have shorter limits than applicants (settings, README "Sign-in
security"). The session keeps when the user signed in and when they were last seen;
``SessionLimitsMiddleware`` checks both on every request and signs out with a message when
a limit has passed. The page warns ``SESSION_WARNING_BEFORE`` seconds ahead, in a DKFDS
modal (``accounts/session_timeout.html``, ``indsats/session-timeout.js``) whose button
posts to ``session_keep_alive``.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.signals import user_logged_in
from django.dispatch import receiver
from django.http import HttpResponseRedirect, JsonResponse
from django.shortcuts import resolve_url
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from .models import BOARD_ROLES

SIGNED_IN_AT = "indsats_signed_in_at"
LAST_SEEN_AT = "indsats_last_seen_at"


@dataclass(frozen=True)
class Limits:
    idle: int  # seconds
    absolute: int  # seconds


def limits_for(user) -> Limits:
    """The Board's staff (and anyone with the admin site) get the staff limits."""
    kind = "staff" if (user.role in BOARD_ROLES or user.is_staff) else "applicant"
    return Limits(
        idle=settings.SESSION_IDLE_TIMEOUT[kind],
        absolute=settings.SESSION_ABSOLUTE_TIMEOUT[kind],
    )


def expired_reason(limits: Limits, signed_in_at: float, last_seen_at: float, now: float):
    """ "absolute", "idle" or None: which limit, if any, has passed at ``now``."""
    if now - signed_in_at > limits.absolute:
        return "absolute"
    if now - last_seen_at > limits.idle:
        return "idle"
    return None


def remaining(limits: Limits, signed_in_at: float, last_seen_at: float, now: float) -> dict:
    """Whole seconds left before each limit (never negative)."""
    return {
        "idle": max(0, int(last_seen_at + limits.idle - now)),
        "absolute": max(0, int(signed_in_at + limits.absolute - now)),
    }


def touch_interval(limits: Limits) -> int:
    """How stale "last seen" may get before a request writes it again: a minute, or a
    tenth of a short idle limit, so that not every request saves the session."""
    return max(1, min(60, limits.idle // 10))


@receiver(user_logged_in, dispatch_uid="indsats_session_limits_start")
def start_session_clock(sender, request, user, **kwargs):
    if request is None or not hasattr(request, "session"):
        return
    now = time.time()
    request.session[SIGNED_IN_AT] = now
    request.session[LAST_SEEN_AT] = now


def _message(reason: str, limits: Limits) -> str:
    if reason == "absolute":
        hours = limits.absolute // 3600
        if hours >= 1:
            return _(
                "Du er blevet logget ud, fordi du har været logget ind i %(hours)s timer. "
                "Log ind igen for at fortsætte."
            ) % {"hours": hours}
        return _(
            "Du er blevet logget ud, fordi du har været logget ind længe. Log ind igen for at "
            "fortsætte."
        )
    minutes = max(1, limits.idle // 60)
    return _(
        "Du er blevet logget ud, fordi du ikke har brugt Indsats i %(minutes)s minutter. "
        "Log ind igen for at fortsætte."
    ) % {"minutes": minutes}


class SessionLimitsMiddleware:
    """After AuthenticationMiddleware and MessageMiddleware: signs out a session past a
    limit (the request then goes on as anonymous, so a protected page sends the user to
    the login page, where the message says why) and notes the user as seen."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            self._check(request, user)
        return self.get_response(request)

    def _check(self, request, user):
        session = request.session
        now = time.time()
        signed_in_at = session.get(SIGNED_IN_AT)
        last_seen_at = session.get(LAST_SEEN_AT)
        if not isinstance(signed_in_at, int | float) or not isinstance(last_seen_at, int | float):
            # A session from before these limits (or made without the login signal).
            session[SIGNED_IN_AT] = session[LAST_SEEN_AT] = now
            return
        limits = limits_for(user)
        reason = expired_reason(limits, signed_in_at, last_seen_at, now)
        if reason is not None:
            logout(request)
            messages.info(request, _message(reason, limits))
            return
        if _is_status_check(request):
            return  # asking how long is left is not activity
        if now - last_seen_at >= touch_interval(limits):
            session[LAST_SEEN_AT] = now


def _is_status_check(request) -> bool:
    return request.method in ("GET", "HEAD") and request.path == reverse("accounts:session_status")


def session_state(request) -> dict | None:
    """What the warning needs: seconds left before each limit and the warning lead time;
    None when nobody is signed in."""
    user = request.user
    if not user.is_authenticated:
        return None
    signed_in_at = request.session.get(SIGNED_IN_AT)
    last_seen_at = request.session.get(LAST_SEEN_AT)
    if signed_in_at is None or last_seen_at is None:
        return None
    limits = limits_for(user)
    left = remaining(limits, signed_in_at, last_seen_at, time.time())
    return {
        "idle_seconds": limits.idle,
        "idle_remaining": left["idle"],
        "absolute_remaining": left["absolute"],
        "warning_seconds": min(settings.SESSION_WARNING_BEFORE, max(1, limits.idle // 2)),
    }


@never_cache
@require_http_methods(["GET"])
def session_status(request):
    """How long the session has left (JSON), without counting as activity; 401 when the
    session has ended."""
    state = session_state(request)
    if state is None:
        return JsonResponse({"signed_in": False}, status=401)
    return JsonResponse({"signed_in": True, **state})


@never_cache
@require_http_methods(["POST"])
def session_keep_alive(request):
    """ "Forbliv logget ind": the middleware has already checked the limits; this marks the
    user as seen now. JSON for the page's script; without script, back to the page."""
    state = None
    if request.user.is_authenticated:
        request.session[LAST_SEEN_AT] = time.time()
        state = session_state(request)
    if request.headers.get("Accept", "").startswith("application/json"):
        if state is None:
            return JsonResponse({"signed_in": False}, status=401)
        return JsonResponse({"signed_in": True, **state})
    next_url = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(
        next_url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        next_url = resolve_url(settings.LOGIN_REDIRECT_URL)
    return HttpResponseRedirect(next_url)
