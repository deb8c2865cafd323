"""Reading the register of decisions, and putting a decision to the delegation engine as it
would be made."""

import calendar
import datetime
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from typing import NamedTuple

from django.conf import settings
from django.db.models import CharField, Exists, F, OuterRef, Prefetch, Q, QuerySet, Value
from django.utils import timezone
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from kansli.decisions.models import (
    Assignment,
    AssignmentReport,
    Decision,
    Evidence,
    ExecutionTask,
    meetings_to_report_at,
)
from kansli.delegation import engine, labels
from kansli.delegation.models import DelegationOrder
from kansli.delegation.selectors import authority_check, engine_for, rules_for
from kansli.governance.models import GoverningDocument, Section
from kansli.governance.selectors import section_by_key
from kansli.organisation.models import Appointment, Body, Organization, Person, Position
from kansli.registry.models import Case
from kansli.registry.visibility import User, case_contents_masked, masked_text

Capacity = Position | Organization | None

# The case a decision was taken in, through the agenda item it was decided under: load it with
# the decision (`select_related(DECISION_CASE)`, or "decision__" + DECISION_CASE from a row that
# leads to one) for `decision_view`.
DECISION_CASE = "agenda_item__case__organization"


@dataclass(frozen=True)
class DecisionView:
    """A decision as the user may see it: show its `title` and `text`, never those of
    `decision`, which is there for its dates, makers and links."""

    decision: Decision
    title: str
    text: str
    masked: bool


# Where `decision_case` keeps, on a delegate's decision, the secret case it names: a page shows
# a decision's title and text apart, and asks once.
_NAMED_CASE = "_named_secret_case"


def decision_case(decision: Decision) -> Case | None:
    """The case the decision was taken in: at a meeting, its agenda item's; by a delegate,
    the secret case of the body whose number the decision names (in its case reference,
    title or text), since its words are then the secret case's."""
    item = getattr(decision, "agenda_item", None)
    if item is not None:
        return item.case
    if not hasattr(decision, _NAMED_CASE):
        words = " ".join((decision.case_reference, decision.title, decision.text))
        named = (
            Case.objects.filter(organization__body_id=decision.body_id)
            .exclude(secrecy_reference="")
            .alias(words=Value(words, output_field=CharField()))
            .filter(words__contains=F("number"))
            .select_related("organization")
            .first()
        )
        setattr(decision, _NAMED_CASE, named)
    return getattr(decision, _NAMED_CASE)


def decision_view(user: User, decision: Decision) -> DecisionView:
    """The decision as `user` may see it. A decision taken in a secret case carries the case's
    secret (its title and resolution are the case's): whoever may not see through the case's
    secrecy sees the decision's title and text masked (`case_contents_masked`)."""
    case = decision_case(decision)
    if case is None or not case_contents_masked(user, case):
        return DecisionView(decision, decision.title, decision.text, masked=False)
    mask = masked_text(case.secrecy_reference)
    return DecisionView(decision, mask, mask, masked=True)


def decisions_with_named_cases(decisions: Iterable[Decision]) -> list[Decision]:
    """The decisions, each with the secret case it names (`decision_case`), found for all of
    them in one query instead of one each."""
    decisions = list(decisions)
    words = {
        decision.pk: " ".join((decision.case_reference, decision.title, decision.text))
        for decision in decisions
        if getattr(decision, "agenda_item", None) is None
    }
    if not words:
        return decisions
    aliases = {f"words_{pk}": Value(text, output_field=CharField()) for pk, text in words.items()}
    named = Q(pk__in=[])
    for alias in aliases:
        named |= Q(**{f"{alias}__contains": F("number")})
    cases = list(
        Case.objects.filter(organization__body_id__in={d.body_id for d in decisions})
        .exclude(secrecy_reference="")
        .alias(**aliases)
        .filter(named)
        .select_related("organization")
    )
    for decision in decisions:
        if decision.pk in words:
            found = (
                case
                for case in cases
                if case.organization.body_id == decision.body_id
                and case.number in words[decision.pk]
            )
            setattr(decision, _NAMED_CASE, next(found, None))
    return decisions


def decisions_found(user: User, decisions: Iterable[Decision], q: str | None) -> list[Decision]:
    """The decisions of a `decision_list` as `user` may find them: a search by words (`q`)
    leaves out the decisions whose title and text are masked from the user, so that a match
    reveals no word of them."""
    decisions = decisions_with_named_cases(decisions)
    return [d for d in decisions if not (q and decision_view(user, d).masked)]


def decision_verdict(
    *,
    body: Body,
    decision_type: str,
    decided_by: Person,
    capacity: Capacity,
    concerning: Organization | None,
    amount: Decimal | None,
    on: datetime.date,
    done: Iterable[tuple[str, str]] = (),
    conditions: Iterable[str] = (),
    waived: Iterable[tuple[str, str]] = (),
) -> engine.Verdict:
    """The engine's answer for the decision: asked of the position or organization it is made
    in the capacity of, or of the person with all their posts and seats when none is given;
    `conditions` are the codes of the rule's conditions the decision maker asserts hold,
    `waived` the optional consultations found not needed."""
    return authority_check(
        body=body,
        decision_type=decision_type,
        on=on,
        concerning=concerning,
        amount=amount,
        done=done,
        conditions=conditions,
        waived=waived,
        position=capacity if isinstance(capacity, Position) else None,
        organization=capacity if isinstance(capacity, Organization) else None,
        person=decided_by if capacity is None else None,
    )


def report_due_on(*, decided_on: datetime.date) -> datetime.date:
    """The last day to report a delegated decision (KL 7 kap. 8 §): the orders set no date of
    their own, so DECISION_REPORT_DAYS days after the decision. A decision reported at the
    organ's next meeting (KL 6 kap. 39 §) has that meeting's day instead
    (`Decision.report_deadline`)."""
    return decided_on + datetime.timedelta(days=settings.DECISION_REPORT_DAYS)


class Before(NamedTuple):
    """A requirement before the decision as a form offers it: its kind, its party's key and
    name, and whether it is needed only "vid behov" (the decision maker may waive it)."""

    kind: str
    party: str
    name: str
    optional: bool


def requirements_before(verdict: engine.Verdict | None) -> list[Before]:
    """Each requirement before the decision the verdict names; none when there is no verdict
    or it denies the decision."""
    if verdict is None or verdict.outcome == "denied":
        return []
    return [
        Before(
            status.requirement.kind,
            status.requirement.party.key,
            status.requirement.party.name,
            status.requirement.optional,
        )
        for status in verdict.requirements
        if status.requirement.when == "before"
    ]


def decision_type_name(*, body: Body, code: str) -> str:
    decision_type = engine_for(body=body).decision_type(body.slug, code)
    return decision_type.name if decision_type is not None else code


def decision_type_choices(*, body: Body, on: datetime.date) -> list[tuple[str, str]]:
    """The decision types some rule in force on the date covers, as (code, name) by name."""
    codes = {rule.decision_type for rule in rules_for(body=body, on=on)}
    choices = [(code, decision_type_name(body=body, code=code)) for code in codes]
    return sorted(choices, key=lambda choice: choice[1])


def decision_list(
    *,
    body: Body,
    status: str | None = None,
    decision_type: str | None = None,
    q: str | None = None,
) -> QuerySet[Decision]:
    """The body's decisions, the latest first; of a status or decision type, or containing
    every word of `q` in the title, text, case reference, decision type or decision maker."""
    decisions = Decision.objects.filter(body=body).select_related(
        "decided_by", "position", "organization", "concerning", "report_to", DECISION_CASE
    )
    if status:
        decisions = decisions.filter(status=status)
    if decision_type:
        decisions = decisions.filter(decision_type=decision_type)
    for word in (q or "").split():
        decisions = decisions.filter(
            Q(title__icontains=word)
            | Q(text__icontains=word)
            | Q(case_reference__icontains=word)
            | Q(decision_type_name__icontains=word)
            | Q(decided_by__given_name__icontains=word)
            | Q(decided_by__family_name__icontains=word)
        )
    return decisions.order_by("-decided_on", "-pk")


def decisions_unreported(
    *, organization: Organization, on: datetime.date | None = None
) -> QuerySet[Decision]:
    """Recorded decisions that must be reported to the organization and, on the date (today
    when none is given), had not been: decided by then, not reported by then. Oldest first."""
    on = on or timezone.localdate()
    return (
        Decision.objects.filter(
            report_to=organization, status=Decision.Status.RECORDED, decided_on__lte=on
        )
        .filter(Q(reported_on__isnull=True) | Q(reported_on__gt=on))
        .select_related(
            "decided_by", "position", "organization", "concerning", "report_to", DECISION_CASE
        )
        .order_by("decided_on", "pk")
    )


def decisions_reported_late(*, organization: Organization, on: datetime.date) -> QuerySet[Decision]:
    """The decisions unreported to the organization on the date whose last day has passed: a
    `report_due` before it, or (reported at the next meeting, KL 6 kap. 39 §) a meeting of the
    organization held on or after the decision and before the date, not cancelled."""
    held = meetings_to_report_at(
        organization=OuterRef("report_to"), decided_on=OuterRef("decided_on")
    ).filter(starts_at__date__lt=on)
    return decisions_unreported(organization=organization, on=on).filter(
        Q(report_due__lt=on) | Q(report_at_next_meeting=True) & Exists(held)
    )


@dataclass(frozen=True)
class DecisionSource:
    """Where the rule a decision rests on can be read in Kansli, when it holds the document."""

    document: GoverningDocument | None
    section: Section | None


def source_document(*, body: Body, document: str) -> GoverningDocument | None:
    """The governing document a rule's source names ("Kommundirektörsinstruktion"), through
    the delegation order that cites it, when Kansli holds the document."""
    order = (
        DelegationOrder.objects.filter(body=body, document=document)
        .select_related("governing_document")
        .order_by("-valid_from")
        .first()
    )
    return order.governing_document if order is not None else None


def decision_source(*, decision: Decision) -> DecisionSource:
    document = source_document(body=decision.body, document=decision.source_document)
    section = section_by_key(document=document, key=decision.source_section) if document else None
    return DecisionSource(document, section)


@dataclass(frozen=True)
class RequirementRow:
    """A requirement before the decision, as the stored verdict has it, with its evidence."""

    kind: str
    party: str  # the party's key ("pfu")
    party_name: str
    satisfied: bool
    evidence: Evidence | None
    optional: bool = False  # a consultation "vid behov", which may be waived with a reason

    @property
    def label(self) -> str:
        return requirement_label(self.kind, self.party_name, optional=self.optional)


def requirement_label(kind: str, party_name: str, *, optional: bool = False) -> str:
    """ "Godkännande av personal- och förhandlingsutskottet": a requirement before the decision,
    as a checkbox or a list starts it (worded in kansli.delegation.labels); an optional one
    says "vid behov"."""
    return capfirst(labels.requirement_named("before", kind, party_name, optional=optional))


def _stored_party_name(party: dict) -> str:
    """A party's name as a stored verdict has it: worded from its relation to the organization
    concerned when the verdict keeps one, or its name (verdicts stored before parties carried
    their relation kept only the Swedish name)."""
    relation = party.get("relation")
    if relation is None:
        return party["name"]
    return labels.relation_named(relation["code"], relation["organization_name"])


def decision_requirements(*, decision: Decision) -> list[RequirementRow]:
    """Each requirement before the decision, satisfied or not, with the evidence recorded."""
    evidence = {(row.kind, row.party): row for row in decision.evidence.all()}
    rows = []
    for requirement in decision.verdict.get("requirements", []):
        if requirement["when"] != "before":
            continue
        party = requirement["party"]
        key = engine.party_key(party["kind"], party["slug"])
        rows.append(
            RequirementRow(
                kind=requirement["kind"],
                party=key,
                party_name=_stored_party_name(party),
                satisfied=requirement["satisfied"],
                evidence=evidence.get((requirement["kind"], key)),
                optional=requirement.get("optional", False),
            )
        )
    return rows


# Execution ---------------------------------------------------------------------------------

UNFINISHED = (ExecutionTask.Status.OPEN, ExecutionTask.Status.IN_PROGRESS)


def task_overdue(task: ExecutionTask, on: datetime.date) -> bool:
    """Not done, nor found impossible, and past its due date."""
    return task.status in UNFINISHED and task.due_on < on


def execution_tasks(
    *,
    body: Body,
    status: str | None = None,
    executor: Organization | None = None,
    overdue_on: datetime.date | None = None,
) -> QuerySet[ExecutionTask]:
    """The body's execution tasks, the earliest due first: of a status, of an executor, or
    (given a date) only those overdue on it."""
    tasks = ExecutionTask.objects.filter(decision__body=body).select_related(
        "decision__organization", f"decision__{DECISION_CASE}", "executor", "assigned_by"
    )
    if status:
        tasks = tasks.filter(status=status)
    if executor is not None:
        tasks = tasks.filter(executor=executor)
    if overdue_on is not None:
        tasks = tasks.filter(status__in=UNFINISHED, due_on__lt=overdue_on)
    return tasks.order_by("due_on", "pk")


@dataclass(frozen=True)
class DecisionExecution:
    """A decision and how far its execution has come on a date."""

    decision: Decision
    tasks: list[ExecutionTask]
    on: datetime.date

    @property
    def overdue(self) -> list[ExecutionTask]:
        return [task for task in self.tasks if task_overdue(task, self.on)]

    @property
    def state(self) -> str:
        """none (no task given), overdue, ongoing or executed."""
        if not self.tasks:
            return "none"
        if self.overdue:
            return "overdue"
        if any(task.status in UNFINISHED for task in self.tasks):
            return "ongoing"
        return "executed"

    @property
    def state_label(self) -> str:
        return str(EXECUTION_STATES[self.state])


EXECUTION_STATES = {
    "none": _("ingen uppgift given"),
    "overdue": _("försenad"),
    "ongoing": _("pågår"),
    "executed": _("verkställt"),
}


def _with_tasks(decisions: QuerySet[Decision], on: datetime.date) -> list[DecisionExecution]:
    tasks = ExecutionTask.objects.select_related("executor").order_by("due_on", "pk")
    decisions = decisions.select_related(DECISION_CASE).prefetch_related(
        Prefetch("execution_tasks", queryset=tasks)
    )
    return [
        DecisionExecution(decision, list(decision.execution_tasks.all()), on)
        for decision in decisions
    ]


def execution_for_meeting(*, meeting_id: int, on: datetime.date) -> list[DecisionExecution]:
    """The board's view "verkställighet av beslut" for a meeting: each decision made at it, in
    the order of the minutes, with its execution tasks."""
    decisions = Decision.objects.filter(agenda_item__meeting_id=meeting_id).order_by(
        "agenda_item__position"
    )
    return _with_tasks(decisions, on)


def execution_for_year(
    *, organization: Organization, year: int, on: datetime.date
) -> list[DecisionExecution]:
    """The same view for a year: the organization's decisions at its meetings that year, in
    the order they were made, with their execution tasks."""
    decisions = Decision.objects.filter(
        organization=organization, kind=Decision.Kind.MEETING, decided_on__year=year
    ).order_by("decided_on", "pk")
    return _with_tasks(decisions, on)


@dataclass(frozen=True)
class ExecutionMonth:
    """The tasks due in one month: done in time, done late, not executable, not done."""

    month: int
    in_time: int
    late: int
    cancelled: int
    unfinished: int


def execution_by_month(*, body: Body, year: int) -> list[ExecutionMonth]:
    """Execution over time: the body's tasks by the month they were due, in twelve rows."""
    rows = {month: [0, 0, 0, 0] for month in range(1, 13)}
    tasks = ExecutionTask.objects.filter(decision__body=body, due_on__year=year)
    for status, due_on, done_on in tasks.values_list("status", "due_on", "done_on"):
        if status == ExecutionTask.Status.DONE:
            # execution_task_status_set dates every task it finishes: on time only when known to be.
            column = 0 if done_on is not None and done_on <= due_on else 1
        else:
            column = 2 if status == ExecutionTask.Status.CANCELLED else 3
        rows[due_on.month][column] += 1
    return [ExecutionMonth(month, *counts) for month, counts in rows.items()]


# Assignments -------------------------------------------------------------------------------


def add_months(day: datetime.date, months: int) -> datetime.date:
    """The same day `months` months later, or the month's last day when it is shorter."""
    year, month = divmod(day.month - 1 + months, 12)
    year += day.year
    return day.replace(
        year=year, month=month + 1, day=min(day.day, calendar.monthrange(year, month + 1)[1])
    )


@dataclass(frozen=True)
class AssignmentState:
    """An assignment on a date: its last report, when the next is due, and what is late."""

    assignment: Assignment
    last_report: AssignmentReport | None
    next_report_due: datetime.date | None  # none once the assignment is closed
    report_late: bool
    overdue: bool


def assignment_state(*, assignment: Assignment, on: datetime.date) -> AssignmentState:
    """The next report is due `report_interval_months` after the last one, or after the day
    the assignment was given; an ongoing assignment past its due date is overdue."""
    reports = [report for report in assignment.reports.all() if report.reported_on <= on]
    last = max(reports, key=lambda report: (report.reported_on, report.pk), default=None)
    if assignment.status != Assignment.Status.ONGOING:
        return AssignmentState(assignment, last, None, False, False)
    since = last.reported_on if last is not None else assignment.given_on
    due = add_months(since, assignment.report_interval_months)
    return AssignmentState(assignment, last, due, due < on, assignment.due_on < on)


def assignment_list(*, body: Body, status: str | None = None) -> QuerySet[Assignment]:
    """The body's assignments, the earliest due first, with their reports."""
    reports = AssignmentReport.objects.select_related("reported_by", "agenda_item__meeting")
    assignments = (
        Assignment.objects.filter(decision__body=body)
        .select_related(
            "decision__organization", f"decision__{DECISION_CASE}", "assignee", "reporter"
        )
        .prefetch_related(Prefetch("reports", queryset=reports))
    )
    if status:
        assignments = assignments.filter(status=status)
    return assignments.order_by("due_on", "pk")


def assignment_states(
    *, body: Body, on: datetime.date, status: str | None = None, late: bool = False
) -> list[AssignmentState]:
    """Each of the body's assignments on the date; with `late`, only those whose report is
    late or that are overdue."""
    states = [
        assignment_state(assignment=assignment, on=on)
        for assignment in assignment_list(body=body, status=status)
    ]
    return [state for state in states if state.report_late or state.overdue] if late else states


def assignment_status_counts(*, body: Body, on: datetime.date) -> dict[str, int]:
    """How many assignments are reported in time, late with a report, overdue, completed and
    ended without being completed, on the date."""
    counts = dict.fromkeys(ASSIGNMENT_STATES, 0)
    for state in assignment_states(body=body, on=on):
        status = state.assignment.status
        if status != Assignment.Status.ONGOING:
            counts[status] += 1
        elif state.overdue:
            counts["overdue"] += 1
        else:
            counts["report_late" if state.report_late else "in_time"] += 1
    return counts


ASSIGNMENT_STATES = {
    "in_time": _("pågår, rapporterat i tid"),
    "report_late": _("pågår, rapport försenad"),
    "overdue": _("försenat"),
    Assignment.Status.COMPLETED: _("slutfört"),
    Assignment.Status.CANCELLED: _("avslutat utan att slutföras"),
}


def assignments_overdue_for(*, person: Person, on: datetime.date) -> list[AssignmentState]:
    """The ongoing assignments of the person's own body that the person holds or reports on,
    and that are overdue or whose report is late on the date, the earliest due first."""
    reports = AssignmentReport.objects.select_related("reported_by")
    assignments = (
        Assignment.objects.filter(
            Q(assignee=person) | Q(reporter=person),
            decision__body_id=person.body_id,
            status=Assignment.Status.ONGOING,
        )
        .select_related("decision__organization", "assignee", "reporter")
        .prefetch_related(Prefetch("reports", queryset=reports))
        .order_by("due_on", "pk")
    )
    states = [assignment_state(assignment=assignment, on=on) for assignment in assignments]
    return [state for state in states if state.overdue or state.report_late]


def execution_tasks_overdue_for(*, person: Person, on: datetime.date) -> QuerySet[ExecutionTask]:
    """The overdue execution tasks of the person's own body that are the person's: given by
    the person, or to be executed by an organization where the person holds a post on the
    date (the förvaltningschef's department, the VD's company), the earliest due first."""
    posts = Appointment.objects.on(on).filter(person=person).values("position__organization")
    return (
        ExecutionTask.objects.filter(
            Q(assigned_by=person) | Q(executor__in=posts),
            decision__body_id=person.body_id,
            status__in=UNFINISHED,
            due_on__lt=on,
        )
        .select_related("decision__organization", "executor")
        .order_by("due_on", "pk")
    )
