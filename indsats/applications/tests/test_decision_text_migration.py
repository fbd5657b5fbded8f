"""Old decisions stay valid: their reason, which their letters showed, becomes the text to
the applicant, and the internal reason starts empty (C4)."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

BEFORE = ("applications", "0002_assessment_criterionjudgement_decision_and_more")
AFTER = ("applications", "0003_decision_texts_and_assessment_override")


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_an_old_decisions_reason_becomes_its_applicant_text(applicant, case_officer):
    try:
        _migrate_an_old_decision(applicant, case_officer)
    finally:  # the other tests need the schema as it is now
        executor = MigrationExecutor(connection)
        executor.migrate(executor.loader.graph.leaf_nodes())


def _migrate_an_old_decision(applicant, case_officer):
    executor = MigrationExecutor(connection)
    executor.migrate([BEFORE])
    old = executor.loader.project_state([BEFORE]).apps
    Application = old.get_model("applications", "Application")
    Decision = old.get_model("applications", "Decision")
    application = Application.objects.create(
        offer_id=old.get_model("catalogue", "Offer").objects.get(code="O1").pk,
        organisation_id=applicant.organisation_id,
        created_by_id=applicant.pk,
        status="waiting_list",
        reference="TF-2026-0042",
    )
    Decision.objects.create(
        application=application,
        outcome="waiting_list",
        reason="Der er ikke plads i dette kvartal.",
        decided_by_id=case_officer.pk,
    )
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate([AFTER])
    new = executor.loader.project_state([AFTER]).apps
    decision = new.get_model("applications", "Decision").objects.get()
    assert decision.applicant_text == "Der er ikke plads i dette kvartal."
    assert decision.internal_reason == ""
