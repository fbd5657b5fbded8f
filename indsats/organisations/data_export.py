"""Everything the Board holds about one organisation, as one ZIP (GDPR art. 15, #10).

The ZIP holds ``indsats-data.json`` and, under ``dokumenter/``, every version of every
document of the organisation's applications and programmes (decision letters,
agreements, policies), each listed in the JSON with its path in the ZIP, size and
SHA-256, so that the receiver can check that each file is the one the Board holds.

What is in it: the organisation; its users and invitations; its enquiries; its
applications with their answers (named by their questions), decisions and documents; the
programmes it leads or takes part in, with their steps, meetings, theme days, focus
groups, goals, tasks, record and documents. What is not: other organisations' applications
(a joint programme names its sites, nothing more), and the Board's internal assessments
and internal reasons, which are the Board's working notes, never the applicant's (C4).

The JSON's keys are Danish and fixed; dates and times are ISO 8601; a choice is written
as the words the pages show. The data is read with a fixed number of queries however many
records there are (C13): everything is prefetched.
"""

from __future__ import annotations

import hashlib
import json
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import PurePosixPath

from django import forms
from django.conf import settings
from django.db.models import Prefetch, Q
from django.utils import timezone
from django.utils.text import get_valid_filename, slugify
from django.utils.translation import gettext as _

from indsats.accounts.models import Invitation, User
from indsats.applications.models import (
    Application,
    Decision,
    Document,
    DocumentVersion,
    Enquiry,
)
from indsats.applications.offer_forms import form_class_for
from indsats.applications.offer_forms.base import shown_answer
from indsats.programmes.models import Programme

from .models import Organisation

FORMAT_VERSION = 1
JSON_NAME = "indsats-data.json"
CHUNK = 64 * 1024


@dataclass(frozen=True)
class PlannedFile:
    """A stored file to copy into the ZIP, and the JSON entry to complete with its checksum."""

    field_file: object
    path: str
    entry: dict


def _when(value) -> str | None:
    return value.isoformat() if value is not None else None


def _documents(documents: Iterable[Document], folder: str, files: list[PlannedFile]) -> list:
    listed = []
    folder = "dokumenter/" + (get_valid_filename(folder) or "dokument")
    for document in documents:
        kind = slugify(document.get_kind_display(), allow_unicode=True) or "dokument"
        versions = []
        for version in document.versions.all():
            stored = [("fil", version.file)]
            if version.editable_file:
                stored.append(("redigerbar_fil", version.editable_file))
            entry = {
                "version": version.number,
                "filnavn": version.original_name,
                "filtype": version.content_type,
                "modtaget": _when(version.uploaded_at),
            }
            for key, field_file in stored:
                original = PurePosixPath(version.original_name)
                if key == "fil":
                    name = original.name
                else:
                    # Named after the original, not the stored file, whose name already
                    # starts with the version ("v1-…"): the prefix below says it once.
                    suffix = PurePosixPath(field_file.name).suffix or ".docx"
                    name = f"redigerbar-{original.stem}{suffix}"
                name = get_valid_filename(name) or "fil"
                path = f"{folder}/{kind}/v{version.number}-{name}"
                file_entry = {"sti_i_zip": path, "bytes": None, "sha256": None}
                entry[key] = file_entry
                files.append(PlannedFile(field_file, path, file_entry))
            versions.append(entry)
        listed.append({"type": document.get_kind_display(), "versioner": versions})
    return listed


def _answers(answers: dict, fields: dict, records: dict) -> list[dict]:
    """Each answer under its question, as the applicant read it on the summary page: a
    choice by its label, a ticked box as »Ja«, an enquiry by its subject, a site by its
    name; never the stored value (an id, "no")."""
    listed = []
    for key, value in (answers or {}).items():
        field = fields.get(key)
        if field is None:  # a question no longer asked
            listed.append({"spørgsmål": _("Andet svar"), "svar": value})
            continue
        model = field.queryset.model if isinstance(field, forms.ModelChoiceField) else None
        shown = shown_answer(field, value, records.get(model, {}))
        listed.append({"spørgsmål": str(field.label), "svar": shown})
    return listed


def _answer_records(organisation: Organisation, applications) -> dict:
    """The records the answers choose (enquiries, partner sites), per model, as the text
    the form shows for them: one query per model however many applications (C13)."""
    ids: dict = {}
    for application in applications:
        fields = form_class_for(application.offer).base_fields
        for key, value in (application.answers or {}).items():
            field = fields.get(key)
            if isinstance(field, forms.ModelChoiceField):
                values = value if isinstance(value, list) else [value]
                chosen = ids.setdefault(field.queryset.model, set())
                chosen.update(str(pk) for pk in values if str(pk).isdigit())
    records = {}
    for model, pks in ids.items():
        if model is Enquiry:  # only the organisation's own enquiries are its to see
            found = Enquiry.objects.filter(organisation=organisation, pk__in=pks)
            records[model] = {str(enquiry.pk): enquiry.subject for enquiry in found}
        elif model is Organisation:
            found = Organisation.objects.filter(pk__in=pks)
            records[model] = {str(site.pk): site.name for site in found}
        else:
            found = model.objects.filter(pk__in=pks)
            records[model] = {str(record.pk): str(record) for record in found}
    return records


def _organisation(organisation: Organisation) -> dict:
    municipality = organisation.municipality
    return {
        "navn": organisation.name,
        "type": organisation.get_kind_display(),
        "kommune": municipality.name if municipality else None,
        "kommunekode": municipality.code if municipality else None,
        "stedets_type": organisation.get_site_type_display() or None,
        "cvr": organisation.cvr or None,
        "adresse": organisation.address,
        "postnummer": organisation.postcode,
        "by": organisation.city,
        "antal_ansatte": organisation.employee_count,
        "kontaktperson": organisation.contact_name,
        "kontaktens_e-mail": organisation.contact_email,
        "kontaktens_telefon": organisation.contact_phone,
        "oprettet": _when(organisation.created_at),
        "ændret": _when(organisation.updated_at),
    }


def _users(organisation: Organisation) -> list[dict]:
    return [
        {
            "navn": user.full_name,
            "e-mail": user.email,
            "stilling": user.job_title,
            "telefon": user.phone,
            "rolle": user.get_role_display(),
            "aktiv": user.is_active,
            "oprettet": _when(user.date_joined),
            "senest_logget_ind": _when(user.last_login),
        }
        for user in User.objects.filter(organisation=organisation).order_by("full_name", "pk")
    ]


def _invitations(organisation: Organisation) -> list[dict]:
    return [
        {
            "navn": invitation.full_name,
            "e-mail": invitation.email,
            "oprettet": _when(invitation.created_at),
            "taget_imod": _when(invitation.accepted_at),
            "udløber": _when(invitation.expires_at),
        }
        for invitation in Invitation.objects.filter(organisation=organisation).order_by(
            "created_at", "pk"
        )
    ]


def _enquiries(organisation: Organisation) -> list[dict]:
    enquiries = Enquiry.objects.filter(organisation=organisation).select_related("offer")
    return [
        {
            "tilbud": enquiry.offer.name,
            "kanal": enquiry.get_channel_display(),
            "emne": enquiry.subject,
            "henvendelsen": enquiry.message,
            "kontaktperson": enquiry.contact_name,
            "kontaktens_e-mail": enquiry.contact_email,
            "kontaktens_telefon": enquiry.contact_phone,
            "status": enquiry.get_status_display(),
            "svar": enquiry.answer,
            "besvaret": _when(enquiry.answered_at),
            "indledende_møde": _when(enquiry.initial_meeting_at),
            "mødested": enquiry.initial_meeting_place,
            "modtaget": _when(enquiry.created_at),
        }
        for enquiry in enquiries.order_by("created_at", "pk")
    ]


def _document_prefetch(name: str = "documents") -> Prefetch:
    versions = Prefetch("versions", queryset=DocumentVersion.objects.order_by("number"))
    return Prefetch(name, queryset=Document.objects.order_by("kind").prefetch_related(versions))


def _applications(organisation: Organisation, files: list[PlannedFile]) -> list[dict]:
    applications = (
        Application.objects.filter(organisation=organisation)
        .select_related("offer", "enquiry", "programme")
        .prefetch_related(
            Prefetch("partners", queryset=Organisation.objects.order_by("name")),
            Prefetch("decisions", queryset=Decision.objects.order_by("decided_at", "pk")),
            _document_prefetch(),
        )
        .order_by("created_at", "pk")
    )
    records = _answer_records(organisation, applications)
    listed = []
    for number, application in enumerate(applications, start=1):
        fields = form_class_for(application.offer).base_fields
        folder = application.reference or f"kladde-{number}"
        listed.append(
            {
                "reference": application.reference,
                "tilbud": application.offer.name,
                "status": application.get_status_display(),
                "oprettet": _when(application.created_at),
                "indsendt": _when(application.submitted_at),
                "trukket_tilbage": _when(application.withdrawn_at),
                "henvendelse": application.enquiry.subject if application.enquiry else None,
                "svar": _answers(application.answers, fields, records),
                "samarbejdssteder": [partner.name for partner in application.partners.all()],
                "beder_socialstyrelsen_finde_samarbejdssteder": (
                    application.asks_board_to_find_partners
                ),
                "forløb": application.programme.reference if application.programme else None,
                "afgørelser": [
                    {
                        "afgørelse": decision.get_outcome_display(),
                        "begrundelse": decision.applicant_text,
                        "truffet": _when(decision.decided_at),
                        "genoptaget": _when(decision.reopened_at),
                    }
                    for decision in application.decisions.all()
                ],
                "dokumenter": _documents(application.documents.all(), folder, files),
            }
        )
    return listed


def _programmes(organisation: Organisation, files: list[PlannedFile]) -> list[dict]:
    from indsats.programmes.apps import step_titles

    titles = step_titles()
    ids = Programme.objects.filter(Q(organisation=organisation) | Q(participants=organisation))
    programmes = (
        Programme.objects.filter(pk__in=ids.values("pk"))
        .select_related("offer", "organisation", "record")
        .prefetch_related(
            Prefetch("participants", queryset=Organisation.objects.order_by("name")),
            "steps",
            "meetings",
            "theme_days",
            "focus_groups",
            "goals",
            "tasks",
            _document_prefetch(),
        )
        .order_by("created_at", "pk")
    )
    listed = []
    for programme in programmes:
        record = getattr(programme, "record", None)
        listed.append(
            {
                "reference": programme.reference,
                "titel": programme.title,
                "tilbud": programme.offer.name,
                "ansvarlig_organisation": programme.organisation.name,
                "deltagere": [site.name for site in programme.participants.all()],
                "status": programme.get_status_display(),
                "nuværende_trin": titles.get(programme.current_step, programme.current_step),
                "timeloft": programme.hour_cap,
                "baggrund": programme.origin_note,
                "oprettet": _when(programme.created_at),
                "afsluttet": _when(programme.closed_at),
                "gennemførte_trin": [
                    {
                        "trin": titles.get(step.step, step.step),
                        "gennemført": _when(step.completed_at),
                        "note": step.note,
                    }
                    for step in programme.steps.all()
                ],
                "møder": [
                    {
                        "type": meeting.get_kind_display(),
                        "tidspunkt": _when(meeting.starts_at),
                        "sted": meeting.place,
                        "deltagere": meeting.participants,
                        "referat": meeting.minutes,
                        "aftalt_afslutning": _when(meeting.agreed_end),
                    }
                    for meeting in sorted(programme.meetings.all(), key=lambda m: m.starts_at)
                ],
                "temadage": [
                    {
                        "dato": _when(day.date),
                        "sted": day.place,
                        "emner": day.topics,
                        "holdt": day.held,
                    }
                    for day in sorted(programme.theme_days.all(), key=lambda d: d.date)
                ],
                "fokusgrupper": [
                    {
                        "fase": group.get_phase_display(),
                        "holdt_den": _when(group.held_on),
                        "deltagere": group.participants,
                        "noter": group.notes,
                    }
                    for group in sorted(programme.focus_groups.all(), key=lambda g: g.held_on)
                ],
                "mål": [
                    {"mål": goal.text, "resultat": goal.result}
                    for goal in sorted(programme.goals.all(), key=lambda g: (g.order, g.pk))
                ],
                "opgaver": [
                    {
                        "opgave": task.title,
                        "frist": _when(task.due_on),
                        "udført": _when(task.done_at),
                    }
                    for task in sorted(programme.tasks.all(), key=lambda t: (t.due_on, t.pk))
                ],
                "forløbsbeskrivelse": None
                if record is None
                else {
                    "omfang": record.scope,
                    "plan": record.plan,
                    "evaluering": record.evaluation,
                    "tilbagemelding_på_udkast": record.draft_feedback,
                },
                "dokumenter": _documents(programme.documents.all(), programme.reference, files),
            }
        )
    return listed


def collect(organisation: Organisation) -> tuple[dict, list[PlannedFile]]:
    """The JSON document (checksums still empty) and the files to put beside it."""
    files: list[PlannedFile] = []
    document = {
        "udtræk": {
            "lavet": _when(timezone.now()),
            "af": settings.BOARD_NAME,
            "formatversion": FORMAT_VERSION,
            "indhold": _(
                "Alt, hvad Socialstyrelsen har registreret om organisationen i Indsats: "
                "organisationen, dens brugere, henvendelser, ansøgninger med svar og "
                "afgørelser, forløb og dokumenter. Dokumenterne ligger i mappen »dokumenter« "
                "med deres SHA-256-kontrolsum."
            ),
        },
        "organisation": _organisation(organisation),
        "brugere": _users(organisation),
        "invitationer": _invitations(organisation),
        "henvendelser": _enquiries(organisation),
        "ansøgninger": _applications(organisation, files),
        "forløb": _programmes(organisation, files),
    }
    return document, files


def _copy(archive: zipfile.ZipFile, planned: PlannedFile) -> None:
    """Copy one stored file into the ZIP, filling in its size and SHA-256; a file missing
    from storage is said so in its entry instead of failing the whole export."""
    digest, size = hashlib.sha256(), 0
    try:
        source = planned.field_file.open("rb")
    except FileNotFoundError:
        planned.entry["mangler"] = _("Filen findes ikke længere i Socialstyrelsens arkiv.")
        return
    with source, archive.open(planned.path, "w", force_zip64=True) as target:
        while chunk := source.read(CHUNK):
            digest.update(chunk)
            size += len(chunk)
            target.write(chunk)
    planned.entry["bytes"] = size
    planned.entry["sha256"] = digest.hexdigest()


def write_zip(organisation: Organisation, target) -> None:
    """Write the organisation's export to ``target`` (a path or a binary file)."""
    document, files = collect(organisation)
    with zipfile.ZipFile(target, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        written: dict[str, dict] = {}
        for planned in files:
            if planned.path in written:  # the same name twice: listed, stored once
                planned.entry.update(written[planned.path])
                continue
            _copy(archive, planned)
            written[planned.path] = planned.entry
        text = json.dumps(document, ensure_ascii=False, indent=2)
        archive.writestr(JSON_NAME, text + "\n")


DANISH_LETTERS = str.maketrans({"æ": "ae", "ø": "oe", "å": "aa", "Æ": "Ae", "Ø": "Oe", "Å": "Aa"})


def file_name(organisation: Organisation) -> str:
    today = timezone.localdate().isoformat()
    name = slugify(organisation.name.translate(DANISH_LETTERS)) or "organisation"
    return f"dataudtraek-{name}-{today}.zip"
