"""Who may do what: plain predicates shared by views, templates and the API.

Each takes the user (possibly anonymous) first and answers True or False; none touches
the request.
"""

from __future__ import annotations

from .models import BOARD_ROLES, Role


def _active(user) -> bool:
    return bool(user and user.is_authenticated and user.is_active)


def is_signed_in(user) -> bool:
    return _active(user)


def is_board_staff(user) -> bool:
    return _active(user) and user.role in BOARD_ROLES and user.organisation.is_board


def is_applicant(user) -> bool:
    return _active(user) and user.role == Role.APPLICANT and not user.organisation.is_board


def can_view_organisation(user, organisation) -> bool:
    """Staff see every organisation; an applicant only their own."""
    if is_board_staff(user):
        return True
    return is_applicant(user) and user.organisation_id == organisation.pk


def can_export_organisation_data(user, organisation) -> bool:
    """Everything the Board holds about an organisation, as one file (GDPR art. 15, #10):
    the organisation's own users, and the Board's staff for any organisation."""
    return not organisation.is_board and can_view_organisation(user, organisation)


def can_view_organisation_register(user) -> bool:
    """The lists of all municipalities and placement sites are the Board's working tools."""
    return is_board_staff(user)


def can_edit_organisation_register(user) -> bool:
    """Registering a placement site on someone's behalf (e.g. after a phone call)."""
    return is_board_staff(user)


def can_keep_municipal_contacts(user) -> bool:
    """The municipalities' contact persons (#9): the Board's staff, who contact them."""
    return is_board_staff(user)


def can_edit_organisation(user, organisation) -> bool:
    """A placement site's details: the Board's staff, or the site's own users."""
    if not organisation.is_placement_site:
        return False
    if is_board_staff(user):
        return True
    return is_applicant(user) and user.organisation_id == organisation.pk


def can_edit_catalogue(user) -> bool:
    """Offer texts and opening or closing an offer: those who own the offers."""
    return is_board_staff(user) and user.role in {
        Role.PROJECT_LEADER,
        Role.MANAGER,
        Role.ADMINISTRATOR,
    }


def can_view_audit_trail(user) -> bool:
    return is_board_staff(user) and user.role in {Role.MANAGER, Role.ADMINISTRATOR}


def can_use_admin_site(user) -> bool:
    return is_board_staff(user) and user.role == Role.ADMINISTRATOR


def can_reset_two_factor(user, target) -> bool:
    """Removing a lost second factor (C12): an administrator, for another of the Board's
    staff; nobody resets their own."""
    return can_use_admin_site(user) and is_board_staff(target) and target.pk != user.pk


def can_view_read_log(user) -> bool:
    """Who opened which case, programme or screening page (C12): administrators only."""
    return is_board_staff(user) and user.role == Role.ADMINISTRATOR


# Enquiries, applications and their documents. The objects are passed in; these modules
# are imported lazily so that permissions stay importable from every app.


def _own(user, obj) -> bool:
    return is_applicant(user) and obj.organisation_id == user.organisation_id


def can_send_enquiry(user, offer) -> bool:
    return (
        is_applicant(user) and offer.is_published and offer.applicant_kind == user.organisation.kind
    )


def can_view_enquiry(user, enquiry) -> bool:
    return is_board_staff(user) or _own(user, enquiry)


def can_answer_enquiry(user) -> bool:
    return is_board_staff(user)


def can_apply_for(user, offer) -> bool:
    return (
        is_applicant(user)
        and offer.applicant_kind == user.organisation.kind
        and offer.can_be_applied_for
    )


def can_view_application(user, application) -> bool:
    """The applicant's own organisation always; the Board's staff only once it is sent: an
    unsent draft is the applicant's own work (C12, #12)."""
    if is_board_staff(user):
        return not application.is_draft
    return _own(user, application)


def can_edit_application(user, application) -> bool:
    return _own(user, application) and application.is_draft


def can_withdraw_application(user, application) -> bool:
    return _own(user, application) and application.can_be_withdrawn


# The steps of the O4 programme at which each policy is wanted (O4.3 steps 8 and 10): the
# draft once the theme days are under way, the final policy once the closing meeting is.
UPLOAD_STEPS = {
    "draft_policy": frozenset({"theme_days", "draft_policy", "closing_meeting", "final_policy"}),
    "final_policy": frozenset({"closing_meeting", "final_policy"}),
}


def can_upload_document(user, application, kind) -> bool:
    """Draft and final policies from the site, only once its running programme needs them
    (a new version may follow later in the same programme)."""
    from indsats.applications.models import ApplicationStatus

    if not (_own(user, application) and application.offer.code == "O4"):
        return False
    if kind not in UPLOAD_STEPS or application.status != ApplicationStatus.GRANTED:
        return False
    programme = application.programme
    return (
        programme is not None
        and programme.status == "active"
        and programme.current_step in UPLOAD_STEPS[kind]
    )


# Accounts: self-registration is checked by the Board; applicants invite their colleagues.


def can_decide_access_requests(user) -> bool:
    """Approving or rejecting a self-registered user: the Board's staff who handle cases."""
    return is_board_staff(user) and user.role in {
        Role.CASE_OFFICER,
        Role.PROJECT_LEADER,
        Role.MANAGER,
        Role.ADMINISTRATOR,
    }


def can_invite_colleagues(user) -> bool:
    """An applicant vouches for colleagues in their own organisation."""
    return is_applicant(user)


# The Board's back office: inbox, assessment and decisions (C4).

CASE_HANDLERS = frozenset({Role.CASE_OFFICER, Role.PROJECT_LEADER, Role.MANAGER})


def can_use_inbox(user) -> bool:
    return is_board_staff(user)


def can_assess(user) -> bool:
    return is_board_staff(user) and user.role in CASE_HANDLERS


def can_decide(user) -> bool:
    return is_board_staff(user) and user.role in CASE_HANDLERS


def can_reopen_decision(user) -> bool:
    return is_board_staff(user) and user.role == Role.MANAGER


# Screening of the municipalities (C7, O5): the Board's own working tool.

SCREENING_DECIDERS = frozenset({Role.MANAGER, Role.ADMINISTRATOR})


def can_view_screening(user) -> bool:
    """The ranking, the figures and the municipality pages: every member of the Board's staff."""
    return is_board_staff(user)


def can_run_screening(user) -> bool:
    """Running it again only saves a new run with today's data and settings."""
    return is_board_staff(user)


def can_record_screening_information(user) -> bool:
    """Plans, press criticism, ministerial requests, comparison groups: any staff member
    may record what arrives by mail or phone."""
    return is_board_staff(user)


def can_import_screening_data(user) -> bool:
    """Uploading statistics and lists replaces figures for everyone: not consultants."""
    return is_board_staff(user) and user.role in {
        Role.CASE_OFFICER,
        Role.PROJECT_LEADER,
        Role.MANAGER,
        Role.ADMINISTRATOR,
    }


def can_decide_outreach(user) -> bool:
    """Contact, watch or no action: managers take the outreach decisions (SPEC, O5)."""
    return is_board_staff(user) and user.role in SCREENING_DECIDERS


def can_edit_screening_settings(user) -> bool:
    """Thresholds, references, weights and reason codes change every ranking."""
    return is_board_staff(user) and user.role in SCREENING_DECIDERS


# Delivering a programme (C6): meetings, theme days, focus groups, hours, goals, tasks.

DELIVERERS = frozenset({Role.CONSULTANT, Role.CASE_OFFICER, Role.PROJECT_LEADER, Role.MANAGER})


def can_view_programme(user, programme) -> bool:
    """The Board's staff, or an applicant whose organisation runs the programme or takes
    part in it (a joint programme of several sites, O4.4)."""
    if is_board_staff(user):
        return True
    if not is_applicant(user):
        return False
    return (
        programme.organisation_id == user.organisation_id
        or programme.participants.filter(pk=user.organisation_id).exists()
    )


def can_deliver(user, programme) -> bool:
    """Recording meetings, theme days, focus groups, hours, goals, tasks and the
    programme's texts: the staff who deliver and handle programmes (not administrators)."""
    return is_board_staff(user) and user.role in DELIVERERS


def can_raise_hour_cap(user) -> bool:
    """Going past the offer's hours (O1.1: 25) is a manager's decision, with a reason."""
    return is_board_staff(user) and user.role == Role.MANAGER


def can_assign_consultants(user) -> bool:
    """Who delivers a programme is decided by those who handle cases."""
    return is_board_staff(user) and user.role in CASE_HANDLERS


# Capacity and allocation (C5).


def can_view_allocation(user) -> bool:
    """The plan and the capacity are open to the Board's staff, who answer applicants."""
    return is_board_staff(user)


def can_allocate(user) -> bool:
    """Setting capacity, moving places in the queue and confirming a plan: managers (SPEC:
    managers set capacity and take allocation decisions)."""
    return is_board_staff(user) and user.role == Role.MANAGER


def can_propose_partners(user) -> bool:
    """Proposing a joint programme to small sites waiting alone (O4.4)."""
    return is_board_staff(user) and user.role in CASE_HANDLERS


# Reports (C8): the figures managers answer to the ministry with.

REPORT_READERS = frozenset({Role.CASE_OFFICER, Role.PROJECT_LEADER, Role.MANAGER})


def can_view_reports(user) -> bool:
    """Volumes, waiting times, capacity, outcomes and reach: managers, project leaders and
    case officers (not consultants, administrators or applicants)."""
    return is_board_staff(user) and user.role in REPORT_READERS
