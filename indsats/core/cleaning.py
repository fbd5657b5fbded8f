"""Input a database and a mail header can hold (C12, #12).

Django's form fields already refuse what does not fit, but some values reach the database
without a form: query parameters that lists read directly, the answers JSON of an
application, a version counter posted beside a form. These helpers are the one place they
are cleaned, as pure functions:

- NUL: PostgreSQL refuses it in every text and JSON value, so it never reaches a query.
- integers: a parameter that is not a whole number, or lies outside what every id and
  integer column of both databases holds (PostgreSQL's ``integer`` is 32-bit), is
  treated as not given.
- searches: SQLite refuses a LIKE pattern over 50,000 bytes; a search is cut at
  ``MAX_SEARCH_LENGTH`` characters (as the API's ``Text``), far below that.
- one-line text for mail headers: line breaks and runs of white space become one space.
"""

from __future__ import annotations

from collections.abc import Mapping

NUL = "\x00"
MAX_SEARCH_LENGTH = 200
# The largest value every integer column holds on both databases (PostgreSQL's integer).
MAX_INTEGER = 2**31 - 1
# The largest number a person types into a form here (hours, months, employees, weights):
# far past any real value, far below any column's limit.
MAX_FORM_INTEGER = 1_000_000


def has_nul(value) -> bool:
    """True when ``value`` (a string, or a list or dict of them) holds a NUL character."""
    if isinstance(value, str):
        return NUL in value
    if isinstance(value, Mapping):
        return any(has_nul(key) or has_nul(item) for key, item in value.items())
    if isinstance(value, list | tuple):
        return any(has_nul(item) for item in value)
    return False


def without_nul(value: str) -> str:
    return value.replace(NUL, "")


def search_text(value: str | None, max_length: int = MAX_SEARCH_LENGTH) -> str:
    """A search as typed, without NUL, trimmed and cut at ``max_length`` characters."""
    return without_nul(value or "").strip()[:max_length]


def whole_number(value, minimum: int = 0, maximum: int = MAX_INTEGER) -> int | None:
    """``value`` (a string as posted or in a query) as an int in [minimum, maximum], or
    None when it is not a whole number in that range."""
    if isinstance(value, int) and not isinstance(value, bool):
        number = value
    else:
        text = str(value if value is not None else "").strip()
        digits = text[1:] if text[:1] in "+-" else text
        # Only ASCII digits, and not more than the range can hold: int("٣") is 3, and
        # int() of a hundred thousand digits is slow.
        if not digits or not (digits.isascii() and digits.isdigit()) or len(digits) > 20:
            return None
        number = int(text)
    return number if minimum <= number <= maximum else None


def text_parameter(query, name: str, default: str = "") -> str:
    """A text query parameter (a filter or a sort key), without NUL and not over-long."""
    return search_text(query.get(name, default))


LINE_BREAKS = frozenset("\r\n\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029")


def has_line_break(value: str) -> bool:
    return any(character in LINE_BREAKS for character in value or "")


def refuse_line_breaks(value: str) -> None:
    """A validator for one-line fields (a subject, a name): a line break is refused at the
    field, since such text goes into e-mail headers (C12)."""
    from django.core.exceptions import ValidationError
    from django.utils.translation import gettext

    if has_line_break(value):
        raise ValidationError(
            gettext("Skriv teksten på én linje, uden linjeskift."), code="line_break"
        )


# A stored file's name, with room for the "v12-" before it and the "_abc1234" a storage
# adds when the name is taken, inside a file system's 255 bytes per name.
MAX_FILE_NAME_BYTES = 200
LONGEST_EXTENSION = 10  # ".docx", ".pdf", ".odt", ".csv": anything longer is not one


def safe_file_name(name: str, max_bytes: int = MAX_FILE_NAME_BYTES) -> str:
    """An uploaded file's name made safe to store: the last path part only, without
    control characters, and cut so its UTF-8 form is at most ``max_bytes`` bytes, the
    extension kept and no character cut in half (C12)."""
    name = name.replace("\\", "/").rsplit("/", 1)[-1]
    name = "".join(character for character in name if character.isprintable()).strip()
    stem, dot, extension = name.rpartition(".")
    if not dot or not stem or len(extension) > LONGEST_EXTENSION or " " in extension:
        stem, extension = name, ""
    suffix = f".{extension}" if extension else ""
    room = max_bytes - len(suffix.encode())
    stem = stem.encode()[:room].decode(errors="ignore").strip() or "fil"
    return f"{stem}{suffix}"


def one_line(value) -> str:
    """``value`` as text for a mail header: every line break and run of white space one
    space, and no NUL (a header with a line break is refused by the mail library)."""
    return " ".join(without_nul(str(value)).split())
