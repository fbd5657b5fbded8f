"""The administrator's view of enquiries and applications: for finding and correcting a
record, not for case work (that is the back office)."""

from django.contrib import admin
from django.utils.html import format_html_join
from django.utils.translation import gettext_lazy as _

from .models import Application, Decision, Enquiry


@admin.register(Enquiry)
class EnquiryAdmin(admin.ModelAdmin):
    list_display = ["subject", "organisation", "offer", "status", "created_at"]
    list_filter = ["status", "offer"]
    search_fields = ["subject", "organisation__name"]
    raw_id_fields = ["organisation", "created_by", "answered_by", "case_officer"]


@admin.register(Application)
class ApplicationAdmin(admin.ModelAdmin):
    list_display = ["reference", "organisation", "offer", "status", "submitted_at"]
    list_filter = ["status", "offer"]
    search_fields = ["reference", "organisation__name"]
    raw_id_fields = ["organisation", "created_by", "case_officer", "enquiry", "programme", "group"]
    filter_horizontal = ["partners"]
    # The answers are the applicant's, shown by question; never the stored keys (C10).
    exclude = ["answers", "version"]
    readonly_fields = ["answers_in_words"]

    @admin.display(description=_("svar"))
    def answers_in_words(self, application):
        from .apps import answer_labels

        labels = answer_labels()
        return format_html_join(
            "",
            "<p><strong>{}</strong><br>{}</p>",
            (
                (
                    labels.get(key, _("Andet svar")),
                    ", ".join(map(str, value)) if isinstance(value, list) else value,
                )
                for key, value in (application.answers or {}).items()
            ),
        ) or _("(tom)")


@admin.register(Decision)
class DecisionAdmin(admin.ModelAdmin):
    list_display = ["application", "outcome", "decided_by", "decided_at", "reopened_at"]
    list_filter = ["outcome"]
    raw_id_fields = ["application", "decided_by", "reopened_by"]
