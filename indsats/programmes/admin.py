from django.contrib import admin

from .models import Programme, StepRecord


class StepRecordInline(admin.TabularInline):
    model = StepRecord
    extra = 0
    readonly_fields = ["step", "completed_by", "completed_at", "note"]
    can_delete = False


@admin.register(Programme)
class ProgrammeAdmin(admin.ModelAdmin):
    list_display = ["reference", "title", "offer", "status", "current_step"]
    list_filter = ["status", "offer"]
    search_fields = ["reference", "title"]
    raw_id_fields = ["organisation"]
    filter_horizontal = ["participants", "consultants"]
    readonly_fields = ["current_step", "version"]
    inlines = [StepRecordInline]
