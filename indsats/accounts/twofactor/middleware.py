"""Keeps a staff session that has not confirmed its second factor to the code pages (C12).

After a password sign-in a member of the Board's staff is signed in but not yet
confirmed: every page but the ones below sends them to the code page (or, without an app,
to set one up), and the API answers 403. Applicants, and sessions the identity provider
vouched for (``strong_auth``), pass untouched. Installed after django-otp's
``OTPMiddleware``, which tells whether the session was confirmed.
"""

from __future__ import annotations

from urllib.parse import urlencode

from django.http import JsonResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _

from . import services

#: Views an unconfirmed staff session may reach: signing in and out, the session's
#: time-out status, the code pages, the language switch, the health check and the
#: accessibility statement.
ALLOWED_VIEWS = frozenset(
    {
        "accounts:login",
        "accounts:logout",
        "accounts:session_status",  # the idle-time-out warning polls these on
        "accounts:session_keep_alive",  # every page, the code pages included
        "accounts:twofactor:verify",
        "accounts:twofactor:enrol",
        "set_language",
        "core:healthz",
        "core:accessibility",
    }
)

#: The REST API (indsats/urls.py): a session there gets a JSON answer, not a redirect.
API_PREFIX = "/api/"


class StaffTwoFactorMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        match = getattr(request, "resolver_match", None)
        if match is not None and match.view_name in ALLOWED_VIEWS:
            return None
        if not services.needs_second_factor(request):
            return None
        if request.path.startswith(API_PREFIX):
            return JsonResponse(
                {"detail": _("Bekræft dit login med din anden faktor, før du bruger API'et.")},
                status=403,
            )
        target = (
            "accounts:twofactor:verify"
            if services.confirmed_app(request.user) is not None
            else "accounts:twofactor:enrol"
        )
        url = reverse(target)
        if request.method in ("GET", "HEAD"):
            url += "?" + urlencode({"next": request.get_full_path()})
        return redirect(url)
