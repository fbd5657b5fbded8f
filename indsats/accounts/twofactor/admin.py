"""django-otp registers its devices in the admin site; here they are taken out again.

Deleting a device there would reset someone's second factor without a reason in the audit
trail, and adding one would let an administrator know another person's secret. Resets go
through ``views.reset`` (linked from the user's page in the admin site) instead.
"""

from django.contrib import admin
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from .models import TwoFactorReset

for model in (TOTPDevice, StaticDevice):
    if admin.site.is_registered(model):
        admin.site.unregister(model)


@admin.register(TwoFactorReset)
class TwoFactorResetAdmin(admin.ModelAdmin):
    """Read only: a reset is made through its own page and stays as it was made."""

    list_display = ["created_at", "user", "reset_by", "reason"]
    search_fields = ["user__full_name", "user__email", "reason"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
