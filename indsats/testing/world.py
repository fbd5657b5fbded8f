"""A small world of records that belong to someone, for tests that probe who may reach
what: the authorisation matrix and the fuzz tests (C12).

It is the demo data (an answered enquiry and a submitted application of Aarhus Kommune, a
granted joint O4 programme of Opholdsstedet Lærkereden and Skovbrynet, a draft of
Fjordglimt, capacity, screening figures and a run) plus one record of every other kind a
URL can name: delivery records of the programme, a pending access request and an
invitation of Aarhus, a municipal contact, a queue move, a document version. The people
probing it are the Board's staff (one per role), an applicant of another municipality
(Københavns Kommune) and an applicant of another placement site (Fjordglimt), none of
whom owns the records of Aarhus or Lærkereden. All people are fictitious.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from django.core.files.base import ContentFile
from django.utils import timezone
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from indsats.accounts.models import AccessRequest, Invitation, Role, User
from indsats.testing.demo_copy import load_demo_data_copied
from indsats.testing.factories import UserFactory, municipality_organisation

OWNER_MUNICIPALITY = "751"  # Aarhus: owns the enquiry and the O1 application
OTHER_MUNICIPALITY = "101"  # København: owns nothing here

# Who probes the world, in the order the matrix reports them.
ROLES = (
    "anonymous",
    "other_municipality",
    "other_site",
    Role.CASE_OFFICER.value,
    Role.CONSULTANT.value,
    Role.PROJECT_LEADER.value,
    Role.MANAGER.value,
    Role.ADMINISTRATOR.value,
)

DEMO_STAFF = {
    Role.CASE_OFFICER.value: "sagsbehandler@indsats.test",
    Role.CONSULTANT.value: "konsulent@indsats.test",
    Role.PROJECT_LEADER.value: "projektleder@indsats.test",
    Role.MANAGER.value: "leder@indsats.test",
    Role.ADMINISTRATOR.value: "administrator@indsats.test",
}


@dataclass
class World:
    users: dict[str, User | None]
    records: dict[str, object] = field(default_factory=dict)

    def __getattr__(self, name):
        try:
            return self.__dict__["records"][name]
        except KeyError:
            raise AttributeError(name) from None


def build_world() -> World:
    """Create the world in the current database (call inside a transaction to undo it)."""
    from indsats.allocation.models import OfferCapacity, PlanMove
    from indsats.applications.models import (
        Application,
        ApplicationStatus,
        Decision,
        Document,
        DocumentVersion,
        Enquiry,
    )
    from indsats.catalogue.models import Offer
    from indsats.organisations.models import MunicipalContact, Organisation
    from indsats.programmes.models import Programme, ProgrammeRecord
    from indsats.programmes.models.delivery import (
        FocusGroup,
        Goal,
        HourEntry,
        Meeting,
        Task,
        ThemeDay,
    )
    from indsats.screening.models import (
        MinisterialRequest,
        PreparednessPlan,
        PressCriticism,
        ScreeningRun,
    )

    load_demo_data_copied()  # a copy after the first load in this process
    users: dict[str, User | None] = {"anonymous": None}
    users["other_municipality"] = UserFactory(
        email="ansoeger.kbh@matrix.test",
        role=Role.APPLICANT,
        organisation=municipality_organisation(OTHER_MUNICIPALITY),
    )
    users["other_site"] = User.objects.get(email="fjordglimt@indsats.test")
    for role, email in DEMO_STAFF.items():
        users[role] = User.objects.get(email=email)
    owner = User.objects.get(email="ansoeger@indsats.test")
    site_owner = User.objects.get(email="opholdssted@indsats.test")
    consultant = users[Role.CONSULTANT.value]
    aarhus = owner.organisation
    site = site_owner.organisation

    application = Application.objects.get(organisation=aarhus, offer__code="O1")
    site_application = Application.objects.get(organisation=site, status=ApplicationStatus.GRANTED)
    draft = Application.objects.get(status=ApplicationStatus.DRAFT)
    programme = Programme.objects.get(applications=site_application)
    ProgrammeRecord.for_programme(programme)  # made on first view; here from the start
    today = timezone.localdate()

    # A document of the site's programme and one uploaded to its application.
    document, _ = Document.objects.get_or_create(application=site_application, kind="draft_policy")
    version = DocumentVersion.objects.create(
        document=document,
        number=1,
        file=ContentFile(b"%PDF-1.4\n% matrix\n", name="politik.pdf"),
        original_name="politik.pdf",
        content_type="application/pdf",
        size=18,
        uploaded_by=site_owner,
    )
    records = {
        "owner": owner,
        "site_owner": site_owner,
        "aarhus": aarhus,
        "site": site,
        "enquiry": Enquiry.objects.get(organisation=aarhus),
        "application": application,
        "site_application": site_application,
        "draft": draft,
        "programme": programme,
        "decision": Decision.objects.filter(application=site_application).first(),
        "document_version": version,
        "meeting": Meeting.objects.create(
            programme=programme,
            kind="initial",
            starts_at=timezone.now() - datetime.timedelta(days=3),
            place="Lærkevej 4",
        ),
        "theme_day": ThemeDay.objects.create(
            programme=programme, date=today + datetime.timedelta(days=20), place="Lærkevej 4"
        ),
        "focus_group": FocusGroup.objects.create(programme=programme, phase="start", held_on=today),
        "hour_entry": HourEntry.objects.create(
            programme=programme,
            date=today,
            hours="2.0",
            description="Sparring med ledelsen",
            consultant=consultant,
        ),
        "goal": Goal.objects.create(programme=programme, text="En politik, alle kender."),
        "task": Task.objects.create(
            programme=programme,
            title="Send dagsorden",
            due_on=today + datetime.timedelta(days=5),
            created_by=consultant,
        ),
        "press": PressCriticism.objects.filter(municipality__code=OWNER_MUNICIPALITY).first()
        or PressCriticism.objects.create(
            municipality=aarhus.municipality,
            published_on=today,
            medium="Stiften",
            summary="Kritik af sagsbehandlingen.",
        ),
        "ministerial": MinisterialRequest.objects.filter(
            municipality__code=OWNER_MUNICIPALITY
        ).first()
        or MinisterialRequest.objects.create(
            municipality=aarhus.municipality, received_on=today, reference="2026-12345"
        ),
        "contact": MunicipalContact.objects.filter(municipality__code=OWNER_MUNICIPALITY).first()
        or MunicipalContact.objects.create(
            municipality=aarhus.municipality, name="Kirsten Kontakt", role="other"
        ),
        "plan": PreparednessPlan.objects.get(municipality__code=OWNER_MUNICIPALITY),
        "run": ScreeningRun.objects.order_by("pk").first(),
        "capacity": OfferCapacity.objects.order_by("pk").first(),
        "access_request": AccessRequest.objects.create(
            user=User.objects.create_user(
                "ny.kollega@matrix.test",
                None,
                full_name="Ny Kollega",
                role=Role.APPLICANT,
                organisation=aarhus,
                is_active=False,
            ),
            organisation=aarhus,
        ),
        "invitation": Invitation.objects.create(
            organisation=aarhus, email="inviteret@matrix.test", full_name="Inviteret Person"
        ),
        "reset_uid": urlsafe_base64_encode(force_bytes(owner.pk)),
        "offer": Offer.objects.get(code="O1"),
        "site_offer": Offer.objects.get(code="O4"),
    }
    capacity = records["capacity"]
    records["move"] = PlanMove.objects.create(
        offer=capacity.offer,
        period=capacity.period,
        application=Application.objects.filter(
            offer=capacity.offer, status=ApplicationStatus.SUBMITTED
        ).first()
        or application,
        to_position=1,
        reason="Flyttet i matrixtesten.",
        moved_by=users[Role.MANAGER.value],
    )
    records["board"] = Organisation.objects.get(kind="board")
    return World(users=users, records=records)


def signed_in_session(user) -> str:
    """The key of a session of ``user``; a staff member's has confirmed an authenticator
    app, as ``django_otp.login`` records it after a right code."""
    from django.conf import settings
    from django.contrib.sessions.backends.db import SessionStore
    from django.test import Client
    from django_otp import DEVICE_ID_SESSION_KEY
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from indsats.accounts import permissions

    client = Client()
    client.force_login(user)
    key = client.cookies[settings.SESSION_COOKIE_NAME].value
    if permissions.is_board_staff(user):
        device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
        if device is None:
            device = TOTPDevice.objects.create(user=user, name="Matrix", confirmed=True)
        session = SessionStore(session_key=key)
        session[DEVICE_ID_SESSION_KEY] = device.persistent_id
        session.save()
    return key


def client_as(world: World, role: str):
    """A test client with ``role``'s session of the world, and no other cookie."""
    from http.cookies import SimpleCookie

    from django.conf import settings
    from django.test import Client

    client = Client()
    client.cookies = SimpleCookie()
    if role in world.sessions:
        client.cookies[settings.SESSION_COOKIE_NAME] = world.sessions[role]
    return client
