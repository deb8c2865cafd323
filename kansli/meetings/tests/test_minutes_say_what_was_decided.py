"""The minutes say what was decided and how the meeting went: the real start and end, the
adjournments, who attended which §§, and per § the att-satser as a numbered list, the
beslutsunderlag and who the decision is sent to; at approval each § with recipients becomes a
protokollsutdrag registered in its case as an outgoing document."""

import datetime
from collections.abc import Callable
from pathlib import Path

import pytest
from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage
from django.urls import reverse
from pytest_django.fixtures import Settings

from kansli.accounts.models import Role, User
from kansli.accounts.services import user_create
from kansli.meetings import packets, selectors, services
from kansli.meetings.models import AgendaItem, Meeting
from kansli.meetings.tests import sitting
from kansli.meetings.tests.conftest import DAY, Board, at, ready_case
from kansli.meetings.tests.meeting_samples import pdf_text
from kansli.registry import services as registry
from kansli.registry.models import Document

RECIPIENTS = "Kultur- och fritidsnämnden\nSimklubben"


@pytest.fixture(autouse=True)
def media(settings: Settings, tmp_path: Path) -> Path:
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture
def held(
    secretary: User,
    ks: Board,
    meeting: Meeting,
    frozen_now: Callable[[datetime.datetime], None],
) -> Meeting:
    """The board's meeting held on its day from 10:05 to 12:00, adjourned 10:30-10:45: § 1
    the opening, § 2 the case "Ny simhall" with an incoming letter attached, decided by
    acclamation and sent to two recipients; David Dahl left after § 2."""
    case = ready_case(ks.organization, "Ny simhall", route=[ks.organization])
    letter = registry.document_register(
        actor=None,
        case=case,
        direction=Document.Direction.INCOMING,
        date=datetime.date(2026, 11, 2),
        description="Ansökan från simklubben",
        counterpart="Simklubben",
    )
    services.agenda_build(actor=secretary, meeting=meeting)
    item = meeting.items.get(case=case)
    services.attachment_add(actor=secretary, item=item, document=letter)
    services.attendance_prefill(actor=secretary, meeting=meeting)
    frozen_now(at(DAY, 10) + datetime.timedelta(minutes=5))
    services.meeting_open(actor=secretary, meeting=meeting)
    services.minutes_checkers_set(actor=secretary, meeting=meeting, persons=[ks.bo])
    opening = meeting.items.get(kind=AgendaItem.Kind.OPENING)
    services.item_note(actor=secretary, item=opening, status=AgendaItem.Status.NOTED)
    services.item_decide(actor=secretary, item=item)
    services.recipients_set(actor=secretary, item=item, recipients=RECIPIENTS + "\n\n")
    services.attendance_sections_set(
        actor=secretary, meeting=meeting, person=ks.david, came_at=None, left_after=item
    )
    checker = meeting.items.get(kind=AgendaItem.Kind.MINUTES_CHECKER)
    services.item_note(actor=secretary, item=checker, status=AgendaItem.Status.NOTED)
    frozen_now(at(DAY, 12))
    services.adjournment_record(
        actor=secretary,
        meeting=meeting,
        started_at=at(DAY, 10) + datetime.timedelta(minutes=30),
        ended_at=at(DAY, 10) + datetime.timedelta(minutes=45),
    )
    return services.meeting_close(actor=secretary, meeting=meeting)


def case_item(meeting: Meeting) -> AgendaItem:
    return meeting.items.select_related("case").get(case__title="Ny simhall")


def test_the_minutes_print_the_real_times_and_the_adjournment(held: Meeting) -> None:
    text = pdf_text(packets.minutes_pdf(held, public=False))

    assert "Tid tisdag 1 december 2026 kl. 10:05–12:00" in text
    assert "Ajournering kl. 10:30–10:45" in text


def test_the_minutes_print_who_attended_which_paragraphs(held: Meeting) -> None:
    number = case_item(held).minute_number

    text = pdf_text(packets.minutes_pdf(held, public=False))

    assert f"David Dahl (närvarande §§ 1–{number})" in text
    assert "Bo Berg (" not in text


def test_each_paragraph_has_its_clauses_basis_and_recipients(held: Meeting) -> None:
    item = case_item(held)
    letter = item.attachments.get().document

    text = pdf_text(packets.minutes_pdf(held, public=False))
    paragraph = text[text.index(f"§ {item.minute_number} Ny simhall") :]

    assert "Beslut att anta ny simhall" in paragraph
    assert "Beslutsunderlag Tjänsteskrivelse, " in paragraph
    assert f"Ansökan från simklubben, 2026-11-02, {letter.number}" in paragraph
    assert "Skickas till Kultur- och fritidsnämnden Simklubben" in paragraph
    assert item.recipients == RECIPIENTS


def test_an_adjournment_lies_within_the_meeting(secretary: User, held: Meeting) -> None:
    with pytest.raises(ValidationError, match="mellan sammanträdets öppnande"):
        services.adjournment_record(
            actor=secretary, meeting=held, started_at=at(DAY, 9), ended_at=at(DAY, 10)
        )


def test_at_approval_each_paragraph_with_recipients_gets_a_registered_extract(
    secretary: User, held: Meeting
) -> None:
    Meeting.objects.filter(pk=held.pk).update(status=Meeting.Status.APPROVED)
    item = case_item(held)

    [extract] = services.extracts_register(actor=secretary, meeting=held)

    assert extract.case == item.case
    assert extract.direction == Document.Direction.OUTGOING
    assert extract.counterpart == "Kultur- och fritidsnämnden, Simklubben"
    assert extract.description.startswith("Protokollsutdrag ")
    assert extract.description.endswith(f"§ {item.minute_number}")
    stored = extract.files.get()
    with default_storage.open(stored.storage_name) as pdf:
        assert f"§ {item.minute_number} Ny simhall" in pdf_text(pdf.read())
    assert services.extracts_register(actor=secretary, meeting=held) == []
    assert case_item(held).extract == extract


def test_a_closed_cases_extract_waits_and_the_justering_page_says_so(
    secretary: User, ks: Board, held: Meeting
) -> None:
    Meeting.objects.filter(pk=held.pk).update(status=Meeting.Status.APPROVED)
    held.refresh_from_db()
    item = case_item(held)
    registry.case_close(actor=None, case=item.case)
    page = reverse("meetings:minutes_approval", args=[held.organization.body.slug, held.pk])
    action = reverse(
        "meetings:minutes_action", args=[held.organization.body.slug, held.pk, "utdrag"]
    )

    assert services.extracts_register(actor=None, meeting=held) == []
    assert selectors.extracts_waiting(meeting=held) == [item]
    shown = sitting.signed_in(secretary).get(page).content.decode()
    assert "Protokollsutdrag som inte är registrerade" in shown
    assert f"§ {item.minute_number}, ärende {item.case.number}" in shown

    member = user_create(
        actor=None,
        username="cecilia",
        password=None,
        roles=[Role.ELECTED_MEMBER],
        person=ks.cecilia,
    )
    assert sitting.signed_in(member).post(action, {}).status_code == 403
    registry.case_reopen(actor=None, case=item.case)
    registered = sitting.signed_in(secretary).post(action, {})

    assert registered.status_code == 302
    assert case_item(held).extract is not None
    assert selectors.extracts_waiting(meeting=held) == []


def test_the_extract_is_the_paragraph_as_the_minutes_have_it(held: Meeting) -> None:
    item = case_item(held)

    text = pdf_text(packets.extract_stored(item).read())

    assert "Protokollsutdrag" in text
    assert f"§ {item.minute_number}" in text and "att anta ny simhall" in text
    assert "Simklubben" in text
    assert "Justerare" in text and "Bo Berg" in text
    assert "Sammanträdets öppnande" not in text


def test_the_approval_registers_the_extracts_and_the_recipients_are_fixed_once_sent(
    ks: Board, meeting: Meeting, frozen_now: Callable[[datetime.datetime], None]
) -> None:
    frozen_now(at(DAY - datetime.timedelta(days=7), 9))
    sitting.called(meeting)
    frozen_now(at(DAY, 11))
    services.attendance_prefill(actor=None, meeting=meeting)
    services.meeting_open(actor=None, meeting=meeting)
    services.minutes_checkers_set(actor=None, meeting=meeting, persons=[ks.bo])
    for item in meeting.items.filter(case__isnull=False):
        services.item_decide(actor=None, item=item)
    budget = sitting.case_item(meeting)
    services.recipients_set(actor=None, item=budget, recipients="Kulturnämnden")
    frozen_now(at(DAY, 15))
    services.meeting_close(actor=None, meeting=meeting)
    frozen_now(at(DAY, 16))
    services.minutes_send_for_approval(actor=None, meeting=meeting)
    with pytest.raises(ValidationError, match="skickat för justering"):
        services.recipients_set(actor=None, item=budget, recipients="Någon annan")
    frozen_now(at(DAY + datetime.timedelta(days=2), 9))

    for person in (ks.chair, ks.bo):
        services.minutes_approve(actor=None, meeting=meeting, person=person)

    budget.refresh_from_db()
    assert budget.extract is not None
    assert budget.extract.case == budget.case
    assert budget.extract.counterpart == "Kulturnämnden"
    assert not sitting.case_item(meeting, sitting.SECRET_TITLE).extract
