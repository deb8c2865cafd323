"""Mitt arbete: a signed-in user's start page, what is the user's own to do in their body.

My cases (open, as case officer), my preparations (under way, as case officer or rapporteur),
my meetings (coming, as member, substitute or secretary) and my overdue items (my cases whose
preparation is past due, assignments I hold or report on, execution tasks I gave or my
organization executes, and, for those who handle them, the body's records requests not handled
in time). Each list reads through its app's selectors; case titles through the registry's
visibility function.
"""

import datetime
from dataclasses import dataclass

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from kansli.accounts.policy import Actor
from kansli.decisions import selectors as decisions
from kansli.meetings import selectors as meetings
from kansli.meetings.models import Meeting
from kansli.meetings.policy import PUBLISHED
from kansli.organisation.models import Membership, Person
from kansli.pagination import keyset
from kansli.preparation import selectors as preparation
from kansli.preparation.models import Preparation
from kansli.registry import policy as registry_policy
from kansli.registry import selectors as registry
from kansli.registry.visibility import CaseView, case_view

# How many of the person's cases the start page shows; "Mina ärenden" has them all.
CASES_SHOWN = 10


@dataclass(frozen=True)
class MyCase:
    case: CaseView
    due_on: datetime.date | None
    overdue: bool
    url: str


@dataclass(frozen=True)
class MyPreparation:
    preparation: Preparation
    case: CaseView
    rapporteur: bool  # the user is its föredragande
    url: str


@dataclass(frozen=True)
class MyMeeting:
    meeting: Meeting
    role: str
    url: str


@dataclass(frozen=True)
class Overdue:
    kind: str
    title: str
    due_on: datetime.date
    url: str


@dataclass(frozen=True)
class Work:
    person: Person
    cases: list[MyCase]
    cases_total: int
    preparations: list[MyPreparation]
    meetings: list[MyMeeting]
    overdue: list[Overdue]


def _cases(user: Actor, person: Person, today: datetime.date) -> tuple[list[MyCase], int]:
    """The first of the person's cases (those due first, so the overdue among them) and how
    many there are; "Mina ärenden" lists them all, a page at a time."""
    slug = person.body.slug
    cases = preparation.officer_open_cases(officer=person)
    page, _last = keyset(cases, preparation.OFFICER_CASES_ORDER, after=None, size=CASES_SHOWN)
    rows = [
        MyCase(
            case=case_view(user, row.case),
            due_on=row.due_on,
            overdue=row.overdue,
            url=reverse("preparation:case_detail", args=[slug, row.case.pk]),
        )
        for row in preparation.officer_case_rows(cases=page, today=today)
    ]
    return rows, cases.count()


def _preparations(user: Actor, person: Person) -> list[MyPreparation]:
    slug = person.body.slug
    return [
        MyPreparation(
            preparation=row,
            case=case_view(user, row.case),
            rapporteur=row.rapporteur_id == person.pk,
            url=reverse("preparation:case_detail", args=[slug, row.case_id]),
        )
        for row in preparation.preparations_of(person=person)
    ]


def _meeting_url(slug: str, meeting: Meeting, *, secretary: bool) -> str:
    if secretary:
        return reverse("meetings:meeting_detail", args=[slug, meeting.pk])
    if meeting.status in PUBLISHED:
        return reverse("meetings:public_agenda", args=[slug, meeting.pk])
    return reverse("meetings:my_meetings", args=[slug])


def _meetings(person: Person, today: datetime.date) -> list[MyMeeting]:
    slug = person.body.slug
    found = {
        meeting.pk: MyMeeting(
            meeting, _("sekreterare"), _meeting_url(slug, meeting, secretary=True)
        )
        for meeting in meetings.secretary_meetings(person=person, on=today)
    }
    for own in meetings.own_meetings(person=person, on=today):
        if own.meeting.pk in found:
            continue
        role = Membership.Role(own.seat.role).label
        found[own.meeting.pk] = MyMeeting(
            own.meeting, str(role), _meeting_url(slug, own.meeting, secretary=False)
        )
    return sorted(found.values(), key=lambda row: (row.meeting.starts_at, row.meeting.pk))


def _overdue(user: Actor, person: Person, cases: list[MyCase]) -> list[Overdue]:
    today = timezone.localdate()
    slug = person.body.slug
    rows = [
        Overdue(_("Ärende"), f"{case.case.case.number} {case.case.title}", case.due_on, case.url)
        for case in cases
        if case.overdue and case.due_on is not None
    ]
    for state in decisions.assignments_overdue_for(person=person, on=today):
        assignment = state.assignment
        due = assignment.due_on if state.overdue else state.next_report_due or assignment.due_on
        rows.append(
            Overdue(
                _("Uppdrag") if state.overdue else _("Uppdrag, rapport"),
                assignment.title,
                due,
                reverse("decisions:assignment_detail", args=[slug, assignment.pk]),
            )
        )
    for task in decisions.execution_tasks_overdue_for(person=person, on=today):
        rows.append(
            Overdue(
                _("Verkställighet"),
                task.title,
                task.due_on,
                reverse("decisions:execution_decision", args=[slug, task.decision_id]),
            )
        )
    if registry_policy.may_handle_records_requests(user, person.body):
        for wait in registry.records_requests_overdue(body=person.body, now=timezone.now()):
            rows.append(
                Overdue(
                    _("Begäran om allmän handling"),
                    wait.request.subject,
                    wait.due_on,
                    reverse("registry:records_request_detail", args=[slug, wait.request.pk]),
                )
            )
    return sorted(rows, key=lambda row: row.due_on)


def my_work(*, user: Actor, person: Person) -> Work:
    """What is the person's own to do, as the signed-in `user` (the person's account) sees
    it, on today's date."""
    today = timezone.localdate()
    cases, cases_total = _cases(user, person, today)
    return Work(
        person=person,
        cases=cases,
        cases_total=cases_total,
        preparations=_preparations(user, person),
        meetings=_meetings(person, today),
        overdue=_overdue(user, person, cases),
    )
