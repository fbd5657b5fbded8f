"""The authorisation matrix (C12): every URL pattern the resolver knows, requested by
nobody signed in, by an applicant of another municipality and of another placement site,
and by each of the Board's staff roles, with GET and with an empty POST, against the
table in ``authorisation_matrix``.

The parameters are filled with records of Aarhus Kommune and Opholdsstedet Lærkereden and
with the Board's own records (``indsats.testing.world``), which none of the probing
applicants owns. Each request runs in a savepoint that is rolled back, so a POST that
changes something leaves the world as it was for the next one. A pattern without an
expectation fails, and so does any server error.
"""

from __future__ import annotations

import json
from urllib.parse import urlsplit

import pytest
from django.db import transaction
from django.urls import Resolver404, resolve

from indsats.core.tests import authorisation_matrix as matrix
from indsats.core.tests.urlwalk import patterns
from indsats.testing.world import ROLES, client_as

PATTERNS = patterns()
SIGN_IN_VIEWS = frozenset({"accounts:login", "admin:login"})
SECOND_FACTOR_VIEWS = frozenset({"accounts:twofactor:verify", "accounts:twofactor:enrol"})
STATUS_OUTCOMES = {
    400: "invalid",
    401: "unauth",
    403: "denied",
    404: "not_found",
    405: "method",
    409: "conflict",
    422: "invalid",
}


def classify(response) -> str:
    """The outcome class of a response (see ``authorisation_matrix``)."""
    status = response.status_code
    if 300 <= status < 400:
        location = urlsplit(response.headers.get("Location", "")).path
        try:
            view = resolve(location).view_name
        except Resolver404:
            view = None
        if view in SIGN_IN_VIEWS:
            return "login"
        # A staff session sent to confirm its second factor has not reached the page.
        return "second_factor" if view in SECOND_FACTOR_VIEWS else "ok"
    if 200 <= status < 300:
        return "ok"
    return STATUS_OUTCOMES.get(status, f"status {status}")


def expectation_for(pattern) -> dict | None:
    if pattern.key in matrix.EXPECTATIONS:
        return matrix.EXPECTATIONS[pattern.key]
    for prefix, outcomes in matrix.PREFIX_EXPECTATIONS.items():
        if pattern.route.startswith(prefix):
            return outcomes
    return None


@pytest.fixture(autouse=True)
def media_in_tmp(settings, media_root):
    """The world's documents stay where they were saved for the whole module."""
    settings.MEDIA_ROOT = media_root


@pytest.fixture(autouse=True)
def staff_confirm_a_second_factor(staff_two_factor):
    """As in the service: the staff sessions of the world have confirmed theirs."""


def request_as(world, role: str, method: str, path: str, body: dict | None = None):
    """The outcome of one request, in a savepoint rolled back afterwards; a server error
    or an exception is reported as such."""
    client = client_as(world, role)
    try:
        with transaction.atomic():
            if method == "GET":
                response = client.get(path)
            elif method == "POST":
                response = client.post(path, {})
            else:
                response = client.generic(method, path, json.dumps(body or {}), "application/json")
            transaction.set_rollback(True)
    except Exception as error:  # noqa: BLE001 - any exception is a server error here
        return f"error ({type(error).__name__}: {str(error)[:120]})", None
    if response.status_code >= 500:
        return f"error (status {response.status_code})", response
    return classify(response), response


def test_it_has_an_expectation_for_every_url_pattern():
    """C12: a new page must say who may reach it before it can be merged."""
    missing = [
        p.key for p in PATTERNS if p.key not in matrix.EXCLUDED and expectation_for(p) is None
    ]
    assert not missing, (
        "URL patterns without an expectation in indsats/core/tests/authorisation_matrix.py: "
        + ", ".join(missing)
    )


def test_it_has_no_expectation_for_a_url_that_is_gone():
    known = {p.key for p in PATTERNS}
    stale = sorted(set(matrix.EXPECTATIONS) - known)
    assert not stale, f"Expectations for URL names that no longer exist: {stale}"


def check_outcomes(world, pattern, path: str, expected: dict, roles=ROLES) -> None:
    mismatches = []
    for (role, method), want in expected.items():
        if role not in roles:
            continue
        body = matrix.PUT_BODIES[pattern.key](world) if method == "PUT" else None
        outcome, response = request_as(world, role, method, path, body)
        if outcome != want:
            where = response.headers.get("Location", "") if response is not None else ""
            mismatches.append(
                f"{role} {method} {path}: expected {want}, got {outcome}"
                + (f" -> {where}" if where else "")
            )
    assert not mismatches, f"{pattern.key}:\n" + "\n".join(mismatches)


@pytest.mark.django_db
@pytest.mark.parametrize("variant", list(matrix.VARIANTS))
def test_it_answers_every_role_as_the_table_says_for_other_records(world, variant):
    """C4, C12: the same rules for other records, such as an applicant's unsent draft."""
    key, parameters, expected = matrix.VARIANTS[variant]
    [pattern] = [p for p in PATTERNS if p.key == key]
    check_outcomes(world, pattern, pattern.path(parameters(world)), expected)


@pytest.mark.django_db
@pytest.mark.parametrize("pattern", PATTERNS, ids=[p.key for p in PATTERNS])
def test_it_answers_every_role_as_the_table_says(world, pattern):
    """C12: every role, GET and POST, gets the outcome the table expects; no 500."""
    if pattern.key in matrix.EXCLUDED:
        pytest.skip(matrix.EXCLUDED[pattern.key])
    expected = expectation_for(pattern)
    if expected is None:
        pytest.fail(f"{pattern.key}: no expectation in authorisation_matrix.py")
    path = pattern.path(matrix.parameters_for(pattern, world))
    roles = matrix.PROBES.get(pattern.key, ROLES)
    if pattern.route.startswith("admin/") and pattern.key != "admin:index":
        roles = matrix.ADMIN_PROBES
    check_outcomes(world, pattern, path, expected, roles)
