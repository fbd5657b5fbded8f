"""Joint programmes for small sites (O4.4) as a pure rule: no database."""

from hypothesis import given
from hypothesis import strategies as st

from indsats.applications.grouping import GroupingInput, PlannedGroup, plan_groups


def app(application_id, organisation_id, *partners, group=None):
    return GroupingInput(application_id, organisation_id, frozenset(partners), group)


def test_it_groups_two_sites_that_name_each_other():
    assert plan_groups([app(1, 10, 20), app(2, 20, 10)]) == [PlannedGroup(frozenset({1, 2}), None)]


def test_it_groups_when_only_one_of_them_names_the_other():
    assert plan_groups([app(1, 10, 20), app(2, 20)]) == [PlannedGroup(frozenset({1, 2}), None)]


def test_it_leaves_a_site_alone_until_its_partner_applies():
    assert plan_groups([app(1, 10, 20)]) == []


def test_it_joins_chains_of_partners_into_one_group():
    groups = plan_groups([app(1, 10, 20), app(2, 20, 30), app(3, 30), app(4, 40)])
    assert groups == [PlannedGroup(frozenset({1, 2, 3}), None)]


def test_it_keeps_the_existing_group_when_a_third_site_joins():
    groups = plan_groups([app(1, 10, 20, group=7), app(2, 20, group=7), app(3, 30, 10)])
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
def test_it_always_puts_a_named_partner_that_applied_in_the_same_group(items):
    group_of = {a: g.application_ids for g in plan_groups(items) for a in g.application_ids}
    by_organisation = {}
    for item in items:
        by_organisation.setdefault(item.organisation_id, []).append(item.application_id)
    for item in items:
        for partner in item.partner_organisation_ids:
            for other in by_organisation.get(partner, []):
                if other != item.application_id:
                    assert other in group_of.get(item.application_id, set())
