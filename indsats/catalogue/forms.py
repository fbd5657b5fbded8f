from indsats.core.concurrency import VersionedModelForm

from .models import Offer


class OfferForm(VersionedModelForm):
    class Meta:
        model = Offer
        fields = [
            "name",
            "summary",
            "content",
            "target_group",
            "practical",
            "expected_results",
            "is_published",
            "is_open",
            "valid_from",
            "valid_to",
        ]
