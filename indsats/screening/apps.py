from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ScreeningConfig(AppConfig):
    name = "indsats.screening"
    verbose_name = _("Screening af kommuner")

    def ready(self):
        from indsats.audit.registry import register_audited

        from . import models

        for model in (
            models.DataSource,
            # Imports write figures in bulk, which the audit trail does not see; each
            # figure names its source (file, time, who), and single edits are recorded.
            models.StatisticValue,
            models.ComparisonGroup,
            models.PreparednessPlan,
            models.PressCriticism,
            models.MinisterialRequest,
            models.ScreeningSettings,
            models.ScreeningDecision,
            models.PlanReminder,
        ):
            register_audited(model)
        # A run is written once; its large snapshots stay out of the trail.
        register_audited(models.ScreeningRun, exclude_fields=["inputs", "results", "data_versions"])
