"""API tokens in the admin site (administrators only, as the whole site): made with a
user, a name and a scope; the token is shown once, right after saving; revoked by an
action, never edited."""

from django.contrib import admin, messages
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .models import ApiToken
from .services import issue_token


@admin.register(ApiToken)
class ApiTokenAdmin(admin.ModelAdmin):
    list_display = ("name", "user", "scope", "prefix", "created_at", "last_used_at", "revoked_at")
    list_filter = ("scope", "revoked_at")
    search_fields = ("name", "user__email", "prefix")
    readonly_fields = ("prefix", "created_at", "created_by", "last_used_at", "revoked_at")
    actions = ["revoke"]

    def get_fields(self, request, obj=None):
        if obj is None:
            return ("user", "name", "scope")
        return ("user", "name", "scope", *self.readonly_fields)

    def get_readonly_fields(self, request, obj=None):
        # A token's owner and scope are fixed: make a new one instead.
        return self.readonly_fields if obj is None else ("user", "scope", *self.readonly_fields)

    def save_model(self, request, obj, form, change):
        if change:
            super().save_model(request, obj, form, change)
            return
        token, text = issue_token(obj.user, obj.name, obj.scope, created_by=request.user)
        obj.pk = token.pk
        obj.prefix, obj.digest, obj.created_at = token.prefix, token.digest, token.created_at
        messages.warning(
            request,
            _("Kopiér API-nøglen nu; den vises ikke igen: %(token)s") % {"token": text},
        )

    def has_delete_permission(self, request, obj=None):
        return False  # revoked, so that the trail of who had access stays

    @admin.action(description=_("Tilbagekald de valgte API-nøgler"))
    def revoke(self, request, queryset):
        count = queryset.filter(revoked_at__isnull=True).update(revoked_at=timezone.now())
        self.message_user(request, _("%(count)s API-nøgler er tilbagekaldt.") % {"count": count})
