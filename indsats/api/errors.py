"""One error body for every error the API gives (C9):

    {"error": {"code": "...", "message": "...", "details": [{"field": "...", "message": "..."}]}}

``code`` is a fixed English word for programs; ``message`` and the details are for people,
in Danish (English for who chose it). Field names are the API's own, as in the schema.
"""

from __future__ import annotations

import logging
import re

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.utils.translation import gettext as _
from ninja import Schema
from ninja.errors import AuthenticationError, AuthorizationError, HttpError, ValidationError

logger = logging.getLogger(__name__)

CODES = {
    400: "bad_request",
    401: "not_authenticated",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    409: "conflict",
    422: "invalid",
    429: "throttled",
    500: "server_error",
}


class ErrorDetail(Schema):
    field: str
    message: str


class ErrorBody(Schema):
    code: str
    message: str
    details: list[ErrorDetail]


class ErrorOut(Schema):
    error: ErrorBody


# Documented on every operation, so that a client (and schemathesis) knows each shape.
ERRORS = {400: ErrorOut, 401: ErrorOut, 403: ErrorOut, 404: ErrorOut, 422: ErrorOut}


class ApiError(Exception):
    """Raised by an operation to answer with an error body."""

    def __init__(self, status: int, message: str, details: list[tuple[str, str]] = ()):
        super().__init__(message)
        self.status = status
        self.message = str(message)
        self.details = [(field, str(text)) for field, text in details]


def invalid_query(details) -> ApiError:
    """A request that cannot be answered as asked (422), with what is wrong per field."""
    return ApiError(422, _("Forespørgslen er ikke gyldig."), details)


def invalid_form(form) -> ApiError:
    """A Django form's errors as a 422: each field's messages, and the form's own under ""."""
    details = [
        ("" if field == "__all__" else field, message)
        for field, messages in form.errors.items()
        for message in messages
    ]
    return ApiError(422, _("Oplysningerne kan ikke gemmes."), details)


def body(status: int, message, details=()) -> dict:
    return {
        "error": {
            "code": CODES.get(status, "error"),
            "message": str(message),
            "details": [{"field": field, "message": str(text)} for field, text in details],
        }
    }


def _validation_message(error: dict) -> str:
    """Pydantic's error as a sentence for people, never its English or a Python value."""
    kind = error.get("type", "")
    context = error.get("ctx") or {}
    if kind == "missing":
        return _("Skal udfyldes.")
    if kind in {"int_parsing", "int_type", "int_from_float"}:
        return _("Skal være et helt tal.")
    if kind in {"greater_than_equal", "greater_than"}:
        limit = context.get("ge", context.get("gt"))
        return _("Skal være mindst %(limit)s.") % {"limit": limit}
    if kind in {"less_than_equal", "less_than"}:
        limit = context.get("le", context.get("lt"))
        return _("Må højst være %(limit)s.") % {"limit": limit}
    if kind.startswith("date") or kind.startswith("datetime"):
        return _("Skal være en dato som ÅÅÅÅ-MM-DD.")
    if kind in {"bool_parsing", "bool_type"}:
        return _("Skal være true eller false.")
    if kind in {"string_too_long"}:
        return _("Må højst være %(limit)s tegn.") % {"limit": context.get("max_length")}
    if kind in {"string_too_short"}:
        return _("Skal udfyldes.")
    if kind in {"enum", "literal_error"}:
        return _("Er ikke en af de tilladte værdier.")
    if kind in {"json_invalid", "model_attributes_type", "dict_type", "model_type"}:
        return _("Indholdet skal være et JSON-objekt som beskrevet i skemaet.")
    return _("Værdien er ikke gyldig.")


# Pydantic names the member of a union a value failed in the location ("str",
# "list[str]"): a Python type, not a field of the API.
_UNION_MEMBER = re.compile(r"^(str|int|float|bool)$|\[.*\]$")


def _validation_details(errors: list[dict]) -> list[tuple[str, str]]:
    details = []
    for error in errors:
        # loc is ("query", "page") or ("body", "payload", "medium"): where, then the field.
        location = [str(part) for part in error.get("loc", ()) if part != "payload"]
        # A union member's name only ever follows a field's name.
        field = ".".join(location[1:2] + [p for p in location[2:] if not _UNION_MEMBER.search(p)])
        detail = (field, _validation_message(error))
        if detail not in details:  # a union's members each fail the same value
            details.append(detail)
    return details


def install(api) -> None:
    """Route every exception of the API through the one body."""

    def respond(request, status, message, details=()):
        return api.create_response(request, body(status, message, details), status=status)

    @api.exception_handler(ApiError)
    def api_error(request, exc):
        return respond(request, exc.status, exc.message, exc.details)

    @api.exception_handler(ValidationError)
    def validation_error(request, exc):
        return respond(
            request, 422, _("Forespørgslen er ikke gyldig."), _validation_details(exc.errors)
        )

    @api.exception_handler(AuthenticationError)
    def not_authenticated(request, exc):
        message = exc.message
        if message == "Unauthorized":  # ninja's own text, when no credentials came
            message = _("Log ind eller brug en API-nøgle.")
        response = respond(request, 401, message)
        response["WWW-Authenticate"] = "Bearer"  # RFC 6750: how to authenticate
        return response

    @api.exception_handler(AuthorizationError)
    def not_authorised(request, exc):
        message = exc.message if exc.message != "Forbidden" else _("Du har ikke adgang til dette.")
        return respond(request, 403, message)

    @api.exception_handler(HttpError)
    def http_error(request, exc):
        status = exc.status_code
        if status == 403:
            # ninja's own text ("CSRF check Failed") is English: say it for people.
            message = _("Sikkerhedstjekket (CSRF) fejlede. Genindlæs siden og prøv igen.")
        elif status == 400:
            message = _("Forespørgslen kunne ikke læses.")
        else:
            message = _("Forespørgslen kunne ikke gennemføres.")
        return respond(request, status, message)

    @api.exception_handler(Http404)
    def not_found(request, exc):
        return respond(request, 404, _("Findes ikke, eller du har ikke adgang til det."))

    @api.exception_handler(PermissionDenied)
    def permission_denied(request, exc):
        return respond(request, 403, _("Du har ikke adgang til dette."))

    @api.exception_handler(Exception)
    def server_error(request, exc):
        logger.exception("API error on %s %s", request.method, request.path)
        return respond(request, 500, _("Der opstod en fejl hos Socialstyrelsen. Prøv igen senere."))
