"""One way to page a list (C13): 50 rows a page, DKFDS pagination, filters kept in the URL.

``paginate(request, rows)`` gives a ``Pagination``: the rows of the asked-for page and the
links the include ``includes/pagination.html`` draws. A page number that is not a number
or below 1 shows the first page; one past the end shows the last (never a 404 or a 500), because a
list that shrank while someone was paging must still show something. Every link keeps the
other query parameters (filters, sort), so paging never loses them.

``page_window`` is the DKFDS rule for which page numbers to show, a pure function.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.core.paginator import Page, Paginator

PAGE_SIZE = 50
PAGE_PARAMETER = "side"
# DKFDS shows every page number up to seven pages; beyond that a window with "…".
ALL_PAGES_UP_TO = 7


def page_window(current: int, total: int) -> list[int | None]:
    """The page numbers DKFDS shows around ``current`` of ``total``; None is an ellipsis.

    Follows the component's own template (dkfds/src/components/pagination/pagination.njk):
    all pages up to seven; otherwise the first five, the last five, or the current page
    with its neighbours, always with the first and the last page.
    """
    if total <= ALL_PAGES_UP_TO:
        return list(range(1, total + 1))
    if current < 5:
        return [1, 2, 3, 4, 5, None, total]
    if current + 4 > total:
        return [1, None, *range(total - 4, total + 1)]
    return [1, None, current - 1, current, current + 1, None, total]


@dataclass(frozen=True)
class PageLink:
    number: int | None  # None: the "…" between page numbers
    href: str = ""
    current: bool = False
    last: bool = False


@dataclass(frozen=True)
class Pagination:
    page: Page
    links: list[PageLink]
    first_href: str
    previous_href: str
    next_href: str
    last_href: str
    label: str

    def __iter__(self):
        return iter(self.page.object_list)

    def __len__(self):
        return len(self.page.object_list)

    @property
    def number(self) -> int:
        return self.page.number

    @property
    def num_pages(self) -> int:
        return self.page.paginator.num_pages

    @property
    def count(self) -> int:
        return self.page.paginator.count

    @property
    def is_paginated(self) -> bool:
        return self.num_pages > 1


def _asked_page(value: str | None) -> str | None:
    """The page asked for; 0 and negative numbers mean the first page (Django's paginator
    would show the last, as for a number past the end)."""
    try:
        return "1" if int(value) < 1 else value
    except (TypeError, ValueError):
        return value  # not a number: the paginator shows the first page


def _href(query, parameter: str, number: int) -> str:
    query = query.copy()
    if number == 1:
        query.pop(parameter, None)  # page one has the plain address
    else:
        query[parameter] = str(number)
    encoded = query.urlencode()
    return f"?{encoded}" if encoded else "?"


def paginate(
    request,
    rows,
    *,
    label: str,
    parameter: str = PAGE_PARAMETER,
    per_page: int = PAGE_SIZE,
    count: int | None = None,
) -> Pagination:
    """The page of ``rows`` (a queryset or a list) that ``request.GET[parameter]`` asks for.

    ``label`` names the pagination for screen readers (e.g. "Sider med ansøgninger").
    ``count``, when the caller already knows how many rows there are (from an aggregate
    it makes anyway), saves the paginator its own COUNT query.
    """
    paginator = Paginator(rows, per_page)
    if count is not None:
        paginator.count = count  # the cached property's value, set ahead
    page = paginator.get_page(_asked_page(request.GET.get(parameter)))
    total = page.paginator.num_pages
    query = request.GET

    def href(number: int) -> str:
        return _href(query, parameter, number)

    links = [
        PageLink(number=None)
        if number is None
        else PageLink(
            number=number,
            href=href(number),
            current=number == page.number,
            last=number == total and total > 1,
        )
        for number in page_window(page.number, total)
    ]
    return Pagination(
        page=page,
        links=links,
        first_href=href(1),
        previous_href=href(page.previous_page_number()) if page.has_previous() else "",
        next_href=href(page.next_page_number()) if page.has_next() else "",
        last_href=href(total),
        label=label,
    )
