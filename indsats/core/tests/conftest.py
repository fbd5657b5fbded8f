"""The world of records the authorisation matrix and the fuzz tests probe (C12)."""

import pytest
from django.db import transaction
from django.test import override_settings

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
    with (
        django_db_blocker.unblock(),
        override_settings(MEDIA_ROOT=media_root),
        transaction.atomic(),
    ):
        built = build_world()
        built.records["sessions"] = {
            role: signed_in_session(user) for role, user in built.users.items() if user is not None
        }
        yield built
        transaction.set_rollback(True)
