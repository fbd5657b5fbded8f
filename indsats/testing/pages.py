"""Helpers for tests of paginated lists (C13): the links a page draws, and query counts."""

from __future__ import annotations

import re
from html import unescape
from urllib.parse import parse_qs, urlsplit

from django.db import connection
from django.test.utils import CaptureQueriesContext

NEXT_LINK = re.compile(r'<a href="([^"]*)" class="button button-arrow button-next"')


def next_page_links(html: str) -> list[str]:
    """The href of every "Næste" link of the DKFDS paginations on the page, in order."""
    return [unescape(href) for href in NEXT_LINK.findall(html)]


def query_of(href: str) -> dict[str, list[str]]:
    return parse_qs(urlsplit(href).query)


def queries_for(client, url: str, data=None) -> int:
    """How many database queries a GET of ``url`` makes (the page must answer 200)."""
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url, data)
    assert response.status_code == 200
    return len(captured)
