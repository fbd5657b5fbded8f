"""Decisions need a complete assessment; the letter is previewed, edited and sent, and can
be corrected as a new version; nothing internal reaches a letter or an e-mail (C4, C10,
C11)."""

import io

import pytest
from django.conf import settings
from django.core import mail
from django.urls import reverse
from docx import Document as DocxDocument
from pypdf import PdfReader

from indsats.allocation.services import is_assessed
from indsats.applications.decisions import (
    DecisionRefused,
    decide,
    record_override,
    rules_to_judge,
    save_assessment,
)
from indsats.applications.models import (
    Application,
    ApplicationStatus,
    Decision,
    DocumentKind,
    Judgement,
)
from indsats.testing.factories import assess_completely

pytestmark = pytest.mark.django_db

INTERNAL_NOTE = "INTERNT-NOTAT kommunen virker uforberedt"
INTERNAL_REASON = "INTERN-BEGRUNDELSE tidligere klage fra borgmesteren"


@pytest.fixture
def submitted(applicant, make_application):
    return make_application("O1", applicant.organisation, applicant, submitted=True)


def _judge_partly(application, user):
    """One rule judged met, one unclear, the rest not judged."""
    rules = list(application.offer.rules.all())
    save_assessment(
        application,
        user,
        {rules[0].pk: (Judgement.MET, "Fremgår."), rules[1].pk: (Judgement.UNCLEAR, "Spørg.")},
        "",
        1,
    )


def _post_decision(client, application, action="send", **data):
    return client.post(
        reverse("applications:decide", args=[application.pk]),
        {
            "outcome": "reject",
            "applicant_text": "I opfylder ikke betingelserne.",
            **data,
            "action": action,
        },
    )


def _pdf_text(content: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages)


def _docx_text(content: bytes) -> str:
    document = DocxDocument(io.BytesIO(content))
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    return "\n".join([p.text for p in document.paragraphs] + cells)


def _letter_texts(application, number=None):
    document = application.documents.get(kind=DocumentKind.DECISION_LETTER)
    version = document.versions.get(number=number) if number else document.current
    return _pdf_text(version.file.read()), _docx_text(version.editable_file.read())


def test_it_refuses_a_decision_without_a_complete_assessment_with_a_clear_message(
    client, case_officer, submitted
):  # C4
    _judge_partly(submitted, case_officer)
    client.force_login(case_officer)
    for action in ("preview", "send"):
        response = _post_decision(client, submitted, action)
        assert response.status_code == 200
        errors = response.context["decision_form"].non_field_errors()
        assert len(errors) == 1
        assert "er ikke færdig" in errors[0]
        assert "Motivationen for forløbet er relevant" in errors[0]  # a rule not judged
        summary = response.text.split('id="error-summary-heading"')[1].split("</ul>")[0]
        assert "er ikke færdig" in summary
    submitted.refresh_from_db()
    assert submitted.status == ApplicationStatus.SUBMITTED
    assert not Decision.objects.exists()
    with pytest.raises(DecisionRefused):
        decide(submitted, "grant", "Bevilget.", case_officer)


def test_the_case_page_says_what_is_missing_before_deciding(client, case_officer, submitted):
    _judge_partly(submitted, case_officer)
    client.force_login(case_officer)
    response = client.get(reverse("applications:case", args=[submitted.pk]))
    assert [rule.text for rule in response.context["gaps"].missing][:1] == [
        submitted.offer.rules.all()[1].text
    ]
    assert "Der kan først træffes afgørelse" in response.text


def test_a_managers_recorded_override_lets_the_case_be_decided(
    client, case_officer, manager, submitted
):  # C4
    _judge_partly(submitted, case_officer)
    client.force_login(case_officer)
    url = reverse("applications:override", args=[submitted.pk])
    assert client.post(url, {"override_reason": "Jeg vil"}).status_code == 403
    client.force_login(manager)
    empty = client.post(url, {"override_reason": " "})
    assert "override_reason" in empty.context["override_form"].errors
    client.post(url, {"override_reason": "Kommunen har trukket emnet; sagen skal lukkes."})
    assessment = submitted.assessment
    assessment.refresh_from_db()
    assert assessment.override_by == manager
    assert assessment.override_at is not None
    assert assessment.override_reason == "Kommunen har trukket emnet; sagen skal lukkes."
    client.force_login(case_officer)
    page = client.get(reverse("applications:case", args=[submitted.pk]))
    assert "en undtagelse" in page.text
    assert _post_decision(client, submitted).status_code == 302
    submitted.refresh_from_db()
    assert submitted.status == ApplicationStatus.REJECTED


def test_the_allocation_plans_exactly_what_decide_accepts(case_officer, manager, submitted):
    """is_assessed and decide share one rule: unclear or unjudged is not assessed; a
    complete assessment or a manager's override is."""
    rules = rules_to_judge(submitted.offer)

    def fresh():
        return Application.objects.select_related("assessment").get(pk=submitted.pk)

    assert not is_assessed(fresh(), rules)
    _judge_partly(submitted, case_officer)
    assert not is_assessed(fresh(), rules)
    assess_completely(submitted, case_officer)
    assert is_assessed(fresh(), rules)
    other = Application.objects.get(pk=submitted.pk)
    other.assessment.judgements.filter(rule=rules[0].pk).update(judgement=Judgement.UNCLEAR)
    assert not is_assessed(fresh(), rules)
    record_override(submitted, manager, "Sagen skal afgøres nu.")
    assert is_assessed(fresh(), rules)


def test_an_internal_reason_never_appears_in_a_letter_or_an_e_mail(
    client, case_officer, applicant, submitted
):  # C4, C10
    assess_completely(submitted, case_officer, "staff_resources", reason=INTERNAL_NOTE)
    client.force_login(case_officer)
    mail.outbox.clear()
    previews = [
        _post_decision(client, submitted, action, internal_reason=INTERNAL_REASON)
        for action in ("preview", "pdf", "docx")
    ]
    letter_html = previews[0].text.split("<article")[1].split("</article>")[0]
    sent = _post_decision(client, submitted, internal_reason=INTERNAL_REASON)
    assert sent.status_code == 302
    decision = Decision.objects.get()
    assert decision.internal_reason == INTERNAL_REASON
    assert decision.applicant_text == "I opfylder ikke betingelserne."
    pdf_text, docx_text = _letter_texts(submitted)
    texts = {
        "preview": letter_html,
        "preview PDF": _pdf_text(previews[1].content),
        "preview DOCX": _docx_text(previews[2].content),
        "PDF": pdf_text,
        "DOCX": docx_text,
        "e-mail": "\n".join(m.subject + m.body for m in mail.outbox),
    }
    assert [m.to for m in mail.outbox] == [[applicant.email]]
    for name, text in texts.items():
        flat = " ".join(text.split())
        assert "INTERN" not in flat, name
        assert "uforberedt" not in flat, name
        assert "borgmesteren" not in flat, name
        if name != "e-mail":
            assert "I opfylder ikke betingelserne." in flat, name
    for text in (pdf_text, docx_text):
        flat = " ".join(text.split())
        # why, by criterion, in plain words: the unmet condition's own text, no ids
        assert "Kommunen sætter de nødvendige medarbejderressourcer af" in flat
        assert "Ikke opfyldt" in flat
        assert "O1.3" not in flat
        assert "Det kan I gøre nu" in flat
        assert "søge igen" in flat


def test_the_preview_records_nothing_and_shows_the_edited_text(client, case_officer, submitted):
    assess_completely(submitted, case_officer)
    client.force_login(case_officer)
    response = _post_decision(
        client, submitted, "preview", outcome="waiting_list", applicant_text="Rettet tekst her."
    )
    assert response.status_code == 200
    assert [t.name for t in response.templates][0] == (
        "applications/backoffice/letter_preview.html"
    )
    assert "Rettet tekst her." in response.text.split("<article")[1]
    assert 'name="outcome" value="waiting_list"' in response.text
    pdf = _post_decision(client, submitted, "pdf", outcome="waiting_list")
    assert pdf["Content-Type"] == "application/pdf"
    assert "venteliste" in _pdf_text(pdf.content)
    submitted.refresh_from_db()
    assert submitted.status == ApplicationStatus.SUBMITTED
    assert not Decision.objects.exists()
    assert not submitted.documents.exists()
    assert not mail.outbox


def test_the_letter_names_the_case_officer_or_else_the_boards_inbox(
    client, case_officer, submitted
):  # C4, C10
    assess_completely(submitted, case_officer)
    client.force_login(case_officer)
    without = _post_decision(client, submitted, "docx", outcome="waiting_list")
    assert settings.BOARD_INBOX_EMAIL in _docx_text(without.content)
    Application.objects.filter(pk=submitted.pk).update(case_officer=case_officer)
    with_officer = _docx_text(_post_decision(client, submitted, "docx").content)
    assert f"kontakt {case_officer.full_name} på {case_officer.email}" in with_officer
    assert submitted.reference in with_officer
    assert "ventelisten" in _docx_text(
        _post_decision(client, submitted, "docx", outcome="waiting_list").content
    )


def test_a_corrected_letter_is_a_second_version_and_the_applicant_is_told(
    client, case_officer, applicant, submitted
):  # C4, C10
    assess_completely(submitted, case_officer)
    client.force_login(case_officer)
    _post_decision(client, submitted, outcome="waiting_list", applicant_text="Første udgave.")
    decision = Decision.objects.get()
    url = reverse("applications:correct_letter", args=[decision.pk])
    page = client.get(url)
    assert "Første udgave." in page.text
    assert 'name="version" value="1"' in page.text
    preview = client.post(
        url, {"applicant_text": "Anden udgave.", "action": "preview", "version": "1"}
    )
    assert "Anden udgave." in preview.text.split("<article")[1]
    assert submitted.documents.get().versions.count() == 1
    mail.outbox.clear()
    sent = client.post(url, {"applicant_text": "Anden udgave.", "action": "send", "version": "1"})
    assert sent.status_code == 302
    document = submitted.documents.get(kind=DocumentKind.DECISION_LETTER)
    assert list(document.versions.values_list("number", flat=True)) == [2, 1]
    assert "Anden udgave." in _letter_texts(submitted)[0]
    assert "Første udgave." in _letter_texts(submitted, number=1)[1]
    assert [m.to for m in mail.outbox] == [[applicant.email]]
    assert "Rettet afgørelsesbrev" in mail.outbox[0].subject
    decision.refresh_from_db()
    assert decision.applicant_text == "Anden udgave."
    # the portal shows the newest first and keeps the earlier one
    client.force_login(applicant)
    portal = client.get(reverse("applications:detail", args=[submitted.pk])).text
    newest = reverse("applications:download", args=[document.versions.get(number=2).pk])
    earlier = reverse("applications:download", args=[document.versions.get(number=1).pk])
    assert portal.index(newest) < portal.index(earlier)


def test_the_letter_of_a_reopened_decision_cannot_be_corrected(
    client, case_officer, manager, submitted
):
    assess_completely(submitted, case_officer)
    decide(submitted, "waiting_list", "Venteliste.", case_officer)
    decision = Decision.objects.get()
    client.force_login(manager)
    client.post(reverse("applications:reopen", args=[decision.pk]), {"reopen_reason": "Fejl."})
    response = client.post(
        reverse("applications:correct_letter", args=[decision.pk]),
        {"applicant_text": "Ny.", "action": "send", "version": "1"},
    )
    assert response.status_code == 302
    assert submitted.documents.get().versions.count() == 1


def test_consultants_may_not_preview_or_correct_letters(client, consultant, submitted):
    assess_completely(submitted, consultant)
    client.force_login(consultant)
    assert _post_decision(client, submitted, "preview").status_code == 403


def test_the_case_page_shows_the_answers_before_the_assessment_and_the_letters_sent(
    client, case_officer, submitted
):  # C4, C11
    assess_completely(submitted, case_officer)
    decide(submitted, "waiting_list", "Venteliste.", case_officer)
    client.force_login(case_officer)
    page = client.get(reverse("applications:case", args=[submitted.pk])).text
    assert page.index('id="ansoegningen"') < page.index('id="vurdering"')
    letters = page.split('id="breve"')[1].split("</ul>")[0]
    assert "Afgørelsesbrev, version 1" in letters


def test_an_english_letter_names_the_criteria_in_english(case_officer, submitted):  # C11
    from django.utils import translation

    from indsats.applications.letters import decision_letter

    assess_completely(submitted, case_officer, "staff_resources")
    rule = submitted.offer.rules.get(key="staff_resources")
    rule.text_en = "The municipality sets aside the staff the programme needs."
    rule.save()
    unsaved = Decision(
        application=submitted, outcome="reject", applicant_text="Tekst.", decided_by=case_officer
    )

    def rows(language):
        with translation.override(language):
            letter = decision_letter(unsaved)
        return [label for section in letter.sections for label, _value in section.rows]

    assert rule.text_en in rows("en")
    assert rule.text not in rows("en")
    assert rule.text in rows("da")


def test_a_second_correction_of_the_same_letter_is_refused_and_shows_the_first(
    client, case_officer, manager, submitted
):  # C12: two corrections at the same time never both go out
    assess_completely(submitted, case_officer)
    decide(submitted, "waiting_list", "Første udgave.", case_officer)
    decision = Decision.objects.get()
    url = reverse("applications:correct_letter", args=[decision.pk])
    client.force_login(case_officer)
    assert 'name="version" value="1"' in client.get(url).text
    client.force_login(manager)
    client.get(url)  # both have the letter open at version 1
    client.post(url, {"applicant_text": "Lederens tekst.", "action": "send", "version": "1"})
    mail.outbox.clear()

    client.force_login(case_officer)
    refused = client.post(
        url, {"applicant_text": "Sagsbehandlerens tekst.", "action": "send", "version": "1"}
    )
    assert refused.status_code == 409
    assert not mail.outbox
    document = submitted.documents.get(kind=DocumentKind.DECISION_LETTER)
    assert document.versions.count() == 2
    decision.refresh_from_db()
    assert decision.applicant_text == "Lederens tekst."
    letter, form = refused.text.split("<article")[1].split("</article>")
    assert "Lederens tekst." in letter  # the letter as it now stands, signed by its sender
    assert manager.full_name in letter
    assert "Sagsbehandlerens tekst." in form  # kept to copy from
    assert "har lige rettet brevet og sendt det som version 2" in form
    assert 'name="version" value="2"' in form
    # sending again replaces the colleague's letter, knowingly
    client.post(
        url, {"applicant_text": "Sagsbehandlerens tekst.", "action": "send", "version": "2"}
    )
    assert document.versions.count() == 3
    decision.refresh_from_db()
    assert decision.applicant_text == "Sagsbehandlerens tekst."


def test_a_corrected_letter_is_signed_by_who_sent_the_correction(
    client, case_officer, manager, submitted
):
    assess_completely(submitted, case_officer)
    decide(submitted, "waiting_list", "Første udgave.", case_officer)
    decision = Decision.objects.get()
    url = reverse("applications:correct_letter", args=[decision.pk])
    client.force_login(manager)
    preview = client.get(url).text.split("<article")[1].split("</article>")[0]
    assert manager.full_name in preview
    client.post(url, {"applicant_text": "Rettet.", "action": "send", "version": "1"})
    pdf, docx = _letter_texts(submitted)
    assert manager.full_name in docx
    assert case_officer.full_name not in docx
    assert case_officer.full_name in _letter_texts(submitted, number=1)[1]


@pytest.mark.parametrize("outcome", ["grant", "waiting_list"])
def test_a_decision_sent_after_a_colleagues_says_so_on_the_case_page(
    client, case_officer, manager, submitted, outcome
):  # C12: the refused decision's form is gone, so the message goes on the case page
    Application.objects.filter(pk=submitted.pk).update(
        answers={**submitted.answers, "employee_count": ""}
    )
    assess_completely(submitted, case_officer)
    client.force_login(case_officer)
    case = client.get(reverse("applications:case", args=[submitted.pk])).text
    assert f'name="version" value="{submitted.version}"' in case
    decide(submitted, outcome, "Kollegaens afgørelse.", manager)
    mail.outbox.clear()

    response = _post_decision(client, submitted, version=str(submitted.version))
    assert response.status_code == 302
    assert Decision.objects.count() == 1
    assert not mail.outbox
    page = client.get(response.url).text
    alert = page.split('class="alert alert-error')[1].split("</div>")[0]
    label = {"grant": "Bevilget", "waiting_list": "Venteliste"}[outcome]
    assert f"En kollega har truffet afgørelse om ansøgningen, mens du arbejdede: {label}" in alert
    assert "Din afgørelse er ikke truffet" in alert


CONDITIONS_NOT_MET = "når de betingelser, der ikke var opfyldt, er på plads"
REFUSAL_WARNING = "Alle betingelser og kriterier er vurderet opfyldt."


def test_it_warns_but_lets_an_officer_refuse_when_every_rule_is_met(
    client, case_officer, submitted
):
    """A refusal with every condition and criterion met (no capacity, say) is allowed, but
    the form warns, and the letter does not send the applicant after unmet conditions
    (C4, C10)."""
    assess_completely(submitted, case_officer)
    client.force_login(case_officer)
    assert REFUSAL_WARNING in client.get(reverse("applications:case", args=[submitted.pk])).text

    preview = _post_decision(client, submitted, action="preview")
    assert REFUSAL_WARNING in preview.text
    assert CONDITIONS_NOT_MET not in preview.text

    _post_decision(client, submitted, action="send")
    pdf_text, docx_text = _letter_texts(submitted)
    for text in (pdf_text, docx_text):
        assert "velkomne til at søge igen" in text
        assert "ikke var opfyldt" not in text


def test_it_speaks_of_conditions_not_met_only_when_some_are_not(client, case_officer, submitted):
    rule = submitted.offer.rules.first()
    assess_completely(submitted, case_officer, rule.key)
    client.force_login(case_officer)
    assert REFUSAL_WARNING not in client.get(reverse("applications:case", args=[submitted.pk])).text
    preview = _post_decision(client, submitted, action="preview")
    assert REFUSAL_WARNING not in preview.text
    assert CONDITIONS_NOT_MET in preview.text


def test_it_does_not_warn_of_a_grant_with_every_rule_met(client, case_officer, submitted):
    assess_completely(submitted, case_officer)
    client.force_login(case_officer)
    preview = _post_decision(client, submitted, action="preview", outcome="grant")
    assert REFUSAL_WARNING not in preview.text
