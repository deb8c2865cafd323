"""Reading the talks the instruction prescribes: who owes whom a talk this year, the talks held
and those overdue (seed 002 3.6, 5.1.4, 5.2.5; seed 000 "utvecklingssamtal")."""

import datetime
from dataclasses import dataclass

from django.db.models import QuerySet
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext_lazy

from kansli.delegation.models import Duty
from kansli.followup.evidence import Evidence, shortfall
from kansli.followup.models import Talk
from kansli.organisation.models import Appointment, Body, Organization, Person
from kansli.organisation.selectors import director_position, holders_of, presidium


@dataclass(frozen=True)
class PlannedTalk:
    """A talk someone owes this year under a duty of the instruction."""

    kind: str
    held_by: Person
    held_with: Person
    source_section: str


def _duty(body: Body, *words: str) -> Duty | None:
    """The body's duty whose text names every word ("lönesamtal", "stabscheferna")."""
    duties = Duty.objects.filter(order__body=body)
    for word in words:
        duties = duties.filter(text__icontains=word)
    return duties.order_by("order__valid_from", "position").first()


def _heads(body: Body, on: datetime.date, kind: str, **where: object) -> list[Person]:
    """The people heading an organization of the kind on the date (the regular holder before
    an acting one; each person once)."""
    appointments = (
        Appointment.objects.on(on)
        .filter(
            position__body=body,
            position__heads_organization=True,
            position__organization__kind=kind,
            **where,
        )
        .select_related("person")
        .order_by("position__title", "acting", "start")
    )
    return list(dict.fromkeys(appointment.person for appointment in appointments))


def talk_plan(*, body: Body, on: datetime.date) -> list[PlannedTalk]:
    """The talks the instruction's duties prescribe for the year, between the holders on the
    date: the board chair's evaluation (or development) talk with the director, and the
    director's salary talks with the chiefs of staff and the department heads."""
    post = director_position(body=body)
    holder = holders_of(position=post, on=on).first() if post is not None else None
    if post is None or holder is None:
        return []
    director = holder.person
    planned: list[PlannedTalk] = []
    evaluation = _duty(body, "utvärderingssamtal") or _duty(body, "utvecklingssamtal")
    board = body.organizations.filter(kind=Organization.Kind.EXECUTIVE_BOARD).first()
    chair = presidium(organization=board, on=on).first() if board is not None else None
    if evaluation is not None and chair is not None:
        planned.append(PlannedTalk(Talk.Kind.EVALUATION, chair.person, director, evaluation.number))
    staff = _duty(body, "lönesamtal", "stabscheferna")
    if staff is not None:
        planned += [
            PlannedTalk(Talk.Kind.SALARY, director, chief, staff.number)
            for chief in _heads(
                body,
                on,
                Organization.Kind.STAFF_UNIT,
                position__organization__parent_id=post.organization_id,
            )
        ]
    departments = _duty(body, "lönesamtal", "förvaltningscheferna")
    if departments is not None:
        heads = _heads(body, on, Organization.Kind.DEPARTMENT)
        planned += [
            PlannedTalk(Talk.Kind.SALARY, director, head, departments.number)
            for head in heads
            if head != director
        ]
    return planned


def talk_list(*, body: Body, year: int) -> QuerySet[Talk]:
    """The body's talks due in the year, the earliest first."""
    return Talk.objects.filter(body=body, due_on__year=year).select_related("held_by", "held_with")


def talks_overdue(*, body: Body, on: datetime.date) -> QuerySet[Talk]:
    """Talks not held by their last day, as of the date."""
    return Talk.objects.filter(body=body, held_on__isnull=True, due_on__lt=on).select_related(
        "held_by", "held_with"
    )


def overdue_talks_evidence(*, body: Body, on: datetime.date) -> Evidence:
    """Red while a prescribed talk is past its last day and not held."""
    return shortfall(
        talks_overdue(body=body, on=on).count(),
        found=ngettext_lazy(
            "%(count)d samtal har inte hållits i tid",
            "%(count)d samtal har inte hållits i tid",
            "count",
        ),
        none=_("Inga samtal är försenade"),
        url=reverse("followup:talk_list", args=[body.slug]) + "?forsenade=1",
    )
