from django.contrib import admin

from indsats.accounts.admin import without_bulk_delete

from .models import Municipality, Organisation, Region


@admin.register(Region)
class RegionAdmin(admin.ModelAdmin):
    list_display = ["code", "name"]

    def has_delete_permission(self, request, obj=None):
        return False  # reference data: official codes never disappear


@admin.register(Municipality)
class MunicipalityAdmin(admin.ModelAdmin):
    list_display = ["code", "name", "region"]
    list_filter = ["region"]
    search_fields = ["name", "code"]

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "site_type", "municipality", "employee_count", "cvr"]
    list_filter = ["kind", "site_type", "municipality__region"]
    search_fields = ["name", "cvr", "municipality__name"]
    autocomplete_fields = ["municipality"]
    readonly_fields = ["version", "created_at", "updated_at"]

    def get_actions(self, request):
        # Organisations are not deleted in bulk: their users, cases and trail hang on them.
        return without_bulk_delete(super().get_actions(request))
