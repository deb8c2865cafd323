import datetime

import pytest
from django.core.exceptions import ValidationError

from kansli.organisation.models import Organization
from kansli.registry import services
from kansli.registry.models import Case, NumberSeries


def open_case(organization: Organization, on: datetime.date) -> Case:
    return services.case_open(actor=None, organization=organization, title="Ärende", opened_on=on)


def test_cases_are_numbered_in_the_series_format_one_after_another(board: Organization) -> None:
    services.number_series_set_format(
        actor=None, organization=board, year=2026, format="KS {year}/{number:05d}"
    )

    first = open_case(board, datetime.date(2026, 3, 2))
    second = open_case(board, datetime.date(2026, 3, 2))

    assert [first.number, second.number] == ["KS 2026/00001", "KS 2026/00002"]


def test_a_new_year_starts_at_one_with_the_format_of_the_year_before(board: Organization) -> None:
    services.number_series_set_format(
        actor=None, organization=board, year=2026, format="KS {year}/{number:05d}"
    )
    open_case(board, datetime.date(2026, 12, 30))

    case = open_case(board, datetime.date(2027, 1, 4))

    assert case.number == "KS 2027/00001"


def test_an_organization_without_a_series_gets_year_slash_number(board: Organization) -> None:
    case = open_case(board, datetime.date(2026, 2, 1))

    assert case.number == "2026/00001"
    assert NumberSeries.objects.get(organization=board, year=2026).next_number == 2


def test_the_format_of_a_series_in_use_cannot_change(board: Organization) -> None:
    open_case(board, datetime.date(2026, 2, 1))

    with pytest.raises(ValidationError, match="har redan ärenden"):
        services.number_series_set_format(
            actor=None, organization=board, year=2026, format="KS {year}/{number}"
        )


def test_a_format_without_the_number_is_refused(board: Organization) -> None:
    with pytest.raises(ValidationError, match=r"ska innehålla \{number\}"):
        services.number_series_set_format(
            actor=None, organization=board, year=2026, format="KS {year}"
        )


def test_a_series_may_skip_ahead_but_never_back(board: Organization) -> None:
    services.number_series_set_format(
        actor=None, organization=board, year=2026, format="KS {year}/{number:05d}", next_number=51
    )
    case = open_case(board, datetime.date(2026, 3, 2))

    with pytest.raises(ValidationError, match="upp till 51"):
        services.number_series_set_format(
            actor=None,
            organization=board,
            year=2026,
            format="KS {year}/{number:05d}",
            next_number=40,
        )
    assert case.number == "KS 2026/00051"
