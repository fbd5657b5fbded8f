"""Screening settings are held to sensible ranges (C12, #12): a plan age of 8,000 years,
a look-back of 30,000 months or a negative warning window is an error at its field, and
nothing is saved; every value in range saves, and a screening's dates can be computed
with it (a plan's due date, the press look-back), so no run or reminder crashes."""

from datetime import date

import pytest
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from indsats.core.concurrency import saved
from indsats.screening.forms import SettingsForm
from indsats.screening.models import ScreeningSettings
from indsats.screening.parameters import SETTING_RANGES, add_years, subtract_months

pytestmark = pytest.mark.django_db
EXAMPLES = settings(max_examples=30, suppress_health_check=[HealthCheck.function_scoped_fixture])


def _data(current, **changes):
    data = {
        "threshold": "0,25",
        "averaging": current.averaging,
        "use_region": "on",
        "use_country": "on",
        "use_group": "on",
        "look_back_months": current.look_back_months,
        "plan_max_age_years": current.plan_max_age_years,
        "warning_window_days": current.warning_window_days,
        "candidate_min_factors": current.candidate_min_factors,
        "reason_codes": current.reason_codes,
        "child_count_quarter": current.child_count_quarter,
        "version": current.version,
        **{f"weight_f{code}": "1" for code in range(1, 8)},
    }
    return {**data, **{name: str(value) for name, value in changes.items()}}


def _out_of_range():
    return st.sampled_from(sorted(SETTING_RANGES)).flatmap(
        lambda name: st.tuples(
            st.just(name),
            st.one_of(
                st.integers(max_value=SETTING_RANGES[name][0] - 1),
                st.integers(min_value=SETTING_RANGES[name][1] + 1),
            ),
        )
    )


@EXAMPLES
@given(_out_of_range())
def test_it_refuses_a_whole_number_setting_out_of_range_at_its_field(db, case):
    name, value = case
    current = ScreeningSettings.current()
    form = SettingsForm(_data(current, **{name: value}), instance=current)
    assert not form.is_valid()
    assert list(form.errors) == [name]
    assert getattr(ScreeningSettings.current(), name) == getattr(current, name)


def _in_range():
    return st.fixed_dictionaries(
        {name: st.integers(low, high) for name, (low, high) in SETTING_RANGES.items()}
    )


@EXAMPLES
@given(_in_range())
def test_it_saves_every_setting_in_range_and_can_compute_with_it(db, values):
    current = ScreeningSettings.current()
    form = SettingsForm(_data(current, **values), instance=current)
    assert form.is_valid(), form.errors
    assert saved(form)
    stored = ScreeningSettings.current()
    parameters = stored.parameters(2024, date(2024, 12, 31))
    assert add_years(date(2024, 2, 29), parameters.plan_max_age_years).year <= 2044
    assert subtract_months(parameters.as_of, parameters.look_back_months).year >= 2014


@pytest.mark.parametrize("value", ["8000", "0", "-1", "9" * 20, "4,5"])
def test_it_answers_an_absurd_plan_age_on_the_page_with_a_field_error(client, manager, value):
    current = ScreeningSettings.current()
    client.force_login(manager)
    response = client.post(reverse("screening:settings"), _data(current, plan_max_age_years=value))
    assert response.status_code == 400
    assert "plan_max_age_years" in response.context["form"].errors
    assert ScreeningSettings.current().plan_max_age_years == current.plan_max_age_years


@pytest.mark.parametrize(("name", "value"), [("weight_f1", "-1"), ("weight_f2", "9" * 20)])
def test_it_refuses_a_negative_or_huge_weight(client, manager, name, value):
    current = ScreeningSettings.current()
    client.force_login(manager)
    response = client.post(reverse("screening:settings"), _data(current, **{name: value}))
    assert response.status_code == 400
    assert name in response.context["form"].errors
