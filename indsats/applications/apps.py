from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ApplicationsConfig(AppConfig):
    name = "indsats.applications"
    verbose_name = _("Henvendelser og ansøgninger")

    def ready(self):
        from indsats.audit.describe import register_labels
        from indsats.audit.registry import register_audited

        from . import models

        # The counters that guard against double clicks and overwrites say nothing to people.
        register_audited(models.Enquiry, exclude_fields=["version", "submission_token"])
        for model in (
            models.Application,
            models.ApplicationGroup,
            models.Document,
            models.DocumentVersion,
            models.Assessment,
            models.CriterionJudgement,
            models.Decision,
        ):
            register_audited(model)
        register_labels(models.Application, "answers", answer_labels)


def answer_labels() -> dict[str, str]:
    """The question each stored answer key stands for, over every offer's form, so that
    the trail says "Svar ændret: Emne, Målgruppe" (C10)."""
    from .offer_forms import FORM_FOR_OFFER

    labels: dict[str, str] = {}
    for form_class in FORM_FOR_OFFER.values():
        for name, field in form_class.base_fields.items():
            labels.setdefault(name, str(field.label or name))
    return labels
