"""The one place domain models join the audit trail.

Each domain app calls ``register_audited`` for its models in ``AppConfig.ready()``, so
creating, changing and deleting them is recorded by django-auditlog with the acting user
(set per request by ``auditlog.middleware.AuditlogMiddleware``) and the changed fields.
"""

from __future__ import annotations

from auditlog.registry import auditlog

AUDITED_MODELS: list[type] = []


def register_audited(model, exclude_fields: list[str] | None = None) -> None:
    auditlog.register(model, exclude_fields=exclude_fields or [])
    AUDITED_MODELS.append(model)
