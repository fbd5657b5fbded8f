from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ApplicationsConfig(AppConfig):
    name = "indsats.applications"
    verbose_name = _("Henvendelser og ansøgninger")

    def ready(self):
        from indsats.audit.registry import register_audited

        from . import models

        for model in (
            models.Enquiry,
            models.Application,
            models.ApplicationGroup,
            models.Document,
            models.DocumentVersion,
            models.Assessment,
            models.CriterionJudgement,
            models.Decision,
        ):
            register_audited(model)
