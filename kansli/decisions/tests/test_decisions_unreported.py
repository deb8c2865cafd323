"""The decisions not yet reported to an organization: recorded ones owed to it, the oldest
first, until `decision_report` marks them reported at a meeting."""

import datetime
from collections.abc import Callable

import pytest
from django.core.exceptions import ValidationError

from kansli.accounts.models import User
from kansli.decisions.models import Decision
from kansli.decisions.selectors import decisions_unreported
from kansli.decisions.services import decision_report
from kansli.decisions.tests.conftest import organization
from kansli.organisation.models import Body


@pytest.fixture
def recorded(
    reorganise: Callable[..., Decision], today: datetime.date
) -> Callable[[datetime.date, str], Decision]:
    def record(on: datetime.date, title: str) -> Decision:
        return reorganise(decided_on=on, title=title, evidence=[("approval", "pfu", on, "")])

    return record


def test_recorded_decisions_wait_for_the_board_oldest_first(
    recorded: Callable[[datetime.date, str], Decision],
    reorganise: Callable[..., Decision],
    vanersborg: Body,
    today: datetime.date,
) -> None:
    later = recorded(today, "Senare")
    earlier = recorded(today - datetime.timedelta(days=10), "Tidigare")
    reorganise(title="Utkast utan godkännande")

    board = organization(vanersborg, "ks")
    assert list(decisions_unreported(organization=board)) == [earlier, later]
    assert not decisions_unreported(organization=organization(vanersborg, "pfu")).exists()


def test_a_reported_decision_leaves_the_list_from_the_day_it_was_reported(
    recorded: Callable[[datetime.date, str], Decision],
    secretary: User,
    vanersborg: Body,
    today: datetime.date,
) -> None:
    board = organization(vanersborg, "ks")
    first = recorded(today - datetime.timedelta(days=20), "Först")
    second = recorded(today - datetime.timedelta(days=5), "Sedan")
    meeting = today - datetime.timedelta(days=2)

    [reported] = decision_report(
        actor=secretary, decisions=[first], reported_on=meeting, reported_in="KS § 45"
    )

    assert (reported.reported_on, reported.reported_in) == (meeting, "KS § 45")
    assert not reported.unreported
    assert list(decisions_unreported(organization=board)) == [second]
    before_the_meeting = meeting - datetime.timedelta(days=1)
    assert list(decisions_unreported(organization=board, on=before_the_meeting)) == [
        first,
        second,
    ]


def test_a_decision_is_reported_once_and_not_before_it_was_made(
    recorded: Callable[[datetime.date, str], Decision],
    reorganise: Callable[..., Decision],
    secretary: User,
    today: datetime.date,
) -> None:
    decision = recorded(today, "Beslut")
    draft = reorganise(title="Utkast")

    with pytest.raises(ValidationError, match="före beslutet"):
        decision_report(
            actor=secretary,
            decisions=[decision],
            reported_on=today - datetime.timedelta(days=1),
            reported_in="KS § 1",
        )
    decision_report(actor=secretary, decisions=[decision], reported_on=today, reported_in="KS § 2")
    with pytest.raises(ValidationError, match="väntar på anmälan"):
        decision_report(actor=secretary, decisions=[decision], reported_on=today, reported_in="")
    with pytest.raises(ValidationError, match="väntar på anmälan"):
        decision_report(actor=secretary, decisions=[draft], reported_on=today, reported_in="")
