"""The world of records the authorisation matrix and the fuzz tests probe (C12)."""

import pytest

from indsats.testing.module_data import built_for_the_module
from indsats.testing.world import build_world, signed_in_session


@pytest.fixture(scope="module")
def media_root(tmp_path_factory):
    """Where the world's documents are kept for the whole module; a module using the
    world also overrides ``media_in_tmp`` to point at it."""
    return tmp_path_factory.mktemp("world-media")


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker, media_root):
    """``indsats.testing.world`` and a signed-in session per role, built once per module
    inside a transaction that is rolled back at its end."""

    def build():
        built = build_world()
        built.records["sessions"] = {
            role: signed_in_session(user) for role, user in built.users.items() if user is not None
        }
        return built

    with built_for_the_module(django_db_blocker, media_root, build) as built:
        yield built


@pytest.fixture(scope="session")
def production_server(tmp_path_factory):
    """`make serve` (scripts/serve.sh) as production runs it, on the suite's kind of
    database, with JSON logs and two processes of ten threads: twenty requests in the
    database at once, from more than one process. Started once per run: collectstatic and migrate
    take most of half a minute. Tests using it are marked
    ``pytest.mark.xdist_group("production_server")``, so that pytest-xdist (``--dist
    loadgroup``, scripts/test.sh) runs them all on one worker, which starts it once."""
    from indsats.testing.server import serving_on_the_suites_database

    with serving_on_the_suites_database(
        tmp_path_factory.mktemp("production-server"),
        LOG_FORMAT="json",
        WEB_CONCURRENCY="2",
        GUNICORN_THREADS="10",
    ) as running:
        yield running
