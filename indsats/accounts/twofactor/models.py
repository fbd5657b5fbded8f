"""The records of changes to someone's second factor, for the audit trail (C12).

The devices themselves are django-otp's (``TOTPDevice`` for the app, ``StaticDevice`` for
the recovery codes) and are not audited: their rows hold the secrets. Instead, a
``TwoFactorReset`` says who reset whose factor and why, and a ``SecurityEvent`` that a
person set up a new app, made new recovery codes or used one; creating these rows is what
the audit trail shows (in words, ``trail``).
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class TwoFactorReset(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="two_factor_resets",
        verbose_name=_("bruger"),
    )
    reset_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("nulstillet af"),
    )
    reason = models.CharField(_("begrundelse"), max_length=500)
    created_at = models.DateTimeField(_("tidspunkt"), auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("nulstilling af totrinsbekræftelse")
        verbose_name_plural = _("nulstillinger af totrinsbekræftelse")

    def __str__(self):
        # Only the name: the trail keeps this text as it was (see SecurityEvent.__str__);
        # the reason is in the entry's changes and read from there.
        return str(self.user)


class SecurityEventKind(models.TextChoices):
    """What a member of staff did with their own second factor."""

    APP_SET_UP = "app_set_up", _("Satte en ny godkendelsesapp op")
    NEW_RECOVERY_CODES = "new_recovery_codes", _("Lavede nye reservekoder")
    SIGNED_IN_WITH_RECOVERY_CODE = "recovery_sign_in", _("Loggede ind med en reservekode")
    CONFIRMED_WITH_RECOVERY_CODE = (
        "recovery_confirm",
        _("Bekræftede et skift af godkendelsesapp med en reservekode"),
    )


class SecurityEvent(models.Model):
    """A change to someone's own second factor, or a recovery code used: written once, so
    that it appears in the audit trail. It holds no secret, key or code; only how many
    recovery codes were left when one was used."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="security_events",
        verbose_name=_("bruger"),
    )
    kind = models.CharField(_("hændelse"), max_length=20, choices=SecurityEventKind.choices)
    codes_left = models.PositiveSmallIntegerField(_("reservekoder tilbage"), null=True, blank=True)
    created_at = models.DateTimeField(_("tidspunkt"), auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("sikkerhedshændelse")
        verbose_name_plural = _("sikkerhedshændelser")

    def __str__(self):
        # Only the name: the trail keeps this text as it was, in whatever language the
        # request had, so words belong in the sentence describe() builds when it is read.
        return str(self.user)
