"""Security headers beyond Django's own (C12): the Content Security Policy and a
Permissions-Policy.

The policy itself is ``CONTENT_SECURITY_POLICY`` in settings (django-csp 4). No page
runs inline script or inline style: JavaScript and CSS come from static files, so the
policy needs neither ``'unsafe-inline'`` nor ``'unsafe-eval'``. A template that truly
needs an inline block marks it with ``nonce="{{ request.csp_nonce }}"``.

A form may end in a redirect to the sign-in provider (OpenID Connect logout, for one),
and browsers check such redirects against ``form-action``; ``PolicyMiddleware`` adds the
origin of every ``OIDC_*`` address in settings to that directive, so it follows the
provider configured without a second setting to keep in step.
"""

from __future__ import annotations

import functools
from urllib.parse import urlsplit

from csp.middleware import CSPMiddleware, PolicyParts
from django.conf import settings
from django.core.signals import setting_changed
from django.dispatch import receiver

#: Browser features no page of the service uses, switched off for the page and any frame.
PERMISSIONS_POLICY = ", ".join(
    f"{feature}=()"
    for feature in (
        "accelerometer",
        "autoplay",
        "camera",
        "display-capture",
        "geolocation",
        "gyroscope",
        "magnetometer",
        "microphone",
        "midi",
        "payment",
        "usb",
        "serial",
        "hid",
        "bluetooth",
        "browsing-topics",
    )
)


def origin_of(address: str) -> str | None:
    """``https://broker.example/auth?x=1`` -> ``https://broker.example``; None if not http(s)."""
    parts = urlsplit(address)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        return None
    return f"{parts.scheme}://{parts.netloc}"


def provider_origins(values: dict[str, object]) -> list[str]:
    """The origins of the sign-in provider's addresses among ``values`` (setting name ->
    value): every ``OIDC_*`` setting holding an http(s) address, each origin once."""
    origins = []
    for name, value in sorted(values.items()):
        if name.startswith("OIDC_") and isinstance(value, str):
            origin = origin_of(value.strip())
            if origin and origin not in origins:
                origins.append(origin)
    return origins


@functools.cache
def _form_action_origins() -> tuple[str, ...]:
    names = [name for name in dir(settings) if name.startswith("OIDC_")]
    return tuple(provider_origins({name: getattr(settings, name) for name in names}))


@receiver(setting_changed)
def _forget_origins(**kwargs):
    if kwargs["setting"].startswith("OIDC_"):
        _form_action_origins.cache_clear()


class PolicyMiddleware(CSPMiddleware):
    """django-csp's middleware, with the sign-in provider allowed as a form's target."""

    def get_policy_parts(self, request, response, report_only=False) -> PolicyParts:
        parts = super().get_policy_parts(request, response, report_only)
        origins = _form_action_origins()
        if origins and not report_only:
            update = dict(parts.update or {})
            update["form-action"] = [*(update.get("form-action") or []), *origins]
            parts.update = update
        return parts


class PermissionsPolicyMiddleware:
    """Adds the Permissions-Policy header to every response that has none."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        return response
