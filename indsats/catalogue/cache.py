"""Whole-page cache of the public catalogue for anonymous visitors (C13).

The catalogue is what the public reads most and changes least. An anonymous GET without
a query string is answered from Django's cache, one entry per language and page; anyone
signed in, any request with pending messages, and every other method goes to the view as
before, so a signed-in user always sees their own header.

Every page carries a CSRF token (the language switch is a POST form), which is personal.
While a page is rendered for the cache, the token is the placeholder ``CSRF_PLACEHOLDER``
(see ``csrf_placeholder``, a context processor that overrides Django's), and each answer
puts the visitor's own token in its place.

An entry lives until the next change of an offer, a step or a condition (signals below),
and never past midnight, when an offer may open or close by its dates.
"""

from __future__ import annotations

import datetime
import functools

from django.conf import settings
from django.contrib import messages
from django.core.cache import cache
from django.db import transaction
from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.urls import reverse
from django.utils import timezone, translation

CSRF_PLACEHOLDER = "indsats-csrf-token-placeholder"
PAGE_SECONDS = 10 * 60  # a safety net: changes are forgotten at once by the signals
_RENDERING_FOR_CACHE = "_indsats_rendering_for_cache"


def page_key(language: str, path: str) -> str:
    return f"catalogue:page:{language}:{path}"


def seconds_until_midnight(now: datetime.datetime) -> int:
    """Whole seconds from ``now`` (aware) to the next local midnight, at least one."""
    local = timezone.localtime(now)
    midnight = datetime.datetime.combine(
        local.date() + datetime.timedelta(days=1), datetime.time(), tzinfo=local.tzinfo
    )
    # Timestamps, not wall-clock subtraction: the night of a DST change is 23 or 25 hours.
    return max(1, int(midnight.timestamp() - local.timestamp()))


def _cacheable(request) -> bool:
    return (
        request.method == "GET"
        and not request.GET
        and not request.user.is_authenticated
        and not len(messages.get_messages(request))  # a message belongs to one visitor
    )


def cached_for_anonymous(view):
    """Answer anonymous GETs of ``view`` from the cache, per language and path."""

    @functools.wraps(view)
    def wrapper(request, *args, **kwargs):
        if not _cacheable(request):
            return view(request, *args, **kwargs)
        key = page_key(translation.get_language(), request.path)
        cached = cache.get(key)
        if cached is None:
            setattr(request, _RENDERING_FOR_CACHE, True)
            try:
                response = view(request, *args, **kwargs)
            finally:
                delattr(request, _RENDERING_FOR_CACHE)
            page = response.content.decode(response.charset)
            if response.status_code == 200:
                timeout = min(PAGE_SECONDS, seconds_until_midnight(timezone.now()))
                cache.set(key, (page, response["Content-Type"]), timeout)
            status = response.status_code
        else:
            (page, content_type), status = cached, 200
            response = HttpResponse(content_type=content_type)
        response.status_code = status
        response.content = page.replace(CSRF_PLACEHOLDER, get_token(request))
        return response

    return wrapper


def csrf_placeholder(request):
    """Context processor: the placeholder instead of the CSRF token while a page is
    rendered for the cache (it comes after Django's own csrf context processor)."""
    if getattr(request, _RENDERING_FOR_CACHE, False):
        return {"csrf_token": CSRF_PLACEHOLDER}
    return {}


def _forget_now(extra_slugs=()) -> None:
    from .models import Offer

    slugs = set(Offer.objects.values_list("slug", flat=True)) | set(extra_slugs)
    paths = [reverse("catalogue:offer_list")] + [
        reverse("catalogue:offer_detail", args=[slug]) for slug in slugs
    ]
    cache.delete_many(
        [page_key(language, path) for language, _name in settings.LANGUAGES for path in paths]
    )


def forget_catalogue_pages(extra_slugs=()) -> None:
    """Drop every cached catalogue page in every language: now, and again when the
    transaction commits, so that no request caches what was read before the commit."""
    _forget_now(extra_slugs)
    transaction.on_commit(lambda: _forget_now(extra_slugs))


def remember_old_slug(sender, instance, **kwargs):
    """pre_save of an offer: a changed slug leaves its old page to be forgotten too."""
    if instance.pk:
        instance._catalogue_old_slug = (
            sender.objects.filter(pk=instance.pk).values_list("slug", flat=True).first()
        )


def offer_changed(sender, instance, raw=False, **kwargs):
    """post_save/post_delete of an offer, a step or a condition. A deleted offer's page is
    named by its slug; every other page is found from the offers that remain."""
    own_slugs = (getattr(instance, "slug", None), getattr(instance, "_catalogue_old_slug", None))
    slugs = [slug for slug in own_slugs if slug]
    if raw:
        # A fixture being loaded, record by record in one transaction: forgetting when it
        # commits is enough (no request can cache what it has not committed yet).
        transaction.on_commit(lambda: _forget_now(slugs))
        return
    forget_catalogue_pages(slugs)


def connect_signals() -> None:
    from django.db.models.signals import post_delete, post_save, pre_save

    from .models import Offer, OfferCondition, OfferStep

    pre_save.connect(remember_old_slug, sender=Offer, dispatch_uid="catalogue-cache-old-slug")
    for model in (Offer, OfferStep, OfferCondition):
        for signal in (post_save, post_delete):
            signal.connect(
                offer_changed, sender=model, dispatch_uid=f"catalogue-cache-{model.__name__}"
            )
