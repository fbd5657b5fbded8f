"""Browser-test infrastructure shared by every app: Debian's chromium through Playwright.

A browser test is marked ``@pytest.mark.browser`` and takes the ``page`` fixture: a fresh
browser context (Danish locale) whose relative URLs go to pytest-django's ``live_server``.
Such a test runs in a transactional database with serialized rollback: the reference
data from the migrations (regions, municipalities, the Board) is there in every browser
test, put back from a copy taken when the test database was made
(``indsats.testing.table_rows``). Helpers to log in and to run axe-core live in
``indsats.core.tests.browser``.
"""

from __future__ import annotations

import contextlib
import os
import re
from pathlib import Path

import pytest

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
SCREENSHOT_DIR = Path(__file__).resolve().parent / "test-results"


def pytest_configure(config):
    """Hash test passwords with a fast hasher.

    The production hasher (PBKDF2 at Django's full strength) is slow on purpose; every
    test that makes a user would spend most of its time on it. Tests never check the
    strength of the hash, only that a password works, so any real hasher will do.
    """
    from django.conf import settings

    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]

    # Two-factor sign-in for staff (C12) is always on in the service. The test client's
    # force_login() makes a session no person could make, so test-client tests run with
    # the second factor off; browser tests, which sign in as a person does, run with it on
    # (``staff_two_factor``, below; ``log_in`` confirms the code), and so do the tests of
    # indsats.accounts.twofactor, whose settings test proves the service has it on.
    settings.INDSATS_STAFF_TWO_FACTOR = False

    # Hypothesis's per-example deadline is a timing check; timings belong in bench/, and
    # on a loaded machine it fails tests whose rules are right. Examples stay bounded by
    # each test's max_examples.
    from hypothesis import settings as hypothesis_settings

    hypothesis_settings.register_profile("indsats", deadline=None)
    hypothesis_settings.load_profile("indsats")


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(items):
    """Run the browser tests last, each in a transactional database with serialized rollback.

    The live server answers from another thread, so a browser test's data must be
    committed; serialized rollback puts the migrations' reference data back after the
    flush. Running them last (after pytest-django's own ordering) means that nothing
    else runs while chromium, and with it Playwright's event loop, is up.
    """
    for item in items:
        if item.get_closest_marker("browser") and not item.get_closest_marker("django_db"):
            item.add_marker(pytest.mark.django_db(transaction=True, serialized_rollback=True))
    items.sort(key=lambda item: item.get_closest_marker("browser") is not None)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    """Remember each phase's report on the item, so ``page`` can screenshot a failure."""
    report = yield
    setattr(item, f"report_{report.when}", report)
    return report


@pytest.fixture
def staff_two_factor(settings):
    """The Board's staff confirm a second factor after the password, as in the service."""
    settings.INDSATS_STAFF_TWO_FACTOR = True


@pytest.fixture(autouse=True)
def _staff_two_factor_in_browser_tests(request):
    if request.node.get_closest_marker("browser") is not None:
        request.getfixturevalue("staff_two_factor")


# The reference data of each test database, as the migrations made it (django_db_setup).
_reference_rows: dict[str, dict] = {}


def _put_back_reference_rows(creation, data) -> None:
    """Serialized rollback's restore, from the copy of the rows ``django_db_setup`` took:
    the same rows as Django's serialized data (taken at the same moment), put back in
    milliseconds instead of 0.3 s (SQLite) or 0.7 s (PostgreSQL) a transactional test."""
    from indsats.testing import table_rows

    table_rows.put_back(_reference_rows[creation.connection.settings_dict["NAME"]])


def _delete_instead_of_truncate(truncate):
    """PostgreSQL's flush after each transactional test as DELETE, not TRUNCATE.

    TRUNCATE gives each of the 76 tables new files (0.22 s a flush); DELETE of the few
    rows a test leaves takes 0.05 s (``table_rows.emptying``; the flush runs in one
    transaction). Flushes that reset sequences or cascade (none in this suite) keep
    Django's ``truncate``."""
    from indsats.testing import table_rows

    def sql_flush(ops, style, tables, *, reset_sequences=False, allow_cascade=False):
        if reset_sequences or allow_cascade:
            return truncate(
                ops, style, tables, reset_sequences=reset_sequences, allow_cascade=allow_cascade
            )
        return table_rows.emptying(tables)

    return sql_flush


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """pytest-django's test databases, with the serialized rollback data kept per backend
    and restored from a copy of the rows (``_put_back_reference_rows``), and on PostgreSQL
    emptied with DELETE after a transactional test (``_delete_instead_of_truncate``).

    While Playwright's event loop runs, asgiref keeps Django's connections in a separate
    (context) storage, so a browser test gets a new connection object for the same test
    database. Django looks for the data serialized at setup on that object; keeping it on
    the backend's class makes it visible there too, so that every browser test starts from
    the migrations' reference data whether or not the database was set up before chromium.
    """
    from django.db import connection, connections

    from indsats.testing import table_rows

    for alias in connections:
        contents = getattr(connections[alias], "_test_serialized_contents", None)
        if contents is not None:
            type(connections[alias])._test_serialized_contents = contents
    with django_db_blocker.unblock():
        _reference_rows[connection.settings_dict["NAME"]] = table_rows.save(table_rows.tables())
    # On the class, like the serialized data above, for the connections Playwright's loop gets.
    type(connection.creation).deserialize_db_from_string = _put_back_reference_rows
    if connection.vendor == "postgresql":
        operations = type(connection.ops)
        operations.sql_flush = _delete_instead_of_truncate(operations.sql_flush)
    return django_db_setup


@pytest.fixture(scope="session")
def browser():
    """One headless Debian chromium for the browser tests, which run last."""
    if not os.access(CHROMIUM, os.X_OK):
        pytest.fail(
            f"{CHROMIUM} is missing: browser tests drive Debian's chromium. "
            "Run 'make test' (scripts/setup.sh --with-browser installs it) "
            "or 'apt-get install -y chromium fonts-dejavu-core'.",
            pytrace=False,
        )
    from django.db import connections
    from playwright.sync_api import sync_playwright

    # Playwright's sync API keeps an event loop running in the test's thread; without this
    # Django refuses database access there ("You cannot call this from an async context").
    # It is set only while chromium is up, so that subprocesses of other tests (such as
    # `manage.py check --deploy`, which rejects it) do not inherit it.
    async_unsafe = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    playwright = sync_playwright().start()
    try:
        chromium = playwright.chromium.launch(
            executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True
        )
        yield chromium
        chromium.close()
    finally:
        # Close the connections made while the loop ran (see django_db_setup), so that
        # the test database can be dropped at the end of the session.
        connections.close_all()
        playwright.stop()
        if async_unsafe is None:
            os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
        else:
            os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = async_unsafe


@pytest.fixture
def page(request, browser, live_server):
    """A page in a fresh browser context (da-DK) whose relative URLs go to the live server."""
    context = browser.new_context(locale="da-DK", base_url=live_server.url)
    context.set_default_timeout(10_000)
    page = context.new_page()
    yield page
    call_report = getattr(request.node, "report_call", None)
    if call_report is not None and call_report.failed:
        SCREENSHOT_DIR.mkdir(exist_ok=True)
        name = re.sub(r"[^A-Za-z0-9_.-]+", "_", request.node.nodeid)
        with contextlib.suppress(Exception):  # a screenshot is a courtesy, not a result
            page.screenshot(path=SCREENSHOT_DIR / f"{name}.png", full_page=True)
    context.close()


@pytest.fixture
def demo_data(db):
    """The demo organisations and one login per role (password ``DEMO_PASSWORD``).

    Loading them takes seconds (ten years of synthetic statistics); after the first load
    in this process they come from a copy (``indsats.testing.demo_copy``).
    """
    from indsats.testing.demo_copy import load_demo_data_copied

    return load_demo_data_copied()
