"""The record of an administrator resetting someone's second factor (C12).

The devices themselves are django-otp's (``TOTPDevice`` for the app, ``StaticDevice`` for
the recovery codes). A reset deletes them; this row says who did it, for whom and why, and
its creation is what the audit trail shows.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext
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
        return gettext("%(name)s – begrundelse: %(reason)s") % {
            "name": self.user,
            "reason": self.reason,
        }
