"""Malformed values for the fuzz tests (C12): what a clumsy user, a broken export or an
attacker puts in a field or a cell."""

from __future__ import annotations

from hypothesis import strategies as st

LONG = "x" * 100_000

# Values known to have broken something somewhere: NUL bytes, line breaks (e-mail header
# injection), very long text, numbers that overflow a 64-bit integer or a float, impossible
# dates, blanks, emoji and right-to-left text, other types spelled as text.
NASTY = (
    "",
    " ",
    "\x00",
    "a\x00b",
    "Emne\r\nBcc: alle@example.org",
    "linje\nlinje",
    "\r",
    LONG,
    "-1",
    "0",
    "-0",
    "1.5",
    "1,5",
    "1e309",
    "NaN",
    "inf",
    "99999999999999999999",
    "-99999999999999999999",
    "18446744073709551616",
    "2147483648",
    "2026-02-30",
    "0000-00-00",
    "99999-01-01",
    "31-12-9999",
    "2026-13-01",
    "😀👩‍👩‍👧",
    "\u202eredro\u202c",
    "שלום",
    "[]",
    "{}",
    "null",
    "true",
    "<script>alert(1)</script>",
    "'; DROP TABLE x; --",
    "%s%s%n",
    "../../etc/passwd",
    "\ufeff",
)

value = st.one_of(
    st.sampled_from(NASTY),
    st.text(max_size=30),
    st.integers().map(str),
    st.integers(min_value=-(10**25), max_value=10**25).map(str),
    st.dates().map(str),
)
