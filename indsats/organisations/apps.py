from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OrganisationsConfig(AppConfig):
    name = "indsats.organisations"
    verbose_name = _("Organisationer")

    def ready(self):
        from indsats.audit.registry import register_audited

        from . import models

        register_audited(models.Organisation)
        register_audited(models.MunicipalContact)
