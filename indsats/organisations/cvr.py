"""The CVR number check (Det Centrale Virksomhedsregister).

A CVR number has 8 digits; the weighted sum with weights 2, 7, 6, 5, 4, 3, 2, 1 is
divisible by 11. The register has issued numbers that fail the check, so a failure is a
warning the user may confirm, never a hard stop; only the format is a hard rule.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

WEIGHTS = (2, 7, 6, 5, 4, 3, 2, 1)
_EIGHT_DIGITS = re.compile(r"\d{8}")


@dataclass(frozen=True)
class CvrCheck:
    normalised: str
    well_formed: bool
    checksum_ok: bool


def normalise(value: str) -> str:
    """Drop the spaces, dashes and a leading 'DK' that people type around a CVR number."""
    cleaned = re.sub(r"[\s-]", "", value or "")
    if cleaned[:2].upper() == "DK":
        cleaned = cleaned[2:]
    return cleaned


def has_valid_checksum(digits: str) -> bool:
    if not _EIGHT_DIGITS.fullmatch(digits):
        return False
    total = sum(int(digit) * weight for digit, weight in zip(digits, WEIGHTS, strict=True))
    return total % 11 == 0


def check(value: str) -> CvrCheck:
    digits = normalise(value)
    well_formed = bool(_EIGHT_DIGITS.fullmatch(digits)) and digits[0] != "0"
    return CvrCheck(
        normalised=digits,
        well_formed=well_formed,
        checksum_ok=well_formed and has_valid_checksum(digits),
    )
