"""The applications app's models: enquiries and applications (core), and the Board's
assessments and decisions on them (assessment)."""

from .assessment import Assessment, CriterionJudgement, Decision, DecisionOutcome, Judgement
from .core import (
    APPLICANT_UPLOAD_KINDS,
    DECIDED_STATUSES,
    OPEN_STATUSES,
    Application,
    ApplicationGroup,
    ApplicationStatus,
    Document,
    DocumentKind,
    DocumentVersion,
    Enquiry,
    EnquiryChannel,
    EnquiryStatus,
    ReferenceCounter,
    next_reference,
)

__all__ = [
    "APPLICANT_UPLOAD_KINDS",
    "DECIDED_STATUSES",
    "OPEN_STATUSES",
    "Application",
    "ApplicationGroup",
    "ApplicationStatus",
    "Assessment",
    "CriterionJudgement",
    "Decision",
    "DecisionOutcome",
    "Document",
    "DocumentKind",
    "DocumentVersion",
    "Enquiry",
    "EnquiryChannel",
    "EnquiryStatus",
    "Judgement",
    "ReferenceCounter",
    "next_reference",
]
