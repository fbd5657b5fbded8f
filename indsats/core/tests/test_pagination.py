"""The shared pagination helper (C13): DKFDS's page window, links that keep the filters,
and bad page numbers shown as the first or last page. No database needed."""

import pytest
from django.test import RequestFactory

from indsats.core.pagination import PAGE_SIZE, page_window, paginate
from indsats.testing.pages import query_of


@pytest.mark.parametrize(
    ("current", "total", "shown"),
    [
        (1, 1, [1]),
        (3, 7, [1, 2, 3, 4, 5, 6, 7]),
        (1, 8, [1, 2, 3, 4, 5, None, 8]),
        (4, 20, [1, 2, 3, 4, 5, None, 20]),
        (5, 20, [1, None, 4, 5, 6, None, 20]),
        (16, 20, [1, None, 15, 16, 17, None, 20]),
        (17, 20, [1, None, 16, 17, 18, 19, 20]),
        (20, 20, [1, None, 16, 17, 18, 19, 20]),
    ],
)
def test_it_shows_the_page_numbers_dkfds_shows(current, total, shown):
    assert page_window(current, total) == shown


def _page(query: str, rows=range(120), **options):
    return paginate(RequestFactory().get(f"/liste/?{query}"), list(rows), label="Sider", **options)


def test_it_shows_fifty_rows_and_links_onwards_with_the_filters_kept():
    pagination = _page("tilbud=O4&q=Lærke&sortering=navn")
    assert list(pagination) == list(range(PAGE_SIZE))
    assert query_of(pagination.next_href) == {
        "tilbud": ["O4"],
        "q": ["Lærke"],
        "sortering": ["navn"],
        "side": ["2"],
    }
    assert pagination.previous_href == ""


def test_it_gives_page_one_the_plain_address():
    pagination = _page("q=x&side=2")
    assert query_of(pagination.previous_href) == {"q": ["x"]}
    assert [link.number for link in pagination.links] == [1, 2, 3]
    assert [link.current for link in pagination.links] == [False, True, False]


@pytest.mark.parametrize("asked", ["99", "4", "1000000000000"])
def test_it_shows_the_last_page_for_a_page_past_the_end(asked):
    pagination = _page(f"side={asked}")
    assert pagination.number == 3
    assert list(pagination) == list(range(100, 120))
    assert pagination.next_href == ""


@pytest.mark.parametrize("asked", ["", "abc", "2.5", "%00"])
def test_it_shows_the_first_page_for_a_page_that_is_not_a_number(asked):
    assert _page(f"side={asked}").number == 1


@pytest.mark.parametrize("asked", ["0", "-1", "-1000000000000"])
def test_it_shows_the_first_page_for_a_page_below_one(asked):
    pagination = _page(f"side={asked}")
    assert pagination.number == 1
    assert list(pagination) == list(range(PAGE_SIZE))


def test_it_pages_two_lists_on_one_page_apart():
    pagination = _page("side=2&side_henvendelser=3", parameter="side_henvendelser")
    assert pagination.number == 3
    assert query_of(pagination.first_href) == {"side": ["2"]}


def test_it_draws_no_pagination_when_everything_fits():
    pagination = _page("", rows=range(PAGE_SIZE))
    assert not pagination.is_paginated
    assert pagination.count == PAGE_SIZE
