"""What staff record per municipality: the preparedness plan, press criticism and
ministerial requests (F1–F4). Their history is in the audit trail."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from indsats.organisations.models import Municipality

from .data import DataSource


class PreparednessPlan(models.Model):
    """The municipality's beredskab (Barnets Lov § 15, stk. 2) as the Board knows it.

    No record means nothing is known (F1/F2 missing); a record without an approval date
    means the municipality has no approved plan.
    """

    municipality = models.OneToOneField(
        Municipality,
        on_delete=models.PROTECT,
        related_name="preparedness_plan",
        verbose_name=_("kommune"),
    )
    approved_on = models.DateField(
        _("godkendt af kommunalbestyrelsen"),
        null=True,
        blank=True,
        help_text=_("Tom, hvis kommunen ikke har et politisk godkendt beredskab."),
    )
    revised_on = models.DateField(
        _("senest revideret og godkendt"),
        null=True,
        blank=True,
        help_text=_("Beredskabet skal revideres mindst hvert fjerde år."),
    )
    is_published = models.BooleanField(_("offentligt tilgængeligt"), default=False)
    url = models.URLField(_("adresse, hvor beredskabet er offentliggjort"), blank=True)
    note = models.TextField(_("bemærkning"), blank=True)
    source = models.ForeignKey(
        DataSource,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("senest importeret fra"),
    )
    updated_at = models.DateTimeField(_("ændret"), auto_now=True)
    version = models.PositiveIntegerField(_("version"), default=1, editable=False)

    class Meta:
        ordering = ["municipality__name"]
        verbose_name = _("beredskab")
        verbose_name_plural = _("beredskaber")

    def __str__(self):
        return str(_("Beredskab for %(name)s")) % {"name": self.municipality}


class PressCriticism(models.Model):
    """Press criticism of the municipality's handling of abuse cases (F3)."""

    municipality = models.ForeignKey(
        Municipality, on_delete=models.PROTECT, related_name="+", verbose_name=_("kommune")
    )
    published_on = models.DateField(_("dato"))
    medium = models.CharField(_("medie"), max_length=200)
    url = models.URLField(_("link"), blank=True)
    summary = models.TextField(_("resumé"))
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("registreret af"),
    )
    created_at = models.DateTimeField(_("registreret"), auto_now_add=True)
    # The screening's "data changed" marker takes the newest of these (#11).
    updated_at = models.DateTimeField(_("ændret"), auto_now=True, db_index=True)
    version = models.PositiveIntegerField(_("version"), default=1, editable=False)

    class Meta:
        ordering = ["-published_on", "-pk"]
        verbose_name = _("kritik i pressen")
        verbose_name_plural = _("kritik i pressen")

    def __str__(self):
        return f"{self.medium} {self.published_on:%d-%m-%Y}"


class RequestStatus(models.TextChoices):
    OPEN = "open", _("Åben")
    CLOSED = "closed", _("Afsluttet")


class MinisterialRequest(models.Model):
    """The minister asks the Board to offer a municipality sparring or consultancy (F4)."""

    municipality = models.ForeignKey(
        Municipality, on_delete=models.PROTECT, related_name="+", verbose_name=_("kommune")
    )
    received_on = models.DateField(_("modtaget"))
    reference = models.CharField(_("journalnummer eller reference"), max_length=100)
    status = models.CharField(
        _("status"), max_length=10, choices=RequestStatus.choices, default=RequestStatus.OPEN
    )
    note = models.TextField(_("bemærkning"), blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("registreret af"),
    )
    created_at = models.DateTimeField(_("registreret"), auto_now_add=True)
    # The screening's "data changed" marker takes the newest of these (#11).
    updated_at = models.DateTimeField(_("ændret"), auto_now=True, db_index=True)
    version = models.PositiveIntegerField(_("version"), default=1, editable=False)

    class Meta:
        ordering = ["-received_on", "-pk"]
        verbose_name = _("henvendelse fra ministeren")
        verbose_name_plural = _("henvendelser fra ministeren")

    def __str__(self):
        return self.reference

    @property
    def is_open(self) -> bool:
        return self.status == RequestStatus.OPEN
