"""API tokens for the Board's system integrations (C9)."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class TokenScope(models.TextChoices):
    READ = "read", _("Kun læse")
    READ_WRITE = "read_write", _("Læse og skrive")


class ApiToken(models.Model):
    """A token acts as its user, with that user's permissions, narrowed by its scope.

    Only the SHA-256 of the token is kept (``tokens``); the token itself is shown once to
    the administrator who made it.
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="api_tokens",
        verbose_name=_("bruger"),
    )
    name = models.CharField(
        _("navn"), max_length=100, help_text=_("Hvilket system nøglen er til, fx »Økonomi«.")
    )
    scope = models.CharField(
        _("adgang"), max_length=10, choices=TokenScope.choices, default=TokenScope.READ
    )
    prefix = models.CharField(_("nøglens begyndelse"), max_length=8, unique=True, editable=False)
    digest = models.CharField(max_length=64, editable=False)
    created_at = models.DateTimeField(_("oprettet"), auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("oprettet af"),
    )
    last_used_at = models.DateTimeField(_("senest brugt"), null=True, blank=True)
    revoked_at = models.DateTimeField(_("tilbagekaldt"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("API-nøgle")
        verbose_name_plural = _("API-nøgler")

    def __str__(self):
        return f"{self.name} (ind_{self.prefix}_…)"

    @property
    def is_revoked(self) -> bool:
        return self.revoked_at is not None

    @property
    def can_write(self) -> bool:
        return self.scope == TokenScope.READ_WRITE

    def revoke(self) -> None:
        if self.revoked_at is None:
            self.revoked_at = timezone.now()
            self.save(update_fields=["revoked_at"])
