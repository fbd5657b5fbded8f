"""``/api/v1/``: the API's operations, and the API's own 404 for any other address under
it, so that a client always gets the one error body (``errors``)."""

from functools import wraps

from django.http import JsonResponse
from django.urls import path, re_path
from django.utils.translation import gettext as _

from .api import api
from .errors import body


def unknown_address(request, rest=""):
    return JsonResponse(body(404, _("Adressen findes ikke i API'et.")), status=404)


def with_error_body_for_405(view):
    """django-ninja answers a method an address does not take with a bare 405; give it the
    one error body too, keeping the Allow header."""

    @wraps(view)  # keeps csrf_exempt: ninja checks CSRF itself
    def wrapped(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        if response.status_code == 405 and "json" not in response.get("Content-Type", ""):
            allowed = response.get("Allow")
            response = JsonResponse(
                body(405, _("Adressen tager ikke imod den metode.")), status=405
            )
            if allowed:
                response["Allow"] = allowed
        return response

    return wrapped


# Not named app_name: include() would read that as this module's namespace.
_operations, _ninja_app_name, _ninja_namespace = api.urls
for _pattern in _operations:
    _pattern.callback = with_error_body_for_405(_pattern.callback)

urlpatterns = [
    path("", (_operations, _ninja_app_name, _ninja_namespace)),
    re_path(r"^(?P<rest>.*)$", unknown_address),
]
