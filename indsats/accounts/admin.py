from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.utils.translation import gettext_lazy as _

from .forms import AdminUserCreationForm
from .models import ExternalIdentity, Invitation, User


def without_bulk_delete(actions: dict) -> dict:
    """The admin site's actions without »Slet valgte …«: people and organisations are
    deactivated, not deleted in bulk; deleting those who acted would break the audit trail
    of what they did."""
    actions.pop("delete_selected", None)
    return actions


class ExternalIdentityInline(admin.TabularInline):
    model = ExternalIdentity
    extra = 0
    readonly_fields = ["created_at", "last_used_at"]


@admin.register(User)
class UserAdmin(DjangoUserAdmin):
    add_form = AdminUserCreationForm
    ordering = ["full_name"]
    list_display = ["full_name", "email", "organisation", "role", "is_active"]
    list_filter = ["role", "is_active", "organisation__kind"]
    search_fields = ["full_name", "email", "organisation__name"]
    autocomplete_fields = ["organisation"]

    def get_actions(self, request):
        return without_bulk_delete(super().get_actions(request))

    def get_inlines(self, request, obj):
        # External identities are linked once the user exists.
        return [ExternalIdentityInline] if obj is not None else []

    fieldsets = [
        (None, {"fields": ["email", "password"]}),
        (_("Person"), {"fields": ["full_name", "job_title", "phone"]}),
        (_("Organisation og rolle"), {"fields": ["organisation", "role"]}),
        (_("Adgang"), {"fields": ["is_active", "is_staff", "is_superuser"]}),
        (_("Datoer"), {"fields": ["last_login", "date_joined"]}),
    ]
    add_fieldsets = [
        (
            None,
            {
                "classes": ["wide"],
                "fields": [
                    "email",
                    "full_name",
                    "organisation",
                    "role",
                    "usable_password",
                    "password1",
                    "password2",
                ],
            },
        )
    ]


@admin.register(Invitation)
class InvitationAdmin(admin.ModelAdmin):
    """Read only, and without the token: an invitation is sent by a colleague in the
    applicant's organisation; here an administrator can see who invited whom and when.
    The link's token would let whoever sees it take the invitation."""

    list_display = [
        "full_name",
        "email",
        "organisation",
        "invited_by",
        "created_at",
        "expires_at",
        "accepted_at",
    ]
    list_filter = ["organisation__kind"]
    search_fields = ["full_name", "email", "organisation__name", "invited_by__full_name"]
    list_select_related = ["organisation", "invited_by"]
    fields = [
        "full_name",
        "email",
        "organisation",
        "invited_by",
        "created_at",
        "expires_at",
        "accepted_at",
    ]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
