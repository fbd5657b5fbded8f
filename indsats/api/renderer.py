"""JSON with every Decimal written as a bare number with exactly its own digits.

The screening's rates are exact decimals; the json module would pass them through a float
and lose digits, and pydantic would make them strings. The screening's JSON export solves
this the same way (``screening.export``): a marked string, unmarked after dumping.
"""

from __future__ import annotations

import json
import re
from decimal import Decimal

from django.core.serializers.json import DjangoJSONEncoder
from ninja.renderers import BaseRenderer

_NUMBER_MARK = "\x00number:"
_MARKED_NUMBER = re.compile(r'"\\u0000number:(-?[0-9]+(?:\.[0-9]+)?(?:E[+-]?[0-9]+)?)"')


class _Encoder(DjangoJSONEncoder):
    def default(self, o):
        if isinstance(o, Decimal) and o.is_finite():
            return _NUMBER_MARK + str(o)
        return super().default(o)


class ExactDecimalRenderer(BaseRenderer):
    media_type = "application/json"

    def render(self, request, data, *, response_status):
        text = json.dumps(data, cls=_Encoder, ensure_ascii=False)
        return _MARKED_NUMBER.sub(r"\1", text)
