"""Fuzzing every form as a test (C12): hypothesis posts malformed values to every URL that
takes a POST, as a user the authorisation matrix lets post there.

The forms are found through the URL walk, not listed by hand: every pattern whose
expectation in ``authorisation_matrix`` lets some role POST (an "ok", "invalid" or
"conflict" answer) is a target, posted to by the first such role; the field names are
read from the page's own form (or, for an action without a page, from the form on the
page that posts to it), and filled with values from ``junk``: NUL bytes, line breaks,
100,000 characters, 20-digit and negative numbers, impossible dates, emoji, right-to-left
text. A few owner-only forms (an applicant's draft, an enquiry, an invitation) are posted
to by the applicant who owns them. The REST API's writes get malformed JSON the same way.

Each post must answer without a server error; and when the answer says the input was
refused (a 4xx, or the page again with its error summary), no table may have gained or
lost a row: nothing is half-saved. Every example runs in a rolled-back savepoint.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from html.parser import HTMLParser

import pytest
from django.apps import apps
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection, transaction
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from indsats.core.tests import authorisation_matrix as matrix
from indsats.core.tests.junk import LONG, NASTY, value
from indsats.core.tests.test_authorisation_matrix import expectation_for
from indsats.core.tests.urlwalk import patterns
from indsats.testing.world import client_as

pytestmark = pytest.mark.django_db

FUZZ = settings(
    max_examples=3,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

POSTED_OK = frozenset({"ok", "invalid", "conflict"})
# Who posts: the first of these the table lets post. Nobody signed in first, so that
# public forms (registration, password reset) are fuzzed as the public meets them.
POSTERS = (
    "anonymous",
    "manager",
    "case_officer",
    "project_leader",
    "consultant",
    "administrator",
    "other_municipality",
    "other_site",
)
# Not forms: signing out, the language switch and the session keep-alive change only the
# session; the admin site is Django's own; the API takes JSON (below).
NOT_FORMS = frozenset({"accounts:logout", "set_language", "accounts:session_keep_alive"})
# Tables that change on a refused request by design: who looked, the sign-in throttle.
NOT_COUNTED = frozenset({"audit.readlogentry"})
# Pages holding the forms of actions that have no page of their own (require_POST).
HUBS = (
    ("applications:case", lambda w: {"pk": w.application.pk}),
    ("applications:enquiry_detail", lambda w: {"pk": w.enquiry.pk}),
    ("programmes:detail", lambda w: {"pk": w.programme.pk}),
    ("screening:list", lambda w: {}),
    ("allocation:plan", lambda w: {"code": w.capacity.offer.code, "period": w.capacity.period}),
    ("allocation:partners", lambda w: {}),
    ("accounts:access_requests", lambda w: {}),
    ("accounts:twofactor:security", lambda w: {}),
)
GENERIC_FIELDS = ("version", "reason", "note", "text", "position", "to_position")


@pytest.fixture(autouse=True)
def media_in_tmp(settings, media_root):
    """The world's documents stay where they were saved for the whole module."""
    settings.MEDIA_ROOT = media_root


@pytest.fixture(autouse=True)
def staff_confirm_a_second_factor(staff_two_factor):
    """As in the service: the staff sessions of the world have confirmed theirs."""


@dataclass(frozen=True)
class Target:
    key: str
    role: str
    path_of: object  # World -> path
    label: str = ""

    @property
    def id(self) -> str:
        return self.label or self.key


def _poster(expected) -> str | None:
    for role in POSTERS:
        if expected.get((role, "POST")) in POSTED_OK:
            return role
    return None


def _targets() -> list[Target]:
    found = []
    for pattern in patterns():
        if pattern.key in NOT_FORMS or pattern.route.startswith(("admin/", "api/")):
            continue
        expected = expectation_for(pattern)
        role = _poster(expected) if expected else None
        if role is None:
            continue
        found.append(
            Target(pattern.key, role, lambda w, p=pattern: p.path(matrix.parameters_for(p, w)))
        )
    # Owner-only forms, posted by their owner: Fjordglimt's draft, Københavns enquiry.
    found += [
        Target(
            "applications:edit",
            "other_site",
            lambda w: reverse("applications:edit", args=[w.draft.pk]),
            "applications:edit[own draft]",
        ),
        Target(
            "applications:review",
            "other_site",
            lambda w: reverse("applications:review", args=[w.draft.pk]),
            "applications:review[own draft]",
        ),
        Target(
            "applications:withdraw",
            "other_site",
            lambda w: reverse("applications:withdraw", args=[w.draft.pk]),
            "applications:withdraw[own draft]",
        ),
    ]
    return found


TARGETS = _targets()


class _Fields(HTMLParser):
    """Named fields per form action on a page: {action: {name: kind}}."""

    def __init__(self, page_path: str):
        super().__init__()
        self.page_path = page_path
        self.forms: dict[str, dict[str, str]] = {}
        self.action: str | None = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            method = (attrs.get("method") or "get").lower()
            self.action = (attrs.get("action") or self.page_path) if method == "post" else None
            if self.action is not None:
                self.action = self.action.split("?")[0]
                self.forms.setdefault(self.action, {})
        elif tag in {"input", "select", "textarea"} and self.action is not None:
            name = attrs.get("name")
            if name and name != "csrfmiddlewaretoken":
                kind = attrs.get("type", tag) if tag == "input" else tag
                self.forms[self.action][name] = kind

    def handle_endtag(self, tag):
        if tag == "form":
            self.action = None


def _forms_on(client, path: str) -> dict[str, dict[str, str]]:
    response = client.get(path)
    if response.status_code != 200 or "html" not in response.get("Content-Type", ""):
        return {}
    parser = _Fields(path)
    parser.feed(response.content.decode("utf-8", errors="replace"))
    return parser.forms


def _hub_forms(world, role: str) -> dict[str, dict[str, str]]:
    """The forms on every hub page as ``role`` sees them, read once per module."""
    cache = world.records.setdefault("hub_forms", {})
    if role not in cache:
        client = client_as(world, role)
        forms: dict[str, dict[str, str]] = {}
        with transaction.atomic():
            for name, params in HUBS:
                hub = reverse(name, kwargs=params(world))
                for action, fields in _forms_on(client, hub).items():
                    forms.setdefault(action, fields)
            transaction.set_rollback(True)
        cache[role] = forms
    return cache[role]


def fields_for(world, target: Target, path: str) -> dict[str, str]:
    with transaction.atomic():
        fields = _forms_on(client_as(world, target.role), path).get(path)
        transaction.set_rollback(True)
    if not fields:
        fields = _hub_forms(world, target.role).get(path)
    return fields or dict.fromkeys(GENERIC_FIELDS, "text")


def row_counts() -> tuple[int, ...]:
    """The number of rows in every table of the project's models, in one query."""
    tables = [
        model._meta.db_table
        for model in apps.get_models()
        if model._meta.label_lower not in NOT_COUNTED
        and model._meta.managed
        and not model._meta.proxy
        and (model.__module__.startswith("indsats.") or model._meta.app_label == "auditlog")
    ]
    quote = connection.ops.quote_name
    # Table names from the models, quoted by the backend: no outside input.
    sql = "SELECT " + ", ".join(f"(SELECT COUNT(*) FROM {quote(t)})" for t in tables)  # noqa: S608
    with connection.cursor() as cursor:
        cursor.execute(sql)
        return tuple(cursor.fetchone())


def _file_names():
    return st.one_of(
        st.sampled_from(["a" * 300 + ".pdf", "æøå" * 100 + ".pdf", "..pdf", ".pdf", "x\x00.pdf"]),
        st.text(min_size=1, max_size=40).map(lambda s: s + ".pdf"),
    )


@st.composite
def junk_post(draw, fields: dict[str, str]):
    """Mixed junk per field, or (every other example or so) one known-bad value in every
    field at once, so that each form meets NUL, CRLF, 100,000 characters and the rest."""
    data = {}
    same = draw(st.one_of(st.none(), st.sampled_from(NASTY)))
    for name, kind in fields.items():
        if kind == "file":
            if draw(st.booleans()):
                content = draw(st.sampled_from([b"%PDF-1.4\n", b"", b"\x00" * 64, LONG.encode()]))
                data[name] = SimpleUploadedFile(draw(_file_names()), content)
            continue
        if same is not None:
            data[name] = same
            continue
        if draw(st.integers(0, 9)) == 0:
            continue  # a field left out altogether
        if draw(st.integers(0, 9)) == 0:
            data[name] = draw(st.lists(value, min_size=2, max_size=3))
        else:
            data[name] = draw(value)
    return data


def refused(response) -> bool:
    """The answer says the input was not taken: a client error, or the page again with
    its error summary."""
    if 400 <= response.status_code < 500:
        return True
    if response.streaming:  # a file: the request was taken
        return False
    return response.status_code == 200 and b"error-summary" in response.content


def post_junk(world, target: Target, path: str, data) -> None:
    client = client_as(world, target.role)
    with transaction.atomic():
        before = row_counts()
        try:
            response = client.post(path, data)
        except Exception as error:  # noqa: BLE001 - reported with the input below
            pytest.fail(f"{target.id} as {target.role}: {type(error).__name__}: {error!s:.300}")
        after = row_counts() if refused(response) else before
        transaction.set_rollback(True)
    assert response.status_code < 500, f"{target.id} as {target.role}: {response.status_code}"
    assert after == before, f"{target.id} as {target.role}: refused, but rows were saved"


@pytest.mark.parametrize("target", TARGETS, ids=[t.id for t in TARGETS])
def test_it_posts_junk_to_every_form_without_a_server_error_or_a_half_save(world, target):
    """C12: every form, random and malformed values; no 500, nothing half-saved."""
    path = target.path_of(world)
    fields = fields_for(world, target, path)

    @FUZZ
    @given(data=junk_post(fields))
    def check(data):
        post_junk(world, target, path, data)

    check()


# The REST API's writes (C9): malformed JSON bodies, as a user who may write there.
API_WRITES = (
    ("api-v1:create_enquiry", "POST", "other_municipality", lambda w: {}),
    ("api-v1:create_draft", "POST", "other_municipality", lambda w: {}),
    ("api-v1:create_press", "POST", "case_officer", lambda w: {}),
    ("api-v1:create_ministerial_request", "POST", "case_officer", lambda w: {}),
    ("api-v1:update_press", "PUT", "case_officer", lambda w: {"press_id": w.press.pk}),
    (
        "api-v1:update_ministerial_request",
        "PUT",
        "case_officer",
        lambda w: {"request_id": w.ministerial.pk},
    ),
    ("api-v1:put_plan", "PUT", "case_officer", lambda w: {"municipality_code": "751"}),
    ("api-v1:save_answers", "PUT", "other_site", lambda w: {"application_id": w.draft.pk}),
)
API_FIELDS = (
    "offer",
    "subject",
    "message",
    "contact_name",
    "contact_email",
    "contact_phone",
    "enquiry_id",
    "municipality",
    "published_on",
    "received_on",
    "medium",
    "url",
    "summary",
    "reference",
    "status",
    "note",
    "approved_on",
    "revised_on",
    "is_published",
    "version",
    "answers",
)
json_value = st.one_of(
    value,
    st.integers(min_value=-(10**30), max_value=10**30),
    st.floats(allow_nan=False),
    st.none(),
    st.booleans(),
    st.lists(value, max_size=2),
    st.dictionaries(st.sampled_from(["topic", "motivation", "employee_count", "x"]), value),
)


@pytest.mark.parametrize(
    ("name", "method", "role", "params"), API_WRITES, ids=[w[0] for w in API_WRITES]
)
def test_it_answers_junk_json_without_a_server_error(world, name, method, role, params):
    """C9, C12: a 4xx with the API's error body, never a 500; a refusal saves nothing."""
    path = reverse(name, kwargs=params(world))

    @FUZZ
    @given(body=st.dictionaries(st.sampled_from(API_FIELDS), json_value, max_size=8))
    def check(body):
        client = client_as(world, role)
        with transaction.atomic():
            before = row_counts()
            response = client.generic(method, path, json.dumps(body), "application/json")
            after = row_counts() if response.status_code >= 400 else before
            transaction.set_rollback(True)
        assert response.status_code < 500, f"{name}: {response.status_code} for {body!r:.300}"
        assert after == before, f"{name}: refused, but rows were saved"

    check()


def test_it_finds_forms_to_fuzz():
    """The walk finds the forms; a regression here would silently fuzz nothing."""
    keys = {t.key for t in TARGETS}
    assert {"accounts:register", "applications:edit", "screening:settings"} <= keys
    assert len(TARGETS) > 40, [t.id for t in TARGETS]
    assert re.fullmatch(r"x+", LONG)


def test_it_refuses_a_twenty_digit_key_in_a_choice_of_several(world):
    """C12: a 20-digit consultant or partner key was an OverflowError on SQLite (a 500)."""
    from indsats.applications.offer_forms.o4_opkvalificering import OpkvalificeringForm
    from indsats.programmes.delivery_forms import ConsultantsForm

    form = ConsultantsForm({"consultants": ["99999999999999999999"]})
    assert not form.is_valid()
    assert "consultants" in form.errors
    form = OpkvalificeringForm(
        {"partners": ["-1", "99999999999999999999"]},
        offer=world.site_offer,
        organisation=world.site,
    )
    assert not form.is_valid()
    assert "partners" in form.errors
