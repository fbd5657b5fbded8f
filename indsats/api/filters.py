"""Types shared by the operations' parameters and answers."""

from __future__ import annotations

from decimal import Decimal
from typing import Annotated

from pydantic import StringConstraints, WithJsonSchema

# Text a database can hold: PostgreSQL refuses NUL, so it is refused here with a 422
# instead of failing in the query.
Text = Annotated[str, StringConstraints(max_length=200, pattern=r"^[^\x00]*$")]

# A decimal written as a JSON number with all its digits (see ``renderer``), never a string.
Number = Annotated[Decimal, WithJsonSchema({"type": "number"})]
