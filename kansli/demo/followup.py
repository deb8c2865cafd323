"""Demo follow-up (issue 6), in Vänersborg: the board's assignment to the director with two
progress reports and the next one late, a decision whose execution is overdue, the economy
past its deviation threshold with the initiative it opens, and a disturbance the director leads
with its crisis log. The duty dashboard shows each. In both demo bodies, the duties done
outside Kansli attested as of some months ago, against the director's report of last year,
two of them due again within 30 days.

Written through the services of the decisions and followup apps, the director's own acts as
the demo director; a body that already has an assignment is left as it is, so a second load
writes nothing.
"""

import datetime
from decimal import Decimal

from django.utils import timezone

from kansli.accounts.models import User
from kansli.audit.services import Actor
from kansli.decisions import services as decisions
from kansli.decisions.models import Assignment, Decision
from kansli.followup.duties import duty_lines
from kansli.followup.models import Attestation, CrisisEvent, CrisisLogEntry
from kansli.followup.rhythm import Rhythm
from kansli.followup.services import attestations, crisis, economy
from kansli.organisation.models import Body, Organization
from kansli.registry import services as registry
from kansli.registry.models import Document

DEPARTMENT = "kommunstyrelseforvaltningen"


def load_followup_demo(*, actor: Actor = None) -> None:
    for demo_body in Body.objects.filter(slug__in=["vanersborg", "blekinge"]):
        _attestations(actor, demo_body, timezone.localdate())
    body = Body.objects.filter(slug="vanersborg").first()
    if body is None or Assignment.objects.filter(decision__body=body).exists():
        return
    director = User.objects.get(username="direktor")
    today = timezone.localdate()
    _assignment(actor, director, body, today)
    _execution(actor, director, body, today)
    _economy(actor, body, today)
    _crisis(director, body)


def _board_decision(
    actor: Actor, body: Body, title: str, on: datetime.date, number: int
) -> Decision:
    return decisions.meeting_decision_record(
        actor=actor,
        organization=Organization.objects.get(body=body, kind=Organization.Kind.EXECUTIVE_BOARD),
        decided_on=on,
        title=title,
        text=f"att {title[0].lower()}{title[1:]}",
        case_reference=f"KS {on.year}/00{number}",
        minutes=f"KS {on:%Y-%m-%d}",
        minute_number=number,
    )


def _assignment(actor: Actor, director: User, body: Body, today: datetime.date) -> None:
    """Given four months ago, reported on monthly: two reports, then none."""
    given_on = today - datetime.timedelta(days=120)
    assignment = decisions.assignment_give(
        actor=actor,
        decision=_board_decision(
            actor,
            body,
            "Ge kommundirektören i uppdrag att ta fram en lokalförsörjningsplan",
            given_on,
            91,
        ),
        title="Lokalförsörjningsplan 2027–2030",
        description="Behovet av lokaler för skola, vård och omsorg de kommande fyra åren.",
        due_on=today + datetime.timedelta(days=240),
        report_interval_months=1,
    )
    for days_ago, text in (
        (90, "Inventeringen av kommunens lokaler är påbörjad."),
        (60, "Inventeringen är klar; behovsanalysen för skolan pågår."),
    ):
        decisions.assignment_report_file(
            actor=director,
            assignment=assignment,
            text=text,
            reported_on=today - datetime.timedelta(days=days_ago),
        )


def _execution(actor: Actor, director: User, body: Body, today: datetime.date) -> None:
    """A task due ten days ago, not done."""
    decided_on = today - datetime.timedelta(days=75)
    decisions.execution_task_assign(
        actor=director,
        decision=_board_decision(actor, body, "Inför e-arkiv i kommunen", decided_on, 92),
        title="Upphandla e-arkiv",
        executor=Organization.objects.get(body=body, slug="utvecklingsstaben"),
        due_on=today - datetime.timedelta(days=10),
        assigned_on=decided_on,
    )


def _economy(actor: Actor, body: Body, today: datetime.date) -> None:
    """The administration's outcome a fifth over its budget so far this year, past a threshold
    of five per cent: the director's initiative to the board opens."""
    economy.threshold_set(actor=actor, body=body, percent=Decimal(5))
    department = Organization.objects.get(body=body, slug=DEPARTMENT)
    months = range(1, max(today.month - 1, 1) + 1)
    for month in months:
        economy.budget_set(
            actor=actor,
            organization=department,
            year=today.year,
            month=month,
            amount=Decimal(4_000_000),
        )
    rows = "".join(f"{DEPARTMENT};{today.year};{month};4800000\n" for month in months)
    economy.outcomes_import(
        actor=actor,
        body=body,
        text=f"organisation;år;månad;belopp\n{rows}",
        source="demo-utfall.csv",
        on=today,
    )
    economy.deviations_check(actor=actor, body=body, on=today)


def _crisis(director: User, body: Body) -> None:
    """A power cut two days ago that the director leads, with its log."""
    started = timezone.now() - datetime.timedelta(days=2)
    event = crisis.crisis_event_open(
        actor=director,
        body=body,
        title="Omfattande elavbrott i centrala Vänersborg",
        started_at=started,
    )
    crisis.crisis_leadership_decide(
        actor=director,
        event=event,
        leadership=CrisisEvent.Leadership.DIRECTOR,
        decided_at=started + datetime.timedelta(minutes=40),
    )
    for minutes, kind, text in (
        (15, CrisisLogEntry.Kind.OBSERVATION, "Elavbrott i hela centrum; två äldreboenden berörs."),
        (55, CrisisLogEntry.Kind.MEASURE, "Reservkraft körs till äldreboendena."),
        (90, CrisisLogEntry.Kind.COMMUNICATION, "Information till allmänheten på kommunens webb."),
    ):
        crisis.crisis_log_append(
            actor=director,
            event=event,
            kind=kind,
            text=text,
            recorded_at=started + datetime.timedelta(minutes=minutes),
        )


def _attestations(actor: Actor, body: Body, today: datetime.date) -> None:
    """Every duty attested outside Kansli: the yearly ones as of five months ago, the first two
    of them as of eleven months ago (due within 30 days), the ones per meeting and per event
    as of today; each against the director's report of last year, registered in a case of the
    board. A body with attestations is left as it is."""
    if Attestation.objects.filter(body=body).exists():
        return
    board = Organization.objects.get(body=body, kind=Organization.Kind.EXECUTIVE_BOARD)
    case = registry.case_open(
        actor=actor,
        organization=board,
        title=f"Direktörens redovisning till styrelsen {today.year - 1}",
    )
    document = registry.document_register(
        actor=actor,
        case=case,
        direction=Document.Direction.DRAWN_UP,
        date=today - datetime.timedelta(days=150),
        description=f"Direktörens redovisning till styrelsen {today.year - 1}",
    )
    yearly = 0
    for line in duty_lines(body=body, on=today):
        if line.rule is None:
            continue
        if line.rule.rhythm is Rhythm.YEARLY:
            days = 335 if yearly < 2 else 150
            yearly += 1
        else:
            days = 0
        attestations.attestation_record(
            actor=actor,
            body=body,
            duty_key=line.key,
            attested_on=today - datetime.timedelta(days=days),
            note="Redovisat för styrelsen i direktörens redovisning.",
            document=document,
        )
