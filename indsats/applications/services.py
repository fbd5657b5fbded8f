"""What happens to an application: saving a draft, submitting, withdrawing, grouping.

These take plain arguments and return results; views decide what to show.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone

from indsats.core.concurrency import EditConflict, delete_if_unchanged, save_if_unchanged

from .grouping import GroupingInput, plan_groups
from .models import (
    OPEN_STATUSES,
    Application,
    ApplicationGroup,
    ApplicationStatus,
    DocumentVersion,
    next_reference,
)
from .offer_forms import form_class_for
from .offer_forms.base import answers_as_data

# How long an untouched new draft is taken for the same click as a second "start".
UNTOUCHED_DRAFT_REUSED_WITHIN = datetime.timedelta(minutes=1)


def start_draft(offer, user, enquiry=None) -> Application:
    """A new draft of ``offer`` for the user's organisation, or the untouched one this user
    started a moment ago from the same enquiry: a double click on "start" (two quick
    POSTs) gives one draft, not two (C12). The organisation's row is locked meanwhile, so
    two simultaneous starts wait for each other and the second finds the first."""
    from indsats.organisations.models import Organisation

    # The form's enquiry field shows it chosen.
    answers = {"enquiry": str(enquiry.pk)} if enquiry else {}
    with transaction.atomic():
        Organisation.objects.select_for_update().filter(pk=user.organisation_id).first()
        untouched = (
            Application.objects.filter(
                offer=offer,
                organisation_id=user.organisation_id,
                created_by=user,
                status=ApplicationStatus.DRAFT,
                enquiry=enquiry,
                version=1,  # never saved since it was started
                created_at__gte=timezone.now() - UNTOUCHED_DRAFT_REUSED_WITHIN,
            )
            .order_by("-created_at", "-pk")
            .first()
        )
        if untouched is not None and untouched.answers == answers:
            return untouched
        return Application.objects.create(
            offer=offer,
            organisation_id=user.organisation_id,
            created_by=user,
            enquiry=enquiry,
            answers=answers,
        )


def sent_from_enquiry(enquiry) -> list[Application]:
    """The applications sent on the basis of ``enquiry`` and not withdrawn."""
    return list(
        enquiry.applications.exclude(
            status__in=(ApplicationStatus.DRAFT, ApplicationStatus.WITHDRAWN)
        ).order_by("submitted_at", "pk")
    )


def build_form(application, data=None):
    """The offer's form, bound to ``data`` or else to the saved answers (if any)."""
    form_class = form_class_for(application.offer)
    if data is None and application.answers:
        data = answers_as_data(application.answers)
    return form_class(data, offer=application.offer, organisation=application.organisation)


def answers_summary(application) -> list[tuple[str, str]] | None:
    """(label, answer) rows of a complete application, or None while it is incomplete."""
    form = build_form(application)
    if not application.is_draft and "enquiry" not in (application.answers or {}):
        # The enquiry question is asked only once the organisation has an enquiry about
        # the offer; one written after this was sent is no part of what was sent.
        form.fields.pop("enquiry", None)
    return form.summary() if form.is_bound and form.is_valid() else None


def draft_form(application):
    """The offer's form showing the saved answers, without judging them yet."""
    form_class = form_class_for(application.offer)
    return form_class(
        initial=application.answers,
        offer=application.offer,
        organisation=application.organisation,
    )


def save_draft(application, answers: dict, expected_version: int) -> None:
    """Store what was typed, valid or not. Refuses a stale copy (EditConflict)."""
    application.answers = answers
    save_if_unchanged(application, expected_version, ["answers"])


@dataclass(frozen=True)
class SubmitResult:
    submitted: bool
    form: object
    already_submitted: bool = False  # someone (a double click) submitted it first


def submit(application, submitted_by, on_submitted=None) -> SubmitResult:
    """Validate the saved answers with the offer's form; on success give a reference.

    Once only (C12): the draft's row is locked and its status read again inside the
    transaction, so a second submit of the same draft at the same moment waits for the
    first and then finds it submitted (``already_submitted``): one reference number, and
    ``on_submitted`` (the receipt) runs once, in the same transaction as the submit.
    """
    with transaction.atomic():
        stored = Application.objects.select_for_update().get(pk=application.pk)
        if not stored.is_draft:
            _copy_state(stored, application)
            return SubmitResult(False, None, already_submitted=True)
        application.answers = stored.answers  # what is submitted is what is stored
        form = build_form(application, data=answers_as_data(application.answers))
        if not form.is_valid():
            return SubmitResult(False, form)
        now = timezone.now()
        form.apply_to(application)
        application.status = ApplicationStatus.SUBMITTED
        application.submitted_at = now
        application.reference = next_reference(
            application.offer.reference_prefix, timezone.localdate(now).year
        )
        application.version = stored.version + 1
        application.save()
        form.apply_relations(application)
        regroup(application.offer)
        if on_submitted is not None:
            on_submitted(application)
    return SubmitResult(True, form)


def _copy_state(stored, application) -> None:
    for name in ("status", "reference", "submitted_at", "version", "answers"):
        setattr(application, name, getattr(stored, name))


def withdraw(application) -> bool:
    if not application.can_be_withdrawn:
        return False
    with transaction.atomic():
        application.status = ApplicationStatus.WITHDRAWN
        application.withdrawn_at = timezone.now()
        application.group = None
        application.version += 1
        application.save()
        regroup(application.offer)
    return True


def delete_draft(application, expected_version: int | None) -> bool:
    """Delete a draft that was never submitted, with any documents and their files.

    Refuses (EditConflict) when the draft changed since the user asked to delete it: a
    colleague's newer answers, or a submit, are never deleted unseen. Returns False when
    it is no draft (any more) to delete. The audit trail records the deletion, with the
    user, as it records every change to an application.
    """
    if not application.is_draft:
        return False
    files = [
        stored
        for version in DocumentVersion.objects.filter(document__application=application)
        for stored in (version.file, version.editable_file)
        if stored
    ]

    def refuse_a_submitted_one(stored) -> None:
        if not stored.is_draft:
            raise EditConflict(stored_version=stored.version, changed_fields={})

    with transaction.atomic():
        delete_if_unchanged(application, expected_version, before_delete=refuse_a_submitted_one)
        # The files go only once the rows are gone for good.
        for stored in files:
            transaction.on_commit(lambda stored=stored: stored.storage.delete(stored.name))
    return True


def regroup(offer) -> None:
    """Recompute the joint groups of the offer's open applications (O4.4)."""
    if not offer.small_site_threshold:
        return
    open_applications = list(
        Application.objects.filter(offer=offer, status__in=OPEN_STATUSES).prefetch_related(
            "partners"
        )
    )
    planned = plan_groups(
        GroupingInput(
            application_id=a.pk,
            organisation_id=a.organisation_id,
            partner_organisation_ids=frozenset(p.pk for p in a.partners.all()),
            current_group_id=a.group_id,
        )
        for a in open_applications
    )
    group_of: dict[int, int | None] = {a.pk: None for a in open_applications}
    for plan in planned:
        group_id = plan.reuse_group_id or ApplicationGroup.objects.create().pk
        for application_id in plan.application_ids:
            group_of[application_id] = group_id
    for application in open_applications:
        if application.group_id != group_of[application.pk]:
            application.group_id = group_of[application.pk]
            application.save(update_fields=["group", "updated_at"])
    ApplicationGroup.objects.filter(applications__isnull=True).delete()
