from django.shortcuts import render

from indsats.accounts.decorators import requires
from indsats.accounts import permissions


@requires(permissions.is_applicant)
def mine(request):
    return render(request, "organisations/mine.html", {"organisation": request.user.organisation})


def municipalities(request):
    raise NotImplementedError


def placement_sites(request):
    raise NotImplementedError


def placement_site_create(request):
    raise NotImplementedError


def detail(request, pk):
    raise NotImplementedError


def placement_site_edit(request, pk):
    raise NotImplementedError
