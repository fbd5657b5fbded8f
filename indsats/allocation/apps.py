from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AllocationConfig(AppConfig):
    """Capacity per offer and period, and the allocation of places by the published
    criteria (C5; O1.3–O1.4, O4.4–O4.6). The rules live in ``rules.py`` (pure)."""

    name = "indsats.allocation"
    verbose_name = _("Kapacitet og fordeling")

    def ready(self):
        from indsats.audit.registry import register_audited

        from . import models

        for model in (
            models.OfferCapacity,
            models.ConsultantCapacity,
            models.CriterionWeight,
            models.PlanMove,
            models.AllocationRun,
            models.PartnerProposal,
            models.PartnerProposalMember,
        ):
            register_audited(model)
