"""Every position's holders on a date come in two queries, whatever the number of positions."""

import datetime

from pytest_django import DjangoAssertNumQueries

from kansli.organisation.models import Body, Position
from kansli.organisation.selectors import holders_of, positions_with_holders


def test_holders_of_all_positions_in_two_queries_agree_with_holders_of_each(
    demo: dict[str, Body], django_assert_num_queries: DjangoAssertNumQueries
) -> None:
    on = datetime.date(2027, 3, 1)
    positions = Position.objects.filter(body=demo["vanersborg"])

    with django_assert_num_queries(2):
        found = {
            p.slug: [a.pk for a in p.holders]
            for p in positions_with_holders(positions=positions, on=on)
        }

    assert len(found) > 10
    assert found == {p.slug: [a.pk for a in holders_of(position=p, on=on)] for p in positions}
