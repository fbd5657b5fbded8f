"""The reports' filter: period, offer and region, read from the URL (GET) so that a report
can be bookmarked and sent on."""

from __future__ import annotations

from datetime import date

from django import forms
from django.utils import formats, timezone
from django.utils.translation import gettext_lazy as _

from indsats.catalogue.models import Offer
from indsats.organisations.models import Region

from .generators.common import offer_label
from .types import ReportParams

DATE_WIDGET = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
LONGEST_PERIOD_DAYS = 366 * 20  # a report over more than 20 years is a typing error


def this_year() -> tuple[date, date]:
    today = timezone.localdate()
    return date(today.year, 1, 1), date(today.year, 12, 31)


class ReportFilterForm(forms.Form):
    fra = forms.DateField(label=_("Fra og med"), widget=DATE_WIDGET)
    til = forms.DateField(label=_("Til og med"), widget=DATE_WIDGET)
    tilbud = forms.ChoiceField(label=_("Tilbud"), required=False)
    region = forms.ChoiceField(label=_("Region"), required=False)

    def __init__(self, data=None, **kwargs):
        start, end = this_year()
        data = data.copy() if data is not None else {}
        # An empty or missing date means this year, so a bare URL shows a report at once.
        data["fra"] = data.get("fra") or start.isoformat()
        data["til"] = data.get("til") or end.isoformat()
        super().__init__(data, **kwargs)
        self.fields["tilbud"].choices = [("", _("Alle tilbud"))] + [
            (offer.code, offer_label(offer)) for offer in Offer.objects.order_by("order", "code")
        ]
        self.fields["region"].choices = [("", _("Alle regioner"))] + [
            (region.code, region.name) for region in Region.objects.order_by("name")
        ]

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("fra"), cleaned.get("til")
        if start and end:
            if end < start:
                self.add_error("til", _("Slutdatoen skal ligge efter startdatoen."))
            elif (end - start).days > LONGEST_PERIOD_DAYS:
                self.add_error("til", _("Vælg en periode på højst 20 år."))
        return cleaned

    def params(self) -> ReportParams:
        """The filter as report parameters; call only when the form is valid."""
        return ReportParams(
            period_start=self.cleaned_data["fra"],
            period_end=self.cleaned_data["til"],
            offer=self.cleaned_data["tilbud"] or None,
            region=self.cleaned_data["region"] or None,
        )

    def description(self) -> str:
        """The period and filters in words, as a file shows them above its figures; call
        only when the form is valid."""
        params = self.params()
        offers = dict(self.fields["tilbud"].choices)
        regions = dict(self.fields["region"].choices)
        return _("Periode: %(start)s – %(end)s · Tilbud: %(offer)s · Region: %(region)s") % {
            "start": formats.date_format(params.period_start, "DATE_FORMAT"),
            "end": formats.date_format(params.period_end, "DATE_FORMAT"),
            "offer": offers.get(params.offer or "", params.offer),
            "region": regions.get(params.region or "", params.region),
        }
