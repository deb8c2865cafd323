"""Who may: the register of decisions, their execution and the board's assignments.

Everyone signed in as a person of the body reads the register, the execution of its decisions
and the assignments. A decision maker records a delegated decision in their own name and
completes their own draft; the administrator decides nothing unless also given a business
role. The secretaries record what an organization decided at its meeting and report the
delegated decisions to it; for the crisis committee (LEH 2 kap.) the director does both. The
director (the body's director's post, or the director's role) gives execution tasks; the
director or an official posted in the executing organization moves a task on. The director or
a secretary records an assignment the board gave; the director, who holds it, names who
reports and closes it; the director or whom the director named reports; a secretary puts a
report on the agenda.
"""

import datetime
from collections.abc import Iterable

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from kansli.accounts.models import Role
from kansli.accounts.policy import (
    Action,
    Actor,
    has_role,
    holds_post,
    is_person,
    is_staff_of,
    refuse,
    require,
    standing,
)
from kansli.decisions.models import Assignment, AssignmentReport, Decision, ExecutionTask
from kansli.organisation.models import Appointment, Body, Organization, Person
from kansli.organisation.selectors import director_position

APP = "decisions"

# The roles of the secretariat's business: the administrator administers and decides nothing.
BUSINESS = tuple(role for role in Role if role != Role.ADMINISTRATOR)

READ = Action(
    APP,
    gettext_lazy("Läsa beslutsregistret, verkställigheten och uppdragen"),
    tuple(Role),
    gettext_lazy("varje användare i den egna kommunen eller regionen, också utan roll"),
)
RECORD = Action(
    APP,
    gettext_lazy("Registrera ett delegationsbeslut och komplettera utkastet med underlag"),
    BUSINESS,
    gettext_lazy("bara i eget namn, som beslutsfattaren"),
)
MEETING_DECISION = Action(
    APP,
    gettext_lazy("Registrera ett beslut vid sammanträde och anmäla delegationsbeslut"),
    (Role.SECRETARY,),
    gettext_lazy("eller direktören, för krisledningsnämndens beslut"),
)
EXECUTION = Action(
    APP,
    gettext_lazy("Ge en verkställighetsuppgift"),
    (Role.DIRECTOR,),
    gettext_lazy("eller den som innehar direktörens befattning"),
)
EXECUTION_PROGRESS = Action(
    APP,
    gettext_lazy("Ändra hur långt en verkställighetsuppgift har kommit"),
    (Role.DIRECTOR,),
    gettext_lazy(
        "eller den som innehar direktörens befattning, eller en tjänsteperson med en av "
        "verksamhetens roller och en befattning i den verkställande organisationen"
    ),
)
ASSIGNMENT = Action(
    APP,
    gettext_lazy("Registrera ett uppdrag som styrelsen gett direktören"),
    (Role.DIRECTOR, Role.SECRETARY),
    gettext_lazy("eller den som innehar direktörens befattning"),
)
ASSIGNMENT_DIRECTION = Action(
    APP,
    gettext_lazy("Utse vem som rapporterar om ett uppdrag och avsluta det"),
    (),
    gettext_lazy("uppdragstagaren (direktören)"),
)
ASSIGNMENT_REPORT = Action(
    APP,
    gettext_lazy("Rapportera om hur ett uppdrag framskrider"),
    (),
    gettext_lazy("uppdragstagaren eller den som uppdragstagaren utsett"),
)
AGENDA = Action(
    APP,
    gettext_lazy("Sätta en rapport om ett uppdrag på dagordningen"),
    (Role.SECRETARY,),
)


def _today(on: datetime.date | None) -> datetime.date:
    return on or timezone.localdate()


def is_director(user: Actor, body: Body, on: datetime.date | None = None) -> bool:
    """Is the user the body's director: holding the director's role in it, or the director's
    post on the day (an acting director too)?"""
    return has_role(user, body, Role.DIRECTOR) or holds_post(user, director_position(body=body), on)


def may_read(user: Actor, body: Body) -> bool:
    """May the user read the body's decisions, their execution and its assignments?"""
    return is_staff_of(user, body)


def require_read(user: Actor, body: Body) -> None:
    """For a page or API operation that reads: refuse all but the body's own users."""
    if not may_read(user, body):
        raise refuse(
            _("Bara användare i %(body)s kan läsa dess beslut och uppdrag.") % {"body": body}
        )


# Decisions ---------------------------------------------------------------------------------


def may_record_decision(user: Actor, body: Body, decided_by: Person | None = None) -> bool:
    """May the user record a decision of the body, made by `decided_by` (any decision of the
    user's own when none is given): a person of the body with a business role, in their own
    name."""
    if standing(user).person_id is None or not RECORD.allows(user, body):
        return False
    return decided_by is None or is_person(user, decided_by.pk)


def require_record_decision(actor: Actor, body: Body, decided_by: Person | None) -> None:
    if actor is None or may_record_decision(actor, body, decided_by):
        return
    if standing(actor).person_id is None:
        raise refuse(_("Bara användare som är kopplade till en person kan registrera beslut."))
    if not is_staff_of(actor, body):
        raise refuse(_("Du hör inte till %(body)s.") % {"body": body})
    if not RECORD.allows(actor, body):
        raise refuse(_("Din roll ger inte rätt att registrera beslut."))
    raise refuse(_("Du kan bara registrera beslut i ditt eget namn."))


def may_add_evidence(user: Actor, decision: Decision) -> bool:
    """May the user record that a requirement of the decision has been met: its maker."""
    return may_record_decision(user, decision.body, decision.decided_by)


def require_add_evidence(actor: Actor, decision: Decision) -> None:
    require(
        may_add_evidence(actor, decision),
        actor,
        _("Bara beslutsfattaren kan komplettera sitt beslut."),
    )


def may_record_meeting_decision(user: Actor, organization: Organization) -> bool:
    """May the user record what the organization decided at its meeting: a secretary of its
    body, or the director for the crisis committee, whose work the director leads."""
    body = organization.body
    if MEETING_DECISION.allows(user, body):
        return True
    return organization.kind == Organization.Kind.CRISIS_COMMITTEE and is_director(user, body)


def require_record_meeting_decision(actor: Actor, organization: Organization) -> None:
    require(
        may_record_meeting_decision(actor, organization),
        actor,
        _("Bara nämndsekreterare i %(body)s kan registrera beslut vid sammanträde.")
        % {"body": organization.body},
    )


def may_report_decision(user: Actor, decision: Decision) -> bool:
    """May the user mark the decision reported to the organization it is owed to: as for
    recording a meeting's decision, reported at the meeting of the recipient or, for the
    crisis committee's decisions, of the council."""
    organization = decision.organization
    if organization is not None and organization.kind == Organization.Kind.CRISIS_COMMITTEE:
        return may_record_meeting_decision(user, organization)
    return MEETING_DECISION.allows(user, decision.body)


def require_report_decisions(actor: Actor, decisions: Iterable[Decision]) -> None:
    for decision in decisions:
        require(
            may_report_decision(actor, decision),
            actor,
            _("Bara nämndsekreterare i %(body)s kan anmäla beslut.") % {"body": decision.body},
        )


# Execution ---------------------------------------------------------------------------------


def may_give_execution(user: Actor, body: Body, on: datetime.date | None = None) -> bool:
    """May the user give pieces of executing the body's decisions: its director."""
    return is_director(user, body, on)


def require_give_execution(actor: Actor, body: Body, on: datetime.date | None = None) -> None:
    require(
        may_give_execution(actor, body, on),
        actor,
        _("Bara direktören i %(body)s kan ge verkställighetsuppgifter.") % {"body": body},
    )


def may_report_execution(user: Actor, task: ExecutionTask, on: datetime.date | None = None) -> bool:
    """May the user change how far the task has come: the director, or an official with a
    business role posted on the day in the executing organization."""
    body = task.decision.body
    if is_director(user, body, on):
        return True
    own = standing(user)
    return (
        has_role(user, body, *BUSINESS)
        and own.person_id is not None
        and Appointment.objects.on(_today(on))
        .filter(person_id=own.person_id, position__organization_id=task.executor_id)
        .exists()
    )


def require_report_execution(
    actor: Actor, task: ExecutionTask, on: datetime.date | None = None
) -> None:
    require(
        may_report_execution(actor, task, on),
        actor,
        _("Bara direktören eller tjänstepersoner i %(executor)s kan ändra uppgiften.")
        % {"executor": task.executor},
    )


# Assignments -------------------------------------------------------------------------------


def may_record_assignment(user: Actor, body: Body, on: datetime.date | None = None) -> bool:
    """May the user record an assignment the board gave: the director, or a secretary of the
    body, who keeps the board's minutes."""
    return ASSIGNMENT.allows(user, body) or is_director(user, body, on)


def require_record_assignment(actor: Actor, body: Body, on: datetime.date | None = None) -> None:
    require(
        may_record_assignment(actor, body, on),
        actor,
        _("Bara direktören eller en nämndsekreterare i %(body)s kan registrera uppdrag.")
        % {"body": body},
    )


def may_direct_assignment(user: Actor, assignment: Assignment) -> bool:
    """May the user name who reports on the assignment, and close it: its assignee."""
    return is_person(user, assignment.assignee_id)


def require_direct_assignment(actor: Actor, assignment: Assignment) -> None:
    require(
        may_direct_assignment(actor, assignment),
        actor,
        _("Bara uppdragstagaren (%(assignee)s) kan göra detta.")
        % {"assignee": assignment.assignee},
    )


def may_report_assignment(user: Actor, assignment: Assignment) -> bool:
    """May the user report how the assignment progresses: the assignee, or whom the assignee
    named."""
    return is_person(user, assignment.assignee_id) or is_person(user, assignment.reporter_id)


def require_report_assignment(actor: Actor, assignment: Assignment) -> None:
    require(
        may_report_assignment(actor, assignment),
        actor,
        _("Bara uppdragstagaren eller den som uppdragstagaren utsett kan rapportera."),
    )


def may_put_on_agenda(user: Actor, body: Body) -> bool:
    """May the user put a report on an assignment on the agenda of the body's meetings: a
    secretary, who keeps the agenda."""
    return AGENDA.allows(user, body)


def require_put_on_agenda(actor: Actor, report: AssignmentReport) -> None:
    body = report.assignment.decision.body
    require(
        may_put_on_agenda(actor, body),
        actor,
        _("Bara nämndsekreterare i %(body)s kan sätta en rapport på dagordningen.")
        % {"body": body},
    )
