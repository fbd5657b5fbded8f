"""Two people editing one programme record never silently overwrite each other (C12,
#12): a goal, the focus-group notes (the very first save too) — the second to save sees
a conflict with the other's change, and what they typed stays in the form."""

import pytest
from django.urls import reverse

from indsats.programmes.models import FocusGroup, Goal
from indsats.programmes.tests.dates import began_long_ago
from indsats.testing.factories import new_programme

pytestmark = pytest.mark.django_db


def _url(name, programme, *more):
    return reverse(f"programmes:{name}", args=[programme.pk, *more])


def test_it_refuses_a_second_first_save_of_the_focus_group_notes(
    client, consultant, project_leader, placement_site
):
    """Both open the empty focus-group form; the first saves; the second is a conflict,
    not an overwrite of the first's notes."""
    programme = began_long_ago(new_programme("O4", placement_site, "OK-2030-0001"))
    url = _url("focus_group", programme, "start")
    client.force_login(consultant)
    opened = client.get(url).context["form"]["version"].value()
    data = {"held_on": "2024-05-01", "participants": "Fem pædagoger", "version": opened}
    assert client.post(url, {**data, "notes": "Konsulentens noter"}).status_code == 302

    client.force_login(project_leader)
    response = client.post(url, {**data, "notes": "Projektlederens noter"})
    assert response.status_code == 409
    assert "En anden har gemt ændringer" in response.text
    assert "Projektlederens noter" in response.text  # kept in the form
    assert "Konsulentens noter" in response.text  # the other's change, shown
    assert FocusGroup.objects.get(programme=programme).notes == "Konsulentens noter"


def test_it_refuses_a_stale_goal_and_keeps_both_texts_in_view(
    client, consultant, project_leader, aarhus
):
    programme = began_long_ago(new_programme("O2", aarhus, "UF-2030-0001"))
    goal = Goal.objects.create(programme=programme, text="Beredskabet er kendt", order=1)
    url = _url("goal_edit", programme, goal.pk)
    client.force_login(consultant)
    opened = client.get(url).context["form"]["version"].value()
    first = {"text": goal.text, "result": "Konsulentens resultat", "version": opened}
    assert client.post(url, first).status_code == 302

    client.force_login(project_leader)
    second = {"text": goal.text, "result": "Projektlederens resultat", "version": opened}
    response = client.post(url, second)
    assert response.status_code == 409
    assert "Projektlederens resultat" in response.text
    assert "Konsulentens resultat" in response.text
    goal.refresh_from_db()
    assert goal.result == "Konsulentens resultat"


@pytest.mark.parametrize("version", ["abc", "9" * 20, "-1", ""])
def test_it_refuses_a_junk_version_on_a_goal_with_a_form_error(client, consultant, aarhus, version):
    programme = began_long_ago(new_programme("O2", aarhus, "UF-2030-0002"))
    goal = Goal.objects.create(programme=programme, text="Beredskabet er kendt", order=1)
    client.force_login(consultant)
    response = client.post(
        _url("goal_edit", programme, goal.pk),
        {"text": goal.text, "result": "Nyt", "version": version},
    )
    assert response.status_code == 200
    assert "version" in response.context["form"].errors
    goal.refresh_from_db()
    assert goal.result == ""
