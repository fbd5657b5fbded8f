"""Importing Statistics Denmark's UND1, UND3 and FOLK1A from recorded files in the format
the Statbank API returns (C7): all-or-nothing, with line numbers, idempotent."""

from decimal import Decimal

import pytest

from indsats.screening.importers import ImportFailed, import_statbank
from indsats.screening.models import DataSource, Measure, StatisticValue

pytestmark = pytest.mark.django_db


def value(measure, code, period, reason=""):
    return StatisticValue.objects.get(
        measure=measure, municipality__code=code, period=period, reason=reason
    )


def errors_of(excinfo) -> list[str]:
    return [str(error) for error in excinfo.value.errors]


def test_it_imports_und1_with_a_bom_and_crlf_and_skips_the_country_and_regions(recorded):
    data = recorded("und1_2022_2023.csv")
    assert data.startswith(b"\xef\xbb\xbf")
    assert b"\r\n" in data
    result = import_statbank("UND1", data, "und1_2022_2023.csv")
    assert (result.rows_read, result.created, result.skipped) == (12, 8, 4)
    assert value(Measure.NOTIFICATIONS, "101", "2023").value == 5602
    assert value(Measure.NOTIFICATIONS, "751", "2022").year == 2022


def test_it_stores_a_suppressed_cell_as_missing_never_as_zero(recorded):
    import_statbank("UND1", recorded("und1_2022_2023.csv"), "und1.csv")
    assert value(Measure.NOTIFICATIONS, "147", "2023").value is None
    assert value(Measure.NOTIFICATIONS, "825", "2022").value is None
    assert value(Measure.NOTIFICATIONS, "147", "2022").value == 1021


def test_it_reads_a_file_without_a_bom_and_with_lf_line_ends(recorded):
    result = import_statbank("UND1", recorded("und1_no_bom_lf.csv"), "und1.csv")
    assert result.created == 1


def test_it_keeps_the_source_and_import_time_on_every_row(recorded, case_officer):
    result = import_statbank("UND1", recorded("und1_2022_2023.csv"), "und1.csv", user=case_officer)
    source = result.source
    assert (source.kind, source.origin, source.imported_by) == (
        "statbank_und1",
        "und1.csv",
        case_officer,
    )
    assert len(source.sha256) == 64
    assert not source.synthetic
    rows = StatisticValue.objects.all()
    assert {row.source_id for row in rows} == {source.pk}
    assert all(row.imported_at is not None for row in rows)
    assert value(Measure.NOTIFICATIONS, "101", "2023").line == 7


def test_it_changes_nothing_when_the_same_file_comes_again(recorded):
    import_statbank("UND1", recorded("und1_2022_2023.csv"), "und1.csv")
    again = import_statbank("UND1", recorded("und1_2022_2023.csv"), "und1.csv")
    assert again.source is None
    assert (again.created, again.updated, again.unchanged) == (0, 0, 8)
    assert DataSource.objects.count() == 1
    assert "allerede importeret" in again.summary()


def test_it_updates_a_changed_figure_and_names_the_new_source(recorded):
    first = import_statbank("UND1", recorded("und1_2022_2023.csv"), "und1.csv")
    changed = recorded("und1_2022_2023.csv").replace(b"101;2023;5602", b"101;2023;5700")
    second = import_statbank("UND1", changed, "und1-rettet.csv")
    assert (second.created, second.updated, second.unchanged) == (0, 1, 7)
    assert value(Measure.NOTIFICATIONS, "101", "2023").value == 5700
    assert value(Measure.NOTIFICATIONS, "101", "2023").source == second.source
    assert value(Measure.NOTIFICATIONS, "101", "2022").source == first.source


def test_it_imports_und3_per_reason(recorded):
    result = import_statbank("UND3", recorded("und3_2023.csv"), "und3.csv")
    assert result.created == 12  # 101, 751, 825 × four reasons
    assert value(Measure.NOTIFICATIONS_BY_REASON, "101", "2023", "12").value == 55
    assert value(Measure.NOTIFICATIONS_BY_REASON, "825", "2023", "11").value is None


def test_it_sums_folk1a_ages_0_to_17_per_quarter(recorded):
    result = import_statbank("FOLK1A", recorded("folk1a_2024K1.csv"), "folk1a.csv")
    assert result.created == 2  # 101 and 751; the country and Christiansø (411) skipped
    children = value(Measure.CHILDREN, "101", "2024K1")
    assert children.value == sum(6500 + age for age in range(18))
    assert children.year == 2024


def test_it_refuses_folk1a_without_every_age_0_to_17(recorded):
    with pytest.raises(ImportFailed) as excinfo:
        import_statbank("FOLK1A", recorded("folk1a_missing_ages.csv"), "folk1a.csv")
    assert errors_of(excinfo) == ["Linje 2: for 101 i 2024K1 mangler alder 17."]
    assert not StatisticValue.objects.exists()


def test_it_refuses_a_wrong_header_naming_line_1_and_imports_nothing(recorded):
    with pytest.raises(ImportFailed) as excinfo:
        import_statbank("UND1", recorded("und1_wrong_header.csv"), "und1.csv")
    messages = errors_of(excinfo)
    assert messages[0].startswith("Linje 1: overskriften mangler kolonnen »INDHOLD«")
    assert "»OMRÅDE;TID;VÆRDI«" in messages[0]
    assert not StatisticValue.objects.exists()
    assert not DataSource.objects.exists()


def test_it_refuses_an_unknown_municipality_code_naming_the_line(recorded):
    with pytest.raises(ImportFailed) as excinfo:
        import_statbank("UND1", recorded("und1_unknown_code.csv"), "und1.csv")
    assert errors_of(excinfo) == ["Linje 4: ukendt kommunekode »999«."]
    assert not StatisticValue.objects.exists()  # not even lines 2 and 3


def test_it_refuses_a_duplicate_row_naming_both_lines(recorded):
    with pytest.raises(ImportFailed) as excinfo:
        import_statbank("UND1", recorded("und1_duplicate.csv"), "und1.csv")
    assert errors_of(excinfo) == [
        "Linje 4: Området 101 i 2023 står allerede i linje 2 (dobbelt række)."
    ]
    assert not StatisticValue.objects.exists()


@pytest.mark.parametrize(
    ("row", "message"),
    [
        ("101;2023;12.5", "Linje 2: »12.5« er ikke et tal: brug decimalkomma, fx »12,5«."),
        ("101;2023;12,5", "Linje 2: »12,5« er ikke et helt, ikke-negativt tal."),
        ("101;2023;mange", "Linje 2: »mange« er ikke et tal."),
        ("101;2023K1;5", "Linje 2: tiden »2023K1« er ikke et år."),
        ("101;2023", "Linje 2: rækken har 2 felter, men overskriften har 3."),
    ],
)
def test_it_names_the_line_of_a_cell_it_cannot_read(row, message):
    data = f"\ufeffOMRÅDE;TID;INDHOLD\r\n{row}\r\n751;2023;3\r\n".encode()
    with pytest.raises(ImportFailed) as excinfo:
        import_statbank("UND1", data, "und1.csv")
    assert errors_of(excinfo) == [message]
    assert not StatisticValue.objects.exists()


def test_it_reads_a_decimal_comma_in_a_whole_count(recorded):
    data = "OMRÅDE;TID;INDHOLD\r\n101;2023;12,0\r\n".encode()
    import_statbank("UND1", data, "und1.csv")
    assert value(Measure.NOTIFICATIONS, "101", "2023").value == Decimal(12)


def test_it_refuses_a_breakdown_that_is_not_a_total():
    data = "OMRÅDE;KØN;TID;INDHOLD\r\n101;TOT;2023;12\r\n751;1;2023;3\r\n".encode()
    with pytest.raises(ImportFailed) as excinfo:
        import_statbank("UND1", data, "und1.csv")
    assert errors_of(excinfo) == ["Linje 3: KØN skal være i alt (TOT eller IALT), men er »1«."]


def test_it_names_the_line_of_bytes_that_are_not_utf8():
    data = "OMRÅDE;TID;INDHOLD\r\n101;2023;12\r\n".encode() + "Æ;2023;1\r\n".encode("latin-1")
    with pytest.raises(ImportFailed) as excinfo:
        import_statbank("UND1", data, "und1.csv")
    assert errors_of(excinfo)[0].startswith("Linje 3: filen er ikke gemt som UTF-8")


def test_it_reports_every_bad_line_at_once():
    data = "OMRÅDE;TID;INDHOLD\r\n999;2023;1\r\n101;2023;x\r\n998;2023;1\r\n".encode()
    with pytest.raises(ImportFailed) as excinfo:
        import_statbank("UND1", data, "und1.csv")
    assert [error.line for error in excinfo.value.errors] == [2, 3, 4]
