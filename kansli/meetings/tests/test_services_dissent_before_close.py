"""A dissent (reservation) is entered before the meeting closes; its written reasons may come
until the minutes are approved (KL 4 kap. 27 §)."""

import pytest
from django.core.exceptions import ValidationError

from kansli.accounts.models import User
from kansli.meetings import services
from kansli.meetings.models import AgendaItem, Meeting
from kansli.meetings.tests.conftest import Board


def decided(secretary: User, opened: Meeting) -> AgendaItem:
    item = services.item_add(actor=secretary, meeting=opened, title="Taxa", proposal="Bifall")
    return services.item_decide(actor=secretary, item=item)


def test_a_dissent_after_the_meeting_closed_is_refused(
    secretary: User, opened: Meeting, ks: Board
) -> None:
    item = decided(secretary, opened)
    services.meeting_close(actor=secretary, meeting=opened)

    with pytest.raises(ValidationError) as refused:
        services.dissent_record(actor=secretary, item=item, person=ks.bo)

    assert refused.value.messages == [
        "Reservation ska anmälas innan sammanträdet avslutas (KL 4 kap. 27 §); den skriftliga "
        "motiveringen till en anmäld reservation kan lämnas fram till justeringen."
    ]
    assert not item.dissents.exists()


def test_the_written_reasons_may_follow_until_the_approval(
    secretary: User, opened: Meeting, ks: Board
) -> None:
    item = decided(secretary, opened)
    services.dissent_record(actor=secretary, item=item, person=ks.bo)
    services.meeting_close(actor=secretary, meeting=opened)

    dissent = services.dissent_reasons_add(
        actor=secretary, item=item, person=ks.bo, reasons="Taxan är för hög."
    )

    assert dissent.reasons == "Taxan är för hög."
    with pytest.raises(ValidationError, match="redan lämnat"):
        services.dissent_reasons_add(
            actor=secretary, item=item, person=ks.bo, reasons="Något annat."
        )


def test_no_written_reasons_after_the_approval(secretary: User, opened: Meeting, ks: Board) -> None:
    item = decided(secretary, opened)
    services.dissent_record(actor=secretary, item=item, person=ks.bo)
    services.minutes_checkers_set(actor=secretary, meeting=opened, persons=[ks.cecilia])
    services.meeting_close(actor=secretary, meeting=opened)
    Meeting.objects.filter(pk=opened.pk).update(status=Meeting.Status.APPROVED)

    with pytest.raises(ValidationError, match=r"före justeringen \(KL 4 kap. 27 §\)"):
        services.dissent_reasons_add(actor=secretary, item=item, person=ks.bo, reasons="Sent.")
