"""Programmes for tests that record things on dates long past."""

from __future__ import annotations

from datetime import UTC, datetime

LONG_AGO = datetime(2020, 1, 1, tzinfo=UTC)


def began_long_ago(programme):
    """``programme``, begun on 1 January 2020: no record may lie before the day a programme
    began, and these tests keep dates from before the day they run."""
    type(programme).objects.filter(pk=programme.pk).update(created_at=LONG_AGO)
    programme.created_at = LONG_AGO
    return programme
