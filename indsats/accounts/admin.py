from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.utils.translation import gettext_lazy as _

from .forms import AdminUserCreationForm
from .models import ExternalIdentity, User


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
