"""The programme list and page: progress along the workflow, completing a step, the
collaboration agreement, and the history (C6)."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Prefetch, Q
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from indsats.accounts import permissions
from indsats.accounts.decorators import requires
from indsats.accounts.models import User
from indsats.applications.models import APPLICANT_UPLOAD_KINDS, Application, DocumentKind
from indsats.audit.reads import ReadKind, programme_label, record_read
from indsats.core.cleaning import text_parameter
from indsats.core.pagination import paginate

from .. import agreement
from ..models import HourEntry, Programme, ProgrammeStatus, StepRecord, Task
from ..timeline import timeline_for
from ..workflow import StepRefused, check_completion, next_steps, progress, workflow_for
from ..workflow_state import complete_step, role_of, state_of


def get_programme_for_user(user, pk, queryset=None) -> Programme:
    """The programme, if this user may see it; otherwise 404 (existence is not revealed)."""
    queryset = queryset if queryset is not None else Programme.objects.all()
    programme = get_object_or_404(queryset.select_related("offer", "organisation"), pk=pk)
    if not permissions.can_view_programme(user, programme):
        raise Http404
    return programme


def step_title(offer_code: str, current_step: str) -> str:
    """The stored current step ("programme|no_further_action" at a branch) as its title(s)."""
    try:
        workflow = workflow_for(offer_code)
        titles = [str(workflow.step(key).title) for key in current_step.split("|")]
    except (LookupError, KeyError):
        return "–"
    return f" {_('eller')} ".join(titles)


@requires(permissions.is_board_staff)
def programme_list(request):
    # Only what the list shows, 50 a page (C13).
    programmes = (
        Programme.objects.select_related("offer")
        .only("reference", "title", "current_step", "status", "offer__code")
        .prefetch_related(Prefetch("consultants", User.objects.only("full_name", "email")))
        .order_by("-created_at", "-pk")
    )
    show = text_parameter(request.GET, "vis", "active")
    if show == "mine":
        programmes = programmes.filter(consultants=request.user, status=ProgrammeStatus.ACTIVE)
    elif show == "active":
        programmes = programmes.filter(status=ProgrammeStatus.ACTIVE)
    offer = text_parameter(request.GET, "tilbud")
    if offer:
        programmes = programmes.filter(offer__code=offer)
    query = text_parameter(request.GET, "q")
    if query:
        programmes = programmes.filter(Q(reference__icontains=query) | Q(title__icontains=query))
    pagination = paginate(request, programmes, label=_("Sider med forløb"))
    for programme in pagination:
        programme.step_title = step_title(programme.offer.code, programme.current_step)
    return render(
        request,
        "programmes/programme_list.html",
        {"programmes": pagination, "show": show, "offer": offer, "query": query},
    )


def _step_actions(user, programme, workflow, state):
    """The next steps this user's role may complete, each with the engine's verdict."""
    from ..facts_from_records import facts_for

    if programme.status != ProgrammeStatus.ACTIVE or not user.is_authenticated:
        return []
    role = role_of(user)
    candidates = [step for step in next_steps(workflow, state) if role in step.may_complete]
    if not candidates:
        return []
    facts = facts_for(programme)
    return [(step, check_completion(workflow, state, step.key, role, facts)) for step in candidates]


# Every record the page, its workflow facts and its history read, one query each (C13).
PROGRAMME_PAGE_PREFETCH = (
    Prefetch("hour_entries", HourEntry.objects.select_related("consultant")),
    Prefetch("tasks", Task.objects.select_related("assignee")),
    Prefetch("steps", StepRecord.objects.select_related("completed_by")),
    Prefetch("applications", Application.objects.select_related("organisation")),
    "meetings",
    "theme_days",
    "focus_groups",
    "goals",
    "consultants",
    "participants",
)


@requires(permissions.is_signed_in)
def programme_detail(request, pk):
    programme = get_programme_for_user(
        request.user, pk, Programme.objects.prefetch_related(*PROGRAMME_PAGE_PREFETCH)
    )
    record_read(request, ReadKind.PROGRAMME, programme.pk, programme_label(programme))  # C12
    workflow, state = state_of(programme)
    is_staff = permissions.is_board_staff(request.user)
    own_applications = [
        application
        for application in programme.applications.all()
        if is_staff or application.organisation_id == request.user.organisation_id
    ]
    uploads = [
        (application, kind, DocumentKind(kind).label)
        for application in own_applications
        for kind in APPLICANT_UPLOAD_KINDS
        if permissions.can_upload_document(request.user, application, kind)
    ]
    return render(
        request,
        "programmes/programme_detail.html",
        {
            "programme": programme,
            "progress": progress(workflow, state),
            "site_policies": _site_policies(programme),
            "step_actions": _step_actions(request.user, programme, workflow, state),
            "applications": programme.applications.all(),
            "documents": visible_documents(programme, request.user),
            "uploads": uploads,
            "timeline": timeline_for(programme, for_staff=is_staff),
            "is_staff": is_staff,
            "can_deliver": permissions.can_deliver(request.user, programme),
            "can_raise_hour_cap": permissions.can_raise_hour_cap(request.user),
            "can_assign_consultants": permissions.can_assign_consultants(request.user),
            "can_generate_agreement": permissions.can_deliver(request.user, programme)
            and programme.offer.code == "O4",
            "can_take_site_out": permissions.can_decide(request.user)
            and programme.status == ProgrammeStatus.ACTIVE,
        },
    )


def _site_policies(programme):
    """Per site of a joint programme (O4.4): whether its draft and final policy are in.
    Each site delivers its own; the step is done when every site has."""
    from ..facts_from_records import documents_per_site

    if programme.offer.code != "O4" or len(programme.participants.all()) < 2:
        return []
    return [
        (DocumentKind(kind).label, documents_per_site(programme, kind))
        for kind in APPLICANT_UPLOAD_KINDS
    ]


def visible_documents(programme, user):
    from indsats.applications.models import Document

    documents = (
        Document.objects.filter(Q(programme=programme) | Q(application__programme=programme))
        .select_related("application__organisation")
        .prefetch_related("versions__uploaded_by")
    )
    if not permissions.is_board_staff(user):
        documents = documents.filter(
            Q(programme=programme) | Q(application__organisation=user.organisation)
        )
    return documents.order_by("kind", "application__organisation__name")


@require_POST
@requires(permissions.is_signed_in)
def step_complete(request, pk, step):
    programme = get_programme_for_user(request.user, pk)
    try:
        complete_step(programme, step, request.user, request.POST.get("note", ""))
    except StepRefused as refusal:
        for reason in refusal.verdict.reasons:
            messages.error(request, reason)
    else:
        messages.success(request, _("Trinnet er gennemført."))
    return redirect("programmes:detail", pk=programme.pk)


@require_POST
@requires(permissions.is_board_staff)
def generate_agreement(request, pk):
    programme = get_programme_for_user(request.user, pk)
    if not permissions.can_deliver(request.user, programme):
        raise PermissionDenied
    problem = agreement.missing_for_agreement(programme)
    if problem:
        messages.error(request, problem)
    else:
        agreement.generate(programme, request.user)
        messages.success(request, _("Samarbejdsaftalen er lavet som PDF og DOCX."))
    return redirect("programmes:detail", pk=programme.pk)


@require_POST
@requires(permissions.can_decide)
def take_site_out(request, pk):
    """Staff take a site out of a joint programme with a reason (O4.4); the rest go on."""
    from ..services import take_site_out as take_out

    programme = get_programme_for_user(request.user, pk)
    chosen = request.POST.get("application", "")
    application = get_object_or_404(
        programme.applications.select_related("organisation"),
        pk=int(chosen) if chosen.isdigit() else None,
    )
    reason = request.POST.get("reason", "").strip()
    if not reason:
        messages.error(request, _("Skriv, hvorfor stedet går ud af forløbet."))
    elif programme.applications.filter(status="granted").count() < 2:
        messages.error(request, _("Det sidste sted kan ikke gå ud; stop forløbet i stedet."))
    else:
        take_out(programme, application, request.user, reason)
        messages.success(
            request,
            _("%(name)s er taget ud af forløbet. De andre steder fortsætter.")
            % {"name": application.organisation.name},
        )
    return redirect("programmes:detail", pk=programme.pk)
