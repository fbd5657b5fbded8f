"""Demo cases, so that a first look finds work in every list: an answered enquiry and a
submitted O1 application from Aarhus, a joint O4 programme of two small sites under way,
and an O4 draft. Created once; a database that has applications is left alone."""

from __future__ import annotations

import datetime

from django.utils import timezone

from indsats.accounts.models import User
from indsats.applications.decisions import decide, save_assessment
from indsats.applications.models import Application, Enquiry, EnquiryStatus
from indsats.applications.services import submit
from indsats.catalogue.models import Offer
from indsats.organisations.models import Organisation

WORKING_GROUP = {
    "management_representatives": "Forstanderen",
    "staff_representatives": "En pædagog fra dagholdet\nEn pædagog fra nattevagten",
    "management_decision": "on",
    "staff_resources": "on",
    "all_staff_take_part": "on",
}


def _o4_answers(employees: int, partner: Organisation | None) -> dict:
    answers = {
        **WORKING_GROUP,
        "employee_count": str(employees),
        "decision_date": (timezone.localdate() - datetime.timedelta(days=10)).isoformat(),
        "expectations": "Vi vil blive mere sikre i at handle på en bekymring.",
    }
    if partner is not None:
        answers["partners"] = [str(partner.pk)]
    return answers


def _apply(code, organisation, user, answers, submitted=True):
    application = Application.objects.create(
        offer=Offer.objects.get(code=code),
        organisation=organisation,
        created_by=user,
        answers=answers,
    )
    if submitted:
        result = submit(application, user)
        if not result.submitted:  # the demo must never be half-made
            raise RuntimeError(
                f"Demo application for {organisation} is invalid: {result.form.errors}"
            )
    return application


def load_demo_cases() -> None:
    if Application.objects.exists():
        return
    municipal_user = User.objects.get(email="ansoeger@indsats.test")
    case_officer = User.objects.get(email="sagsbehandler@indsats.test")
    consultant = User.objects.get(email="konsulent@indsats.test")
    aarhus = municipal_user.organisation

    enquiry = Enquiry.objects.create(
        offer=Offer.objects.get(code="O1"),
        organisation=aarhus,
        subject="Temadag om psykisk vold for dagtilbud",
        message="Vi overvejer en temadag for ledere og pædagoger i dagtilbuddene.",
        contact_name=municipal_user.full_name,
        contact_email=municipal_user.email,
        created_by=municipal_user,
        status=EnquiryStatus.ANSWERED,
        answer="Tak for henvendelsen. Lad os tage et indledende møde.",
        answered_by=case_officer,
        answered_at=timezone.now(),
        initial_meeting_at=timezone.now() + datetime.timedelta(days=7),
        initial_meeting_place="Rådhuset i Aarhus",
    )
    _apply(
        "O1",
        aarhus,
        municipal_user,
        {
            "enquiry": str(enquiry.pk),
            "topic": "Psykisk vold mod børn i dagtilbud",
            "delivery_forms": ["teaching", "sparring"],
            "participants": "Ledere og pædagoger fra 12 dagtilbud",
            "motivation": "Pædagogerne er usikre på, hvornår psykisk vold skal føre til handling.",
            "decision_by_name": municipal_user.full_name,
            "decision_by_title": municipal_user.job_title,
            "decision_date": (timezone.localdate() - datetime.timedelta(days=3)).isoformat(),
            "decided_at_chef_level": "on",
            "staff_resources": "Hver deltager får en dag og to eftermiddage.",
            "management_backing": "Dagtilbudschefen deltager i temadagen.",
            "planned_hours": "20",
            "earlier_help": "no",
        },
    )

    laerkereden = Organisation.objects.get(name="Opholdsstedet Lærkereden")
    skovbrynet = Organisation.objects.get(name="Opholdsstedet Skovbrynet")
    fjordglimt = Organisation.objects.get(name="Døgninstitutionen Fjordglimt")
    first = _apply(
        "O4",
        laerkereden,
        User.objects.get(email="opholdssted@indsats.test"),
        _o4_answers(laerkereden.employee_count, skovbrynet),
    )
    second = _apply(
        "O4",
        skovbrynet,
        User.objects.get(email="skovbrynet@indsats.test"),
        _o4_answers(skovbrynet.employee_count, laerkereden),
    )
    for member in (first, second):
        _assess_all_met(member, case_officer)
    decide(
        first,
        "grant",
        "Begge steder opfylder betingelserne og søger sammen.",
        case_officer,
        internal_reason="Ledelsen er klar; arbejdsgrupperne er nedsat. Lige til at bevilge.",
    )
    first.refresh_from_db()
    first.programme.consultants.add(consultant)
    _apply(
        "O4",
        fjordglimt,
        User.objects.get(email="fjordglimt@indsats.test"),
        _o4_answers(fjordglimt.employee_count, None),
        submitted=False,
    )
    from indsats.allocation.demo import load_allocation_demo

    load_allocation_demo()


def _assess_all_met(application, case_officer) -> None:
    """A decision needs a complete assessment (C4): every rule judged met, with a note."""
    notes = {rule.pk: ("met", "Fremgår af ansøgningen.") for rule in application.offer.rules.all()}
    save_assessment(application, case_officer, notes, "Opfylder betingelserne.", 1)
