"""The administrator's view of enquiries and applications: for finding and correcting a
record, not for case work (that is the back office)."""

from django.contrib import admin

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
    readonly_fields = ["version"]


@admin.register(Decision)
class DecisionAdmin(admin.ModelAdmin):
    list_display = ["application", "outcome", "decided_by", "decided_at", "reopened_at"]
    list_filter = ["outcome"]
    raw_id_fields = ["application", "decided_by", "reopened_by"]
