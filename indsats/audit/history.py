"""The history of a case: every audit entry of a set of records, oldest first, described
in plain Danish (C10). A case names its records as (model, ids) pairs."""

from __future__ import annotations

from collections.abc import Iterable

from auditlog.models import LogEntry
from django.contrib.contenttypes.models import ContentType
from django.db.models import Q

from .describe import Described, describe


def history_of(records: Iterable[tuple[type, Iterable[int]]]) -> list[Described]:
    condition = Q()
    for model, ids in records:
        ids = [str(pk) for pk in ids]
        if ids:
            content_type = ContentType.objects.get_for_model(model)
            condition |= Q(content_type=content_type, object_pk__in=ids)
    if not condition:
        return []
    entries = (
        LogEntry.objects.filter(condition)
        .select_related("actor", "content_type")
        .order_by("timestamp", "pk")
    )
    return [describe(entry) for entry in entries]
