"""When a record of delivering a programme may be dated (C6): the shared date inputs, the
day the programme (or its case) began, and whether a form's date is new or changed.
"""

from __future__ import annotations

from django import forms
from django.utils import timezone

DATE_INPUT = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
DATETIME_INPUT = forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")


def programme_began(programme):
    """The day the programme began: it is created when the application is granted, so no
    record of delivering it lies before that day."""
    return timezone.localdate(programme.created_at)


def case_began(programme):
    """The day the case began: the first enquiry or application behind the programme, else
    the programme itself. An initial meeting comes before the grant (O1.2: enquiry,
    initial meeting, then the application), so it may be recorded with a date from then."""
    moments = [programme.created_at]
    for application in programme.applications.select_related("enquiry"):
        moments.append(application.created_at)
        if application.enquiry is not None:
            moments.append(application.enquiry.created_at)
    return timezone.localdate(min(moments))


def is_new_or_changed(form, name: str) -> bool:
    """Checked for a new record, and for a record whose ``name`` is changed: an old record
    that is only corrected elsewhere is not refused for a date it already had."""
    return form.instance.pk is None or name in form.changed_data
