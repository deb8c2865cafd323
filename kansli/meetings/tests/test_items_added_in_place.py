"""An item added by hand lands before the closing items (the delegated decisions,
communications and reports on assignments), or at the place asked; items move up and down."""

from kansli.accounts.models import User
from kansli.meetings import services
from kansli.meetings.models import AgendaItem, Meeting
from kansli.meetings.tests.sitting import action_url, item_url, page, signed_in

K = AgendaItem.Kind


def titles(meeting: Meeting) -> list[str]:
    return list(meeting.items.order_by("position").values_list("title", flat=True))


def test_an_item_added_by_hand_lands_before_the_closing_items(
    secretary: User, meeting: Meeting
) -> None:
    services.agenda_build(actor=secretary, meeting=meeting)

    item = services.item_add(actor=secretary, meeting=meeting, title="Budgetuppföljning")

    kinds = list(meeting.items.order_by("position").values_list("kind", flat=True))
    assert kinds == [
        K.OPENING,
        K.MINUTES_CHECKER,
        K.AGENDA_APPROVAL,
        K.CASE,
        K.DELEGATED_DECISIONS,
        K.COMMUNICATIONS,
        K.ASSIGNMENT_REPORTS,
    ]
    assert item.position == 4


def test_an_item_of_a_closing_kind_goes_last(secretary: User, meeting: Meeting) -> None:
    services.agenda_build(actor=secretary, meeting=meeting)

    item = services.item_add(
        actor=secretary, meeting=meeting, title="Rapport", kind=K.ASSIGNMENT_REPORTS
    )

    assert item.position == meeting.items.count()


def test_an_item_lands_at_the_place_asked(secretary: User, meeting: Meeting) -> None:
    services.agenda_build(actor=secretary, meeting=meeting)

    item = services.item_add(actor=secretary, meeting=meeting, title="Brådskande", position=2)

    assert titles(meeting)[:3] == ["Sammanträdets öppnande", "Brådskande", "Val av justerare"]
    assert item.position == 2
    assert [i.position for i in meeting.items.order_by("position")] == list(range(1, 8))


def test_the_page_adds_an_item_at_a_place_and_moves_items_up_and_down(
    secretary: User, meeting: Meeting
) -> None:
    services.agenda_build(actor=secretary, meeting=meeting)
    client = signed_in(secretary)
    detail = page("meetings:meeting_detail", meeting)

    added = client.post(
        action_url(meeting, "punkt"), {"punkt-rubrik": "Budget", "punkt-plats": "3"}
    )
    item = meeting.items.get(title="Budget")
    html = client.get(detail).content.decode()
    up = client.post(item_url(item, "flytta"), {f"flytta-{item.pk}-ordning": "2"})

    assert added.status_code == 302
    assert f'name="flytta-{item.pk}-ordning" value="2"' in html  # the "up" button
    assert f'name="flytta-{item.pk}-ordning" value="4"' in html  # the "down" button
    assert up.status_code == 302
    assert titles(meeting)[1] == "Budget"
