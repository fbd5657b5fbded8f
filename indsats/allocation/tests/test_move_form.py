"""The form that moves an application in the queue (C5, C12). No database: the form gets
the queue's places from the plan."""

import pytest
from django.utils import translation

from indsats.allocation.forms import MoveForm

QUEUE = {"TF-2026-0001": 1, "TF-2026-0002": 2, "TF-2026-0003": 3}


@pytest.fixture(autouse=True)
def danish():
    with translation.override("da"):
        yield


def form(to_position, reference="TF-2026-0002", reason="Odense har akut behov"):
    data = {"reference": reference, "to_position": to_position, "reason": reason}
    return MoveForm(data, positions=QUEUE, queue_length=3)


def test_it_moves_within_the_queue():
    assert form("1").is_valid()
    assert form("3").is_valid()


@pytest.mark.parametrize("position", ["99", "4", "0", "-1"])
def test_a_place_outside_the_queue_is_an_error_at_the_field_naming_the_range(position):
    """The tester moved TF-2026-0002 to 99 in a queue of 3: refused, saying 1–3."""
    moved = form(position)
    assert not moved.is_valid()
    assert moved.errors["to_position"] == ["Vælg en plads mellem 1 og 3."]


def test_a_move_to_its_own_place_is_refused():
    """A move from 2 to 2 changes nothing and is not recorded."""
    moved = form("2")
    assert not moved.is_valid()
    assert moved.errors["to_position"] == [
        "TF-2026-0002 står allerede på plads 2. Vælg en anden plads."
    ]


def test_its_errors_name_the_application_the_form_is_for():
    """Many move forms on one page: the error summary says which application it is."""
    moved = form("to", reason="")
    assert not moved.is_valid()
    assert moved["to_position"].label == "Ny plads for TF-2026-0002"
    assert moved["reason"].label == "Begrundelse for flytningen af TF-2026-0002"
    assert moved.errors["to_position"] == ["Skriv pladsen som et helt tal."]


def test_an_application_not_in_the_queue_cannot_be_moved():
    moved = form("1", reference="TF-2026-0009")
    assert not moved.is_valid()
    assert moved.non_field_errors() == ["TF-2026-0009 står ikke i køen og kan ikke flyttes."]


def test_a_queue_of_one_place_says_there_is_nowhere_to_move():
    moved = MoveForm(
        {"reference": "TF-2026-0001", "to_position": "2", "reason": "Fordi"},
        positions={"TF-2026-0001": 1},
        queue_length=1,
    )
    assert not moved.is_valid()
    assert "ingen anden plads" in moved.errors["to_position"][0]


def test_a_move_without_a_reason_asks_for_one():
    """C11: the reason is asked for in the words of the task."""
    empty = form("1", reason="")
    assert not empty.is_valid()
    assert empty.errors["reason"] == ["Skriv, hvorfor ansøgningen flyttes."]
