"""The minutes (protokoll) as PDF: attendance, each paragraph with proposals, votes,
resolution, dissents, notes and disqualifications, who signs; and the public version."""

import datetime
from pathlib import Path

import pytest
from pytest_django.fixtures import Settings

from kansli.meetings import packets
from kansli.meetings.models import (
    AgendaItem,
    Approval,
    Attendance,
    Ballot,
    Disqualification,
    Dissent,
    Meeting,
    MinuteNote,
    MinuteSeries,
    Proposal,
    Vote,
)
from kansli.meetings.tests.meeting_samples import (
    SECRET_CASE_TITLE,
    STOCKHOLM,
    Sample,
    delegated_decision,
    meeting_with_agenda,
    pdf_text,
    person,
)
from kansli.organisation.models import Membership, Organization, Person


@pytest.fixture(autouse=True)
def media(settings: Settings, tmp_path: Path) -> Path:
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture
def held(board: Organization) -> Sample:
    """The meeting held: attendance with a serving substitute, § 12-15 dealt with, a roll-call
    vote in the budget, a secret ballot, a dissent, a note, a disqualification, and the chair
    has approved the minutes."""
    sample = meeting_with_agenda(board)
    meeting = sample.meeting
    absent = person(board, "Dora", "Frånvarande", Membership.Role.MEMBER)
    director = person(board, "Karin", "Direktör")
    attend(meeting, sample.chair, Attendance.Capacity.MEMBER, checks_minutes=False)
    attend(meeting, sample.member, Attendance.Capacity.MEMBER, checks_minutes=True)
    attend(meeting, absent, Attendance.Capacity.MEMBER, present=False)
    attend(meeting, sample.substitute, Attendance.Capacity.SUBSTITUTE, serves_for=absent)
    attend(
        meeting,
        director,
        Attendance.Capacity.OFFICIAL,
        may_speak=True,
        basis="Kommundirektör i styrelsen",
    )
    series = MinuteSeries.objects.create(organization=board, year=2026, next_number=16)
    budget, placement = sample.items[2:]
    for number, item in zip((12, 13, 14, 15), sample.items, strict=True):
        item.minute_series, item.minute_number = series, number
        item.status = AgendaItem.Status.NOTED
        item.save()
    decide(budget, "Kommunstyrelsen föreslår fullmäktige att anta budgeten.")
    prepared = Proposal.objects.create(item=budget, position=1, text="Bifall till förslaget.")
    counter = Proposal.objects.create(
        item=budget, position=2, proposer=sample.member, text="Avslag på förslaget."
    )
    vote = Vote.objects.create(
        item=budget,
        method=Vote.Method.ROLL_CALL,
        yes_proposal=prepared,
        no_proposal=counter,
        yes_count=2,
        no_count=1,
        winner=prepared,
    )
    Ballot.objects.create(vote=vote, person=sample.chair, choice=Ballot.Choice.YES)
    Ballot.objects.create(vote=vote, person=sample.substitute, choice=Ballot.Choice.YES)
    Ballot.objects.create(vote=vote, person=sample.member, choice=Ballot.Choice.NO)
    Dissent.objects.create(
        item=budget, person=sample.member, reasons="Budgeten saknar finansiering."
    )
    MinuteNote.objects.create(item=budget, person=sample.chair, text="Ordföranden noterar tiden.")
    Disqualification.objects.create(
        item=budget, person=absent, ground="Styrelseledamot i föreningen"
    )
    decide(placement, "Barnet placeras i familjehem enligt utredningen.")
    yes = Proposal.objects.create(item=placement, position=1, text="Familjehem A.")
    no = Proposal.objects.create(item=placement, position=2, text="Familjehem B.")
    Vote.objects.create(
        item=placement,
        method=Vote.Method.SECRET,
        yes_proposal=yes,
        no_proposal=no,
        yes_count=3,
        no_count=0,
        abstain_count=1,
        winner=yes,
    )
    MinuteNote.objects.create(item=placement, person=sample.member, text="Barnets skola byts.")
    Approval.objects.create(
        meeting=meeting,
        person=sample.chair,
        role=Approval.Role.CHAIR,
        approved_at=datetime.datetime(2026, 3, 12, 9, 30, tzinfo=STOCKHOLM),
    )
    return sample


def attend(meeting: Meeting, who: Person, capacity: str, **fields: object) -> Attendance:
    membership = Membership.objects.filter(person=who).first()
    return Attendance.objects.create(
        meeting=meeting, person=who, capacity=capacity, membership=membership, **fields
    )


def decide(item: AgendaItem, resolution: str) -> None:
    item.status = AgendaItem.Status.DECIDED
    item.method = AgendaItem.Method.VOTE
    item.resolution = resolution
    item.save()


def test_minutes_record_who_attended_and_on_what_right(held: Sample) -> None:
    text = pdf_text(packets.minutes_pdf(held.meeting, public=False))

    assert "Protokoll" in text
    assert "tisdag 10 mars 2026 kl. 13:00–16:30" in text
    assert "§ 12–15" in text
    assert "Anna Ordförande (ordförande)" in text
    assert "Cecilia Ersättare för Dora Frånvarande" in text
    assert "Karin Direktör, närvaro- och yttranderätt (Kommundirektör i styrelsen)" in text
    assert "Frånvarande ledamöter Dora Frånvarande" in text
    assert "Justerare Bertil Ledamot" in text


def test_minutes_give_each_paragraph_its_vote_resolution_dissent_and_note(held: Sample) -> None:
    text = pdf_text(packets.minutes_pdf(held.meeting, public=False))

    assert "§ 14 Budget för kultur 2027" in text
    assert held.case.number in text
    assert "Dora Frånvarande anmäler jäv (Styrelseledamot i föreningen)" in text
    assert "Bertil Ledamot yrkar: Avslag på förslaget." in text
    assert "Ja-proposition: Bifall till förslaget." in text
    # The roll call names each member and the vote.
    assert "Anna Ordförande ja" in text
    assert "Bertil Ledamot nej" in text
    assert "Resultat: 2 ja, 1 nej, 0 avstår." in text
    assert "Kommunstyrelsen föreslår fullmäktige att anta budgeten." in text
    assert "Bertil Ledamot reserverar sig mot beslutet: Budgeten saknar finansiering." in text
    assert "Anna Ordförande: Ordföranden noterar tiden." in text
    assert "§ 12 Sammanträdets öppnande" in text
    assert "Ärendet: noterat." in text


def test_a_secret_ballot_is_recorded_by_its_counts_only(held: Sample) -> None:
    text = pdf_text(packets.minutes_pdf(held.meeting, public=False))
    secret_paragraph = text[text.index("§ 15") :]

    assert "sluten omröstning" in secret_paragraph
    assert "Resultat: 3 ja, 0 nej, 1 avstår." in secret_paragraph
    assert "Ledamot Röst" not in secret_paragraph


def test_minutes_name_who_signs_them_and_leave_the_signatures_to_the_file(held: Sample) -> None:
    text = pdf_text(packets.minutes_pdf(held.meeting, public=False))
    signatures = text[text.index("Underskrifter") :]

    assert "Ordförande Anna Ordförande" in signatures
    assert "Justerare" in signatures and "Bertil Ledamot" in signatures
    # Rendered before anyone signs: the signatures are added to the stored file, or on paper.
    assert "justerat 2026-03-12" not in signatures
    assert "elektroniska underskrifter i denna fil eller på papper" in signatures


def test_public_minutes_mask_the_secret_case(held: Sample) -> None:
    members = pdf_text(packets.minutes_pdf(held.meeting, public=False))
    public = pdf_text(packets.minutes_pdf(held.meeting, public=True))

    assert SECRET_CASE_TITLE in members
    assert "Familjehem A." in members
    assert "offentlig version" in public
    assert "§ 15 [Sekretess enligt OSL 26 kap. 1 §]" in public
    for secret in (
        SECRET_CASE_TITLE,
        "Barnet placeras i familjehem",
        "Familjehem A.",
        "Barnets skola byts.",
    ):
        assert secret not in public
    assert "Budget för kultur 2027" in public  # the open case stays whole
    assert "Resultat: 3 ja, 0 nej, 1 avstår." in public


def test_the_paragraph_of_delegated_decisions_lists_them(held: Sample) -> None:
    opening = held.items[0]
    opening.reported_decisions.add(delegated_decision(held, "Anställning av Kim Karlsson"))

    members = pdf_text(packets.minutes_pdf(held.meeting, public=False))
    public = pdf_text(packets.minutes_pdf(held.meeting, public=True))

    assert "Anmälda delegationsbeslut" in members
    assert "2026-02-20 Anställning av Kim Karlsson Hanna Handläggare" in members
    assert "2026-02-20 Anställning Hanna Handläggare" in public
    assert "Kim Karlsson" not in public
