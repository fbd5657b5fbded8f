"""API tokens as text: made once, shown once, kept only as a hash (C9). Pure: no ORM.

A token reads ``ind_<prefix>_<secret>``. The prefix is stored in the clear so that a
token can be found with one indexed lookup and recognised in a list; the secret has 256
bits from ``secrets``, so a fast hash (SHA-256) is enough: there is nothing to guess.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from dataclasses import dataclass

SCHEME = "ind"
PREFIX_LENGTH = 8


@dataclass(frozen=True)
class NewToken:
    text: str  # shown to the administrator once, never stored
    prefix: str
    digest: str


def digest_of(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()


def make_token() -> NewToken:
    prefix = secrets.token_hex(PREFIX_LENGTH // 2)
    text = f"{SCHEME}_{prefix}_{secrets.token_urlsafe(32)}"
    return NewToken(text=text, prefix=prefix, digest=digest_of(text))


def prefix_of(text: str) -> str | None:
    """The lookup prefix of a token as sent, or None when it cannot be one of ours."""
    parts = text.split("_", 2)
    if len(parts) != 3 or parts[0] != SCHEME or len(parts[1]) != PREFIX_LENGTH:
        return None
    return parts[1]


def matches(text: str, digest: str) -> bool:
    return hmac.compare_digest(digest_of(text), digest)
