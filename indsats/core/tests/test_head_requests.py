"""Monitoring tools and link checkers ask public pages with HEAD: they answer as for GET,
without a body, instead of 405 (C13: health checks and monitoring)."""

import pytest
from django.urls import reverse


@pytest.mark.django_db
@pytest.mark.parametrize("name", ["core:front", "catalogue:offer_list", "core:accessibility"])
def test_it_answers_head_on_public_pages(client, name):
    response = client.head(reverse(name))
    assert response.status_code == 200
    assert response.content == b""
