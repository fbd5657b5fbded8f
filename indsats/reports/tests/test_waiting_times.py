"""Waiting times received → decision → start, median and 90th percentile by nearest rank,
checked against figures worked out by hand (C8)."""

from datetime import date

import pytest

from indsats.reports.registry import ReportParams, run_report

from .records import waiting_times_2027

YEAR_2027 = ReportParams(date(2027, 1, 1), date(2027, 12, 31))


def _rows(params=YEAR_2027):
    table = run_report("waiting_times", params).tables[0]
    return {row["offer"][:2]: row for row in table.rows}, table.totals


@pytest.mark.django_db
def test_it_gives_the_median_and_90th_percentile_worked_out_by_hand(case_officer):
    waiting_times_2027(case_officer)

    rows, totals = _rows()

    # O1 received → decision: [3, 5, 7, 10, 30]; rank ceil(0.5·5)=3 → 7, ceil(0.9·5)=5 → 30.
    o1 = rows["O1"]
    assert (o1["applications"], o1["decision_count"]) == (6, 5)  # Horsens has no decision
    assert (o1["decision_median"], o1["decision_p90"]) == (7, 30)
    # decision → start: [2, 14, 20]; rank ceil(1.5)=2 → 14, ceil(2.7)=3 → 20.
    assert (o1["start_count"], o1["start_median"], o1["start_p90"]) == (3, 14, 20)
    # received → start: Aarhus 3+14=17, Odense 10+2=12, Aalborg 5+20=25: [12, 17, 25].
    assert (o1["total_median"], o1["total_p90"]) == (17, 25)
    # O2: [1, 2, 3, 4]; the median is the lower middle value, rank ceil(2.0)=2 → 2.
    assert (rows["O2"]["decision_median"], rows["O2"]["decision_p90"]) == (2, 4)
    assert rows["O2"]["start_median"] is None
    # All offers: [1, 2, 3, 3, 4, 5, 7, 10, 30]; rank ceil(4.5)=5 → 4, ceil(8.1)=9 → 30.
    assert (totals["decision_count"], totals["decision_median"], totals["decision_p90"]) == (
        9,
        4,
        30,
    )


@pytest.mark.django_db
def test_it_counts_only_applications_received_in_the_period_and_region(case_officer):
    waiting_times_2027(case_officer)

    rows, _totals = _rows(ReportParams(date(2028, 1, 1), date(2028, 12, 31)))
    assert rows["O1"]["applications"] == 0
    assert rows["O1"]["decision_median"] is None

    # Region Hovedstaden (1084) holds only the four O2 municipalities.
    rows, totals = _rows(ReportParams(date(2027, 1, 1), date(2027, 12, 31), region="1084"))
    assert rows["O1"]["applications"] == 0
    assert (totals["decision_count"], totals["decision_median"]) == (4, 2)


@pytest.mark.django_db
def test_it_narrows_to_one_offer(case_officer):
    waiting_times_2027(case_officer)

    rows, totals = _rows(ReportParams(date(2027, 1, 1), date(2027, 12, 31), offer="O2"))

    assert list(rows) == ["O2"]
    assert (totals["decision_median"], totals["decision_p90"]) == (2, 4)
