"""``/api/v1/``: the API's operations, and the API's own 404 for any other address under
it, so that a client always gets the one error body (``errors``)."""

from django.http import JsonResponse
from django.urls import path, re_path
from django.utils.translation import gettext as _

from .api import api
from .errors import body


def unknown_address(request, rest=""):
    return JsonResponse(body(404, _("Adressen findes ikke i API'et.")), status=404)


urlpatterns = [
    path("", api.urls),
    re_path(r"^(?P<rest>.*)$", unknown_address),
]
