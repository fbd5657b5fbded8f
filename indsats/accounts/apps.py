from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "indsats.accounts"
    verbose_name = _("Brugere og roller")

    def ready(self):
        from indsats.audit.registry import register_audited

        from . import models

        register_audited(models.User, exclude_fields=["password", "last_login"])
        register_audited(models.AccessRequest)
        register_audited(models.Invitation, exclude_fields=["token"])
        # Linking a MitID Erhverv login to a user, and removing the link (C12).
        register_audited(models.ExternalIdentity, exclude_fields=["last_used_at"])
