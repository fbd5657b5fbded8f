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
    MenuEntry(_("Forløb"), "catalogue:offer_list", _everyone),
    MenuEntry(_("Mine sager"), "applications:portal", permissions.is_applicant),
    MenuEntry(_("Min organisation"), "organisations:mine", permissions.is_applicant),
    MenuEntry(_("Henvendelser"), "applications:enquiry_inbox", permissions.can_answer_enquiry),
    MenuEntry(
        _("Adgangsanmodninger"), "accounts:access_requests", permissions.can_decide_access_requests
    ),
    MenuEntry(
        _("Kommuner"), "organisations:municipalities", permissions.can_view_organisation_register
    ),
    MenuEntry(
        _("Anbringelsessteder"),
        "organisations:placement_sites",
        permissions.can_view_organisation_register,
    ),
    MenuEntry(_("Revisionsspor"), "audit:trail", permissions.can_view_audit_trail),
    MenuEntry(_("Administration"), "admin:index", permissions.can_use_admin_site),
)


def menu_for(user) -> list[MenuEntry]:
    return [entry for entry in MENU if entry.visible_to(user)]
