"""schemathesis against the OpenAPI schema, on a live server the test starts (C9).

Every operation gets a bounded number of generated requests, as the Board's staff (a
read-write token) and as an applicant (a read-write token of their own); no answer may be
a server error, and each must have a status, content type and body that the schema
documents. The run is bounded by the number of examples, never by a timing (timings
belong in bench/): about 25 operations × 2 users × 6 examples.
"""

import datetime

import pytest
import schemathesis
from hypothesis import HealthCheck, Phase, given, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from indsats.api.models import TokenScope
from indsats.api.services import issue_token
from indsats.programmes.models import Programme
from indsats.screening.models import PressCriticism

EXAMPLES_PER_OPERATION = 6
CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
]


@pytest.fixture
def some_records(applicant, other_applicant, case_officer, make_application):
    """Real rows the generated requests can meet: ids 1, 2… exist."""
    submitted = make_application("O1", applicant.organisation, applicant, submitted=True)
    make_application("O1", other_applicant.organisation, other_applicant)
    Programme.objects.create(
        offer=submitted.offer,
        reference="TF-2027-9001",
        title="Temaforløb om børnesamtaler",
        organisation=applicant.organisation,
        current_step="initial_meeting",
    )
    PressCriticism.objects.create(
        municipality=applicant.organisation.municipality,
        published_on=datetime.date(2026, 3, 1),
        medium="Avisen",
        summary="Kritik af sagsbehandlingen.",
        recorded_by=case_officer,
    )


def _run_every_operation(schema, token):
    failures = []
    for result in schema.get_all_operations():
        operation = result.ok()

        @given(case=operation.as_strategy())
        @settings(
            max_examples=EXAMPLES_PER_OPERATION,
            deadline=None,
            database=None,
            derandomize=True,
            phases=[Phase.explicit, Phase.generate],
            suppress_health_check=list(HealthCheck),
        )
        def check(case):
            response = case.call(headers={"Authorization": f"Bearer {token}"})
            case.validate_response(response, checks=CHECKS)

        try:
            check()
        except (AssertionError, BaseExceptionGroup) as failure:  # a Failure, or a group of them
            failures.append(f"{operation.label}: {failure}")
    return failures


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_it_answers_generated_requests_within_its_schema_c9(
    live_server, some_records, case_officer, applicant
):
    schema = schemathesis.openapi.from_url(f"{live_server.url}/api/v1/openapi.json")
    failures = []
    for user in (case_officer, applicant):
        _token, text = issue_token(user, "schemathesis", TokenScope.READ_WRITE)
        failures += _run_every_operation(schema, text)
    assert not failures, "\n\n".join(failures)
