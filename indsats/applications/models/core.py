"""Enquiries, applications (with drafts and reference numbers) and their documents.

An application's answers are kept as JSON shaped by its offer's form (``offer_forms``),
so a draft may be incomplete; the form is the authority when it is submitted.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from indsats.catalogue.models import Offer
from indsats.organisations.models import Organisation


class EnquiryChannel(models.TextChoices):
    ONLINE = "online", _("Online i Indsats")
    EMAIL = "email", _("E-mail")
    PHONE = "phone", _("Telefon")
    LETTER = "letter", _("Brev")


class EnquiryStatus(models.TextChoices):
    RECEIVED = "received", _("Modtaget")
    ANSWERED = "answered", _("Besvaret")
    CLOSED = "closed", _("Afsluttet")


class Enquiry(models.Model):
    """An enquiry before an application (O1.2 step 1) or a question to the project leader
    (O4.3 step 2). Staff may record one that arrived by mail or phone."""

    offer = models.ForeignKey(
        Offer, on_delete=models.PROTECT, related_name="enquiries", verbose_name=_("forløb")
    )
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        related_name="enquiries",
        verbose_name=_("organisation"),
    )
    channel = models.CharField(
        _("kanal"), max_length=10, choices=EnquiryChannel.choices, default=EnquiryChannel.ONLINE
    )
    subject = models.CharField(_("emne"), max_length=200)
    message = models.TextField(_("henvendelsen"))
    contact_name = models.CharField(_("kontaktperson"), max_length=200)
    contact_email = models.EmailField(_("kontaktens e-mail"))
    contact_phone = models.CharField(_("kontaktens telefon"), max_length=30, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=EnquiryStatus.choices, default=EnquiryStatus.RECEIVED
    )
    answer = models.TextField(_("svar"), blank=True)
    answered_at = models.DateTimeField(_("besvaret"), null=True, blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("besvaret af"),
    )
    case_officer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="assigned_enquiries",
        verbose_name=_("sagsbehandler"),
    )
    initial_meeting_at = models.DateTimeField(_("indledende møde"), null=True, blank=True)
    initial_meeting_place = models.CharField(_("mødested"), max_length=200, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("oprettet af"),
    )
    created_at = models.DateTimeField(_("modtaget"), default=timezone.now)
    # Two people answering at once never overwrite each other (core.concurrency, C12).
    version = models.PositiveIntegerField(_("version"), default=1, editable=False)
    # The form the enquiry was sent from: a second click on "send" finds the first (C12).
    submission_token = models.UUIDField(null=True, blank=True, unique=True, editable=False)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("henvendelse")
        verbose_name_plural = _("henvendelser")

    def __str__(self):
        return f"{self.subject} ({self.organisation})"


class ApplicationStatus(models.TextChoices):
    DRAFT = "draft", _("Kladde")
    SUBMITTED = "submitted", _("Indsendt")
    GRANTED = "granted", _("Bevilget")
    WAITING_LIST = "waiting_list", _("På venteliste")
    REJECTED = "rejected", _("Afslået")
    WITHDRAWN = "withdrawn", _("Trukket tilbage")


OPEN_STATUSES = (ApplicationStatus.SUBMITTED, ApplicationStatus.WAITING_LIST)
DECIDED_STATUSES = (ApplicationStatus.GRANTED, ApplicationStatus.REJECTED)


class ApplicationGroup(models.Model):
    """Small placement sites that apply together for one joint programme (O4.4)."""

    created_at = models.DateTimeField(_("oprettet"), auto_now_add=True)

    class Meta:
        verbose_name = _("ansøgergruppe")
        verbose_name_plural = _("ansøgergrupper")

    def __str__(self):
        names = ", ".join(a.organisation.name for a in self.applications.all())
        return str(_("Fælles forløb: %s")) % names


class Application(models.Model):
    offer = models.ForeignKey(
        Offer, on_delete=models.PROTECT, related_name="applications", verbose_name=_("forløb")
    )
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        related_name="applications",
        verbose_name=_("organisation"),
    )
    status = models.CharField(
        _("status"),
        max_length=15,
        choices=ApplicationStatus.choices,
        default=ApplicationStatus.DRAFT,
    )
    reference = models.CharField(
        _("referencenummer"), max_length=20, unique=True, null=True, blank=True
    )
    answers = models.JSONField(_("svar"), default=dict, blank=True)
    enquiry = models.ForeignKey(
        Enquiry,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="applications",
        verbose_name=_("henvendelse"),
    )
    partners = models.ManyToManyField(
        Organisation, blank=True, related_name="+", verbose_name=_("samarbejdssteder")
    )
    asks_board_to_find_partners = models.BooleanField(
        _("beder Socialstyrelsen finde samarbejdssteder"), default=False
    )
    case_officer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="assigned_applications",
        verbose_name=_("sagsbehandler"),
    )
    programme = models.ForeignKey(
        "programmes.Programme",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="applications",
        verbose_name=_("forløb"),
    )
    group = models.ForeignKey(
        ApplicationGroup,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="applications",
        verbose_name=_("gruppe"),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("oprettet af"),
    )
    created_at = models.DateTimeField(_("oprettet"), auto_now_add=True)
    updated_at = models.DateTimeField(_("ændret"), auto_now=True)
    submitted_at = models.DateTimeField(_("indsendt"), null=True, blank=True)
    withdrawn_at = models.DateTimeField(_("trukket tilbage"), null=True, blank=True)
    version = models.PositiveIntegerField(_("version"), default=1, editable=False)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("ansøgning")
        verbose_name_plural = _("ansøgninger")
        # The lists read a page of 50 in index order instead of sorting every row (C13):
        # the inbox (open ones oldest first; or one status by date) and the portal (an
        # organisation's newest first).
        indexes = [
            models.Index(
                fields=["submitted_at", "id"],
                condition=models.Q(status__in=OPEN_STATUSES),
                name="application_open_by_received",
            ),
            models.Index(fields=["status", "submitted_at"], name="application_status_received"),
            models.Index(fields=["organisation", "-created_at"], name="application_org_newest"),
        ]

    def __str__(self):
        # The offer's name in the active language (C11).
        return self.reference or str(_("Kladde til %(offer)s")) % {"offer": self.offer}

    @property
    def is_draft(self) -> bool:
        return self.status == ApplicationStatus.DRAFT

    @property
    def can_be_withdrawn(self) -> bool:
        """Until a decision: a draft, a submitted one or one on the waiting list."""
        return self.status in (ApplicationStatus.DRAFT, *OPEN_STATUSES)


class ReferenceCounter(models.Model):
    """The last reference number given per offer prefix and year (TF-2027-0001)."""

    prefix = models.CharField(max_length=4)
    year = models.PositiveIntegerField()
    last_number = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["prefix", "year"], name="unique_reference_counter")
        ]

    def __str__(self):
        return f"{self.prefix}-{self.year}: {self.last_number}"


def next_reference(prefix: str, year: int) -> str:
    with transaction.atomic():
        counter, _created = ReferenceCounter.objects.select_for_update().get_or_create(
            prefix=prefix, year=year
        )
        counter.last_number += 1
        counter.save(update_fields=["last_number"])
    return f"{prefix}-{year}-{counter.last_number:04d}"


class DocumentKind(models.TextChoices):
    DRAFT_POLICY = "draft_policy", _("Udkast til politik")
    FINAL_POLICY = "final_policy", _("Endelig politik")
    DECISION_LETTER = "decision_letter", _("Afgørelsesbrev")
    COLLABORATION_AGREEMENT = "collaboration_agreement", _("Samarbejdsaftale")
    OTHER = "other", _("Andet")


APPLICANT_UPLOAD_KINDS = (DocumentKind.DRAFT_POLICY, DocumentKind.FINAL_POLICY)


class Document(models.Model):
    """A document of an application or programme, kept with every version."""

    application = models.ForeignKey(
        Application, on_delete=models.CASCADE, related_name="documents", null=True, blank=True
    )
    # A programme's own documents (the collaboration agreement naming every site).
    programme = models.ForeignKey(
        "programmes.Programme",
        on_delete=models.CASCADE,
        related_name="documents",
        null=True,
        blank=True,
    )
    kind = models.CharField(_("type"), max_length=30, choices=DocumentKind.choices)
    created_at = models.DateTimeField(_("oprettet"), auto_now_add=True)

    class Meta:
        ordering = ["kind"]
        verbose_name = _("dokument")
        verbose_name_plural = _("dokumenter")
        constraints = [
            models.UniqueConstraint(
                fields=["application", "kind"],
                condition=models.Q(application__isnull=False),
                name="one_document_per_kind",
            ),
            models.UniqueConstraint(
                fields=["programme", "kind"],
                condition=models.Q(programme__isnull=False),
                name="one_programme_document_per_kind",
            ),
            models.CheckConstraint(
                condition=models.Q(application__isnull=True, programme__isnull=False)
                | models.Q(application__isnull=False, programme__isnull=True),
                name="document_belongs_to_application_or_programme",
            ),
        ]

    def __str__(self):
        return self.get_kind_display()

    @property
    def current(self):
        return self.versions.order_by("-number").first()


def _document_path(instance, filename):
    document = instance.document
    owner = (
        f"a{document.application_id}" if document.application_id else f"p{document.programme_id}"
    )
    return f"documents/{owner}/{document.kind}/v{instance.number}-{filename}"


class DocumentVersion(models.Model):
    document = models.ForeignKey(Document, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField(_("version"))
    file = models.FileField(_("fil"), upload_to=_document_path, max_length=300)
    editable_file = models.FileField(
        _("redigerbar udgave (DOCX)"), upload_to=_document_path, max_length=300, blank=True
    )
    original_name = models.CharField(_("filnavn"), max_length=255)
    content_type = models.CharField(_("filtype"), max_length=100)
    size = models.PositiveIntegerField(_("størrelse i bytes"))
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    uploaded_at = models.DateTimeField(_("modtaget"), auto_now_add=True)

    class Meta:
        ordering = ["document", "-number"]
        verbose_name = _("dokumentversion")
        verbose_name_plural = _("dokumentversioner")
        constraints = [
            models.UniqueConstraint(fields=["document", "number"], name="unique_version_number")
        ]

    def __str__(self):
        return f"{self.original_name} (v{self.number})"
