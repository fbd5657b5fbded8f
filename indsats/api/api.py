"""The versioned REST API (C9): ``/api/v1/``, its OpenAPI 3 schema at
``/api/v1/openapi.json`` and interactive docs at ``/api/v1/docs``.

Every operation authenticates (token or session), asks the pages' permission predicates,
calls the pages' services, pages its lists with a total, and answers errors in one shape.
"""

from __future__ import annotations

from ninja import NinjaAPI

from . import errors
from .auth import ActiveSessionAuth, TokenAuth, token_user_as_actor
from .renderer import ExactDecimalRenderer
from .routers import allocation, cases, offers, programmes, records, reports, screening

api = NinjaAPI(
    title="Indsats API",
    version="1.0.0",
    description=(
        "Socialstyrelsens system for rådgivningsforløb. Log ind i browseren, eller send "
        "`Authorization: Bearer <API-nøgle>`; en nøgle oprettes af en administrator. "
        'Fejl har altid formen `{"error": {"code", "message", "details": '
        '[{"field", "message"}]}}`.'
    ),
    urls_namespace="api-v1",
    auth=[TokenAuth(), ActiveSessionAuth()],
    renderer=ExactDecimalRenderer(),
)
errors.install(api)
api.add_decorator(token_user_as_actor)  # after authentication, around each operation

for module in (offers, cases, programmes, allocation, screening, records, reports):
    api.add_router("/", module.router)
