"""A deployment check: two-factor sign-in for staff is never off in production (C12)."""

from django.conf import settings
from django.core.checks import Error, register


@register(deploy=True)
def staff_two_factor_is_on(app_configs, **kwargs):
    if getattr(settings, "INDSATS_STAFF_TWO_FACTOR", True) and _middleware_installed():
        return []
    return [
        Error(
            "Two-factor sign-in for the Board's staff is off.",
            hint="INDSATS_STAFF_TWO_FACTOR must be True and both django_otp's OTPMiddleware "
            "and indsats.accounts.twofactor.middleware.StaffTwoFactorMiddleware installed.",
            id="indsats.twofactor.E001",
        )
    ]


def _middleware_installed() -> bool:
    return {
        "django_otp.middleware.OTPMiddleware",
        "indsats.accounts.twofactor.middleware.StaffTwoFactorMiddleware",
    } <= set(settings.MIDDLEWARE)
