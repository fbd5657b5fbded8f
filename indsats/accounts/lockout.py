"""Throttling of password sign-in with django-axes (C12).

Ten wrong passwords in a row for one e-mail address from one client address lock that
pair for a while (settings ``AXES_*``, README "Sign-in security"): the eleventh try is
refused even with the right password, until the lock expires or an administrator deletes
the pair's row under "Axes > Access attempts" in the admin site. Locking the pair, not the
account, means that someone guessing from elsewhere cannot lock the real user out.

django-axes calls the three functions here through its settings: ``username_of`` names
the account the way it is stored (e-mail addresses in lower case, so "Mette@X.dk" and
"mette@x.dk" count together), ``client_address`` finds the client behind the TLS proxy,
and ``lockout_response`` shows the login page with a message saying when to try again.
"""

from __future__ import annotations

import ipaddress
from datetime import datetime

from axes.helpers import get_cool_off
from axes.models import AccessAttempt
from django.conf import settings
from django.db.models import Max
from django.shortcuts import render
from django.template.response import TemplateResponse
from django.utils import timezone

from .forms import LoginForm


def normalise_username(value) -> str | None:
    """An e-mail address as the account stores it: trimmed and in lower case."""
    if not isinstance(value, str):
        return None
    return value.strip().lower() or None


def username_of(request, credentials: dict | None = None) -> str | None:
    """The account a sign-in is for: the login form's "username" (an e-mail address), or
    ``email`` when a caller authenticates with the user model's own field name."""
    credentials = credentials or {}
    value = credentials.get("username") or credentials.get("email")
    if value is None and request is not None and request.method == "POST":
        value = request.POST.get("username")
    return normalise_username(value)


def client_address(request) -> str | None:
    """The client's IP address: REMOTE_ADDR, or behind ``TRUSTED_PROXY_COUNT`` proxies the
    X-Forwarded-For entry the outermost proxy added (entries further left are whatever the
    client sent, and cannot be trusted)."""
    remote = request.META.get("REMOTE_ADDR") or None
    count = settings.TRUSTED_PROXY_COUNT
    if count:
        forwarded = [
            part.strip()
            for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
            if part.strip()
        ]
        if len(forwarded) >= count:
            candidate = forwarded[-count]
            try:
                return str(ipaddress.ip_address(candidate))
            except ValueError:
                pass
    return remote


def locked_until(request, username: str | None) -> datetime:
    """When the lock on this account-and-address pair ends: the cool-off counted from the
    last recorded failure (tries while locked are not recorded)."""
    cool_off = get_cool_off(request)
    last = AccessAttempt.objects.filter(
        username=username, ip_address=getattr(request, "axes_ip_address", None)
    ).aggregate(last=Max("attempt_time"))["last"]
    return (last or timezone.now()) + cool_off


def lockout_response(request, original_response=None, credentials=None):
    """The login page (status 429) with an alert saying when to try again.

    Whatever the login view put in its context is kept (so the page looks as it always
    does), but the form is a fresh one with only the e-mail filled in: "wrong password"
    would be untrue, since the password is not even checked while the pair is locked.
    """
    username = username_of(request, credentials)
    context = {}
    if isinstance(original_response, TemplateResponse) and original_response.context_data:
        context.update(original_response.context_data)
    context.update(
        {
            "form": LoginForm(request, initial={"username": username or ""}),
            "next": request.POST.get("next") or request.GET.get("next", context.get("next", "")),
            "lockout_until": locked_until(request, username),
        }
    )
    return render(request, "accounts/login.html", context, status=settings.AXES_HTTP_RESPONSE_CODE)
