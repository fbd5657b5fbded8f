"""Who may mark a step done, grouped by the kind of step (shared by the definitions).

* ``DECIDE`` — a decision or closing a case: case officer, project leader, manager.
* ``DELIVER`` — something the Board holds or writes (a meeting, theme days, the
  agreement, follow-up): consultant, case officer, project leader, manager.
* ``APPLICANT_OR_ON_BEHALF`` — something the applicant does or sends: the applicant, or
  a case officer or project leader recording what arrived by mail or phone.

Administrators run the system; they do not move cases on.
"""

from __future__ import annotations

from ..definition import APPLICANT, CASE_OFFICER, CONSULTANT, MANAGER, PROJECT_LEADER

DECIDE = frozenset({CASE_OFFICER, PROJECT_LEADER, MANAGER})
DELIVER = frozenset({CONSULTANT, CASE_OFFICER, PROJECT_LEADER, MANAGER})
APPLICANT_OR_ON_BEHALF = frozenset({APPLICANT, CASE_OFFICER, PROJECT_LEADER})
