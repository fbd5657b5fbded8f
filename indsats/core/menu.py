"""The main menu: one list of entries, each shown to the users its predicate admits."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from indsats.accounts import permissions


@dataclass(frozen=True)
class MenuEntry:
    label: str
    url_name: str
    visible_to: Callable[[object], bool]
    description: str = ""  # one line on the dashboard card

    @property
    def url(self) -> str:
        return reverse(self.url_name)


def _anonymous(user) -> bool:
    return not user.is_authenticated


def _everyone(user) -> bool:
    return True


def _signed_in(user) -> bool:
    return user.is_authenticated


MENU = (
    MenuEntry(_("Forside"), "core:front", _anonymous),
    MenuEntry(_("Overblik"), "core:dashboard", _signed_in),
    MenuEntry(
        _("Forløb"),
        "catalogue:offer_list",
        _everyone,
        _("Socialstyrelsens rådgivningsforløb, og hvem de er for."),
    ),
    MenuEntry(
        _("Mine sager"),
        "applications:portal",
        permissions.is_applicant,
        _("Jeres henvendelser, ansøgninger og forløb med status og dokumenter."),
    ),
    MenuEntry(
        _("Min organisation"),
        "organisations:mine",
        permissions.is_applicant,
        _("Se de oplysninger, Socialstyrelsen har om jeres organisation og dens brugere."),
    ),
    MenuEntry(
        _("Indbakke"),
        "applications:inbox",
        permissions.can_use_inbox,
        _("Henvendelser og ansøgninger, der venter på vurdering og afgørelse."),
    ),
    MenuEntry(
        _("Igangværende forløb"),
        "programmes:list",
        permissions.is_board_staff,
        _("Bevilgede forløb og opsøgende sager: trin, møder, temadage, timer og dokumenter."),
    ),
    MenuEntry(
        _("Fordeling"),
        "allocation:overview",
        permissions.can_view_allocation,
        _("Pladser og konsulenttimer pr. periode, prioritering og venteliste."),
    ),
    MenuEntry(
        _("Adgangsanmodninger"),
        "accounts:access_requests",
        permissions.can_decide_access_requests,
        _("Anmodninger om adgang til Indsats, der venter på at blive behandlet."),
    ),
    MenuEntry(
        _("Kommuner"),
        "organisations:municipalities",
        permissions.can_view_organisation_register,
        _("Landets kommuner med kommunekode og region."),
    ),
    MenuEntry(
        _("Anbringelsessteder"),
        "organisations:placement_sites",
        permissions.can_view_organisation_register,
        _("Døgninstitutioner og opholdssteder, der er registreret i Indsats."),
    ),
    MenuEntry(
        _("Screening"),
        "screening:list",
        permissions.can_view_screening,
        _("De 98 kommuner efter faktorerne F1–F7, med tal, beslutninger og opsøgende forløb."),
    ),
    MenuEntry(
        _("Rapporter"),
        "reports:index",
        permissions.can_view_reports,
        _("Tal for en periode: volumen, ventetider, kapacitet, resultater og kommuner nået."),
    ),
    MenuEntry(
        _("Revisionsspor"),
        "audit:trail",
        permissions.can_view_audit_trail,
        _("Hvem har ændret hvad og hvornår."),
    ),
    MenuEntry(
        _("Administration"),
        "admin:index",
        permissions.can_use_admin_site,
        _("Brugere, roller og grunddata."),
    ),
)


def menu_for(user) -> list[MenuEntry]:
    return [entry for entry in MENU if entry.visible_to(user)]
