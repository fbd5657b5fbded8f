"""Read a report page's tables back: headers, rows and totals as the page shows them."""

from __future__ import annotations

from decimal import Decimal
from html.parser import HTMLParser


class _Tables(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tables: dict[str, dict] = {}
        self._table = None
        self._section = None
        self._row = None
        self._cell = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "table" and "data-table" in attrs:
            self._table = {"headers": [], "rows": [], "totals": None}
            self.tables[attrs["data-table"]] = self._table
        elif self._table is not None and tag in ("thead", "tbody", "tfoot"):
            self._section = tag
        elif self._table is not None and tag == "tr":
            self._row = []
        elif self._row is not None and tag in ("th", "td"):
            self._cell = []

    def handle_endtag(self, tag):
        if tag in ("th", "td") and self._cell is not None:
            self._row.append(" ".join("".join(self._cell).split()))
            self._cell = None
        elif tag == "tr" and self._row is not None:
            if self._section == "thead":
                self._table["headers"] = self._row
            elif self._section == "tbody":
                self._table["rows"].append(self._row)
            elif self._section == "tfoot":
                self._table["totals"] = self._row
            self._row = None
        elif tag == "table":
            self._table = None

    def handle_data(self, data):
        if self._cell is not None:
            self._cell.append(data)


def page_tables(html: str) -> dict[str, dict]:
    parser = _Tables()
    parser.feed(html)
    return parser.tables


def danish_number(text: str) -> Decimal | None:
    """'1.234' → 1234, '2,5' → 2.5, '45,5 %' → 0.455, '–' → None."""
    text = text.strip()
    if text in ("", "–"):
        return None
    percent = text.endswith("%")
    number = Decimal(text.rstrip(" %").replace(".", "").replace(",", "."))
    return number / 100 if percent else number
