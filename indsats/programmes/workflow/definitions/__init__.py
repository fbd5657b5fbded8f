"""The workflow definition of each offer, looked up by offer code.

One module per offer (``o1_temaforloeb`` … ``o5_outreach``), each a ``WORKFLOW``
validated by the engine when it is built; this module checks that every offer code is
defined once.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from types import MappingProxyType

from ..definition import Workflow
from . import (
    o1_temaforloeb,
    o2_udviklingsforloeb,
    o3_fleksibelt,
    o4_opkvalificering,
    o5_outreach,
)


def index_by_offer(workflows: Iterable[Workflow]) -> Mapping[str, Workflow]:
    """The workflows by offer code; ``ValueError`` if a code is defined twice."""
    result: dict[str, Workflow] = {}
    for workflow in workflows:
        if workflow.offer_code in result:
            raise ValueError(f"Offer {workflow.offer_code} has two workflow definitions.")
        result[workflow.offer_code] = workflow
    return MappingProxyType(result)


WORKFLOWS: Mapping[str, Workflow] = index_by_offer(
    [
        o1_temaforloeb.WORKFLOW,
        o2_udviklingsforloeb.WORKFLOW,
        o3_fleksibelt.WORKFLOW,
        o4_opkvalificering.WORKFLOW,
        o5_outreach.WORKFLOW,
    ]
)


def workflow_for(offer_code: str) -> Workflow:
    """The workflow of an offer ("O1" … "O5"); ``LookupError`` for an unknown code."""
    try:
        return WORKFLOWS[offer_code]
    except KeyError:
        raise LookupError(f"No workflow is defined for offer {offer_code!r}.") from None
