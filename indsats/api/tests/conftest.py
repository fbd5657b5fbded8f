"""Tokens for the named users (indsats/conftest.py), and a client that sends one."""

import pytest
from django.test import Client

from indsats.api.models import TokenScope
from indsats.api.services import issue_token


class TokenClient(Client):
    """A test client that calls the API with ``Authorization: Bearer <token>``."""

    def __init__(self, token: str, **kwargs):
        super().__init__(HTTP_AUTHORIZATION=f"Bearer {token}", **kwargs)


@pytest.fixture
def token_client():
    """``token_client(user, scope="read_write")``: a client with a new token of the user."""

    def make(user, scope=TokenScope.READ_WRITE):
        _token, text = issue_token(user, "Testsystem", scope)
        return TokenClient(text)

    return make


# The screening's figures, for a saved run (its own fixture, shared here).
from indsats.screening.tests.conftest import add_statistics  # noqa: E402, F401
