"""What the screening's pages say of a run (#9, C7, C11): the weighted count with the
decimals it has (»4,5«, never rounded to »5«), »1 faktor« in the singular, and on a
municipality's page, as on the list, that the data has changed since the run."""

from datetime import date
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import translation

from indsats.screening.importers.base import ImportResult
from indsats.screening.models import PreparednessPlan, ScreeningSettings
from indsats.screening.services import current_parameters, run_screening
from indsats.screening.templatetags.screening import as_given

pytestmark = pytest.mark.django_db


@pytest.fixture
def weighted_run(add_statistics):
    """F1 weighs 1,5. København has no approved plan (F1) and many notifications (F5):
    2 factors, weighted 2,5. Aarhus has few børnehus cases (F6): 1 factor, weighted 1."""
    add_statistics(
        2023,
        {"101": (1000, 12, 2), "147": (1000, 5, 2), "751": (1000, 5, 0), "461": (1000, 5, 2)},
    )
    settings_row = ScreeningSettings.current()
    settings_row.weight_f1 = Decimal("1.5")
    settings_row.save()
    PreparednessPlan.objects.create(municipality_id=_pk("101"), approved_on=None)
    return run_screening(current_parameters(2023, as_of=date(2024, 6, 30)))


def _pk(code):
    from indsats.organisations.models import Municipality

    return Municipality.objects.get(code=code).pk


def _text(response) -> str:
    return " ".join(response.text.split())


def test_the_list_shows_the_weighted_count_with_its_decimals(client, case_officer, weighted_run):
    client.force_login(case_officer)
    response = client.get(reverse("screening:list"))
    rows = {row["code"]: row for row in response.context["rows"]}
    assert (rows["101"]["met"], rows["101"]["weighted_count"]) == (["F1", "F5"], "2.50")
    text = _text(response)
    assert '<td class="number">2,5</td>' in text
    assert '<td class="number">3</td>' not in text  # 2.5 rounded half up
    assert '<td class="number">1</td>' in text  # Aarhus: F6, weighed 1


def test_the_municipality_page_shows_the_weighted_count_and_one_factor_in_the_singular(
    client, case_officer, weighted_run
):
    client.force_login(case_officer)
    copenhagen = _text(client.get(reverse("screening:municipality", args=["101"])))
    assert "2 faktorer opfyldt, vægtet antal 2,5." in copenhagen
    aarhus = _text(client.get(reverse("screening:municipality", args=["751"])))
    assert "1 faktor opfyldt, vægtet antal 1." in aarhus


def test_the_weighted_count_is_shown_danish_style():
    with translation.override("da"):
        assert [as_given(v) for v in ("4.50", "4.00", "1.5", None)] == [
            "4,5",
            "4",
            "1,5",
            "mangler",
        ]


def test_the_municipality_page_says_the_data_changed_since_the_run(
    client, case_officer, weighted_run
):
    client.force_login(case_officer)
    url = reverse("screening:municipality", args=["751"])
    notice = "Data er ændret siden kørslen. Kør screeningen igen for at se de nye tal."
    page = client.get(url)
    assert page.context["data_changed"] is False
    assert notice not in page.text
    PreparednessPlan.objects.create(municipality_id=_pk("751"), approved_on=None)
    page = client.get(url)
    assert page.context["data_changed"] is True
    assert notice in page.text


def test_an_import_summary_says_one_row_in_the_singular():
    with translation.override("da"):
        assert (
            ImportResult(source=None, rows_read=1, created=1)
            .summary()
            .startswith("1 række læst: 1 ny, 0 ændrede, 0 uændrede")
        )
        assert (
            ImportResult(source=None, rows_read=2, created=1, updated=1)
            .summary()
            .startswith("2 rækker læst: 1 ny, 1 ændret, 0 uændrede")
        )
        assert (
            ImportResult(source=None, rows_read=2, created=2).summary().startswith("2 rækker læst:")
        )


def test_the_municipality_page_writes_counts_with_a_thousands_separator(
    client, case_officer, add_statistics
):
    """»Børn 0–17 år« 8832 is »8.832« in Danish (C11)."""
    add_statistics(2023, {"101": (8832, 1200, 12)})
    run_screening(current_parameters(2023, as_of=date(2024, 6, 30)))
    client.force_login(case_officer)
    with translation.override("da"):
        text = _text(client.get(reverse("screening:municipality", args=["101"])))
    assert '<td class="number">8.832</td>' in text
    assert '<td class="number">1.200</td>' in text


def test_the_decision_form_shows_no_internal_code_and_contacts_roles_as_written(
    client, manager, weighted_run
):
    from indsats.organisations.models import ContactRole, MunicipalContact

    MunicipalContact.objects.create(
        municipality_id=_pk("101"), name="Anne Berg", role=ContactRole.COLLABORATION
    )
    client.force_login(manager)
    with translation.override("da"):
        response = client.get(reverse("screening:municipality", args=["101"]))
    text = _text(response)
    assert "(konsulentbistand)" in text
    assert "O5" not in str(response.context["form"]["decision"].help_text)
    assert "Anne Berg, Kontaktperson for samarbejdet med Socialstyrelsen" in text
    assert 'class="screening-full-width form-select"' in text


def test_f6_per_vulnerable_child_says_what_the_figures_are():
    """The figures under F6 are børnehus cases per 1,000 vulnerable children, not a share."""
    from django.template.loader import render_to_string

    factor = {
        "met": False,
        "triggered_by": [],
        "comparisons": [],
        "facts": {
            "per_vulnerable_child": [
                {"reference": "region", "rate": "16.51", "reference_rate": "23.96", "met": True}
            ]
        },
    }
    with translation.override("da"):
        text = render_to_string(
            "screening/includes/factor_detail.html",
            {"code": "F6", "factor": factor, "result": {}, "parameters": {}},
        )
    text = " ".join(text.split())
    assert "Børnehussager pr. 1.000 sårbare børn, kommunen mod referencen" in text
    assert "andelen" not in text
    assert "Regionen: 16,51 / 23,96" in text


def test_a_plan_from_synthetic_data_says_synthetic_once(client, case_officer):
    from indsats.screening.models import DataSource, SourceKind

    source = DataSource.objects.create(
        kind=SourceKind.PLANS,
        origin="Syntetiske demodata (ikke rigtige tal)",
        sha256="synthetic",
        synthetic=True,
        rows_read=1,
    )
    PreparednessPlan.objects.create(municipality_id=_pk("101"), approved_on=None, source=source)
    client.force_login(case_officer)
    with translation.override("da"):
        text = _text(client.get(reverse("screening:municipality", args=["101"])))
    source_line = text[text.index("<dt>Kilde</dt>") :].split("</dd>")[0]
    assert source_line.lower().count("syntetisk") == 1
