"""Nobody but whom `kansli.decisions.policy` names writes in the register of decisions, its
execution or the board's assignments, and only the body's own users read them: every service,
page and API operation refuses the wrong user.

The targets are Vänersborg's: a delegated decision of the director (recorded, or a draft
waiting for PFU's approval), a decision of the board at its meeting, a task executed by the
barn- och utbildningsförvaltning (where none of the personas is posted), an assignment to the
director with one report, and a planned meeting of the board. They are made by the system
(actor None); a form's data only looks them up, so nothing is written while a persona tries.
"""

import datetime
from typing import Any

from django.utils import timezone

from kansli.accounts.models import User
from kansli.decisions import services
from kansli.decisions.models import Assignment, AssignmentReport, Decision, ExecutionTask
from kansli.decisions.tests.conftest import OTHER_DEPARTMENT, organization, position
from kansli.decisions.tests.followup_samples import board_decision, board_meeting
from kansli.meetings import services as meetings_services
from kansli.meetings.models import Meeting
from kansli.organisation.models import Body
from kansli.tests.refusals import (
    ADMINISTRATOR,
    ANONYMOUS,
    OTHER_BODY,
    OUTSIDERS,
    Demo,
    RouteCase,
    ServiceCase,
)

# Who may not record a decision in their own name: another body's user, the administrator
# (no business role), the public. A ledamot or a handläggare may record their own; the
# delegation engine then decides whether they may make it.
NOT_DECISION_MAKERS = (OTHER_BODY, ADMINISTRATOR, ANONYMOUS)


def _today() -> datetime.date:
    return timezone.localdate()


def _vanersborg(demo: Demo) -> Body:
    return demo["vanersborg"]


def _director() -> User:
    return User.objects.select_related("person").get(username="direktor")


def _delegated(demo: Demo, *, draft: bool = False) -> Decision:
    """The director reorganises a department: recorded with PFU's approval, else a draft."""
    body = _vanersborg(demo)
    return services.decision_record(
        actor=None,
        body=body,
        decision_type="organisationsforandring",
        decided_by=_director().person,
        capacity=position(body, "kommundirektor"),
        concerning=organization(body, OTHER_DEPARTMENT),
        amount=None,
        decided_on=_today(),
        title="Ny enhetsindelning inom barn- och utbildningsförvaltningen",
        evidence=[] if draft else [("approval", "pfu", _today(), "PFU § 12")],
    )


def _board_decision(demo: Demo) -> Decision:
    return board_decision(_vanersborg(demo), "Inför e-arkiv i kommunen", _today())


def _task(demo: Demo) -> ExecutionTask:
    return services.execution_task_assign(
        actor=None,
        decision=_board_decision(demo),
        title="Upphandla e-arkiv",
        executor=organization(_vanersborg(demo), OTHER_DEPARTMENT),
        due_on=_today() + datetime.timedelta(days=30),
    )


def _assignment(demo: Demo) -> Assignment:
    return services.assignment_give(
        actor=None,
        decision=_board_decision(demo),
        title="Ta fram en lokalförsörjningsplan",
        due_on=_today() + datetime.timedelta(days=200),
        report_interval_months=3,
    )


def _report(demo: Demo) -> AssignmentReport:
    return services.assignment_report_file(
        actor=None, assignment=_assignment(demo), text="Inventeringen är påbörjad."
    )


def _meeting(demo: Demo) -> Meeting:
    return board_meeting(_vanersborg(demo), _today() + datetime.timedelta(days=14))


def _report_and_meeting(demo: Demo) -> AssignmentReport:
    _meeting(demo)
    return _report(demo)


def _planned_meeting() -> Meeting:
    return Meeting.objects.get(organization__body__slug="vanersborg", organization__slug="ks")


def _meeting_decision() -> Decision:
    return Decision.objects.get(body__slug="vanersborg", kind=Decision.Kind.MEETING)


SERVICES: list[ServiceCase] = [
    ServiceCase(
        services.decision_record,
        lambda demo: {
            "body": _vanersborg(demo),
            "decision_type": "organisationsforandring",
            "decided_by": _director().person,
            "capacity": position(_vanersborg(demo), "kommundirektor"),
            "concerning": organization(_vanersborg(demo), OTHER_DEPARTMENT),
            "amount": None,
            "decided_on": _today(),
            "title": "I någon annans namn",
            "evidence": [("approval", "pfu", _today(), "")],
        },
    ),
    ServiceCase(
        services.evidence_add,
        lambda demo: {
            "decision": _delegated(demo, draft=True),
            "kind": "approval",
            "party": "pfu",
            "date": _today(),
        },
    ),
    ServiceCase(
        services.decision_report_owed,
        lambda demo: {
            "decision": _delegated(demo),
            "report_to": organization(_vanersborg(demo), "ks"),
            "report_due": _today(),
        },
    ),
    ServiceCase(
        services.decision_report,
        lambda demo: {
            "decisions": [_delegated(demo)],
            "reported_on": _today(),
            "reported_in": "KS § 1",
        },
    ),
    ServiceCase(
        services.meeting_decision_record,
        lambda demo: {
            "organization": organization(_vanersborg(demo), "ks"),
            "decided_on": _today(),
            "title": "Inför e-arkiv",
            "text": "att införa e-arkiv",
            "case_reference": "KS 2026/1",
            "minutes": "KS",
            "minute_number": 1,
        },
    ),
    ServiceCase(
        services.execution_task_assign,
        lambda demo: {
            "decision": _board_decision(demo),
            "title": "Upphandla e-arkiv",
            "executor": organization(_vanersborg(demo), OTHER_DEPARTMENT),
            "due_on": _today() + datetime.timedelta(days=30),
        },
    ),
    ServiceCase(
        services.execution_task_status_set,
        lambda demo: {"task": _task(demo), "status": ExecutionTask.Status.DONE},
    ),
    ServiceCase(
        services.assignment_give,
        lambda demo: {
            "decision": _board_decision(demo),
            "title": "Ta fram en lokalförsörjningsplan",
            "due_on": _today() + datetime.timedelta(days=200),
            "report_interval_months": 3,
        },
    ),
    ServiceCase(
        services.assignment_reporter_name,
        lambda demo: {"assignment": _assignment(demo), "reporter": None},
    ),
    ServiceCase(
        services.assignment_report_file,
        lambda demo: {"assignment": _assignment(demo), "text": "Klart snart."},
    ),
    ServiceCase(
        services.assignment_close,
        lambda demo: {"assignment": _assignment(demo), "status": Assignment.Status.COMPLETED},
    ),
    ServiceCase(
        meetings_services.assignment_report_to_agenda,
        lambda demo: {"report": _report(demo), "meeting": _meeting(demo)},
    ),
]


def _body(demo: Demo) -> dict[str, Any]:
    return {"body": "vanersborg"}


def _with_board_decision(demo: Demo) -> dict[str, Any]:
    return {"body": "vanersborg", "decision": _board_decision(demo).pk}


def _body_after_a_board_decision(demo: Demo) -> dict[str, Any]:
    """The body, where the board made the decision the form's data names."""
    _board_decision(demo)
    return _body(demo)


def _with_assignment(demo: Demo) -> dict[str, Any]:
    return {"body": "vanersborg", "assignment": _assignment(demo).pk}


def _slug(demo: Demo) -> dict[str, Any]:
    return {"slug": "vanersborg"}


ROUTES: list[RouteCase] = [
    RouteCase("decisions:decision_list", _body, refused=OUTSIDERS),
    RouteCase("decisions:decisions_unreported", _body, refused=OUTSIDERS),
    RouteCase(
        "decisions:decision_detail",
        lambda demo: {"body": "vanersborg", "decision": _delegated(demo).pk},
        refused=OUTSIDERS,
    ),
    RouteCase("decisions:decision_create", _body, refused=NOT_DECISION_MAKERS),
    RouteCase(
        "decisions:evidence_create",
        lambda demo: {"body": "vanersborg", "decision": _delegated(demo, draft=True).pk},
        data=lambda demo: {"krav": "approval:pfu", "datum": _today().isoformat()},
    ),
    RouteCase("decisions:execution_list", _body, refused=OUTSIDERS),
    RouteCase("decisions:execution_decision", _with_board_decision, refused=OUTSIDERS),
    RouteCase(
        "meetings:execution_meeting",
        lambda demo: {"body": "vanersborg", "meeting": _meeting(demo).pk},
        refused=OUTSIDERS,
    ),
    RouteCase(
        "decisions:execution_year",
        lambda demo: {"body": "vanersborg", "year": _today().year},
        refused=OUTSIDERS,
    ),
    RouteCase(
        "decisions:execution_task_create",
        _with_board_decision,
        data=lambda demo: {
            "uppgift": "Upphandla e-arkiv",
            "verkstallare": OTHER_DEPARTMENT,
            "klart_senast": (_today() + datetime.timedelta(days=30)).isoformat(),
        },
    ),
    RouteCase(
        "decisions:execution_task_status",
        lambda demo: {"body": "vanersborg", "task": _task(demo).pk},
        data=lambda demo: {"status": ExecutionTask.Status.DONE, "anteckning": "Klart."},
    ),
    RouteCase("decisions:assignment_list", _body, refused=OUTSIDERS),
    RouteCase(
        "decisions:assignment_create",
        _body_after_a_board_decision,
        data=lambda demo: {
            "beslut": _meeting_decision().pk,
            "rubrik": "Ta fram en lokalförsörjningsplan",
            "klart_senast": (_today() + datetime.timedelta(days=200)).isoformat(),
            "intervall": "3",
        },
    ),
    RouteCase("decisions:assignment_detail", _with_assignment, refused=OUTSIDERS),
    RouteCase(
        "decisions:assignment_report_create",
        _with_assignment,
        data=lambda demo: {"rapport": "Klart snart."},
    ),
    RouteCase(
        "decisions:assignment_reporter",
        _with_assignment,
        data=lambda demo: {"rapportor": ""},
    ),
    RouteCase(
        "decisions:assignment_close",
        _with_assignment,
        data=lambda demo: {"status": Assignment.Status.COMPLETED},
    ),
    RouteCase(
        "meetings:assignment_report_agenda",
        lambda demo: {"body": "vanersborg", "report": _report_and_meeting(demo).pk},
        data=lambda demo: {"sammantrade": _planned_meeting().pk, "slag": "information"},
    ),
    RouteCase("GET /api/v1/bodies/{slug}/decisions", _slug, refused=OUTSIDERS),
    RouteCase(
        "GET /api/v1/bodies/{slug}/decisions/unreported",
        _slug,
        data=lambda demo: {"organization": "ks"},
        refused=OUTSIDERS,
    ),
    RouteCase(
        "GET /api/v1/bodies/{slug}/decisions/{decision_id}",
        lambda demo: {"slug": "vanersborg", "decision_id": _delegated(demo).pk},
        refused=OUTSIDERS,
    ),
    RouteCase(
        "POST /api/v1/bodies/{slug}/decisions",
        _slug,
        data=lambda demo: {
            "decision_type": "organisationsforandring",
            "concerning": OTHER_DEPARTMENT,
            "title": "Ny enhetsindelning",
        },
        refused=NOT_DECISION_MAKERS,
    ),
    RouteCase(
        "POST /api/v1/bodies/{slug}/decisions/{decision_id}/evidence",
        lambda demo: {"slug": "vanersborg", "decision_id": _delegated(demo, draft=True).pk},
        data=lambda demo: {"kind": "approval", "party": "pfu", "date": _today().isoformat()},
    ),
    RouteCase("GET /api/v1/bodies/{slug}/followup/execution-tasks", _slug, refused=OUTSIDERS),
    RouteCase(
        "GET /api/v1/bodies/{slug}/followup/execution-tasks/{task_id}",
        lambda demo: {"slug": "vanersborg", "task_id": _task(demo).pk},
        refused=OUTSIDERS,
    ),
    RouteCase("GET /api/v1/bodies/{slug}/followup/assignments", _slug, refused=OUTSIDERS),
    RouteCase(
        "GET /api/v1/bodies/{slug}/followup/assignments/{assignment_id}",
        lambda demo: {"slug": "vanersborg", "assignment_id": _assignment(demo).pk},
        refused=OUTSIDERS,
    ),
    RouteCase(
        "POST /api/v1/bodies/{slug}/followup/assignments/{assignment_id}/reports",
        lambda demo: {"slug": "vanersborg", "assignment_id": _assignment(demo).pk},
        data=lambda demo: {"text": "Klart snart."},
    ),
]

PUBLIC: dict[str, str] = {}
