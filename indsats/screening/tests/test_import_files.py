"""Importing the Board's own files: børnehus cases, vulnerable children, preparedness plans
and comparison groups (C7; F1, F2, F5–F7). All-or-nothing, line numbers, idempotent."""

from datetime import date
from decimal import Decimal

import pytest

from indsats.screening.importers import (
    ImportFailed,
    import_boernehus,
    import_comparison_groups,
    import_plans,
    import_vulnerable_children,
)
from indsats.screening.models import (
    ComparisonGroup,
    DataSource,
    Measure,
    PreparednessPlan,
    StatisticValue,
)

pytestmark = pytest.mark.django_db


def errors_of(excinfo) -> list[str]:
    return [str(error) for error in excinfo.value.errors]


def test_it_imports_boernehus_cases_with_a_suppressed_one_missing(recorded):
    result = import_boernehus(recorded("boernehus_2023.csv"), "boernehus.csv")
    assert result.created == 3
    cases = {
        v.municipality.code: v.value
        for v in StatisticValue.objects.filter(measure=Measure.BOERNEHUS, year=2023)
    }
    assert cases == {"101": 112, "751": 64, "825": None}


def test_it_reads_the_share_of_vulnerable_children_with_a_decimal_comma(recorded):
    import_vulnerable_children(recorded("vulnerable_2023.csv"), "saarbare.csv")
    shares = {
        v.municipality.code: v.value
        for v in StatisticValue.objects.filter(measure=Measure.VULNERABLE_PCT)
    }
    assert shares == {"101": Decimal("4.8"), "751": Decimal("5.25"), "825": None}


def test_it_refuses_a_decimal_point_naming_the_line(recorded):
    with pytest.raises(ImportFailed) as excinfo:
        import_vulnerable_children(recorded("vulnerable_decimal_point.csv"), "saarbare.csv")
    assert errors_of(excinfo) == ["Linje 3: »5.25« er ikke et tal: brug decimalkomma, fx »12,5«."]
    assert not StatisticValue.objects.exists()


@pytest.mark.parametrize(
    ("row", "message"),
    [
        ("101;2023;120", "Linje 2: andelen »120« skal være mellem 0 og 100 %."),
        ("000;2023;4", "Linje 2: »000« er ikke en kommune."),
        ("101;23;4", "Linje 2: »23« er ikke et årstal."),
    ],
)
def test_it_names_the_line_of_a_vulnerable_share_it_cannot_use(row, message):
    data = f"kommunekode;år;andel_sårbare_pct\r\n{row}\r\n".encode()
    with pytest.raises(ImportFailed) as excinfo:
        import_vulnerable_children(data, "saarbare.csv")
    assert errors_of(excinfo) == [message]


def test_it_imports_plans_with_their_dates_and_where_they_are_published(recorded):
    result = import_plans(recorded("plans.csv"), "beredskaber.csv")
    assert result.created == 3
    copenhagen = PreparednessPlan.objects.get(municipality__code="101")
    assert (copenhagen.approved_on, copenhagen.revised_on) == (date(2019, 5, 2), date(2023, 4, 27))
    assert copenhagen.is_published
    assert copenhagen.url.endswith("/kk/beredskab")
    aarhus = PreparednessPlan.objects.get(municipality__code="751")
    assert (aarhus.approved_on, aarhus.revised_on) == (date(2018, 6, 12), None)
    laesoe = PreparednessPlan.objects.get(municipality__code="825")
    assert (laesoe.approved_on, laesoe.is_published) == (None, False)
    assert copenhagen.source == result.source


def test_it_changes_no_plan_when_the_same_file_comes_again(recorded):
    import_plans(recorded("plans.csv"), "beredskaber.csv")
    again = import_plans(recorded("plans.csv"), "beredskaber.csv")
    assert (again.source, again.unchanged, again.changed) == (None, 3, 0)
    assert DataSource.objects.count() == 1
    assert PreparednessPlan.objects.get(municipality__code="101").version == 1


@pytest.mark.parametrize(
    ("row", "message"),
    [
        ("101;2019-05-02;2018-01-01;ja;", "Linje 2: revisionen ligger før godkendelsen."),
        ("101;;2018-01-01;ja;", "Linje 2: et revideret beredskab skal også være godkendt."),
        ("101;2019/05/02;;ja;", "Linje 2: »2019/05/02« er ikke en dato"),
        ("101;2019-05-02;;måske;", "Linje 2: »måske« er hverken »ja« eller »nej«."),
        ("999;2019-05-02;;ja;", "Linje 2: ukendt kommunekode »999«."),
    ],
)
def test_it_names_the_line_of_a_plan_it_cannot_use(row, message):
    data = f"kommunekode;godkendt;revideret;offentliggjort;url\r\n{row}\r\n".encode()
    with pytest.raises(ImportFailed) as excinfo:
        import_plans(data, "beredskaber.csv")
    assert errors_of(excinfo)[0].startswith(message)
    assert not PreparednessPlan.objects.exists()


def test_it_imports_comparison_groups_one_pair_a_line(recorded):
    result = import_comparison_groups(recorded("comparison_groups.csv"), "grupper.csv")
    assert result.created == 2
    copenhagen = ComparisonGroup.objects.get(municipality__code="101")
    assert sorted(m.code for m in copenhagen.members.all()) == ["461", "751", "851"]
    again = import_comparison_groups(recorded("comparison_groups.csv"), "grupper.csv")
    assert (again.source, again.unchanged) == (None, 2)


def test_it_replaces_the_group_of_a_municipality_named_in_a_new_file(recorded):
    import_comparison_groups(recorded("comparison_groups.csv"), "grupper.csv")
    result = import_comparison_groups("kommunekode;sammenligningskommune\r\n101;147\r\n", "ny.csv")
    assert result.updated == 1
    assert [
        m.code for m in ComparisonGroup.objects.get(municipality__code="101").members.all()
    ] == ["147"]
    assert ComparisonGroup.objects.get(municipality__code="751").members.count() == 2


def test_it_refuses_a_municipality_paired_with_itself_naming_the_line():
    """A pair of a municipality with itself was once kept and skipped silently by the
    screening (F5–F7): now the line is refused, so the file says what the group is."""
    data = "kommunekode;sammenligningskommune\r\n101;751\r\n101;101\r\n"
    with pytest.raises(ImportFailed) as excinfo:
        import_comparison_groups(data, "grupper.csv")
    assert errors_of(excinfo) == [
        "Linje 3: kommune 101 er parret med sig selv, men en kommune indgår aldrig i sin egen "
        "sammenligningsgruppe. Slet linjen."
    ]
    assert not ComparisonGroup.objects.exists()


def test_it_refuses_a_duplicate_pair_naming_both_lines():
    data = "kommunekode;sammenligningskommune\r\n101;751\r\n101;147\r\n101;751\r\n"
    with pytest.raises(ImportFailed) as excinfo:
        import_comparison_groups(data, "grupper.csv")
    assert errors_of(excinfo) == [
        "Linje 4: Parret 101 og 751 står allerede i linje 2 (dobbelt række)."
    ]
    assert not ComparisonGroup.objects.exists()
