from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProgrammesConfig(AppConfig):
    name = "indsats.programmes"
    verbose_name = _("Forløb")

    def ready(self):
        from indsats.audit.registry import register_audited

        from . import models

        for model in (
            models.Programme,
            models.StepRecord,
            models.Meeting,
            models.ThemeDay,
            models.FocusGroup,
            models.HourEntry,
            models.Goal,
            models.Task,
            models.ProgrammeRecord,
        ):
            register_audited(model)
