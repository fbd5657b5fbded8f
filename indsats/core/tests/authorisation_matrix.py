"""The authorisation matrix's table (C12): for every URL pattern, the records that fill its
parameters and the outcome each probing role gets for GET and for POST.

The records are those of ``indsats.testing.world``: they belong to Aarhus Kommune and to
Opholdsstedet Lærkereden, or to the Board alone. The roles probing them are in
``world.ROLES``: nobody signed in, an applicant of another municipality, an applicant of
another placement site, and the Board's five staff roles. None of them owns the records.

Outcomes (``classify`` turns a response into one):

    ok         2xx, or a redirect that is not to a sign-in page
    login      a redirect to the sign-in page (ours or the admin site's)
    unauth     401, the API's answer to a caller who is not signed in
    denied     403
    not_found  404 (ownership lookups answer 404, so others' records don't exist for you)
    method     405
    invalid    400 or 422: the request was refused as malformed (a POST with no body)
    conflict   409: an edit without the version it was made from

A 500 (or an exception) is always a failure. A URL pattern missing from ``EXPECTATIONS``
(and not matched by a prefix in ``PREFIX_EXPECTATIONS``) fails the test.

An expectation is a group (the common case) with per-role or per-method overrides:

    "applications:case": expect(STAFF, post=...)

``Outcomes`` maps (role, method) to an outcome; ``expect`` builds one from a group's
defaults and keyword overrides ``get=``/``post=`` (for every role) and ``roles=`` (a dict
role -> outcome or role -> (get, post)).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from indsats.testing.world import ROLES, World

STAFF_ROLES = ("case_officer", "consultant", "project_leader", "manager", "administrator")
APPLICANTS = ("other_municipality", "other_site")
METHODS = ("GET", "POST")

Outcomes = dict[tuple[str, str], str]


def _table(default_get: str, default_post: str, **per_role) -> Outcomes:
    """Outcomes for every role: the defaults, then ``per_role[role] = (get, post)``."""
    table = {}
    for role in ROLES:
        get, post = per_role.get(role, (default_get, default_post))
        table[(role, "GET")] = get
        table[(role, "POST")] = post
    return table


def expect(
    group: Outcomes,
    *,
    get: str | None = None,
    post: str | None = None,
    roles: Mapping[str, str | tuple[str, str]] | None = None,
) -> Outcomes:
    """A copy of ``group`` with overrides: ``get``/``post`` for every role that gets "ok" or
    a staff answer in the group (never widening what anonymous or applicants get), then
    ``roles`` per role."""
    table = dict(group)
    for method, outcome in (("GET", get), ("POST", post)):
        if outcome is None:
            continue
        for role in ROLES:
            if table[(role, method)] not in {"login", "unauth", "denied", "not_found"}:
                table[(role, method)] = outcome
    for role, outcome in (roles or {}).items():
        both = (outcome, outcome) if isinstance(outcome, str) else outcome
        table[(role, "GET")], table[(role, "POST")] = both
    return table


def staff_only(*allowed: str, get="ok", post="ok", others="denied") -> Outcomes:
    """Signed-in staff in ``allowed`` get ``get``/``post``; other staff and applicants
    ``others``; nobody signed in is sent to sign in."""
    per_role = {"anonymous": ("login", "login")}
    for role in APPLICANTS:
        per_role[role] = (others, others)
    for role in STAFF_ROLES:
        per_role[role] = (get, post) if role in allowed else ("denied", "denied")
    return _table("denied", "denied", **per_role)


def post_is(group: Outcomes, outcome: str) -> Outcomes:
    """``group`` with ``outcome`` for a POST wherever the group says "ok"."""
    return {
        key: outcome if key[1] == "POST" and value == "ok" else value
        for key, value in group.items()
    }


def post_only(group: Outcomes) -> Outcomes:
    """``group`` behind ``require_POST``: a GET is 405 for everyone, before any check."""
    return {key: "method" if key[1] == "GET" else value for key, value in group.items()}


def _roles(**outcomes: str) -> dict[str, str]:
    return outcomes


def put(group: Outcomes, per_role: Mapping[str, str]) -> Outcomes:
    """``group``, also probed with PUT (an empty JSON object) with these outcomes."""
    return {**group, **{(role, "PUT"): per_role[role] for role in ROLES}}


ALL_STAFF = STAFF_ROLES
CASE_HANDLERS = ("case_officer", "project_leader", "manager")
DELIVERERS = ("case_officer", "consultant", "project_leader", "manager")
MANAGERS = ("manager",)
SCREENING_DECIDERS = ("manager", "administrator")
REPORT_READERS = ("case_officer", "project_leader", "manager")
IMPORTERS = ("case_officer", "project_leader", "manager", "administrator")
CATALOGUE_EDITORS = ("project_leader", "manager", "administrator")

# --- Groups ---------------------------------------------------------------------------

# Open to everyone, signed in or not.
PUBLIC = _table("ok", "ok")
# A page for every signed-in user; anonymous visitors are sent to sign in.
SIGNED_IN = _table("ok", "ok", anonymous=("login", "login"))
# Any Board staff member; applicants are refused.
STAFF = staff_only(*ALL_STAFF)
# Someone else's record, reached by an applicant: 404, the record doesn't exist for them.
STAFF_RECORD = staff_only(*ALL_STAFF, others="not_found")
# Django's admin site: administrators only (is_staff); everyone else to the admin login.
ADMIN_SITE = _table("login", "login", administrator=("ok", "ok"))
# The REST API with a browser session: 401 without one.
API_STAFF = _table(
    "denied",
    "denied",
    anonymous=("unauth", "unauth"),
    **dict.fromkeys(STAFF_ROLES, ("ok", "ok")),
)
API_SIGNED_IN = _table("ok", "ok", anonymous=("unauth", "unauth"))


# --- Parameters -----------------------------------------------------------------------

REPORT_KEY = "capacity"
REPORT_TABLE = "offer_capacity"


def _programme(w: World, **more) -> dict:
    return {"pk": w.programme.pk, **more}


def _capacity(w: World) -> dict:
    return {"code": w.capacity.offer.code, "period": w.capacity.period}


PARAMETERS: dict[str, Callable[[World], dict]] = {
    "accounts:password_reset_confirm": lambda w: {"uidb64": w.reset_uid, "token": "set-password"},
    "accounts:access_request_decide": lambda w: {"pk": w.access_request.pk},
    "accounts:invitation": lambda w: {"token": w.invitation.token},
    "catalogue:offer_detail": lambda w: {"slug": w.offer.slug},
    "catalogue:offer_edit": lambda w: {"slug": w.offer.slug},
    "applications:enquiry_create": lambda w: {"slug": w.offer.slug},
    "applications:enquiry_detail": lambda w: {"pk": w.enquiry.pk},
    "applications:enquiry_assign": lambda w: {"pk": w.enquiry.pk},
    "applications:start": lambda w: {"slug": w.offer.slug},
    "applications:detail": lambda w: {"pk": w.application.pk},
    "applications:edit": lambda w: {"pk": w.application.pk},
    "applications:review": lambda w: {"pk": w.application.pk},
    "applications:receipt": lambda w: {"pk": w.application.pk},
    "applications:withdraw": lambda w: {"pk": w.application.pk},
    "applications:upload": lambda w: {"pk": w.site_application.pk, "kind": "draft_policy"},
    "applications:download": lambda w: {"version_pk": w.document_version.pk},
    "applications:case": lambda w: {"pk": w.application.pk},
    "applications:assign": lambda w: {"pk": w.application.pk},
    "applications:assess": lambda w: {"pk": w.application.pk},
    "applications:decide": lambda w: {"pk": w.application.pk},
    "applications:override": lambda w: {"pk": w.application.pk},
    "applications:correct_letter": lambda w: {"decision_pk": w.decision.pk},
    "applications:reopen": lambda w: {"decision_pk": w.decision.pk},
    "programmes:detail": _programme,
    "programmes:step_complete": lambda w: _programme(w, step=w.programme.current_step),
    "programmes:generate_agreement": _programme,
    "programmes:take_site_out": _programme,
    "programmes:meeting_add": _programme,
    "programmes:meeting_edit": lambda w: _programme(w, meeting_pk=w.meeting.pk),
    "programmes:theme_day_add": _programme,
    "programmes:theme_day_held": lambda w: _programme(w, day_pk=w.theme_day.pk),
    "programmes:focus_group": lambda w: _programme(w, phase="start"),
    "programmes:hours_add": _programme,
    "programmes:hour_cap": _programme,
    "programmes:goal_add": _programme,
    "programmes:goal_edit": lambda w: _programme(w, goal_pk=w.goal.pk),
    "programmes:task_add": _programme,
    "programmes:task_done": lambda w: _programme(w, task_pk=w.task.pk),
    "programmes:record_edit": _programme,
    "programmes:consultants": _programme,
    "programmes:theme_day_edit": lambda w: _programme(w, day_pk=w.theme_day.pk),
    "programmes:hours_edit": lambda w: _programme(w, entry_pk=w.hour_entry.pk),
    "programmes:task_edit": lambda w: _programme(w, task_pk=w.task.pk),
    "programmes:meeting_cancel": lambda w: _programme(w, record_pk=w.meeting.pk),
    "programmes:theme_day_cancel": lambda w: _programme(w, record_pk=w.theme_day.pk),
    "programmes:hour_entry_cancel": lambda w: _programme(w, record_pk=w.hour_entry.pk),
    "programmes:focus_group_cancel": lambda w: _programme(w, record_pk=w.focus_group.pk),
    "programmes:goal_cancel": lambda w: _programme(w, record_pk=w.goal.pk),
    "programmes:task_cancel": lambda w: _programme(w, record_pk=w.task.pk),
    "screening:download_csv": lambda w: {"pk": w.run.pk},
    "screening:download_json": lambda w: {"pk": w.run.pk},
    "screening:press_edit": lambda w: {"pk": w.press.pk},
    "screening:ministerial_edit": lambda w: {"pk": w.ministerial.pk},
    "accounts:twofactor:reset": lambda w: {"pk": w.users["case_officer"].pk},
    "allocation:consultants": lambda w: {"period": w.capacity.period},
    "allocation:plan": lambda w: _capacity(w),
    "allocation:capacity": lambda w: _capacity(w),
    "allocation:move": lambda w: _capacity(w),
    "allocation:confirm": lambda w: _capacity(w),
    "allocation:cancel_move": lambda w: {
        "code": w.move.offer.code,
        "period": w.move.period,
        "move_pk": w.move.pk,
    },
    "allocation:accept_partnership": lambda w: {"pk": w.site_application.pk},
    "organisations:contact_edit": lambda w: {"pk": w.contact.pk},
    "organisations:contact_delete": lambda w: {"pk": w.contact.pk},
    "organisations:detail": lambda w: {"pk": w.aarhus.pk},
    "organisations:placement_site_edit": lambda w: {"pk": w.site.pk},
    "organisations:data_export": lambda w: {"pk": w.aarhus.pk},
    "reports:report": lambda w: {"key": REPORT_KEY},
    "reports:excel": lambda w: {"key": REPORT_KEY},
    "reports:csv": lambda w: {"key": REPORT_KEY, "table": REPORT_TABLE},
    "api-v1:get_offer": lambda w: {"code": w.offer.code},
    "api-v1:get_enquiry": lambda w: {"enquiry_id": w.enquiry.pk},
    "api-v1:get_application": lambda w: {"application_id": w.application.pk},
    "api-v1:save_answers": lambda w: {"application_id": w.application.pk},
    "api-v1:get_programme": lambda w: {"programme_id": w.programme.pk},
    "api-v1:download_document": lambda w: {"version_id": w.document_version.pk},
    "api-v1:get_screening_run": lambda w: {"run_id": w.run.pk},
    "api-v1:update_press": lambda w: {"press_id": w.press.pk},
    "api-v1:update_ministerial_request": lambda w: {"request_id": w.ministerial.pk},
    "api-v1:put_plan": lambda w: {"municipality_code": w.aarhus.municipality.code},
    "api-v1:get_report": lambda w: {"key": REPORT_KEY},
    "api/v1/^(?P<rest>.*)$": lambda w: {"rest": "findes-ikke"},
}


def default_parameters(w: World) -> dict:
    """Values by parameter name, for patterns not in ``PARAMETERS``: the records of
    Aarhus (a municipality code), the capacity's offer and period, and for the admin site
    the first row of the model its route names."""
    return {
        "code": w.aarhus.municipality.code,
        "period": w.capacity.period,
        "app_label": "applications",
        "url": "findes-ikke/",
    }


def admin_parameters(route: str, w: World) -> dict:
    """An existing row of the model an admin route names (``admin/<app>/<model>/...``)."""
    from django.apps import apps
    from django.contrib.contenttypes.models import ContentType

    parts = route.split("/")
    values: dict[str, object] = {}
    if len(parts) > 3 and "<" in route:
        try:
            model = apps.get_model(parts[1], parts[2])
        except (LookupError, ValueError):
            model = None
        if model is not None:
            row = model._default_manager.order_by("pk").first()
            values["object_id"] = values["id"] = row.pk if row is not None else 0
    values["content_type_id"] = ContentType.objects.get_for_model(type(w.aarhus)).pk
    values.setdefault("object_id", w.aarhus.pk)
    return values


def parameters_for(pattern, w: World) -> dict:
    if pattern.key in PARAMETERS:
        return PARAMETERS[pattern.key](w)
    values = default_parameters(w)
    if pattern.route.startswith("admin/"):
        values.update(admin_parameters(pattern.route, w))
    return {name: values[name] for name in pattern.parameters if name in values}


# --- Expectations ---------------------------------------------------------------------

# Patterns left out of the matrix, each with the reason.
EXCLUDED: dict[str, str] = {}

# Every pattern whose route starts with one of these has that group's outcomes, unless
# it is in EXPECTATIONS: the admin site decides access once, for all its pages.
PREFIX_EXPECTATIONS: dict[str, Outcomes] = {
    "admin/": ADMIN_SITE,
}

# The admin site asks one question (an active user with is_staff) for every page, so its
# pages other than the index are probed by fewer roles: nobody, an applicant, a staff
# member without the admin site, and an administrator. The index is probed by all.
ADMIN_PROBES = ("anonymous", "other_municipality", "manager", "administrator")

# Probed by fewer roles: the OpenAPI schema is the same for everyone and slow to build.
PROBES: dict[str, tuple[str, ...]] = {
    "api-v1:openapi-json": ("anonymous", "other_municipality", "manager"),
}

# The bodies of the API's PUT probes: valid, so that the answer is about who asks.
PUT_BODIES: dict[str, Callable[[World], dict]] = {
    "api-v1:save_answers": lambda w: {"version": w.application.version, "answers": {}},
    "api-v1:update_press": lambda w: {
        "published_on": "2026-01-05",
        "medium": "Stiften",
        "summary": "Kritik.",
        "version": w.press.version,
    },
    "api-v1:update_ministerial_request": lambda w: {
        "received_on": "2026-01-05",
        "reference": "2026-1",
        "version": w.ministerial.version,
    },
    "api-v1:put_plan": lambda w: {"version": w.plan.version},
}

PUBLIC_PAGE = post_is(PUBLIC, "method")
# Django's admin site refuses an administrator where a model's admin allows no adding,
# changing or deleting (the outbox, the task results, the regions...): 403.
ADMIN_REFUSED = expect(ADMIN_SITE, roles={"administrator": "denied"})
# An applicant's own pages: the Board's staff are refused.
APPLICANT_PAGE = _table(
    "denied", "denied", anonymous=("login", "login"), **dict.fromkeys(APPLICANTS, ("ok", "ok"))
)
# An owner's page on a record (edit, review, withdraw): others' records are 404 to an
# applicant; the Board's staff may not act as the applicant.
OWNER_ONLY = _table(
    "denied",
    "denied",
    anonymous=("login", "login"),
    **dict.fromkeys(APPLICANTS, ("not_found", "not_found")),
)
# Applying for or asking about the municipal offer O1: a municipality, not a site.
MUNICIPAL_OFFER = _table(
    "denied", "denied", anonymous=("login", "login"), other_municipality=("ok", "ok")
)
# Delivering a programme (C6): those who deliver; the programme is 404 to other applicants.
DELIVERY = staff_only(*DELIVERERS, others="not_found")
# Forms of the screening's records: an empty POST is refused as invalid (400).
SCREENING_RECORD = staff_only(*ALL_STAFF, post="invalid")
# The REST API read by any signed-in user; writes are other operations (405 here).
API_READ = _table("ok", "method", anonymous=("unauth", "method"))
# The REST API, someone else's record: 404 to an applicant.
API_RECORD = _table(
    "ok",
    "method",
    anonymous=("unauth", "method"),
    **dict.fromkeys(APPLICANTS, ("not_found", "method")),
)
# The REST API, the Board's data: 403 to an applicant.
API_STAFF_READ = _table(
    "ok",
    "method",
    anonymous=("unauth", "method"),
    **dict.fromkeys(APPLICANTS, ("denied", "method")),
)
# A list and a create on one address: an empty POST is invalid (422) for those who may
# write, and refused before that for those who may not.
API_LIST_CREATE = _table("ok", "invalid", anonymous=("unauth", "unauth"))
API_STAFF_LIST_CREATE = _table(
    "ok",
    "invalid",
    anonymous=("unauth", "unauth"),
    **dict.fromkeys(APPLICANTS, ("denied", "invalid")),
)
# An API write by PUT (probed with PUT and an empty JSON object as well).
API_PUT_RECORD = put(
    _table("method", "method"),
    _roles(
        anonymous="unauth",
        other_municipality="not_found",
        other_site="not_found",
        **dict.fromkeys(STAFF_ROLES, "denied"),
    ),
)
API_PUT_STAFF = put(
    _table("method", "method"),
    _roles(
        anonymous="unauth",
        other_municipality="denied",
        other_site="denied",
        **dict.fromkeys(STAFF_ROLES, "ok"),
    ),
)

EXPECTATIONS: dict[str, Outcomes] = {
    # Core pages.
    "core:front": PUBLIC_PAGE,
    "core:dashboard": SIGNED_IN,
    "core:accessibility": PUBLIC_PAGE,
    "core:healthz": PUBLIC_PAGE,
    # Signing in and out, passwords, registration, invitations.
    "accounts:login": PUBLIC,
    "accounts:logout": _table("method", "ok"),
    "accounts:password_reset": PUBLIC,
    "accounts:password_reset_done": PUBLIC_PAGE,
    "accounts:password_reset_confirm": PUBLIC,
    "accounts:password_reset_complete": PUBLIC_PAGE,
    "accounts:register": PUBLIC,
    "accounts:registration_received": PUBLIC,
    "accounts:access_requests": staff_only(*IMPORTERS),
    "accounts:access_request_decide": staff_only(*IMPORTERS, get="method"),
    "accounts:colleagues": APPLICANT_PAGE,
    # Sign-in with MitID Erhverv (OIDC): 404 while no provider is configured (as here).
    "accounts:oidc_authenticate": _table("not_found", "method"),
    "accounts:oidc_callback": _table("not_found", "method"),
    # Linking a first OIDC sign-in: 404 without a pending identity in the session.
    "accounts:oidc_link": _table("not_found", "not_found"),
    # Two-factor sign-in (C12): the staff's own security page and codes; applicants are
    # sent on from the code pages; an administrator resets a colleague's factor.
    "accounts:twofactor:security": STAFF,
    "accounts:twofactor:verify": SIGNED_IN,
    "accounts:twofactor:enrol": SIGNED_IN,
    "accounts:twofactor:recovery_codes": STAFF,
    "accounts:twofactor:new_codes": post_only(STAFF),
    "accounts:twofactor:reset": staff_only("administrator"),
    # Replacing one's own app (C12): a current code first, then the new app.
    "accounts:twofactor:replace": STAFF,
    "accounts:twofactor:replace_app": STAFF,
    # The session's limits (C12): JSON for the page's script, 401 without a session.
    "accounts:session_status": _table("ok", "method", anonymous=("unauth", "method")),
    "accounts:session_keep_alive": post_only(PUBLIC),
    "accounts:invitation": PUBLIC,
    # The catalogue.
    "catalogue:offer_list": PUBLIC_PAGE,
    "catalogue:offer_detail": PUBLIC_PAGE,
    "catalogue:offer_edit": staff_only(*CATALOGUE_EDITORS),
    # Enquiries, applications and documents: Aarhus' and Lærkereden's.
    "applications:portal": APPLICANT_PAGE,
    "applications:enquiry_create": MUNICIPAL_OFFER,
    "applications:enquiry_detail": STAFF_RECORD,
    "applications:enquiry_assign": post_only(STAFF),
    "applications:start": MUNICIPAL_OFFER,
    "applications:detail": STAFF_RECORD,
    "applications:edit": OWNER_ONLY,
    "applications:review": OWNER_ONLY,
    "applications:receipt": OWNER_ONLY,
    "applications:withdraw": OWNER_ONLY,
    "applications:upload": post_only(OWNER_ONLY),
    "applications:download": STAFF_RECORD,
    # The Board's back office (C4).
    "applications:inbox": STAFF,
    "applications:case": STAFF,
    "applications:assign": post_only(STAFF),
    "applications:assess": post_only(staff_only(*CASE_HANDLERS)),
    "applications:decide": post_only(staff_only(*CASE_HANDLERS)),
    "applications:override": post_only(staff_only(*MANAGERS)),
    "applications:correct_letter": staff_only(*CASE_HANDLERS),
    "applications:reopen": post_only(staff_only(*MANAGERS)),
    # Programmes (C6): Lærkereden's joint programme.
    "programmes:list": STAFF,
    "programmes:tasks": STAFF,
    "programmes:detail": STAFF_RECORD,
    # Completing a step is for staff; the workflow then says whether it may be completed.
    "programmes:step_complete": post_only(STAFF_RECORD),
    "programmes:generate_agreement": post_only(staff_only(*DELIVERERS)),
    # An empty POST names no site to take out: 404 for those who may.
    "programmes:take_site_out": post_only(staff_only(*CASE_HANDLERS, post="not_found")),
    "programmes:meeting_add": DELIVERY,
    "programmes:meeting_edit": DELIVERY,
    "programmes:theme_day_add": DELIVERY,
    "programmes:theme_day_held": post_only(DELIVERY),
    "programmes:focus_group": DELIVERY,
    "programmes:hours_add": DELIVERY,
    "programmes:hour_cap": staff_only(*MANAGERS, others="not_found"),
    "programmes:goal_add": DELIVERY,
    "programmes:goal_edit": DELIVERY,
    "programmes:task_add": DELIVERY,
    "programmes:task_done": post_only(DELIVERY),
    "programmes:record_edit": DELIVERY,
    "programmes:consultants": staff_only(*CASE_HANDLERS, others="not_found"),
    "programmes:theme_day_edit": DELIVERY,
    "programmes:hours_edit": DELIVERY,
    "programmes:task_edit": DELIVERY,
    "programmes:meeting_cancel": DELIVERY,
    "programmes:theme_day_cancel": DELIVERY,
    "programmes:hour_entry_cancel": DELIVERY,
    "programmes:focus_group_cancel": DELIVERY,
    "programmes:goal_cancel": DELIVERY,
    "programmes:task_cancel": DELIVERY,
    # Screening (C7): every staff member reads and records; managers decide and set it up.
    "screening:list": STAFF,
    "screening:run": post_only(STAFF),
    "screening:download_csv": STAFF,
    "screening:download_json": STAFF,
    "screening:municipality": expect(
        STAFF, roles=dict.fromkeys(set(STAFF_ROLES) - set(SCREENING_DECIDERS), ("ok", "denied"))
    ),
    "screening:plan_edit": SCREENING_RECORD,
    "screening:press_create": SCREENING_RECORD,
    "screening:ministerial_create": SCREENING_RECORD,
    "screening:group_edit": SCREENING_RECORD,
    "screening:press_edit": SCREENING_RECORD,
    "screening:ministerial_edit": SCREENING_RECORD,
    "screening:settings": staff_only(*SCREENING_DECIDERS, post="invalid"),
    "screening:reason_codes": staff_only(*SCREENING_DECIDERS),
    "screening:upload": staff_only(*IMPORTERS, post="invalid"),
    # Capacity and allocation (C5): staff read, managers decide.
    "allocation:overview": STAFF,
    # An empty POST names no offer: 404 for the manager.
    "allocation:capacity_create": post_only(staff_only(*MANAGERS, post="not_found")),
    "allocation:consultants": staff_only(*MANAGERS),
    "allocation:partners": STAFF,
    "allocation:propose_partners": post_only(staff_only(*CASE_HANDLERS)),
    "allocation:plan": STAFF,
    "allocation:capacity": staff_only(*MANAGERS),
    # An empty POST names no application to move: refused as invalid (400).
    "allocation:move": post_only(staff_only(*MANAGERS, post="invalid")),
    "allocation:cancel_move": post_only(staff_only(*MANAGERS)),
    "allocation:confirm": post_only(staff_only(*MANAGERS)),
    "allocation:accept_partnership": post_only(OWNER_ONLY),
    # Organisations and the municipalities' contacts.
    "organisations:mine": APPLICANT_PAGE,
    "organisations:municipalities": STAFF,
    "organisations:contacts": STAFF,
    "organisations:contact_create": SCREENING_RECORD,
    "organisations:contact_edit": SCREENING_RECORD,
    # An empty POST carries no version: the edit is refused as a conflict (409).
    "organisations:contact_delete": staff_only(*ALL_STAFF, post="conflict"),
    "organisations:placement_sites": STAFF,
    "organisations:placement_site_create": STAFF,
    "organisations:detail": STAFF_RECORD,
    "organisations:placement_site_edit": STAFF_RECORD,
    "organisations:data_export": STAFF_RECORD,
    # The audit trail (C10) and reports (C8).
    "audit:trail": {
        **staff_only(*SCREENING_DECIDERS),
        **{(role, "POST"): "method" for role in ROLES},
    },
    # Who looked (C12): administrators search the read log; nothing is posted to it.
    "audit:read_log": {
        **staff_only("administrator"),
        **{(role, "POST"): "method" for role in ROLES},
    },
    "reports:index": staff_only(*REPORT_READERS),
    "reports:report": staff_only(*REPORT_READERS),
    "reports:excel": staff_only(*REPORT_READERS),
    "reports:csv": staff_only(*REPORT_READERS),
    "set_language": PUBLIC,
    # The REST API (C9) with a browser session.
    "api-v1:openapi-json": PUBLIC,
    "api-v1:openapi-view": PUBLIC,
    "api-v1:list_offers": API_READ,
    "api-v1:get_offer": API_READ,
    "api-v1:list_enquiries": API_LIST_CREATE,
    "api-v1:create_enquiry": API_LIST_CREATE,
    "api-v1:get_enquiry": API_RECORD,
    "api-v1:list_applications": API_LIST_CREATE,
    "api-v1:create_draft": API_LIST_CREATE,
    "api-v1:get_application": API_RECORD,
    "api-v1:save_answers": API_PUT_RECORD,
    "api-v1:list_decisions": API_READ,
    "api-v1:list_programmes": API_READ,
    "api-v1:get_programme": API_RECORD,
    "api-v1:download_document": API_RECORD,
    "api-v1:list_capacity": API_STAFF_READ,
    # The plan's query parameters are required: refused as invalid before anything else.
    "api-v1:get_plan": _table("invalid", "method", anonymous=("unauth", "method")),
    "api-v1:list_runs": API_STAFF_READ,
    "api-v1:get_screening_run": API_STAFF_READ,
    "api-v1:list_press": API_STAFF_LIST_CREATE,
    "api-v1:create_press": API_STAFF_LIST_CREATE,
    "api-v1:update_press": API_PUT_STAFF,
    "api-v1:list_ministerial_requests": API_STAFF_LIST_CREATE,
    "api-v1:create_ministerial_request": API_STAFF_LIST_CREATE,
    "api-v1:update_ministerial_request": API_PUT_STAFF,
    "api-v1:list_plans": API_STAFF_READ,
    "api-v1:put_plan": API_PUT_STAFF,
    "api-v1:list_reports": expect(
        API_STAFF_READ, roles=dict.fromkeys(("consultant", "administrator"), ("denied", "method"))
    ),
    "api-v1:get_report": expect(
        API_STAFF_READ, roles=dict.fromkeys(("consultant", "administrator"), ("denied", "method"))
    ),
    # The admin site's own pages (the rest: ADMIN_SITE by prefix).
    "admin:login": PUBLIC,
    "admin:logout": _table("ok", "ok", administrator=("method", "ok")),
    "admin:password_change_done": post_is(ADMIN_SITE, "method"),
    "admin:jsi18n": post_is(ADMIN_SITE, "method"),
    # Autocomplete without its query parameters: refused.
    "admin:autocomplete": expect(ADMIN_SITE, roles={"administrator": ("denied", "method")}),
    # Organisations have no page of their own to show.
    "admin:view_on_site": expect(ADMIN_SITE, roles={"administrator": "not_found"}),
    "admin/(?P<url>.*)$": expect(ADMIN_SITE, roles={"administrator": "not_found"}),
    "admin:django_tasks_database_dbtaskresult_add": ADMIN_REFUSED,
    "admin:django_tasks_database_dbtaskresult_delete": ADMIN_REFUSED,
    "admin:django_tasks_database_dbtaskresult_change": expect(
        ADMIN_SITE, roles={"administrator": ("ok", "denied")}
    ),
    "admin:core_outgoingemail_add": ADMIN_REFUSED,
    "admin:core_outgoingemail_delete": ADMIN_REFUSED,
    "admin:core_scheduledrun_add": ADMIN_REFUSED,
    "admin:organisations_region_delete": ADMIN_REFUSED,
    "admin:organisations_municipality_delete": ADMIN_REFUSED,
    "admin:api_apitoken_delete": ADMIN_REFUSED,
    "admin:accounts_invitation_add": ADMIN_REFUSED,
    "admin:accounts_invitation_delete": ADMIN_REFUSED,
    "admin:accounts_invitation_change": expect(
        ADMIN_SITE, roles={"administrator": ("ok", "denied")}
    ),
    "admin:twofactor_twofactorreset_add": ADMIN_REFUSED,
    "admin:twofactor_twofactorreset_delete": ADMIN_REFUSED,
    "admin:twofactor_twofactorreset_change": expect(
        ADMIN_SITE, roles={"administrator": ("ok", "denied")}
    ),
    "admin:axes_accessattempt_add": ADMIN_REFUSED,
    "admin:axes_accesslog_add": ADMIN_REFUSED,
    "admin:axes_accessfailurelog_add": ADMIN_REFUSED,
    # The API's root and any unknown address under it: the API's own 404.
    "api-v1:api-root": _table("not_found", "not_found"),
    "api/v1/^(?P<rest>.*)$": _table("not_found", "not_found"),
}

# The same patterns again with other records: (pattern key, parameters, outcomes), named
# "key[what]". An applicant's unsent draft is the applicant's alone: the Board's staff
# find no case, no assessment and no decision to make on it (C4, C12). The draft is
# Fjordglimt's, so "other_site" is its owner here.
DRAFT = staff_only(*ALL_STAFF, get="not_found", post="not_found")
VARIANTS: dict[str, tuple[str, Callable[[World], dict], Outcomes]] = {
    "applications:case[draft]": ("applications:case", lambda w: {"pk": w.draft.pk}, DRAFT),
    "applications:detail[draft]": (
        "applications:detail",
        lambda w: {"pk": w.draft.pk},
        expect(
            staff_only(*ALL_STAFF, get="not_found", post="not_found", others="not_found"),
            roles={"other_site": "ok"},
        ),
    ),
    "applications:assign[draft]": (
        "applications:assign",
        lambda w: {"pk": w.draft.pk},
        post_only(staff_only(*ALL_STAFF, post="not_found")),
    ),
    "applications:assess[draft]": (
        "applications:assess",
        lambda w: {"pk": w.draft.pk},
        post_only(staff_only(*CASE_HANDLERS, post="not_found")),
    ),
    "applications:decide[draft]": (
        "applications:decide",
        lambda w: {"pk": w.draft.pk},
        post_only(staff_only(*CASE_HANDLERS, post="not_found")),
    ),
    "api-v1:get_application[draft]": (
        "api-v1:get_application",
        lambda w: {"application_id": w.draft.pk},
        expect(
            API_RECORD,
            roles={
                **dict.fromkeys(STAFF_ROLES, ("not_found", "method")),
                "other_site": ("ok", "method"),
            },
        ),
    ),
}
