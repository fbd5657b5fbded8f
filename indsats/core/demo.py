"""Demo data: fictitious people and places, so that every role can be tried at once.

Every name here is invented. Loading is idempotent: running it again changes nothing
that is already there (and resets nothing that a tester changed, except the passwords of
the demo logins, which are printed so they always work).
"""

from __future__ import annotations

import base64
from dataclasses import dataclass

from django.db import transaction

from indsats.accounts.models import Role, User
from indsats.organisations.models import Municipality, Organisation, OrganisationKind, SiteType
from indsats.screening.demo import load_synthetic_statistics

from .demo_cases import load_demo_cases

DEMO_PASSWORD = "demo-Indsats-2026"  # noqa: S105 - a published demo password, never in production
# Two-factor sign-in (C12): every demo login of the Board's staff has an authenticator app
# with this one published secret (base32), printed by `manage.py demo` and given in the
# README, so that a tester adds it to an app once. Demo data only: the demo command
# refuses to run in production, and real staff set up their own app at first sign-in.
DEMO_TOTP_SECRET = "INDSATSDEMOKODEFORALLEMEDARBEJDE"  # noqa: S105 - published, demo only


@dataclass(frozen=True)
class DemoSite:
    name: str
    site_type: str
    cvr: str
    municipality_code: str
    address: str
    postcode: str
    city: str
    employee_count: int
    contact_name: str


@dataclass(frozen=True)
class DemoUser:
    email: str
    full_name: str
    job_title: str
    role: str
    organisation: str  # "board", a municipality code, or a demo site's name


DEMO_SITES = (
    DemoSite(
        "Opholdsstedet Lærkereden",
        SiteType.OPHOLDSSTED,
        "45678903",
        "751",
        "Lærkevej 4",
        "8000",
        "Aarhus C",
        14,
        "Mette Lærkholt",
    ),
    DemoSite(
        "Opholdsstedet Skovbrynet",
        SiteType.OPHOLDSSTED,
        "23456788",
        "727",
        "Skovbrynet 12",
        "8300",
        "Odder",
        11,
        "Jonas Brynholm",
    ),
    DemoSite(
        "Døgninstitutionen Fjordglimt",
        SiteType.DOEGNINSTITUTION,
        "34567891",
        "851",
        "Fjordvej 88",
        "9000",
        "Aalborg",
        42,
        "Hanne Fjordby",
    ),
)

DEMO_USERS = (
    DemoUser(
        "ansoeger@indsats.test", "Karin Demo Kommunesen", "Afdelingschef", Role.APPLICANT, "751"
    ),
    DemoUser(
        "opholdssted@indsats.test",
        "Mette Lærkholt",
        "Forstander",
        Role.APPLICANT,
        "Opholdsstedet Lærkereden",
    ),
    DemoUser(
        "skovbrynet@indsats.test",
        "Jonas Brynholm",
        "Forstander",
        Role.APPLICANT,
        "Opholdsstedet Skovbrynet",
    ),
    DemoUser(
        "fjordglimt@indsats.test",
        "Hanne Fjordby",
        "Forstander",
        Role.APPLICANT,
        "Døgninstitutionen Fjordglimt",
    ),
    DemoUser(
        "sagsbehandler@indsats.test", "Sofie Demo Sagsen", "Fuldmægtig", Role.CASE_OFFICER, "board"
    ),
    DemoUser(
        "konsulent@indsats.test", "Lars Demo Rådgaard", "Specialkonsulent", Role.CONSULTANT, "board"
    ),
    DemoUser(
        "projektleder@indsats.test",
        "Pia Demo Projektsen",
        "Projektleder",
        Role.PROJECT_LEADER,
        "board",
    ),
    DemoUser("leder@indsats.test", "Henrik Demo Ledersen", "Kontorchef", Role.MANAGER, "board"),
    DemoUser(
        "administrator@indsats.test",
        "Anna Demo Adminsen",
        "Systemadministrator",
        Role.ADMINISTRATOR,
        "board",
    ),
)


def _organisation_for(key: str) -> Organisation:
    if key == "board":
        return Organisation.objects.get(kind=OrganisationKind.BOARD)
    if key.isdigit():
        return Organisation.objects.get(kind=OrganisationKind.MUNICIPALITY, municipality__code=key)
    return Organisation.objects.get(kind=OrganisationKind.PLACEMENT_SITE, name=key)


def _give_demo_app(user: User) -> None:
    """The demo authenticator app (``DEMO_TOTP_SECRET``), unless the user has an app."""
    from django_otp.plugins.otp_totp.models import TOTPDevice

    if not TOTPDevice.objects.filter(user=user, confirmed=True).exists():
        TOTPDevice.objects.create(
            user=user,
            name="Demo",
            confirmed=True,
            key=base64.b32decode(DEMO_TOTP_SECRET).hex(),
        )


@transaction.atomic
def load_demo_data() -> list[DemoUser]:
    for site in DEMO_SITES:
        Organisation.objects.get_or_create(
            kind=OrganisationKind.PLACEMENT_SITE,
            name=site.name,
            defaults={
                "site_type": site.site_type,
                "cvr": site.cvr,
                "municipality": Municipality.objects.get(code=site.municipality_code),
                "address": site.address,
                "postcode": site.postcode,
                "city": site.city,
                "employee_count": site.employee_count,
                "contact_name": site.contact_name,
            },
        )
    for demo in DEMO_USERS:
        user = User.objects.filter(email=demo.email).first()
        if user is None:
            user = User.objects.create_user(
                demo.email,
                DEMO_PASSWORD,
                full_name=demo.full_name,
                job_title=demo.job_title,
                role=demo.role,
                organisation=_organisation_for(demo.organisation),
                is_staff=demo.role == Role.ADMINISTRATOR,
                is_superuser=demo.role == Role.ADMINISTRATOR,
            )
        elif not user.check_password(DEMO_PASSWORD):
            user.set_password(DEMO_PASSWORD)
            user.save(update_fields=["password"])
        if demo.organisation == "board":
            _give_demo_app(user)
    load_synthetic_statistics()
    load_demo_cases()
    return list(DEMO_USERS)
