from django.contrib import admin

from .models import Offer, OfferCondition, OfferStep


class OfferStepInline(admin.TabularInline):
    model = OfferStep
    extra = 0


class OfferConditionInline(admin.TabularInline):
    model = OfferCondition
    extra = 0


@admin.register(Offer)
class OfferAdmin(admin.ModelAdmin):
    list_display = ["code", "name", "applicant_kind", "is_published", "is_open", "valid_from"]
    inlines = [OfferStepInline, OfferConditionInline]
    exclude = ["version"]  # a counter for the software, not for people (C10)
