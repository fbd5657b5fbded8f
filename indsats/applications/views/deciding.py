"""Deciding with a letter the officer has read (C4, C10): the decision form leads to a
preview of the letter (on screen, as PDF and as DOCX) where its text can be edited; only
"send" records the decision and sends the letter. A standing decision's letter can be
corrected later: the corrected letter is its next version, and the applicant is told.
A manager may let a case be decided before every rule is judged, with a reason.
"""

from django.contrib import messages
from django.db import transaction
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from indsats.accounts import permissions
from indsats.accounts.decorators import requires
from indsats.core.concurrency import CONFLICT, EditConflict
from indsats.core.letters import to_docx, to_pdf

from .. import decisions, notifications
from ..backoffice_forms import CorrectedLetterForm, DecisionForm, OverrideForm
from ..letters import decision_letter
from ..models import OPEN_STATUSES, Decision, DecisionOutcome
from .backoffice import _case_context, _staff_application, refusal_warning

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def _letter_file(letter, reference: str, kind: str) -> HttpResponse:
    """The previewed letter as a download; nothing is stored."""
    if kind == "docx":
        content, content_type, extension = to_docx(letter), DOCX, "docx"
    else:
        content, content_type, extension = to_pdf(letter), "application/pdf", "pdf"
    response = HttpResponse(content, content_type=content_type)
    filename = f"udkast-afgoerelse-{reference}.{extension}"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def _preview(
    request,
    *,
    letter,
    letter_outcome,
    form,
    action_url,
    heading,
    send_label,
    cancel_url,
    hidden=(),
    internal=None,
    warning="",
    status=200,
):
    return render(
        request,
        "applications/backoffice/letter_preview.html",
        status=status,
        context={
            "letter": letter,
            "form": form,
            "hidden": hidden,
            "outcome": letter_outcome,
            "internal_field": internal,
            "action_url": action_url,
            "heading": heading,
            "send_label": send_label,
            "cancel_url": cancel_url,
            "warning": warning,
        },
    )


@require_POST
@requires(permissions.can_decide)
def decide(request, pk):
    """``action``: "preview" (the default) shows the letter; "pdf"/"docx" download the
    preview; "send" records the decision and sends the letter."""
    application = _staff_application(pk)
    form = DecisionForm(request.POST)
    action = request.POST.get("action", "preview")
    if form.is_valid():
        data = form.cleaned_data
        try:
            if action == "send":
                with transaction.atomic():  # the decisions and their e-mails, or neither (C12)
                    made = decisions.decide(
                        application,
                        data["outcome"],
                        data["applicant_text"],
                        request.user,
                        internal_reason=data["internal_reason"],
                        expected_version=data["version"],
                    )
                    for decision in made:
                        notifications.decision_made(decision)
            else:
                decisions.check_can_decide(application, data["outcome"])
        except decisions.AlreadyDecided as refusal:
            # The decision form is gone from the case page now: say it there (C12).
            messages.error(request, refusal.reason)
            return redirect("applications:case", pk=application.pk)
        except decisions.DecisionRefused as refusal:
            form.add_error(None, refusal.reason)
        else:
            if action == "send":
                messages.success(request, _("Afgørelsen er truffet, og brevet er sendt."))
                return redirect("applications:case", pk=application.pk)
            unsaved = Decision(
                application=application,
                outcome=data["outcome"],
                applicant_text=data["applicant_text"],
                internal_reason=data["internal_reason"],
                decided_by=request.user,
            )
            letter = decision_letter(unsaved)
            if action in ("pdf", "docx"):
                return _letter_file(letter, application.reference, action)
            return _preview(
                request,
                letter=letter,
                letter_outcome=unsaved.get_outcome_display(),
                form=form,
                hidden=(form["outcome"], form["version"]),
                internal=form["internal_reason"],
                action_url=reverse("applications:decide", args=[application.pk]),
                heading=_("Se brevet før det sendes"),
                send_label=_("Træf afgørelse og send brevet"),
                cancel_url=reverse("applications:case", args=[application.pk]) + "#afgoerelse",
                warning=refusal_warning(application)
                if data["outcome"] == DecisionOutcome.REJECT
                else "",
            )
    context = _case_context(request, application, decision_form=form)
    return render(request, "applications/backoffice/case.html", context)


@requires(permissions.can_decide)
def correct_letter(request, decision_pk):
    """Preview and send a corrected letter for a standing decision. The form carries the
    letter's version: a colleague's correction sent meanwhile is never replaced unseen."""
    decision = get_object_or_404(
        Decision.objects.select_related("application__offer", "application__organisation"),
        pk=decision_pk,
    )
    application = decision.application
    case_url = reverse("applications:case", args=[application.pk])
    if not decision.is_standing:
        messages.error(request, _("Afgørelsen er genoptaget; dens brev kan ikke rettes."))
        return redirect(case_url)
    action = request.POST.get("action", "preview")
    signed_by = request.user  # a corrected letter is signed by whoever sends it
    status = 200
    if request.method == "POST":
        form = CorrectedLetterForm(request.POST)
        if form.is_valid() and action == "send":
            try:
                with transaction.atomic():  # the letter and its e-mail, or neither (C12)
                    decisions.correct_letter(
                        decision,
                        form.cleaned_data["applicant_text"],
                        request.user,
                        expected_version=form.cleaned_data["version"],
                    )
                    notifications.decision_letter_corrected(decision)
            except decisions.DecisionRefused as refusal:
                messages.error(request, refusal.reason)
                return redirect(case_url)
            except EditConflict as conflict:
                decision.refresh_from_db()
                signed_by = _report_letter_conflict(form, decision, conflict)
                status = CONFLICT
            else:
                messages.success(request, _("Det rettede brev er sendt som en ny version."))
                return redirect(case_url)
        elif form.is_valid():
            decision.applicant_text = form.cleaned_data["applicant_text"]  # not saved
    else:
        form = CorrectedLetterForm(
            initial={
                "applicant_text": decision.applicant_text,
                "version": decisions.letter_version(decision),
            }
        )
    letter = decision_letter(decision, signed_by=signed_by)
    if status == 200 and request.method == "POST" and form.is_valid() and action in ("pdf", "docx"):
        return _letter_file(letter, application.reference, action)
    return _preview(
        request,
        letter=letter,
        letter_outcome=decision.get_outcome_display(),
        form=form,
        hidden=(form["version"],),
        action_url=reverse("applications:correct_letter", args=[decision.pk]),
        heading=_("Ret afgørelsesbrevet"),
        send_label=_("Send det rettede brev"),
        cancel_url=case_url,
        status=status,
    )


def _report_letter_conflict(form, decision, conflict):
    """A colleague sent a corrected letter after this officer opened it: nothing was
    sent. The page shows the letter as it now stands and keeps the officer's own text in
    the field to copy from; sending again replaces the colleague's letter, knowingly.
    Returns who signed the letter as it stands."""
    data = form.data.copy()
    data["version"] = str(conflict.stored_version)
    form.data = data
    current = decisions.current_letter(decision)
    sender = current.uploaded_by if current is not None else None
    message = _(
        "En kollega har lige rettet brevet og sendt det, mens du arbejdede. Dit rettede brev "
        "er ikke sendt. Brevet her på siden er det, der nu er sendt; din tekst står stadig i "
        "feltet, så du kan kopiere den. Send igen, hvis din tekst skal erstatte kollegaens."
    )
    if current is not None:
        message = _(
            "%(name)s har lige rettet brevet og sendt det som version %(number)s, mens du "
            "arbejdede. Dit rettede brev er ikke sendt. Brevet her på siden er det, der nu er "
            "sendt; din tekst står stadig i feltet, så du kan kopiere den. Send igen, hvis "
            "din tekst skal erstatte kollegaens."
        ) % {"name": sender or _("En kollega"), "number": current.number}
    form.add_error(None, message)
    return sender or decision.decided_by


@require_POST
@requires(permissions.can_reopen_decision)
def override(request, pk):
    """A manager records why the case may be decided before every rule is judged."""
    application = _staff_application(pk)
    form = OverrideForm(request.POST)
    if form.is_valid() and application.status in OPEN_STATUSES:
        decisions.record_override(application, request.user, form.cleaned_data["override_reason"])
        messages.success(request, _("Undtagelsen er registreret. Der kan nu træffes afgørelse."))
        return redirect("applications:case", pk=application.pk)
    context = _case_context(request, application, override_form=form)
    return render(request, "applications/backoffice/case.html", context)
