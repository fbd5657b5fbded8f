"""A password validator that refuses trivially weak passwords (C12).

Django's validators check the length, a list of common passwords and all-digit
passwords; ``aaaaaaaaaaaa``, ``abcabcabcabc`` or ``abcdefghijkl`` pass all three. The
rules here are pure functions of the password, so that they can be tested on their own:

- too few different characters (fewer than ``min_distinct``, 5 by default);
- a short piece repeated: the password is that piece two or more times over
  ("Sommer2024Sommer2024" too);
- mostly a run: in two thirds or more of the steps from one character to the next, the
  character stays the same or goes one up or down ("abcdefghijkl", "987654321098").
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

MIN_DISTINCT = 5
RUN_SHARE = 2 / 3


def distinct_characters(password: str) -> int:
    return len(set(password))


def repeated_unit(password: str) -> str | None:
    """The shortest piece that, repeated two or more times, makes the password."""
    length = len(password)
    for size in range(1, length // 2 + 1):
        if length % size == 0 and password[:size] * (length // size) == password:
            return password[:size]
    return None


def run_share(password: str) -> float:
    """How many of the steps between neighbouring characters are +1, -1 or 0 in code
    points, as a share of all steps (0 for a password of one character)."""
    steps = len(password) - 1
    if steps <= 0:
        return 0.0
    close = sum(
        1
        for left, right in zip(password, password[1:], strict=False)
        if abs(ord(left) - ord(right)) <= 1
    )
    return close / steps


def weakness(password: str, min_distinct: int = MIN_DISTINCT) -> str | None:
    """Which rule the password breaks ("distinct", "repeated", "run"), or None."""
    if distinct_characters(password) < min_distinct:
        return "distinct"
    if repeated_unit(password) is not None:
        return "repeated"
    if run_share(password) >= RUN_SHARE:
        return "run"
    return None


class VarietyValidator:
    """For AUTH_PASSWORD_VALIDATORS; option ``min_distinct`` (default 5)."""

    def __init__(self, min_distinct: int = MIN_DISTINCT):
        self.min_distinct = min_distinct

    def validate(self, password, user=None):
        if weakness(password, self.min_distinct) is not None:
            raise ValidationError(
                _(
                    "Adgangskoden er for let at gætte, fordi den består af få forskellige "
                    "tegn, gentager sig selv eller er en række som »abcd« eller »1234«. "
                    "Brug fx nogle ord, du kan huske, adskilt af mellemrum eller bindestreg."
                ),
                code="password_too_simple",
            )

    def get_help_text(self):
        return _(
            "Adgangskoden må ikke bestå af det samme tegn eller stykke igen og igen eller "
            "af en række som »abcd« eller »1234«."
        )
