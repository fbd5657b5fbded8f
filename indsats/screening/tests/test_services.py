"""Running, saving and reproducing a screening, and recording decisions (C7; O5, F1–F7)."""

from datetime import date
from decimal import Decimal

import pytest

from indsats.programmes.models import Programme
from indsats.screening.inputs import gather, load_figures
from indsats.screening.models import (
    Decision,
    MinisterialRequest,
    PreparednessPlan,
    ScreeningRun,
    ScreeningSettings,
    StatisticValue,
)
from indsats.screening.services import (
    current_parameters,
    data_changed_since,
    default_year,
    record_decision,
    reproduce,
    run_screening,
)

pytestmark = pytest.mark.django_db

AS_OF = date(2024, 6, 30)


@pytest.fixture
def figures_2023(add_statistics):
    # København 12 per 1,000; Aarhus 4; Frederiksberg 5 (all Region Hovedstaden but Aarhus).
    add_statistics(2023, {"101": (1000, 12, 2), "147": (1000, 5, 1), "751": (1000, 4, 1)})


def result(run, code):
    return run.result_for(code)


def test_it_saves_every_run_with_its_parameters_and_data_versions(figures_2023, manager):
    run = run_screening(current_parameters(2023, as_of=AS_OF), user=manager)
    assert run.created_by == manager
    assert run.parameters["year"] == 2023
    assert run.parameters["threshold"] == "0.250"
    assert run.parameters["reason_codes"] == ScreeningSettings.current().reason_codes
    kinds = sorted({source["kind"] for source in run.data_versions["sources"]})
    assert kinds == ["boernehus", "statbank_folk1a", "statbank_und3"]
    assert len(run.results) == len(run.inputs) == 98
    assert len(run.fingerprint) == 64
    assert not run.synthetic


def test_it_counts_only_the_reason_codes_that_the_settings_name_for_the_year(figures_2023):
    copenhagen = load_figures([2023], current_parameters(2023, as_of=AS_OF))[("101", 2023)]
    assert copenhagen.notifications == 12  # not the 50 under reason 1
    assert copenhagen.children == 1000


def test_it_shows_notifications_as_missing_when_a_counted_reason_is_suppressed(figures_2023):
    StatisticValue.objects.filter(municipality__code="101", reason="12").update(value=None)
    copenhagen = load_figures([2023], current_parameters(2023, as_of=AS_OF))[("101", 2023)]
    assert copenhagen.notifications is None


def test_it_takes_the_years_children_from_the_quarter_in_the_settings(figures_2023):
    settings_row = ScreeningSettings.current()
    settings_row.child_count_quarter = 2
    settings_row.save()
    copenhagen = load_figures([2023], current_parameters(2023, as_of=AS_OF))[("101", 2023)]
    assert copenhagen.children is None  # only 2023K1 was imported


def test_it_flags_from_the_saved_figures_and_records(figures_2023):
    PreparednessPlan.objects.create(
        municipality_id=_pk("101"), approved_on=date(2019, 1, 10), is_published=True
    )
    MinisterialRequest.objects.create(
        municipality_id=_pk("751"), received_on=date(2024, 5, 1), reference="MIN-1"
    )
    run = run_screening(current_parameters(2023, as_of=AS_OF).with_changes(references=("region",)))
    copenhagen = result(run, "101")
    # Hovedstaden: (12 + 5) / 2,000 = 8.5, limit 10.625: København's 12 is high.
    assert copenhagen["factors"]["F5"]["met"] is True
    assert copenhagen["factors"]["F2"]["met"] is True  # approved 2019, never revised
    assert Decimal(copenhagen["references"]["notification"]["region"]["rate"]) == Decimal("8.5")
    assert result(run, "751")["candidate"] is True  # F4 alone
    assert result(run, "461")["factors"]["F5"]["met"] is None  # Odense: no figures


def test_it_reproduces_a_saved_run_even_after_the_data_changed(figures_2023, add_statistics):
    run = run_screening(current_parameters(2023, as_of=AS_OF))
    assert not data_changed_since(run)
    add_statistics(2023, {"101": (1000, 13, 2)})  # a new import changes one figure
    assert data_changed_since(run)
    assert reproduce(ScreeningRun.objects.get(pk=run.pk)) == run.results
    assert run_screening(current_parameters(2023, as_of=AS_OF)).results != run.results


def test_it_marks_a_run_on_synthetic_data_as_synthetic(add_statistics):
    add_statistics(2023, {"101": (1000, 12, 2)}, synthetic=True)
    run = run_screening(current_parameters(2023, as_of=AS_OF))
    assert run.synthetic


def test_it_screens_the_latest_year_with_notifications_by_default(add_statistics):
    add_statistics(2022, {"101": (1000, 12, 2)})
    add_statistics(2023, {"101": (1000, 12, 2)})
    assert default_year() == 2023
    assert current_parameters().year == 2023


def test_it_notes_the_records_it_used_among_the_data_versions(figures_2023):
    MinisterialRequest.objects.create(
        municipality_id=_pk("751"), received_on=date(2024, 5, 1), reference="MIN-1"
    )
    _inputs, versions = gather(current_parameters(2023, as_of=AS_OF))
    assert versions["records"]["open_ministerial_requests"] == 1


def test_it_opens_an_outreach_case_when_staff_decide_to_make_contact(figures_2023, manager):
    run = run_screening(current_parameters(2023, as_of=AS_OF))
    decision = record_decision(
        _municipality("101"), Decision.CONTACT, "F5 og F2 – vi tager kontakt.", manager, run
    )
    programme = decision.programme
    assert programme.offer.code == "O5"
    assert programme.organisation.municipality.code == "101"
    assert programme.origin_note == "F5 og F2 – vi tager kontakt."
    assert decision.run == run


def test_it_opens_no_case_when_staff_decide_to_watch_or_do_nothing(manager):
    for choice in (Decision.WATCH, Decision.NO_ACTION):
        assert record_decision(_municipality("101"), choice, "Ikke nu.", manager).programme is None
    assert not Programme.objects.exists()


def _municipality(code):
    from indsats.organisations.models import Municipality

    return Municipality.objects.get(code=code)


def _pk(code):
    return _municipality(code).pk
