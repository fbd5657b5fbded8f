"""Users, their roles, their links to external identity providers, and how people get in:
access requests from self-registration and invitations from colleagues.

A user belongs to exactly one organisation and has one role. Applicant roles belong to
municipalities and placement sites; the Board's roles belong to the Board. Which role may
do what is decided by the predicates in ``permissions.py``, not here.
"""

from __future__ import annotations

import secrets
from datetime import timedelta

from django.contrib.auth.models import AbstractBaseUser, BaseUserManager, PermissionsMixin
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from indsats.organisations.models import Organisation


class Role(models.TextChoices):
    APPLICANT = "applicant", _("Ansøger")
    CASE_OFFICER = "case_officer", _("Sagsbehandler")
    CONSULTANT = "consultant", _("Konsulent")
    PROJECT_LEADER = "project_leader", _("Projektleder")
    MANAGER = "manager", _("Leder")
    ADMINISTRATOR = "administrator", _("Administrator")


BOARD_ROLES = frozenset(
    {Role.CASE_OFFICER, Role.CONSULTANT, Role.PROJECT_LEADER, Role.MANAGER, Role.ADMINISTRATOR}
)


class UserManager(BaseUserManager):
    use_in_migrations = True

    def create_user(self, email, password=None, **fields):
        if not email:
            raise ValueError("A user needs an e-mail address.")
        user = self.model(email=self.normalize_email(email).lower(), **fields)
        user.set_password(password)
        user.full_clean(exclude=["password"])
        user.save(using=self._db)
        return user

    def create_superuser(self, email, password=None, **fields):
        fields.setdefault("role", Role.ADMINISTRATOR)
        fields.setdefault("is_staff", True)
        fields.setdefault("is_superuser", True)
        if "organisation" not in fields:
            fields["organisation"] = Organisation.objects.get(kind="board")
        return self.create_user(email, password, **fields)


class User(AbstractBaseUser, PermissionsMixin):
    email = models.EmailField(_("e-mail"), unique=True)
    full_name = models.CharField(_("navn"), max_length=200)
    job_title = models.CharField(_("stillingsbetegnelse"), max_length=200, blank=True)
    phone = models.CharField(_("telefon"), max_length=30, blank=True)
    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="users", verbose_name=_("organisation")
    )
    role = models.CharField(_("rolle"), max_length=20, choices=Role.choices)
    is_active = models.BooleanField(_("aktiv"), default=True)
    # Django's admin site is for administrators only; see permissions.can_use_admin_site.
    is_staff = models.BooleanField(_("adgang til administration"), default=False)
    date_joined = models.DateTimeField(_("oprettet"), default=timezone.now)

    objects = UserManager()

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS = ["full_name"]

    class Meta:
        ordering = ["full_name"]
        verbose_name = _("bruger")
        verbose_name_plural = _("brugere")

    def __str__(self):
        return self.full_name or self.email

    def get_full_name(self):
        return self.full_name

    def get_short_name(self):
        return self.full_name.split(" ")[0] if self.full_name else self.email

    def clean(self):
        super().clean()
        if self.organisation_id is None or not self.role:
            return
        if self.organisation.is_board and self.role not in BOARD_ROLES:
            raise ValidationError(
                {"role": _("Socialstyrelsens medarbejdere skal have en af styrelsens roller.")}
            )
        if not self.organisation.is_board and self.role != Role.APPLICANT:
            raise ValidationError(
                {"role": _("Brugere i kommuner og på anbringelsessteder har rollen ansøger.")}
            )


class ExternalIdentity(models.Model):
    """A login at an external identity provider, tied to a user.

    NemLog-in and MitID Erhverv speak OIOSAML 3; a broker turns that into OpenID Connect,
    and the (issuer, subject) pair from the ID token is what identifies the person here.
    ``backends.ExternalIdentityBackend`` logs in by that pair.
    """

    user = models.ForeignKey(
        User, on_delete=models.CASCADE, related_name="external_identities", verbose_name=_("bruger")
    )
    issuer = models.CharField(_("udsteder"), max_length=255)
    subject = models.CharField(_("subjekt"), max_length=255)
    created_at = models.DateTimeField(_("oprettet"), auto_now_add=True)
    last_used_at = models.DateTimeField(_("senest brugt"), null=True, blank=True)

    class Meta:
        verbose_name = _("ekstern identitet")
        verbose_name_plural = _("eksterne identiteter")
        constraints = [
            models.UniqueConstraint(fields=["issuer", "subject"], name="unique_external_identity")
        ]

    def __str__(self):
        return f"{self.issuer} / {self.subject}"


class AccessRequest(models.Model):
    """Someone registered themselves for an applicant organisation and waits for access.

    Anyone can claim to work in a municipality, so the user is created inactive and the
    Board's staff approve or reject the request (``registration.approve`` / ``reject``).
    ``approved`` is empty while the request is pending.
    """

    user = models.ForeignKey(
        User, on_delete=models.CASCADE, related_name="access_requests", verbose_name=_("bruger")
    )
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        related_name="access_requests",
        verbose_name=_("organisation"),
    )
    creates_organisation = models.BooleanField(
        _("ny organisation"),
        default=False,
        help_text=_("Sat, når anbringelsesstedet blev registreret sammen med anmodningen."),
    )
    created_at = models.DateTimeField(_("modtaget"), auto_now_add=True)
    decided_at = models.DateTimeField(_("afgjort"), null=True, blank=True)
    decided_by = models.ForeignKey(
        User,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="decided_access_requests",
        verbose_name=_("afgjort af"),
    )
    approved = models.BooleanField(_("godkendt"), null=True, blank=True)
    note = models.TextField(_("bemærkning"), blank=True)
    # A MitID Erhverv sign-in (OIDC) that made the request: linked to the user when the
    # request is approved (indsats.accounts.oidc, C12). Empty for a password registration.
    pending_issuer = models.CharField(_("udsteder af login"), max_length=255, blank=True)
    pending_subject = models.CharField(_("subjekt hos udsteder"), max_length=255, blank=True)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("adgangsanmodning")
        verbose_name_plural = _("adgangsanmodninger")

    def __str__(self):
        return f"{self.user} – {self.organisation}"

    @property
    def is_pending(self) -> bool:
        return self.approved is None


INVITATION_VALIDITY = timedelta(days=14)


def new_invitation_token() -> str:
    return secrets.token_urlsafe(32)


def invitation_expiry():
    return timezone.now() + INVITATION_VALIDITY


class Invitation(models.Model):
    """An applicant user's invitation of a colleague into their organisation.

    The link carries ``token``; whoever opens it before ``expires_at`` sets a password and
    is active at once, because the inviter vouches for them.
    """

    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.CASCADE,
        related_name="invitations",
        verbose_name=_("organisation"),
    )
    email = models.EmailField(_("e-mail"))
    full_name = models.CharField(_("navn"), max_length=200)
    invited_by = models.ForeignKey(
        User,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="sent_invitations",
        verbose_name=_("inviteret af"),
    )
    token = models.CharField(
        _("nøgle"), max_length=64, unique=True, default=new_invitation_token, editable=False
    )
    created_at = models.DateTimeField(_("oprettet"), default=timezone.now)
    accepted_at = models.DateTimeField(_("taget imod"), null=True, blank=True)
    expires_at = models.DateTimeField(_("udløber"), default=invitation_expiry)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("invitation")
        verbose_name_plural = _("invitationer")

    def __str__(self):
        return f"{self.full_name} <{self.email}>"

    @property
    def is_accepted(self) -> bool:
        return self.accepted_at is not None

    @property
    def is_expired(self) -> bool:
        return self.expires_at <= timezone.now()

    @property
    def is_usable(self) -> bool:
        return not self.is_accepted and not self.is_expired
