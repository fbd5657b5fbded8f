from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProgrammesConfig(AppConfig):
    name = "indsats.programmes"
    verbose_name = _("Forløb")

    def ready(self):
        from indsats.audit.describe import register_labels
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
            # The version counter and the save time say nothing a person needs to read.
            register_audited(model, exclude_fields=["version", "updated_at"])
        register_labels(models.StepRecord, "step", step_titles)
        register_labels(models.Programme, "current_step", step_titles)


def step_titles() -> dict[str, str]:
    """Each workflow step's title by its key, for the trail (C10); a key that two offers
    share has the first offer's title."""
    from .workflow import WORKFLOWS

    titles: dict[str, str] = {}
    for workflow in WORKFLOWS.values():
        for step in workflow.steps:
            titles.setdefault(step.key, str(step.title))
    return titles
