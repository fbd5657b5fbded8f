"""The collaboration agreement (samarbejdsaftale, O4.3 step 6), written from the record of
the initial meeting: every site of the programme by name, the agreed dates and the
division of work. An editable DOCX and a PDF, kept as versions of the programme's
document."""

from __future__ import annotations

from django.conf import settings
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from indsats.applications.documents import add_generated_version
from indsats.applications.models import DocumentKind
from indsats.core.letters import Letter, Section, to_docx, to_pdf


def _initial_meeting(programme):
    """The first initial meeting with real minutes: the same test as the workflow's fact
    (an untouched minutes template does not count)."""
    meetings = programme.meetings.filter(kind="initial").order_by("starts_at")
    return next((meeting for meeting in meetings if meeting.has_minutes), None)


def missing_for_agreement(programme) -> str | None:
    if _initial_meeting(programme) is None:
        return _("Skriv referatet af det indledende møde, før samarbejdsaftalen laves.")
    return None


def _weekday_and_date(day) -> str:
    return f"{date_format(day, 'l')} {date_format(day, 'DATE_FORMAT')}"


def _when(value) -> str:
    return date_format(timezone.localtime(value), "DATETIME_FORMAT")


def agreement_letter(programme) -> Letter:
    meeting = _initial_meeting(programme)
    sites = list(programme.all_organisations().select_related("municipality"))
    site_rows = tuple(
        (
            site.name,
            ", ".join(
                part
                for part in (
                    site.get_site_type_display() if site.site_type else "",
                    f"CVR {site.cvr}" if site.cvr else "",
                    f"{site.address}, {site.postcode} {site.city}".strip(", ")
                    if site.address
                    else "",
                )
                if part
            ),
        )
        for site in sites
    )
    theme_days = list(programme.theme_days.order_by("date"))
    dates = [(_("Indledende møde"), f"{_when(meeting.starts_at)}, {meeting.place}")]
    dates += [
        (_("Temadag %(n)s") % {"n": number}, f"{_weekday_and_date(day.date)}, {day.place}")
        for number, day in enumerate(theme_days, start=1)
    ]
    dates += [
        (
            _("Fokusgruppeinterview (%(phase)s)") % {"phase": group.get_phase_display().lower()},
            date_format(group.held_on, "DATE_FORMAT"),
        )
        for group in programme.focus_groups.exclude(held_on=None).order_by("held_on")
    ]
    if meeting.agreed_end:
        dates.append((_("Forventet afslutning"), date_format(meeting.agreed_end, "DATE_FORMAT")))
    sections = [
        Section(
            heading="",
            paragraphs=(
                _(
                    "Denne aftale beskriver, hvad Socialstyrelsen og anbringelsesstederne "
                    "aftalte på det indledende møde om opkvalificeringsforløbet."
                ),
            ),
        ),
        Section(heading=_("Parter"), rows=((settings.BOARD_NAME, programme.reference), *site_rows)),
        Section(heading=_("Aftalte datoer"), rows=tuple(dates)),
        Section(
            heading=_("Det aftalte"),
            paragraphs=(meeting.minutes,),
        ),
        Section(
            heading=_("Hvem gør hvad"),
            bullets=(
                _(
                    "Socialstyrelsen står for indholdet af de to temadage og for "
                    "fokusgruppeinterviewene ved start og afslutning."
                ),
                _(
                    "Stedet stiller lokale, forplejning og AV-udstyr til rådighed på temadagene "
                    "og står for den praktiske planlægning."
                ),
                _(
                    "Stedet skriver et udkast til politik, som Socialstyrelsen giver feedback "
                    "på ved det afsluttende møde, og sender derefter den endelige politik."
                ),
                _("Målet er, at alle ansatte deltager i forløbet."),
            ),
        ),
    ]
    if meeting.participants:
        sections.insert(
            2, Section(heading=_("Deltagere på mødet"), paragraphs=(meeting.participants,))
        )
    return Letter(
        title=_("Samarbejdsaftale om opkvalificeringsforløb"),
        date=timezone.localdate(),
        recipient_lines=tuple(site.name for site in sites),
        reference=programme.reference,
        sections=tuple(sections),
        closing=(settings.BOARD_NAME,),
    )


def generate(programme, user):
    letter = agreement_letter(programme)
    return add_generated_version(
        DocumentKind.COLLABORATION_AGREEMENT,
        f"samarbejdsaftale-{programme.reference}",
        to_pdf(letter),
        to_docx(letter),
        user,
        programme=programme,
    )
