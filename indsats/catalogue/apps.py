from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CatalogueConfig(AppConfig):
    name = "indsats.catalogue"
    verbose_name = _("Tilbud")

    def ready(self):
        from indsats.audit.registry import register_audited

        from . import models

        register_audited(models.Offer)
        register_audited(models.OfferStep)
        register_audited(models.OfferCondition)

        from .cache import connect_signals

        connect_signals()  # cached catalogue pages are forgotten when an offer changes
