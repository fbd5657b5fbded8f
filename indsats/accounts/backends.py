"""Authentication by an external identity provider's (issuer, subject) pair.

The password login (Django's ModelBackend) and this backend sit side by side. An OpenID
Connect client (added when the Board connects a broker for NemLog-in / MitID Erhverv)
verifies the ID token and then calls ``django.contrib.auth.authenticate(request,
issuer=..., subject=...)``; nothing else in the project needs to change.
"""

from __future__ import annotations

from django.contrib.auth.backends import BaseBackend, ModelBackend
from django.utils import timezone

from .models import ExternalIdentity, User


class ExternalIdentityBackend(BaseBackend):
    def authenticate(self, request, issuer=None, subject=None, **kwargs):
        if not issuer or not subject:
            return None
        identity = (
            ExternalIdentity.objects.select_related("user")
            .filter(issuer=issuer, subject=subject, user__is_active=True)
            .first()
        )
        if identity is None:
            return None
        ExternalIdentity.objects.filter(pk=identity.pk).update(last_used_at=timezone.now())
        return identity.user

    def get_user(self, user_id):
        return User.objects.filter(pk=user_id, is_active=True).first()


class PasswordBackend(ModelBackend):
    """Django's password login, loading the user's organisation with the user: every page
    reads it (the menu, the permission predicates), so it costs no extra query."""

    def get_user(self, user_id):
        user = User._default_manager.select_related("organisation").filter(pk=user_id).first()
        return user if self.user_can_authenticate(user) else None
