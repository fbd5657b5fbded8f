"""Is a page readable to the person it is for? (C10, C11)

``visible_text`` is what a person reads on a page (no tags, scripts, styles or attribute
values); ``unreadable_fragments`` finds in such text what a person should never see: an
internal key in snake_case, a Python value, a version counter, and on a Danish page an
English month name. ``crawl`` follows a signed-in user's menu and the links on its pages
one level deep, with Django's test client.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from html.parser import HTMLParser
from urllib.parse import urldefrag, urlsplit

# Text inside these elements is not read by a person.
_HIDDEN_ELEMENTS = frozenset({"script", "style", "template", "noscript", "svg"})
_VOID_ELEMENTS = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "wbr"}
)

SNAKE_CASE = re.compile(r"\b[a-z][a-z0-9]*(?:_[a-z0-9]+)+\b")
# An e-mail address, a file name or a web address may have underscores and is fine.
_ALLOWED_WITH_UNDERSCORE = re.compile(
    r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+"  # e-mail address
    r"|\b[\w-]+\.(?:pdf|docx?|xlsx?|csv|odt|txt|png|jpe?g)\b"  # file name
    r"|https?://\S+",
    re.IGNORECASE,
)
PYTHON_REPR = re.compile(r"\{'|'\}|\[\]|\{\}|\bNone\b|\bTrue\b|\bFalse\b")
# In English "None" is also a word ("Responsible: None"); there a Python value is one
# that stands where a value is shown: after a colon or an arrow, or before an arrow.
PYTHON_REPR_IN_ENGLISH = re.compile(
    r"\{'|'\}|\[\]|\{\}|(?:[:=→(\[,]\s*)(?:None|True|False)\b|\b(?:None|True|False)\s*(?:→|->)"
)
VERSION_COUNTER = re.compile(r"\bversion\s*:?\s*\d+\s*(?:→|->)\s*\d+", re.IGNORECASE)
# English month names that Danish spells otherwise (januar, marts, oktober ...), English
# abbreviations ("Nov."; Danish writes "nov."), and the names both languages share when
# written the English way, capitalised before the day ("November 28").
ENGLISH_MONTHS = re.compile(
    r"\b(?:January|February|March|June|July|October)\b"
    r"|\b(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.(?=\s*\d)"
    r"|\b(?:April|May|August|September|November|December)(?=\s+\d)"
)


class _VisibleText(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._hidden_depth = 0

    def handle_starttag(self, tag, attrs):
        if tag in _HIDDEN_ELEMENTS:
            self._hidden_depth += 1
        elif tag not in _VOID_ELEMENTS:
            self.parts.append(" ")

    def handle_endtag(self, tag):
        if tag in _HIDDEN_ELEMENTS:
            self._hidden_depth = max(0, self._hidden_depth - 1)
        else:
            self.parts.append(" ")

    def handle_data(self, data):
        if not self._hidden_depth:
            self.parts.append(data)


def visible_text(html: str) -> str:
    """The text of a page as a person reads it, whitespace collapsed."""
    parser = _VisibleText()
    parser.feed(html)
    parser.close()
    return " ".join("".join(parser.parts).split())


@dataclass(frozen=True)
class Fragment:
    kind: str
    text: str
    context: str

    def __str__(self):
        return f"{self.kind} {self.text!r} in »…{self.context}…«"


def _context(text: str, match: re.Match) -> str:
    return text[max(0, match.start() - 50) : match.end() + 50]


def unreadable_fragments(text: str, language: str) -> list[Fragment]:
    """What in ``text`` (visible text in ``language``) a user should never see."""
    found = []
    readable = _ALLOWED_WITH_UNDERSCORE.sub(" ", text)
    for match in SNAKE_CASE.finditer(readable):
        found.append(Fragment("internal key", match.group(), _context(readable, match)))
    python_repr = PYTHON_REPR_IN_ENGLISH if language == "en" else PYTHON_REPR
    for match in python_repr.finditer(text):
        found.append(Fragment("Python value", match.group(), _context(text, match)))
    for match in VERSION_COUNTER.finditer(text):
        found.append(Fragment("version counter", match.group(), _context(text, match)))
    if language == "da":
        for match in ENGLISH_MONTHS.finditer(text):
            found.append(Fragment("English month", match.group(), _context(text, match)))
    return found


# A requirement id of the specification (O1.4, F5): staff may see it beside a criterion,
# an applicant never.
REQUIREMENT_ID = re.compile(r"\b(?:O[1-5]\.\d+|F[1-7])\b")


def requirement_ids(text: str) -> list[Fragment]:
    """The requirement ids in ``text``, for pages an applicant reads."""
    return [
        Fragment("requirement id", match.group(), _context(text, match))
        for match in REQUIREMENT_ID.finditer(text)
    ]


_HREF = re.compile(r"""<a\b[^>]*?\bhref\s*=\s*["']([^"']+)["']""", re.IGNORECASE)
_MENU = re.compile(r'<ul class="mainmenu">(.*?)</ul>', re.DOTALL)


def links(html: str) -> list[str]:
    """Every same-site path an ``<a href>`` on the page points to, without its fragment."""
    from html import unescape

    found = []
    for href in _HREF.findall(html):
        href = urldefrag(unescape(href)).url
        parts = urlsplit(href)
        if parts.scheme or parts.netloc or not parts.path.startswith("/"):
            continue
        found.append(href)
    return found


def menu_links(html: str) -> list[str]:
    """The links of the main menu (DKFDS ``ul.mainmenu``, drawn once for wide screens and
    once for narrow ones), each once."""
    menus = _MENU.findall(html)
    if not menus:
        raise AssertionError("The page has no main menu (ul.mainmenu).")
    return list(dict.fromkeys(link for menu in menus for link in links(menu)))


@dataclass(frozen=True)
class Page:
    path: str
    language: str
    text: str


def crawl(client, start: str, language: str, per_view: int = 3) -> Iterator[Page]:
    """Each HTML page reached by GET from ``start``'s menu and one level further.

    ``client`` is a signed-in Django test client; its language cookie is set to
    ``language``. A path is visited once, whatever its query string, so that a paginated
    list counts as one page; and at most ``per_view`` pages of one view are read (the 98
    municipalities' screening pages share one template), the first ones linked.
    """
    from django.conf import settings
    from django.urls import Resolver404, resolve

    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    start_page = client.get(start)
    if start_page.status_code != 200:
        raise AssertionError(f"{start} answered {start_page.status_code}")
    seen_paths: set[str] = set()
    pages_of_view: dict[str, int] = {}

    def fetch(url: str):
        path = urlsplit(url).path
        if path in seen_paths:
            return None
        seen_paths.add(path)
        try:
            view = resolve(path).view_name
        except Resolver404:
            view = path  # no view answers it; fetched once, it reads as a 404
        pages_of_view[view] = pages_of_view.get(view, 0) + 1
        if pages_of_view[view] > per_view:
            return None
        response = client.get(url)
        if response.status_code != 200:
            return None
        if not response.get("Content-Type", "").startswith("text/html"):
            return None
        return response.content.decode()

    html = start_page.content.decode()
    seen_paths.add(urlsplit(start).path)
    yield Page(start, language, visible_text(html))
    menu = menu_links(html)
    level_one = []
    for url in menu:
        page_html = fetch(url)
        if page_html is not None:
            level_one.append(page_html)
            yield Page(url, language, visible_text(page_html))
    for page_html in [html, *level_one]:
        for url in links(page_html):
            page_html_two = fetch(url)
            if page_html_two is not None:
                yield Page(url, language, visible_text(page_html_two))
