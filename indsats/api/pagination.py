"""Page numbers with a total (C9): ``?page=2&page_size=50`` gives
``{"items": [...], "total": 312, "page": 2, "pages": 7, "page_size": 50}``.

A page past the end is empty rather than an error, as on the pages: a list that shrank
while a program was paging must not break it.
"""

import math
from typing import Any

from ninja import Field, Schema
from ninja.pagination import PaginationBase

PAGE_SIZE = 50
MAX_PAGE_SIZE = 200
MAX_PAGE = 100_000  # far past any list here, and inside every database's integer range


class PagePagination(PaginationBase):
    class Input(Schema):
        page: int = Field(1, ge=1, le=MAX_PAGE)
        page_size: int = Field(PAGE_SIZE, ge=1, le=MAX_PAGE_SIZE)

    class Output(Schema):
        items: list[Any]
        total: int
        page: int
        pages: int
        page_size: int

    def paginate_queryset(self, queryset, pagination: Input, request, **params):
        total = self._items_count(queryset)
        start = (pagination.page - 1) * pagination.page_size
        return {
            "items": list(queryset[start : start + pagination.page_size]),
            "total": total,
            "page": pagination.page,
            "pages": math.ceil(total / pagination.page_size),
            "page_size": pagination.page_size,
        }
