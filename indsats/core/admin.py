"""The outbox and the schedule in the admin site: where an administrator sees an e-mail
that could not be sent, why, and sends it again (C10, C13)."""

from django.contrib import admin, messages
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from . import outbox
from .models import OutgoingEmail, ScheduledRun


@admin.register(OutgoingEmail)
class OutgoingEmailAdmin(admin.ModelAdmin):
    list_display = [
        "subject",
        "recipient_list",
        "status",
        "attempts",
        "created_at",
        "next_attempt_at",
        "sent_at",
        "last_error",
    ]
    list_filter = ["status", "template"]
    search_fields = ["subject", "recipients"]
    date_hierarchy = "created_at"
    actions = ["send_again"]
    # A record of what was sent: read only, and kept.
    readonly_fields = [field.name for field in OutgoingEmail._meta.fields]

    @admin.display(description=_("modtagere"))
    def recipient_list(self, message):
        return ", ".join(message.recipients)

    @admin.action(description=_("Send de valgte mislykkede e-mails igen"))
    def send_again(self, request, queryset):
        count = outbox.send_again(queryset)
        self.message_user(
            request,
            ngettext("%(count)d e-mail sendes igen.", "%(count)d e-mails sendes igen.", count)
            % {"count": count},
            messages.SUCCESS,
        )

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(ScheduledRun)
class ScheduledRunAdmin(admin.ModelAdmin):
    list_display = ["job", "slot", "enqueued_at"]
    list_filter = ["job"]
    readonly_fields = ["job", "slot", "enqueued_at"]

    def has_add_permission(self, request):
        return False
