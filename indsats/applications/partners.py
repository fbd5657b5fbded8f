"""Consent to a joint programme of small placement sites (O4.4).

A group forms only when every member has named each of the others (``grouping.py``).
A site names partners on its application, or later in its portal: by accepting a site that
named it, or by accepting a group the Board proposed. Until consent is mutual, a site sees
of another only the name of a site that asked to work with it — never its application,
programme or documents — and no decision on one reaches another.
"""

from __future__ import annotations

from django.db import transaction

from indsats.organisations.models import Organisation

from .models import OPEN_STATUSES, Application
from .services import regroup


def can_name_partners(application) -> bool:
    """Only an open application for an offer with joint programmes (O4)."""
    return bool(application.offer.small_site_threshold) and application.status in OPEN_STATUSES


def partner_requests(application) -> list[Organisation]:
    """Sites with an open application for the same offer that named this application's
    organisation as a partner, and that this application has not named back yet."""
    if not can_name_partners(application):
        return []
    named_back = set(application.partners.values_list("pk", flat=True))
    askers = (
        Organisation.objects.filter(
            applications__offer=application.offer,
            applications__status__in=OPEN_STATUSES,
            applications__partners=application.organisation,
        )
        .exclude(pk=application.organisation_id)
        .exclude(pk__in=named_back)
        .distinct()
        .order_by("name")
    )
    return list(askers)


@transaction.atomic
def accept_partners(application, organisations) -> bool:
    """The site names ``organisations`` as its partners; the groups are recomputed.

    Returns whether the application is now in a group."""
    application = Application.objects.select_for_update().get(pk=application.pk)
    if not can_name_partners(application):
        return False
    others = [o for o in organisations if o.pk != application.organisation_id]
    application.partners.add(*others)
    application.version += 1
    application.save(update_fields=["version", "updated_at"])
    regroup(application.offer)
    application.refresh_from_db(fields=["group"])
    return application.group_id is not None
