"""Cheap markers of the screening's inputs (#11, C13): a few aggregate queries whose
answer changes with any import, edit, addition or deletion made through the application,
where reading the inputs themselves reads every figure and record.

Per table: how many rows there are, a counter that every change raises whatever the clocks
say (the newest import of a figure; the sum of the records' versions), and the newest
change time. A marker may also change when the inputs stay as they were (a note on a plan
edited, a figure changed and changed back); it never stays the same when they change.
"""

from __future__ import annotations

import hashlib
import json

from django.db.models import Count, Max, Sum

from indsats.organisations.models import Municipality

from .models import StatisticValue


def figures_marker(year: int | None = None) -> list:
    """The figures of ``year``, or of every year."""
    figures = StatisticValue.objects.all()
    if year is not None:
        figures = figures.filter(year=year)
    return _marked(
        figures.aggregate(rows=Count("pk"), counter=Max("source"), newest=Max("imported_at"))
    )


def records_marker(model) -> list:
    """The records staff keep in ``model``: each saved through the application raises its
    ``version`` and sets ``updated_at``."""
    return _marked(
        model.objects.aggregate(rows=Count("pk"), counter=Sum("version"), newest=Max("updated_at"))
    )


def municipalities_marker() -> str:
    """A hash of the municipalities' names and regions: reference data without change
    times, 98 short rows."""
    municipalities = Municipality.objects.order_by("code").values_list(
        "code", "name", "region__code", "region__name"
    )
    return hashlib.sha256(json.dumps(list(municipalities)).encode("utf-8")).hexdigest()


def _marked(aggregates: dict) -> list:
    newest = aggregates["newest"]
    return [aggregates["rows"], aggregates["counter"], newest.isoformat() if newest else None]
