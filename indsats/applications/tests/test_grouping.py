"""Joint programmes for small sites (O4.4) as a pure rule: no database.

A group forms only with every member's consent: each has named each of the others."""

from hypothesis import given
from hypothesis import strategies as st

from indsats.applications.grouping import GroupingInput, PlannedGroup, plan_groups


def app(application_id, organisation_id, *partners, group=None):
    return GroupingInput(application_id, organisation_id, frozenset(partners), group)


def test_it_groups_two_sites_that_name_each_other():
    assert plan_groups([app(1, 10, 20), app(2, 20, 10)]) == [PlannedGroup(frozenset({1, 2}), None)]


def test_it_forms_no_group_when_only_one_of_them_names_the_other():
    """O4.4: one-sided naming is no consent; the named site stays on its own."""
    assert plan_groups([app(1, 10, 20), app(2, 20)]) == []


def test_it_leaves_a_site_alone_until_its_partner_applies():
    assert plan_groups([app(1, 10, 20)]) == []


def test_it_joins_three_sites_that_all_named_each_other():
    groups = plan_groups([app(1, 10, 20, 30), app(2, 20, 10, 30), app(3, 30, 10, 20), app(4, 40)])
    assert groups == [PlannedGroup(frozenset({1, 2, 3}), None)]


def test_it_waits_for_a_chain_to_become_mutual_between_every_pair():
    """A and B agree, B and C agree, but A and C have not named each other yet."""
    assert plan_groups([app(1, 10, 20), app(2, 20, 10, 30), app(3, 30, 20)]) == []


def test_it_keeps_the_existing_group_when_a_third_site_joins():
    groups = plan_groups(
        [app(1, 10, 20, 30, group=7), app(2, 20, 10, 30, group=7), app(3, 30, 10, 20)]
    )
    assert groups == [PlannedGroup(frozenset({1, 2, 3}), 7)]


applications = st.lists(
    st.tuples(st.integers(1, 8), st.frozensets(st.integers(1, 8), max_size=3)),
    max_size=8,
).map(
    lambda rows: [
        GroupingInput(index, organisation, partners, None)
        for index, (organisation, partners) in enumerate(rows, start=1)
    ]
)


@given(applications)
def test_it_puts_every_application_in_at_most_one_group(items):
    groups = plan_groups(items)
    seen = [a for group in groups for a in group.application_ids]
    assert len(seen) == len(set(seen))
    assert all(len(group.application_ids) >= 2 for group in groups)


@given(applications)
def test_it_groups_the_same_whichever_order_applications_arrive(items):
    forward = {group.application_ids for group in plan_groups(items)}
    backward = {group.application_ids for group in plan_groups(list(reversed(items)))}
    assert forward == backward


@given(applications)
def test_it_groups_only_applications_that_all_named_each_other(items):
    """O4.4: consent of every member; one-sided naming never joins anyone."""
    by_id = {item.application_id: item for item in items}
    for group in plan_groups(items):
        for a in group.application_ids:
            for b in group.application_ids - {a}:
                assert by_id[b].organisation_id in by_id[a].partner_organisation_ids


def test_it_keeps_a_consented_pair_while_a_newcomer_waits_for_one_of_them():
    """C named A and B; A accepted C, B not yet: A and B stay a group, C waits."""
    groups = plan_groups([app(1, 10, 20, 30, group=7), app(2, 20, 10, group=7), app(3, 30, 10, 20)])
    assert groups == [PlannedGroup(frozenset({1, 2}), 7)]
