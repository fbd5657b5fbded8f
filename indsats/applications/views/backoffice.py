"""The Board's inbox and case page: assign, assess, reopen (C4); deciding is in
``deciding``."""

from django.contrib import messages
from django.db.models import Count, Q
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from indsats.accounts import permissions
from indsats.accounts.decorators import requires
from indsats.audit.reads import ReadKind, case_label, record_read
from indsats.core.concurrency import CONFLICT, NEW, EditConflict
from indsats.core.pagination import paginate

from .. import decisions
from ..backoffice_forms import (
    AssessmentForm,
    AssignForm,
    DecisionForm,
    InboxFilterForm,
    OverrideForm,
    ReopenForm,
)
from ..models import (
    OPEN_STATUSES,
    Application,
    ApplicationStatus,
    Assessment,
    Decision,
    DecisionOutcome,
    DocumentKind,
    DocumentVersion,
    Enquiry,
    EnquiryStatus,
    Judgement,
)
from ..services import answers_summary
from ..timeline import staff_history

# Only what the inbox shows: never the answers JSON (C13).
INBOX_APPLICATION_FIELDS = (
    "reference",
    "status",
    "submitted_at",
    "asks_board_to_find_partners",
    "group_id",
    "offer__name",
    "organisation__name",
    "organisation__municipality__region__name",
    "case_officer__full_name",
    "case_officer__email",
)
INBOX_ENQUIRY_FIELDS = ("subject", "status", "created_at", "offer__name", "organisation__name")


def _filtered(form, user):
    applications = (
        Application.objects.exclude(status=ApplicationStatus.DRAFT)
        .select_related("offer", "organisation__municipality__region", "case_officer")
        .only(*INBOX_APPLICATION_FIELDS)
    )
    enquiries = Enquiry.objects.select_related("offer", "organisation").only(*INBOX_ENQUIRY_FIELDS)
    if not form.is_valid():
        return applications.filter(status__in=OPEN_STATUSES), enquiries.filter(
            status=EnquiryStatus.RECEIVED
        )
    data = form.cleaned_data
    if data["status"]:
        applications = applications.filter(status=data["status"])
    else:
        applications = applications.filter(status__in=OPEN_STATUSES)
    if data["enquiry_status"]:
        enquiries = enquiries.filter(status=data["enquiry_status"])
    if data["offer"]:
        applications = applications.filter(offer=data["offer"])
        enquiries = enquiries.filter(offer=data["offer"])
    if data["region"]:
        in_region = Q(organisation__municipality__region=data["region"])
        applications = applications.filter(in_region)
        enquiries = enquiries.filter(in_region)
    owner = data["owner"]
    if owner == "mine":
        applications = applications.filter(case_officer=user)
        enquiries = enquiries.filter(case_officer=user)
    elif owner == "none":
        applications = applications.filter(case_officer__isnull=True)
        enquiries = enquiries.filter(case_officer__isnull=True)
    elif owner:
        applications = applications.filter(case_officer_id=owner)
        enquiries = enquiries.filter(case_officer_id=owner)
    if data["received_from"]:
        applications = applications.filter(submitted_at__date__gte=data["received_from"])
        enquiries = enquiries.filter(created_at__date__gte=data["received_from"])
    if data["received_to"]:
        applications = applications.filter(submitted_at__date__lte=data["received_to"])
        enquiries = enquiries.filter(created_at__date__lte=data["received_to"])
    if data["q"]:
        text = data["q"]
        applications = applications.filter(
            Q(reference__icontains=text) | Q(organisation__name__icontains=text)
        )
        enquiries = enquiries.filter(
            Q(subject__icontains=text) | Q(organisation__name__icontains=text)
        )
    return applications, enquiries


def _status_counts() -> dict[str, int]:
    """The number of applications per status but drafts, in one aggregate query."""
    return Application.objects.aggregate(
        **{
            value: Count("pk", filter=Q(status=value))
            for value in ApplicationStatus.values
            if value != ApplicationStatus.DRAFT
        }
    )


def _inbox_filter_form(query):
    """The filters as asked; unbound (the defaults) when the address has only a page number,
    so that paging through the default inbox keeps its defaults."""
    asked = any(name in query for name in InboxFilterForm.base_fields)
    return InboxFilterForm(query if asked else None)


@requires(permissions.can_use_inbox)
def inbox(request):
    form = _inbox_filter_form(request.GET)
    applications, enquiries = _filtered(form, request.user)
    counts = _status_counts()
    # Unfiltered, the list is the open applications, which the counts have already counted.
    open_count = None if form.is_valid() else sum(counts[status] for status in OPEN_STATUSES)
    return render(
        request,
        "applications/backoffice/inbox.html",
        {
            "form": form,
            "applications": paginate(
                request,
                applications.order_by("submitted_at", "pk"),
                label=_("Sider med ansøgninger"),
                count=open_count,
            ),
            "enquiries": paginate(
                request,
                enquiries.order_by("created_at", "pk"),
                label=_("Sider med henvendelser"),
                parameter="side_henvendelser",
            ),
            "counts": [
                (label, counts[value])
                for value, label in ApplicationStatus.choices
                if value != ApplicationStatus.DRAFT
            ],
            "open_enquiries": Enquiry.objects.filter(status=EnquiryStatus.RECEIVED).count(),
        },
    )


def _staff_application(pk):
    """A submitted application for the back office; an unsent draft is a 404 to staff, as
    ``permissions.can_view_application`` says (C12)."""
    return get_object_or_404(
        Application.objects.select_related(
            "offer", "organisation", "case_officer", "group"
        ).exclude(status=ApplicationStatus.DRAFT),
        pk=pk,
    )


def refusal_warning(application) -> str:
    """Said at the decision when every condition and criterion is judged met: a refusal
    is still possible (no capacity, say), but the text to the applicant must say why."""
    if not decisions.refusal_with_every_rule_met(application, DecisionOutcome.REJECT):
        return ""
    return _(
        "Alle betingelser og kriterier er vurderet opfyldt. Giver du afslag alligevel, fx "
        "fordi der ikke er kapacitet, så skriv den grund i begrundelsen til ansøgeren."
    )


def _case_context(request, application, **overrides):
    assessment = getattr(application, "assessment", None)
    judgements = {j.rule_id: j for j in assessment.judgements.all()} if assessment else {}
    rules = list(application.offer.rules.all())
    context = {
        "application": application,
        "answers": answers_summary(application),
        "assign_form": AssignForm(initial={"case_officer": application.case_officer_id}),
        "assessment_form": AssessmentForm(
            rules=rules,
            judgements=judgements,
            initial={
                "summary": assessment.summary if assessment else "",
                "version": assessment.version if assessment else NEW,
            },
        ),
        "assessment": assessment,
        # Decided or closed: the assessment is shown as it was decided on, not as a form.
        "assessment_open": application.status in OPEN_STATUSES,
        "assessment_rows": [(rule, judgements.get(rule.pk)) for rule in rules],
        "refusal_warning": refusal_warning(application)
        if application.status in OPEN_STATUSES
        else "",
        "earlier_help": decisions.earlier_help(application)
        if application.offer.code == "O1"
        else None,
        "decision_form": DecisionForm(initial={"version": application.version}),
        "override_form": OverrideForm(),
        "gaps": decisions.gaps_in_assessment(application)
        if application.status in OPEN_STATUSES
        else None,
        "reopen_form": ReopenForm(),
        "decisions": application.decisions.select_related("decided_by", "reopened_by"),
        "letters": DocumentVersion.objects.filter(
            document__application=application, document__kind=DocumentKind.DECISION_LETTER
        ).select_related("uploaded_by"),
        "group": application.group.applications.select_related("organisation").order_by("pk")
        if application.group_id
        else [],
        "history": staff_history(application),
        "can_assess": permissions.can_assess(request.user),
        "can_decide": permissions.can_decide(request.user) and application.status in OPEN_STATUSES,
        "can_reopen": permissions.can_reopen_decision(request.user),
        "can_correct_letters": permissions.can_decide(request.user),
        "can_override": permissions.can_reopen_decision(request.user)
        and application.status in OPEN_STATUSES,
    }
    context.update(overrides)
    return context


@requires(permissions.can_use_inbox)
def case(request, pk):
    application = _staff_application(pk)
    record_read(request, ReadKind.CASE, application.pk, case_label(application))  # C12
    return render(request, "applications/backoffice/case.html", _case_context(request, application))


@require_POST
@requires(permissions.can_use_inbox)
def assign(request, pk):
    application = _staff_application(pk)
    form = AssignForm(request.POST)
    if form.is_valid():
        application.case_officer = form.cleaned_data["case_officer"]
        application.save(update_fields=["case_officer", "updated_at"])
        messages.success(request, _("Sagen er fordelt."))
    return redirect("applications:case", pk=application.pk)


@require_POST
@requires(permissions.can_assess)
def assess(request, pk):
    application = _staff_application(pk)
    form = AssessmentForm(request.POST, rules=application.offer.rules.all())
    try:
        decisions.check_assessment_open(application)
    except decisions.AssessmentClosed as refusal:
        messages.error(request, refusal.reason)
        return redirect("applications:case", pk=application.pk)
    if form.is_valid():
        try:
            decisions.save_assessment(
                application,
                request.user,
                form.judgements(),
                form.cleaned_data["summary"],
                NEW if form.cleaned_data["version"] is None else form.cleaned_data["version"],
            )
        except decisions.AssessmentClosed as refusal:  # decided while the officer worked
            messages.error(request, refusal.reason)
            return redirect("applications:case", pk=application.pk)
        except EditConflict:
            _report_assessment_conflict(form, application)
        else:
            messages.success(request, _("Vurderingen er gemt."))
            return redirect("applications:case", pk=application.pk)
    context = _case_context(request, application, assessment_form=form)
    return render(
        request,
        "applications/backoffice/case.html",
        context,
        status=CONFLICT if form.non_field_errors() else 200,
    )


def _report_assessment_conflict(form, application) -> None:
    """A colleague saved the assessment first (also the very first one, C12): say so, show
    what they saved at each field where it differs, keep what this officer typed, and let
    a second save overwrite knowingly (the form now carries the stored version)."""
    stored = Assessment.objects.get(application=application)
    theirs = {j.rule_id: j for j in stored.judgements.all()}
    data = form.data.copy()
    data["version"] = str(stored.version)
    form.data = data
    form.add_error(
        None,
        _(
            "En kollega har gemt vurderingen, mens du arbejdede. Din udgave er ikke gemt; den "
            "står nedenfor, og kollegaens står ved hvert felt, hvor den er anderledes. Gem "
            "igen for at bruge din."
        ),
    )
    labels = dict(Judgement.choices)
    if stored.summary != form.cleaned_data.get("summary", ""):
        form.add_error(
            "summary", _("Gemt af en kollega: »%(value)s«.") % {"value": stored.summary or "–"}
        )
    for rule in form.rules:
        judgement = theirs.get(rule.pk)
        their_judgement = judgement.judgement if judgement else ""
        their_reason = judgement.reason if judgement else ""
        mine = form.cleaned_data.get(f"judgement_{rule.pk}", "")
        if their_judgement != mine:
            form.add_error(
                f"judgement_{rule.pk}",
                _("Gemt af en kollega: »%(value)s«.")
                % {"value": labels.get(their_judgement, _("Ikke vurderet"))},
            )
        if their_reason != form.cleaned_data.get(f"reason_{rule.pk}", ""):
            form.add_error(
                f"reason_{rule.pk}",
                _("Gemt af en kollega: »%(value)s«.") % {"value": their_reason or "–"},
            )


@require_POST
@requires(permissions.can_reopen_decision)
def reopen(request, decision_pk):
    decision = get_object_or_404(Decision.objects.select_related("application"), pk=decision_pk)
    form = ReopenForm(request.POST)
    if form.is_valid():
        try:
            decisions.reopen(decision, request.user, form.cleaned_data["reopen_reason"])
        except decisions.DecisionRefused as refusal:
            messages.error(request, refusal.reason)
        else:
            messages.success(request, _("Afgørelsen er genoptaget; ansøgningen er åben igen."))
    else:
        messages.error(request, _("Skriv, hvorfor afgørelsen genoptages."))
    return redirect("applications:case", pk=decision.application_id)
