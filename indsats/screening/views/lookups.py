"""Lookups every screening view uses: unknown codes and ids are 404s."""

from django.http import Http404
from django.shortcuts import get_object_or_404

from indsats.organisations.models import Municipality

from ..models import MinisterialRequest, PressCriticism, ScreeningRun
from ..services import current_run


def get_municipality(code: str) -> Municipality:
    return get_object_or_404(Municipality.objects.select_related("region"), code=code)


def get_run(pk) -> ScreeningRun:
    if not str(pk).isdigit():
        raise Http404
    return get_object_or_404(ScreeningRun.objects.for_pages(), pk=pk)


def get_press(pk) -> PressCriticism:
    return get_object_or_404(PressCriticism.objects.select_related("municipality"), pk=pk)


def get_ministerial_request(pk) -> MinisterialRequest:
    return get_object_or_404(MinisterialRequest.objects.select_related("municipality"), pk=pk)


def shown_run(request) -> tuple[ScreeningRun | None, ScreeningRun | None]:
    """The run a page shows (``?koersel=N``, else the current one) and the current run."""
    current = current_run()
    run_id = request.GET.get("koersel")
    run = get_run(run_id) if run_id else current
    return run, current
