"""How people get an account: self-registration checked by the Board, and invitations.

A leader registers for their municipality or placement site; the user is created inactive
and an ``AccessRequest`` waits for the Board's staff, who approve or reject it. An active
applicant invites colleagues; the invitee sets a password through the link and is active
at once, because the inviter vouches for them.

These are services: they take model objects and plain values, never a request, and they
send the e-mails. The views decide who may call them (``permissions.py``).
"""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth.hashers import make_password
from django.db import IntegrityError, transaction
from django.utils import timezone

from indsats.core.mail import absolute_url, send_templated

from .models import INVITATION_VALIDITY, AccessRequest, ExternalIdentity, Invitation, Role, User


class AccountError(Exception):
    """A registration, decision or invitation that cannot go ahead as asked."""


class AlreadyDecided(AccountError):
    """Someone else approved or rejected the request first."""


class EmailInUse(AccountError):
    """There is already a user with this e-mail address."""


class IdentityInUse(AccountError):
    """The external login (issuer, subject) is already linked to a user."""


def _identity_in_use(issuer: str, subject: str) -> bool:
    return ExternalIdentity.objects.filter(issuer=issuer, subject=subject).exists()


class InvitationUnavailable(AccountError):
    """The invitation is unknown, used or expired; ``reason`` says which."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


@dataclass(frozen=True)
class Person:
    """What a registrant or an invitee tells about themselves."""

    full_name: str
    email: str = ""
    job_title: str = ""
    phone: str = ""


# --- e-mails -------------------------------------------------------------------------


def email_in_use(email: str) -> bool:
    return User.objects.filter(email__iexact=email.strip()).exists()


# --- self-registration ---------------------------------------------------------------


def create_registration(
    *, organisation, person: Person, password: str | None, identity=None
) -> AccessRequest:
    """Create an inactive applicant user and the access request the Board decides on.

    ``identity`` is a verified external login (``oidc.identity.PendingIdentity``: issuer,
    subject) to link to the user when the request is approved; the user then needs no password.

    ``organisation`` is a municipality's or a registered site's organisation, or an unsaved
    placement site that the registrant registers now; it is saved together with the user.
    The Board's inbox is told, and the registrant gets a receipt.
    """
    if email_in_use(person.email):
        raise EmailInUse(person.email)
    if identity is not None and _identity_in_use(identity.issuer, identity.subject):
        raise IdentityInUse(identity.subject)
    creates_organisation = organisation.pk is None
    # The user, the request and both e-mails in one transaction, so that a failure leaves
    # nothing behind and the registrant can try again; a double click's twin finds the
    # address taken (C12).
    try:
        with transaction.atomic():
            return _register(organisation, person, password, identity, creates_organisation)
    except IntegrityError:
        if email_in_use(person.email):
            raise EmailInUse(person.email) from None
        raise


def _register(organisation, person, password, identity, creates_organisation) -> AccessRequest:
    if creates_organisation:
        organisation.contact_name = organisation.contact_name or person.full_name
        organisation.contact_email = organisation.contact_email or person.email
        organisation.contact_phone = organisation.contact_phone or person.phone
        organisation.save()
    user = User.objects.create_user(
        person.email,
        password,
        full_name=person.full_name,
        job_title=person.job_title,
        phone=person.phone,
        organisation=organisation,
        role=Role.APPLICANT,
        is_active=False,
    )
    access_request = AccessRequest.objects.create(
        user=user,
        organisation=organisation,
        creates_organisation=creates_organisation,
        pending_issuer=identity.issuer if identity is not None else "",
        pending_subject=identity.subject if identity is not None else "",
    )
    context = {
        "access_request": access_request,
        "user": user,
        "organisation": organisation,
        "url": absolute_url("accounts:access_requests"),
    }
    send_templated("accounts/email/access_request_received", context, [user.email])
    send_templated("accounts/email/new_access_request", context, [settings.BOARD_INBOX_EMAIL])
    return access_request


def tell_existing_account(email: str, password: str | None = None) -> None:
    """Someone registered with an address that already has an account (C12).

    The page must not reveal that (it answers exactly as for a new registration), so the
    account's owner is told by e-mail instead, with the links to sign in and to choose a
    new password. The password typed is hashed and thrown away, so that this takes about
    as long as creating a user does.
    """
    if password:
        make_password(password)
    user = User.objects.filter(email__iexact=email.strip()).first()
    if user is None:
        return
    send_templated(
        "accounts/email/existing_account",
        {
            "user": user,
            "login_url": absolute_url("accounts:login"),
            "reset_url": absolute_url("accounts:password_reset"),
        },
        [user.email],
    )


def _decide(access_request: AccessRequest, decided_by, approved: bool, note: str):
    with transaction.atomic():
        locked = AccessRequest.objects.select_for_update().get(pk=access_request.pk)
        if not locked.is_pending:
            raise AlreadyDecided(locked)
        locked.approved = approved
        locked.decided_at = timezone.now()
        locked.decided_by = decided_by
        locked.note = note.strip()
        locked.save()
        if approved:
            user = locked.user
            user.is_active = True
            user.save(update_fields=["is_active"])
            issuer, subject = locked.pending_issuer, locked.pending_subject
            if subject and not _identity_in_use(issuer, subject):
                # The MitID Erhverv login the request was made with (C12).
                ExternalIdentity.objects.create(user=user, issuer=issuer, subject=subject)
    return locked


def approve(access_request: AccessRequest, decided_by, note: str = "") -> AccessRequest:
    """Give the user access and tell them by e-mail, with the link to log in."""
    decided = _decide(access_request, decided_by, approved=True, note=note)
    send_templated(
        "accounts/email/access_request_approved",
        {"access_request": decided, "user": decided.user, "url": absolute_url("accounts:login")},
        [decided.user.email],
    )
    return decided


def reject(access_request: AccessRequest, decided_by, note: str = "") -> AccessRequest:
    """Refuse access; the user stays inactive and gets the note by e-mail."""
    decided = _decide(access_request, decided_by, approved=False, note=note)
    send_templated(
        "accounts/email/access_request_rejected",
        {"access_request": decided, "user": decided.user},
        [decided.user.email],
    )
    return decided


# --- invitations ---------------------------------------------------------------------


def invite(*, invited_by, email: str, full_name: str) -> Invitation:
    """Invite a colleague into the inviter's organisation and send them the link.

    An earlier unused invitation of the same address to the same organisation stops
    working, so only the newest link is valid.
    """
    email = email.strip().lower()
    if email_in_use(email):
        raise EmailInUse(email)
    organisation = invited_by.organisation
    now = timezone.now()
    with transaction.atomic():
        Invitation.objects.filter(
            organisation=organisation, email=email, accepted_at__isnull=True, expires_at__gt=now
        ).update(expires_at=now)
        invitation = Invitation.objects.create(
            organisation=organisation,
            email=email,
            full_name=full_name.strip(),
            invited_by=invited_by,
            created_at=now,
            expires_at=now + INVITATION_VALIDITY,
        )
    send_templated(
        "accounts/email/invitation",
        {"invitation": invitation, "url": absolute_url("accounts:invitation", invitation.token)},
        [invitation.email],
    )
    return invitation


def find_invitation(token: str) -> Invitation:
    """The invitation behind a link, if it can still be used."""
    invitation = (
        Invitation.objects.select_related("organisation", "invited_by").filter(token=token).first()
    )
    if invitation is None:
        raise InvitationUnavailable("unknown")
    if invitation.is_accepted:
        raise InvitationUnavailable("used")
    if invitation.is_expired:
        raise InvitationUnavailable("expired")
    return invitation


def accept_invitation(
    invitation: Invitation, *, person: Person, password: str | None, identity=None
) -> User:
    """Create the invitee's active applicant user in the inviting organisation.

    ``identity`` is a verified external login (issuer, subject) to link to the new user,
    who then needs no password.
    """
    with transaction.atomic():
        locked = Invitation.objects.select_for_update().get(pk=invitation.pk)
        if locked.is_accepted:
            raise InvitationUnavailable("used")
        if locked.is_expired:
            raise InvitationUnavailable("expired")
        if email_in_use(locked.email):
            raise EmailInUse(locked.email)
        if identity is not None and _identity_in_use(identity.issuer, identity.subject):
            raise IdentityInUse(identity.subject)
        user = User.objects.create_user(
            locked.email,
            password,
            full_name=person.full_name or locked.full_name,
            job_title=person.job_title,
            phone=person.phone,
            organisation=locked.organisation,
            role=Role.APPLICANT,
            is_active=True,
        )
        if identity is not None:
            ExternalIdentity.objects.create(
                user=user, issuer=identity.issuer, subject=identity.subject
            )
        locked.accepted_at = timezone.now()
        locked.save(update_fields=["accepted_at"])
    invitation.accepted_at = locked.accepted_at
    return user
