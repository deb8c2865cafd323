"""Around the items: attachments from the registry, minute notes, the choice of checkers."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from kansli.accounts.models import User
from kansli.meetings import services
from kansli.meetings.models import Meeting
from kansli.meetings.tests.conftest import Board
from kansli.registry import services as registry
from kansli.registry.models import Document


def test_attachments_go_last_and_once(secretary: User, meeting: Meeting, ks: Board) -> None:
    case = registry.case_open(
        actor=None,
        organization=ks.organization,
        title="Riktlinje",
        opened_on=datetime.date(2026, 10, 1),
    )
    report, statement = (
        registry.document_register(
            actor=None,
            case=case,
            direction=Document.Direction.DRAWN_UP,
            date=datetime.date(2026, 10, 2),
            description=description,
        )
        for description in ("Tjänsteskrivelse", "Yttrande")
    )
    item = services.item_add(actor=secretary, meeting=meeting, title="Riktlinje", case=case)

    first = services.attachment_add(actor=secretary, item=item, document=report)
    second = services.attachment_add(actor=secretary, item=item, document=statement)

    assert (first.position, second.position) == (1, 2)
    with pytest.raises(ValidationError, match="redan bilaga"):
        services.attachment_add(actor=secretary, item=item, document=report)


def test_a_minute_note_from_a_present_member(secretary: User, opened: Meeting, ks: Board) -> None:
    item = services.item_add(actor=secretary, meeting=opened, title="Information")
    services.attendance_set(actor=secretary, meeting=opened, person=ks.david, present=False)

    note = services.minute_note_add(
        actor=secretary, item=item, person=ks.bo, text="Vi vill följa frågan."
    )

    assert (note.person, note.text) == (ks.bo, "Vi vill följa frågan.")
    with pytest.raises(ValidationError, match="närvarande ledamöter"):
        services.minute_note_add(actor=secretary, item=item, person=ks.david, text="Frånvarande")
    with pytest.raises(ValidationError, match="närvarande ledamöter"):
        services.minute_note_add(actor=secretary, item=item, person=ks.director, text="Tjänst")


def test_checkers_are_serving_members_other_than_the_chair(
    secretary: User, opened: Meeting, ks: Board
) -> None:
    with pytest.raises(ValidationError, match="Ordföranden justerar redan"):
        services.minutes_checkers_set(actor=secretary, meeting=opened, persons=[ks.chair])
    with pytest.raises(ValidationError, match="tjänstgörande ledamöterna"):
        services.minutes_checkers_set(actor=secretary, meeting=opened, persons=[ks.erik])

    rows = services.minutes_checkers_set(actor=secretary, meeting=opened, persons=[ks.bo, ks.david])
    assert {row.person for row in rows} == {ks.bo, ks.david}

    rows = services.minutes_checkers_set(actor=secretary, meeting=opened, persons=[ks.cecilia])
    assert [row.person for row in rows] == [ks.cecilia]
