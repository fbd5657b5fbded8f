"""Regions, municipalities and the organisations that use the service.

Regions and municipalities are reference data with their official codes, loaded by a
migration. An *Organisation* is whoever a user belongs to: the Board itself, a
municipality, or a placement site (døgninstitution or opholdssted). Everything an
applicant sees is scoped to their organisation.
"""

from __future__ import annotations

from django.core.validators import MinValueValidator, RegexValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class Region(models.Model):
    code = models.CharField(_("regionskode"), max_length=4, unique=True)
    name = models.CharField(_("navn"), max_length=100)

    class Meta:
        ordering = ["code"]
        verbose_name = _("region")
        verbose_name_plural = _("regioner")

    def __str__(self):
        return self.name


#: The two municipalities whose official name is not "<name> Kommune".
_OFFICIAL_NAMES = {"København": "Københavns Kommune", "Bornholm": "Bornholms Regionskommune"}


def official_name(municipality_name: str) -> str:
    """The municipality's name as it calls itself: "Aarhus Kommune", "Københavns Kommune",
    "Bornholms Regionskommune"."""
    return _OFFICIAL_NAMES.get(municipality_name, f"{municipality_name} Kommune")


class Municipality(models.Model):
    code = models.CharField(_("kommunekode"), max_length=3, unique=True)
    name = models.CharField(_("navn"), max_length=100)
    region = models.ForeignKey(
        Region, on_delete=models.PROTECT, related_name="municipalities", verbose_name=_("region")
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("kommune")
        verbose_name_plural = _("kommuner")

    def __str__(self):
        return official_name(self.name)


class OrganisationKind(models.TextChoices):
    BOARD = "board", _("Socialstyrelsen")
    MUNICIPALITY = "municipality", _("Kommune")
    PLACEMENT_SITE = "placement_site", _("Anbringelsessted")


class SiteType(models.TextChoices):
    DOEGNINSTITUTION = "doegninstitution", _("Døgninstitution")
    OPHOLDSSTED = "opholdssted", _("Opholdssted")


class OrganisationQuerySet(models.QuerySet):
    def applicants(self):
        return self.exclude(kind=OrganisationKind.BOARD)

    def placement_sites(self):
        return self.filter(kind=OrganisationKind.PLACEMENT_SITE)


cvr_format = RegexValidator(r"^[1-9]\d{7}$", _("Et CVR-nummer består af 8 cifre."))


class Organisation(models.Model):
    """The Board, a municipality or a placement site.

    ``municipality`` is the organisation's municipality: for a municipality the one it
    *is*, for a placement site the one it lies in, and empty for the Board.
    """

    kind = models.CharField(_("type"), max_length=20, choices=OrganisationKind.choices)
    name = models.CharField(_("navn"), max_length=200)
    municipality = models.ForeignKey(
        Municipality,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="organisations",
        verbose_name=_("kommune"),
    )
    # Placement sites only.
    site_type = models.CharField(
        _("stedets type"), max_length=20, choices=SiteType.choices, blank=True
    )
    cvr = models.CharField(_("CVR-nummer"), max_length=8, blank=True, validators=[cvr_format])
    cvr_checksum_confirmed = models.BooleanField(
        _("CVR-nummer bekræftet trods fejlet kontrolciffer"),
        default=False,
        help_text=_("Sat, når brugeren har bekræftet et CVR-nummer, der ikke består kontrollen."),
    )
    address = models.CharField(_("adresse"), max_length=200, blank=True)
    postcode = models.CharField(
        _("postnummer"),
        max_length=4,
        blank=True,
        validators=[RegexValidator(r"^\d{4}$", _("Et postnummer består af 4 cifre."))],
    )
    city = models.CharField(_("by"), max_length=100, blank=True)
    employee_count = models.PositiveIntegerField(
        _("antal ansatte"), null=True, blank=True, validators=[MinValueValidator(1)]
    )
    contact_name = models.CharField(_("kontaktperson"), max_length=200, blank=True)
    contact_email = models.EmailField(_("kontaktens e-mail"), blank=True)
    contact_phone = models.CharField(_("kontaktens telefon"), max_length=30, blank=True)
    created_at = models.DateTimeField(_("oprettet"), auto_now_add=True)
    updated_at = models.DateTimeField(_("ændret"), auto_now=True)
    # Optimistic locking: see indsats.core.concurrency.
    version = models.PositiveIntegerField(_("version"), default=1, editable=False)

    objects = OrganisationQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("organisation")
        verbose_name_plural = _("organisationer")
        constraints = [
            models.UniqueConstraint(
                fields=["municipality"],
                condition=Q(kind="municipality"),
                name="one_organisation_per_municipality",
            ),
            models.UniqueConstraint(fields=["kind"], condition=Q(kind="board"), name="one_board"),
            models.CheckConstraint(
                condition=Q(kind="board", municipality__isnull=True)
                | Q(kind="municipality", municipality__isnull=False)
                | Q(kind="placement_site", municipality__isnull=False),
                name="municipality_matches_kind",
            ),
            models.CheckConstraint(
                condition=~Q(kind="placement_site") | ~Q(site_type=""),
                name="placement_site_has_type",
            ),
        ]

    def __str__(self):
        return self.name

    @property
    def is_board(self) -> bool:
        return self.kind == OrganisationKind.BOARD

    @property
    def is_placement_site(self) -> bool:
        return self.kind == OrganisationKind.PLACEMENT_SITE


class ContactRole(models.TextChoices):
    PLAN_OWNER = "plan_owner", _("Ansvarlig for beredskabet mod vold og overgreb")
    CHILDREN_MANAGER = "children_manager", _("Leder af børne- og ungeområdet")
    COLLABORATION = "collaboration", _("Kontaktperson for samarbejdet med Socialstyrelsen")
    OTHER = "other", _("Anden kontakt")


phone_format = RegexValidator(
    r"^\+?[0-9][0-9 ()-]{6,18}[0-9]$",
    _("Skriv et telefonnummer med cifre, fx 33 12 34 56 eller +45 33 12 34 56."),
)


class MunicipalContact(models.Model):
    """A contact person in a municipality, kept by the Board's staff (#9): shown on the
    municipality's screening page, named as an outreach case's contact and in letters."""

    municipality = models.ForeignKey(
        Municipality,
        on_delete=models.CASCADE,
        related_name="contacts",
        verbose_name=_("kommune"),
    )
    name = models.CharField(_("navn"), max_length=200)
    title = models.CharField(_("stilling"), max_length=200, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("telefon"), max_length=30, blank=True, validators=[phone_format])
    role = models.CharField(_("rolle"), max_length=20, choices=ContactRole.choices)
    note = models.TextField(_("bemærkning"), blank=True)
    created_at = models.DateTimeField(_("oprettet"), auto_now_add=True)
    updated_at = models.DateTimeField(_("ændret"), auto_now=True)
    # Optimistic locking: see indsats.core.concurrency.
    version = models.PositiveIntegerField(_("version"), default=1, editable=False)

    class Meta:
        ordering = ["municipality__name", "role", "name", "pk"]
        verbose_name = _("kontaktperson i kommunen")
        verbose_name_plural = _("kontaktpersoner i kommunerne")

    def __str__(self):
        return f"{self.name}, {self.municipality.name}"
