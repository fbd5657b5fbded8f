"""The screening's pages (C7; O5, F1–F7): what staff see and do, and that applicants get
403 and unknown municipalities and runs 404."""

from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from indsats.programmes.models import Programme
from indsats.screening.models import (
    Decision,
    PreparednessPlan,
    ScreeningDecision,
    ScreeningRun,
    ScreeningSettings,
)
from indsats.screening.services import current_parameters, run_screening

pytestmark = pytest.mark.django_db


@pytest.fixture
def screened(add_statistics):
    """A run for 2023: København has no approved plan (F1) and many notifications (F5);
    Aarhus has few børnehus cases (F6)."""
    add_statistics(
        2023,
        {"101": (1000, 12, 2), "147": (1000, 5, 2), "751": (1000, 5, 0), "461": (1000, 5, 2)},
    )
    PreparednessPlan.objects.create(municipality_id=screened_pk("101"), approved_on=None)
    return run_screening(current_parameters(2023, as_of=date(2024, 6, 30)))


STAFF_PAGES = [
    ("screening:list", ()),
    ("screening:municipality", ("101",)),
    ("screening:plan_edit", ("101",)),
    ("screening:press_create", ("101",)),
    ("screening:ministerial_create", ("101",)),
    ("screening:group_edit", ("101",)),
]


@pytest.mark.parametrize(("name", "args"), STAFF_PAGES)
def test_it_shows_staff_every_screening_page(client, case_officer, screened, name, args):
    client.force_login(case_officer)
    assert client.get(reverse(name, args=args)).status_code == 200


@pytest.mark.parametrize(
    ("name", "args"),
    [
        *STAFF_PAGES,
        ("screening:settings", ()),
        ("screening:upload", ()),
        ("screening:download_csv", (1,)),
    ],
)
def test_it_refuses_applicants_every_screening_page(client, applicant, name, args):
    client.force_login(applicant)
    assert client.get(reverse(name, args=args)).status_code == 403


def test_it_refuses_applicants_a_decision(client, applicant):
    client.force_login(applicant)
    url = reverse("screening:municipality", args=["751"])
    response = client.post(url, {"decision": "contact", "reason": "Nej."})
    assert response.status_code == 403
    assert not Programme.objects.exists()


def test_it_sends_anonymous_users_to_log_in(client):
    response = client.get(reverse("screening:list"))
    assert response.status_code == 302
    assert response.url.startswith(reverse("accounts:login"))


@pytest.mark.parametrize(
    "url",
    [
        "/screening/kommuner/999/",
        "/screening/kommuner/999/beredskab/",
        "/screening/presse/12345/",
        "/screening/minister/12345/",
        "/screening/koersler/12345.json",
        "/screening/?koersel=12345",
        "/screening/?koersel=abc",
    ],
)
def test_it_answers_404_for_what_does_not_exist(client, case_officer, url):
    client.force_login(case_officer)
    assert client.get(url).status_code == 404


def test_it_lists_all_98_municipalities_ranked(client, case_officer, screened):
    client.force_login(case_officer)
    response = client.get(reverse("screening:list"))
    rows = response.context["rows"]
    assert len(rows) == 98
    assert [row["code"] for row in rows[:2]] == ["101", "751"]  # F1 and F5; F6
    assert "<abbr" in response.text
    assert "F5" in response.text


def test_it_filters_on_a_factor_and_a_region(client, case_officer, screened):
    client.force_login(case_officer)
    by_factor = client.get(reverse("screening:list"), {"faktor": "F5"}).context["rows"]
    assert [row["code"] for row in by_factor] == ["101"]
    by_region = client.get(reverse("screening:list"), {"region": "1082"}).context["rows"]
    assert {row["region_code"] for row in by_region} == {"1082"}
    assert len(by_region) == 19
    candidates = client.get(reverse("screening:list"), {"kandidater": "1"}).context["rows"]
    expected = sorted(result["code"] for result in screened.results if result["candidate"])
    assert expected  # the fixture has candidates, so an empty filter result would be wrong
    assert sorted(row["code"] for row in candidates) == expected


def test_its_filter_form_keeps_the_sort_order(client, case_officer, screened):
    """»Vis« keeps the column sorted on and its direction, as sorting keeps the filters."""
    client.force_login(case_officer)
    text = client.get(reverse("screening:list"), {"sorter": "navn", "retning": "ned"}).text
    assert '<input type="hidden" name="sorter" value="navn">' in text
    assert '<input type="hidden" name="retning" value="ned">' in text


@pytest.mark.parametrize(
    ("query", "field", "message"),
    [
        ({"region": "abc"}, "region", "Vælg en region fra listen."),
        ({"faktor": "F9"}, "faktor", "Vælg en faktor fra listen."),
    ],
)
def test_it_shows_an_unknown_filter_value_as_an_error_at_its_field(
    client, case_officer, screened, query, field, message
):
    """Not »0 kommuner vist« for a region that is none, nor a factor ignored (C12)."""
    client.force_login(case_officer)
    response = client.get(reverse("screening:list"), {**query, "kandidater": "1"})
    assert response.status_code == 400
    assert response.context["filter_form"].errors[field] == [message]
    assert f'id="{field}_error"' in response.text
    # The filters that are valid still apply.
    assert response.context["rows"]
    assert all(row["candidate"] for row in response.context["rows"])


def test_it_sorts_by_a_column_both_ways_with_missing_rates_last(client, case_officer, screened):
    client.force_login(case_officer)
    url = reverse("screening:list")
    down = client.get(url, {"sorter": "underretninger", "retning": "ned"}).context["rows"]
    assert down[0]["code"] == "101"
    assert down[-1]["rates"]["notification"] is None
    up = client.get(url, {"sorter": "underretninger", "retning": "op"}).context["rows"]
    assert up[0]["rates"]["notification"] is not None
    assert up[-1]["rates"]["notification"] is None
    names = client.get(url, {"sorter": "navn", "retning": "op"}).context["rows"]
    assert names[0]["name"] == "Aabenraa"
    assert 'aria-sort="ascending"' in client.get(url, {"sorter": "navn"}).text


def test_it_shows_each_flag_with_its_figures(client, case_officer, screened):
    client.force_login(case_officer)
    response = client.get(reverse("screening:list"), {"faktor": "F5"})
    # København's 12 against 1.25 × (12 + 5) / 2 = 10.625 for the region, 1.25 × 6.75 =
    # 8.4375 for the country.
    assert "12,0 &gt; 10,6 (regionen)" in response.text
    assert "12,0 &gt; 8,4 (hele landet)" in response.text


def test_it_runs_the_screening_again_and_shows_the_new_run(client, case_officer, screened):
    client.force_login(case_officer)
    response = client.post(reverse("screening:run"), {"year": "2023"})
    new_run = ScreeningRun.objects.first()
    assert new_run.pk != screened.pk
    assert new_run.created_by == case_officer
    assert response.url == f"{reverse('screening:list')}?koersel={new_run.pk}"


def test_it_refuses_to_run_for_a_year_without_statistics(client, case_officer, screened):
    client.force_login(case_officer)
    client.post(reverse("screening:run"), {"year": "1999"})
    assert ScreeningRun.objects.count() == 1


def test_it_tells_staff_when_the_data_changed_since_the_run(client, case_officer, screened):
    client.force_login(case_officer)
    assert not client.get(reverse("screening:list")).context["data_changed"]
    PreparednessPlan.objects.create(municipality_id=screened_pk("751"), approved_on=None)
    assert client.get(reverse("screening:list")).context["data_changed"]


def test_it_downloads_a_run_as_csv_and_json(client, consultant, screened):
    client.force_login(consultant)
    csv_response = client.get(reverse("screening:download_csv", args=[screened.pk]))
    assert csv_response["Content-Type"].startswith("text/csv")
    assert "attachment" in csv_response["Content-Disposition"]
    json_response = client.get(reverse("screening:download_json", args=[screened.pk]))
    assert json_response.json()["municipalities"][0]["code"] == "101"


@pytest.mark.parametrize(
    ("name", "args"), [("screening:list", ()), ("screening:municipality", ("101",))]
)
def test_its_pages_never_read_a_runs_saved_inputs(client, case_officer, screened, name, args):
    """The inputs (every municipality's figures, kept to reproduce the run) are the run's
    biggest column after the results; no page shows them (#11, C13)."""
    client.force_login(case_officer)
    run_table = ScreeningRun._meta.db_table
    with CaptureQueriesContext(connection) as queries:
        assert client.get(reverse(name, args=args)).status_code == 200
    run_reads = [query["sql"] for query in queries.captured_queries if run_table in query["sql"]]
    assert run_reads
    assert not any('"inputs"' in sql for sql in run_reads)


def test_it_shows_a_municipality_with_its_figures_charts_and_tables(client, manager, screened):
    client.force_login(manager)
    response = client.get(reverse("screening:municipality", args=["101"]))
    assert response.context["result"]["factors"]["F5"]["met"] is True
    assert 'data-chart="chart-notification-data"' in response.text
    assert "Tallene bag kurven" in response.text  # each chart has a data table
    assert "chartjs/chart.umd.min.js" in response.text
    assert response.context["form"] is not None


def test_it_hides_the_decision_form_from_staff_who_do_not_decide(client, case_officer, screened):
    client.force_login(case_officer)
    response = client.get(reverse("screening:municipality", args=["101"]))
    assert response.context["form"] is None
    url = reverse("screening:municipality", args=["101"])
    assert client.post(url, {"decision": "contact", "reason": "x"}).status_code == 403


def test_it_opens_an_outreach_case_when_a_manager_records_contact(client, manager, screened):
    client.force_login(manager)
    url = reverse("screening:municipality", args=["101"])
    response = client.post(url, {"decision": "contact", "reason": "F5 over landsgennemsnittet."})
    assert response.status_code == 302
    decision = ScreeningDecision.objects.get()
    assert (decision.decision, decision.run, decision.decided_by) == (
        Decision.CONTACT,
        screened,
        manager,
    )
    programme = Programme.objects.get()
    assert programme.offer.code == "O5"
    assert programme.organisation.municipality.code == "101"
    page = client.get(url)
    assert programme.reference in page.text


def test_it_needs_a_reason_for_a_decision(client, manager, screened):
    client.force_login(manager)
    url = reverse("screening:municipality", args=["101"])
    response = client.post(url, {"decision": "watch", "reason": ""})
    assert response.status_code == 400
    assert "Der er problemer" in response.text
    assert not ScreeningDecision.objects.exists()


def test_it_lets_staff_record_the_plan_press_and_ministerial_requests(client, consultant):
    client.force_login(consultant)
    client.post(
        reverse("screening:plan_edit", args=["101"]),
        {"approved_on": "2019-05-02", "is_published": "on", "url": "www.kk.dk/beredskab"},
    )
    plan = PreparednessPlan.objects.get()
    assert (plan.approved_on, plan.url) == (date(2019, 5, 2), "https://www.kk.dk/beredskab")
    client.post(
        reverse("screening:press_create", args=["101"]),
        {"published_on": "2024-05-01", "medium": "Avisen", "summary": "Kritik af sagerne."},
    )
    client.post(
        reverse("screening:ministerial_create", args=["101"]),
        {"received_on": "2024-05-01", "reference": "MIN-7", "status": "open"},
    )
    page = client.get(reverse("screening:municipality", args=["101"]))
    assert "Avisen" in page.text
    assert "MIN-7" in page.text
    assert page.context["press"][0].recorded_by == consultant


def test_it_keeps_what_was_typed_when_someone_else_saved_the_plan_first(client, consultant):
    plan = PreparednessPlan.objects.create(municipality_id=screened_pk("101"))
    client.force_login(consultant)
    url = reverse("screening:plan_edit", args=["101"])
    PreparednessPlan.objects.filter(pk=plan.pk).update(version=2, note="Ændret af en anden")
    response = client.post(url, {"approved_on": "2019-05-02", "version": "1", "note": "Mit"})
    assert response.status_code == 409
    assert PreparednessPlan.objects.get().note == "Ændret af en anden"


def test_it_refuses_a_published_plan_without_an_address(client, consultant):
    client.force_login(consultant)
    response = client.post(
        reverse("screening:plan_edit", args=["101"]),
        {"approved_on": "2019-05-02", "is_published": "on"},
    )
    assert response.status_code == 400
    assert not PreparednessPlan.objects.exists()


def test_it_edits_a_comparison_group_without_the_municipality_itself(client, case_officer):
    client.force_login(case_officer)
    url = reverse("screening:group_edit", args=["101"])
    members = [screened_pk(code) for code in ("147", "751")]
    assert client.post(url, {"members": members}).status_code == 302
    from indsats.screening.models import ComparisonGroup

    group = ComparisonGroup.objects.get(municipality__code="101")
    assert sorted(m.code for m in group.members.all()) == ["147", "751"]
    response = client.post(url, {"members": [screened_pk("101")], "version": "1"})
    assert response.status_code == 400  # København is not among the choices


def test_it_lets_managers_change_the_settings_with_history(client, manager):
    client.force_login(manager)
    assert client.get(reverse("screening:settings")).status_code == 200
    data = {
        "threshold": "0.3",
        "averaging": "mean",
        "use_region": "on",
        "use_country": "on",
        "look_back_months": "24",
        "plan_max_age_years": "4",
        "warning_window_days": "90",
        "candidate_min_factors": "2",
        **{f"weight_f{n}": "1" for n in range(1, 8)},
        "reason_codes": "2015-: 7, 8",
        "child_count_quarter": "1",
        "version": "1",
    }
    response = client.post(reverse("screening:settings"), data)
    assert response.status_code == 302
    saved = ScreeningSettings.current()
    assert (str(saved.threshold), saved.averaging, saved.use_group) == ("0.300", "mean", False)
    history = client.get(reverse("screening:settings")).context["history"]
    assert any(change.field for item in history for change in item.changes)
    bad = client.post(
        reverse("screening:settings"), {**data, "reason_codes": "2015", "version": "2"}
    )
    assert "Linje 1" in bad.text


def test_it_keeps_settings_from_staff_who_do_not_decide(client, case_officer):
    client.force_login(case_officer)
    assert client.get(reverse("screening:settings")).status_code == 403


def test_it_imports_an_uploaded_file_or_lists_its_errors_by_line(client, case_officer, recorded):
    from django.core.files.uploadedfile import SimpleUploadedFile

    client.force_login(case_officer)
    url = reverse("screening:upload")
    bad = SimpleUploadedFile("und1.csv", recorded("und1_unknown_code.csv"))
    response = client.post(url, {"kind": "statbank_und1", "file": bad})
    assert response.status_code == 400
    assert "Linje 4: ukendt kommunekode »999«." in response.text
    good = SimpleUploadedFile("und1.csv", recorded("und1_2022_2023.csv"))
    assert client.post(url, {"kind": "statbank_und1", "file": good}).status_code == 302
    page = client.get(url)
    assert "und1.csv" in page.text


def test_it_keeps_consultants_from_uploading(client, consultant):
    client.force_login(consultant)
    assert client.get(reverse("screening:upload")).status_code == 403


def test_it_puts_the_screening_in_the_menu_for_staff_only(client, case_officer, applicant):
    client.force_login(case_officer)
    assert reverse("screening:list") in client.get(reverse("core:dashboard")).text
    client.force_login(applicant)
    assert reverse("screening:list") not in client.get(reverse("core:dashboard")).text


def screened_pk(code):
    from indsats.organisations.models import Municipality

    return Municipality.objects.get(code=code).pk
