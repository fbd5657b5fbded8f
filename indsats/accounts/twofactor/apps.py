from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TwoFactorConfig(AppConfig):
    name = "indsats.accounts.twofactor"
    label = "twofactor"
    verbose_name = _("Totrinsbekræftelse")

    def ready(self):
        from indsats.audit.describe import register_sentence
        from indsats.audit.registry import register_audited

        from . import checks, models, trail  # noqa: F401 - checks register themselves

        register_audited(models.TwoFactorReset)
        register_audited(models.SecurityEvent)
        register_sentence(models.TwoFactorReset, trail.reset_sentence)
        register_sentence(models.SecurityEvent, trail.security_event_sentence)
