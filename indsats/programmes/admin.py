from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from .apps import step_titles
from .models import Programme, StepRecord


class StepRecordInline(admin.TabularInline):
    model = StepRecord
    extra = 0
    fields = ["step_title", "completed_by", "completed_at", "note"]
    readonly_fields = ["step_title", "completed_by", "completed_at", "note"]

    @admin.display(description=_("trin"))
    def step_title(self, record):
        return step_titles().get(record.step, record.step)

    can_delete = False


@admin.register(Programme)
class ProgrammeAdmin(admin.ModelAdmin):
    list_display = ["reference", "title", "offer", "status", "step_title"]
    list_filter = ["status", "offer"]
    search_fields = ["reference", "title"]
    raw_id_fields = ["organisation"]
    filter_horizontal = ["participants", "consultants"]
    # The step by its title, never its key; the version counter is for the software (C10).
    exclude = ["current_step", "version"]
    readonly_fields = ["step_title"]

    @admin.display(description=_("nuværende trin"))
    def step_title(self, programme):
        titles = step_titles()
        return " / ".join(titles.get(key, key) for key in programme.current_step.split("|"))

    inlines = [StepRecordInline]
