"""Which workflow facts hold for a programme, computed from its records (C6).

The engine in ``workflow`` never looks at the database: it is handed the names of the
facts that hold (``workflow/facts.py`` lists them and what each means). This module is
the one place that turns meetings, theme days, focus groups, hours, goals, the
programme's texts, documents and decisions into those names.
"""

from __future__ import annotations

from indsats.applications.models import ApplicationStatus, Document, DocumentKind

from .models import FocusGroupPhase, MeetingKind, ProgrammeRecord
from .workflow import facts


def _received(programme, kind) -> bool:
    """A document of ``kind`` with at least one version from every site of the programme.

    A joint programme (O4.4) has one granted application per site; each site writes its
    own draft and final policy, so one site's document never completes the step for the
    others, and the programme closes only when every site's final policy is in.
    """
    sites = programme.applications.filter(status=ApplicationStatus.GRANTED)
    expected = sites.count()
    if not expected:
        return False
    delivered = (
        sites.filter(documents__kind=kind, documents__versions__isnull=False)
        .values("pk")
        .distinct()
        .count()
    )
    return delivered == expected


def draft_policy_received(programme) -> bool:
    """Every site of the programme has sent its draft policy (O4.3 step 8)."""
    return _received(programme, DocumentKind.DRAFT_POLICY)


def documents_per_site(programme, kind) -> list[tuple[object, object]]:
    """Each granted site of the programme with its newest version of ``kind`` (or None)."""
    from indsats.applications.models import DocumentVersion

    sites = list(
        programme.applications.filter(status=ApplicationStatus.GRANTED)
        .select_related("organisation")
        .order_by("organisation__name")
    )
    newest = {}
    for version in (
        DocumentVersion.objects.filter(document__application__in=sites, document__kind=kind)
        .select_related("document")
        .order_by("number")
    ):
        newest[version.document.application_id] = version
    return [(site.organisation, newest.get(site.pk)) for site in sites]


def _record(programme) -> ProgrammeRecord | None:
    """Through the one-to-one accessor, which keeps the row (or its absence) on the
    programme: the page's template reads the same record without a second query."""
    try:
        return programme.record
    except ProgrammeRecord.DoesNotExist:
        return None


def facts_for(programme) -> frozenset[str]:
    """The names of the facts in ``workflow.facts`` that hold for ``programme`` now.

    Related rows are read through ``.all()``, so that the programme page's prefetch
    (``views.programme.PROGRAMME_PAGE_PREFETCH``) serves them without a query each."""
    held: set[str] = set()

    meetings = list(programme.meetings.all())
    if any(m.kind == MeetingKind.INITIAL and m.has_minutes for m in meetings):
        held.add(facts.INITIAL_MEETING_RECORDED)
    if any(m.has_minutes for m in meetings):
        held.add(facts.MEETING_RECORDED)

    if Document.objects.filter(
        programme=programme, kind=DocumentKind.COLLABORATION_AGREEMENT
    ).exists():
        held.add(facts.AGREEMENT_GENERATED)

    for group in programme.focus_groups.all():
        if group.has_notes and group.phase == FocusGroupPhase.START:
            held.add(facts.START_FOCUS_GROUP_RECORDED)
        if group.has_notes and group.phase == FocusGroupPhase.END:
            held.add(facts.END_FOCUS_GROUP_RECORDED)

    theme_days = list(programme.theme_days.all())
    if sum(1 for day in theme_days if day.held) >= 2:
        held.add(facts.TWO_THEME_DAYS_HELD)

    draft_received = draft_policy_received(programme)
    if draft_received:
        held.add(facts.DRAFT_POLICY_RECEIVED)
    if _received(programme, DocumentKind.FINAL_POLICY):
        held.add(facts.FINAL_POLICY_RECEIVED)

    has_hours = bool(programme.hour_entries.all())
    if has_hours:
        held.add(facts.HOURS_LOGGED)

    goals = list(programme.goals.all())
    if goals:
        held.add(facts.GOALS_RECORDED)
        if all(goal.has_result for goal in goals):
            held.add(facts.RESULTS_RECORDED)

    if meetings or has_hours or theme_days:
        held.add(facts.ACTIVITIES_RECORDED)

    record = _record(programme)
    if record is not None:
        for name, fact in (
            ("scope", facts.SCOPE_RECORDED),
            ("plan", facts.PLAN_RECORDED),
            ("evaluation", facts.EVALUATION_RECORDED),
            ("draft_feedback", facts.FEEDBACK_GIVEN),
        ):
            if getattr(record, name).strip():
                held.add(fact)
        if not draft_received:
            # Feedback on a draft that has not come is no feedback on it (O4.3 step 9).
            held.discard(facts.FEEDBACK_GIVEN)

    if any(a.status == ApplicationStatus.GRANTED for a in programme.applications.all()):
        held.add(facts.DECISION_GRANTED)

    return frozenset(held)
