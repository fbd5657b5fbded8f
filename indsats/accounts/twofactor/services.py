"""The rules of two-factor sign-in for the Board's staff (C12), apart from the pages.

Devices are django-otp's: one ``TOTPDevice`` (the authenticator app) and one
``StaticDevice`` holding the single-use recovery codes. Both throttle wrong codes
themselves (django-otp doubles the wait after each failure in a row), and a TOTP code is
accepted once: the next must be from a later 30-second step.
"""

from __future__ import annotations

import base64
import re
from dataclasses import dataclass

import segno
from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django_otp import login as otp_login
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from indsats.accounts import permissions
from indsats.accounts.strong_auth import is_strong_sign_in

from .models import SecurityEvent, SecurityEventKind, TwoFactorReset

RECOVERY_CODE_COUNT = 10
#: How long a confirmation with a current code lets the user go on to set up a new app.
REPLACEMENT_WINDOW_SECONDS = 10 * 60
REPLACEMENT_KEY = "indsats_two_factor_replacement_confirmed_at"
TOTP_DIGITS = 6
_SEPARATORS = re.compile(r"[\s-]+")


def is_required(user) -> bool:
    """Whether this user signs in with a second factor at all: the Board's staff do."""
    return permissions.is_board_staff(user)


def needs_second_factor(request) -> bool:
    """True while a staff user's session has not yet been confirmed by a second factor
    (or vouched for by the identity provider); the middleware then keeps them to the code
    pages. Applicants and anonymous visitors never need one."""
    if not settings.INDSATS_STAFF_TWO_FACTOR:
        return False
    return is_required(request.user) and not is_strong_sign_in(request)


def confirmed_app(user) -> TOTPDevice | None:
    return TOTPDevice.objects.filter(user=user, confirmed=True).order_by("pk").first()


def recovery_device(user) -> StaticDevice | None:
    return StaticDevice.objects.filter(user=user, confirmed=True).order_by("pk").first()


def remaining_recovery_codes(user) -> int:
    device = recovery_device(user)
    return device.token_set.count() if device is not None else 0


def pending_app(user) -> TOTPDevice:
    """The app being set up: an unconfirmed device whose secret is shown until a code from
    it is typed. Reused while the page is reloaded, so a scanned QR code stays valid."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).order_by("-pk").first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name=_("Godkendelsesapp"), confirmed=False)
    return device


def secret_for_typing(device: TOTPDevice) -> str:
    """The secret in base32 in groups of four, as authenticator apps accept it typed."""
    secret = base64.b32encode(device.bin_key).decode("ascii").rstrip("=")
    return " ".join(secret[i : i + 4] for i in range(0, len(secret), 4))


def qr_code_svg(device: TOTPDevice, title: str) -> str:
    """The device's otpauth:// address as an inline SVG QR code (no style attributes, so
    the Content Security Policy need not allow inline styles)."""
    qr = segno.make(device.config_url, error="m")
    svg = qr.svg_inline(scale=5, border=4, title=title, svgclass="two-factor-qr", dark="#000")
    return svg.replace("<svg ", '<svg role="img" ', 1)


def normalise(code: str) -> str:
    """A typed code without spaces or hyphens, in lower case ("ab12 cd34" = "AB12-CD34")."""
    return _SEPARATORS.sub("", code or "").lower()


def is_app_code(code: str) -> bool:
    return len(code) == TOTP_DIGITS and code.isdigit()


@dataclass(frozen=True)
class Check:
    """The outcome of checking a code: the device that accepted it, or why not."""

    device: object | None = None
    wait_seconds: int = 0  # > 0: too many wrong codes; nothing was checked

    @property
    def accepted(self) -> bool:
        return self.device is not None


def _check_on(device, code: str) -> Check:
    """Check ``code`` on ``device`` locked for update, so two requests cannot both use it."""
    with transaction.atomic():
        device = type(device).objects.select_for_update().get(pk=device.pk)
        allowed, details = device.verify_is_allowed()
        if not allowed:
            locked_until = (details or {}).get("locked_until")
            seconds = (locked_until - timezone.now()).total_seconds() if locked_until else 1
            return Check(wait_seconds=max(1, int(seconds + 0.999)))
        return Check(device=device if device.verify_token(code) else None)


def check_code(user, typed: str) -> Check:
    """Check a code typed at sign-in: six digits go to the app, anything else is tried as
    a recovery code (each works once: django-otp deletes it when used)."""
    code = normalise(typed)
    device = confirmed_app(user) if is_app_code(code) else recovery_device(user)
    if device is None or not code:
        return Check()
    return _check_on(device, code)


def confirm_app(user, device: TOTPDevice, typed: str) -> Check:
    """Confirm the app being set up with a code from it; on success it becomes the user's
    app (replacing any other) and the unconfirmed leftovers go."""
    code = normalise(typed)
    if device.user_id != user.pk or device.confirmed or not is_app_code(code):
        return Check()
    result = _check_on(device, code)
    if result.accepted:
        with transaction.atomic():
            TOTPDevice.objects.filter(user=user).exclude(pk=device.pk).delete()
            device = result.device
            device.confirmed = True
            device.save(update_fields=["confirmed"])
            SecurityEvent.objects.create(user=user, kind=SecurityEventKind.APP_SET_UP)
    return result


def new_recovery_codes(user) -> list[str]:
    """Ten new single-use recovery codes; any earlier ones stop working."""
    with transaction.atomic():
        StaticDevice.objects.filter(user=user).delete()
        device = StaticDevice.objects.create(user=user, name=_("Reservekoder"), confirmed=True)
        codes = [StaticToken.random_token() for _ in range(RECOVERY_CODE_COUNT)]
        StaticToken.objects.bulk_create(StaticToken(device=device, token=code) for code in codes)
        SecurityEvent.objects.create(user=user, kind=SecurityEventKind.NEW_RECOVERY_CODES)
    return codes


def note_recovery_code_used(user, kind: SecurityEventKind) -> int:
    """Put the use of a recovery code in the audit trail, with the number left (which a
    reader needs to judge it); returns that number."""
    left = remaining_recovery_codes(user)
    SecurityEvent.objects.create(user=user, kind=kind, codes_left=left)
    return left


def shown(code: str) -> str:
    """A recovery code as shown to the user: two groups of four ("k3jd 7x2q")."""
    return " ".join(code[i : i + 4] for i in range(0, len(code), 4))


def mark_verified(request, device) -> None:
    """The session is now confirmed by ``device``; a new session key, since the session
    just gained rights (against session fixation)."""
    otp_login(request, device)
    request.session.cycle_key()


def confirm_for_replacement(request) -> None:
    """The user typed a current code to replace their app: for a while they may set up a
    new one (an unattended, signed-in browser alone is not enough)."""
    request.session[REPLACEMENT_KEY] = timezone.now().timestamp()


def may_replace_app(request) -> bool:
    confirmed_at = request.session.get(REPLACEMENT_KEY)
    if confirmed_at is None:
        return False
    return timezone.now().timestamp() - confirmed_at <= REPLACEMENT_WINDOW_SECONDS


def end_replacement(request) -> None:
    request.session.pop(REPLACEMENT_KEY, None)


@transaction.atomic
def reset(user, by, reason: str) -> TwoFactorReset:
    """An administrator removes ``user``'s app and recovery codes (a lost phone). The user
    sets up a new app at their next request; the reset is in the audit trail."""
    TOTPDevice.objects.filter(user=user).delete()
    StaticDevice.objects.filter(user=user).delete()
    return TwoFactorReset.objects.create(user=user, reset_by=by, reason=reason)
