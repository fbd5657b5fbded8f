"""Percentiles for the waiting times (C8): pure, no database.

The method is **nearest rank**: the p-th percentile of n sorted values is the value at
rank ceil(p/100 × n) (1-based). It is always one of the measured values, so a waiting time
is a whole number of days. The median is the 50th percentile by the same rule, so with an
even number of values it is the lower of the two middle values (not their mean).
"""

from __future__ import annotations

from collections.abc import Iterable


def nearest_rank(values: Iterable[int], percent: int) -> int | None:
    """The ``percent``-th percentile by nearest rank; None for no values."""
    if not 0 < percent <= 100:
        raise ValueError("percent must be in (0, 100]")
    ordered = sorted(values)
    if not ordered:
        return None
    rank = -(-percent * len(ordered) // 100)  # ceil in integers: no float rounding
    return ordered[rank - 1]


def median(values: Iterable[int]) -> int | None:
    return nearest_rank(values, 50)


def percentile_90(values: Iterable[int]) -> int | None:
    return nearest_rank(values, 90)
