"""The register of decisions through the API: read decisions, record one as the token's own
person, complete a draft with evidence, list what is not yet reported to an organization; and
execution and assignments, under /bodies/{slug}/followup/: the execution tasks and the board's
assignments to the director, and a progress report filed with the key of the director or of
whom the director named.

Only the body's own users read its register, execution and assignments (403 to others); the
services refuse a write by whom `kansli.decisions.policy` does not let write."""

import datetime
from decimal import Decimal
from typing import Any, Literal, TypeVar, overload

from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Model, QuerySet
from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema, Status

from kansli.decisions import models, policy, selectors, services
from kansli.decisions.selectors import (
    DecisionView,
    decision_list,
    decision_view,
    decisions_found,
    decisions_unreported,
)
from kansli.delegation.api import Problem, Verdict
from kansli.organisation.api import (
    OnDate,
    OrganizationRef,
    PersonRef,
    body_found,
    found,
    on_or_today,
)
from kansli.organisation.models import Body, Organization
from kansli.pagination import Paging, linked_page
from kansli.registry.visibility import User
from kansli.texts import gettext_lazy as _lazy

router = Router()

M = TypeVar("M", bound=Model)


class Evidence(Schema):
    kind: str = Field(description="consultation, approval, notification, report")
    party: str = Field(description=_lazy("Partens nyckel i delegationsordningen, t.ex. pfu."))
    party_name: str
    took_place_on: datetime.date
    recorded_by: PersonRef
    note: str
    waived: bool = Field(
        description=_lazy("Ett samråd vid behov som inte behövdes; anteckningen anger skälet.")
    )


class DecisionSource(Schema):
    document: str
    section: str
    rule: str


class Decision(Schema):
    id: int
    kind: str = Field(description="delegate, instruction, meeting")
    status: str = Field(description="draft, recorded")
    decision_type: str
    decision_type_name: str
    decided_by: PersonRef | None
    position: str | None = Field(description=_lazy("Befattningen beslutet fattades i."))
    organization: OrganizationRef | None = Field(description=_lazy("Det beslutande organet."))
    concerning: OrganizationRef | None
    amount: Decimal | None
    decided_on: datetime.date
    title: str
    text: str
    title_masked: bool = Field(
        description=_lazy(
            "Beslutet fattades i ett ärende under sekretess som användaren inte får se igenom: "
            "rubriken och beslutstexten visas maskerade."
        )
    )
    case_reference: str
    source: DecisionSource
    report_to: OrganizationRef | None
    report_due: datetime.date | None = Field(
        description=_lazy(
            "Sista dag för anmälan; för ett beslut som anmäls vid nästa sammanträde dagen för "
            "organets nästa sammanträde, tomt när inget är planerat."
        )
    )
    report_at_next_meeting: bool = Field(
        description=_lazy(
            "Beslutet fattades i ett brådskande ärende och anmäls vid organets nästa "
            "sammanträde (kommunallagen 6 kap. 39 §)."
        )
    )
    reported_on: datetime.date | None
    reported_in: str

    @staticmethod
    def resolve_title(obj: models.Decision, context: dict[str, Any]) -> str:
        return _seen(obj, context).title

    @staticmethod
    def resolve_text(obj: models.Decision, context: dict[str, Any]) -> str:
        return _seen(obj, context).text

    @staticmethod
    def resolve_title_masked(obj: models.Decision, context: dict[str, Any]) -> bool:
        return _seen(obj, context).masked

    @staticmethod
    def resolve_report_due(obj: models.Decision) -> datetime.date | None:
        return obj.report_deadline

    @staticmethod
    def resolve_position(obj: models.Decision) -> str | None:
        return obj.position.slug if obj.position else None

    @staticmethod
    def resolve_source(obj: models.Decision) -> dict[str, str]:
        return {
            "document": obj.source_document,
            "section": obj.source_section,
            "rule": obj.source_rule,
        }


def _seen(decision: models.Decision, context: dict[str, Any]) -> DecisionView:
    """The decision as the request's user may see it."""
    return decision_view(context["request"].user, decision)


class DecisionDetail(Decision):
    verdict: Verdict
    evidence: list[Evidence]

    @staticmethod
    def resolve_evidence(obj: models.Decision) -> list[models.Evidence]:
        return list(obj.evidence.select_related("recorded_by"))


class EvidenceIn(Schema):
    kind: Literal["consultation", "approval", "notification", "report"]
    party: str = Field(description=_lazy("Partens nyckel, t.ex. pfu eller ks-ordforande."))
    date: datetime.date = Field(description=_lazy("Dagen då kravet uppfylldes."))
    note: str = ""
    waived: bool = Field(
        False,
        description=_lazy(
            "Samrådet vid behov behövdes inte; anteckningen anger skälet. Ett krav som inte är "
            "vid behov kan inte avstås."
        ),
    )


class DecisionIn(Schema):
    decision_type: str = Field(description=_lazy("Beslutstypens kod."))
    position: str | None = Field(
        None, description=_lazy("Befattningen beslutet fattas i; utelämnad: som person.")
    )
    organization: str | None = Field(
        None, description=_lazy("Organet som beslutar, i stället för en befattning.")
    )
    concerning: str | None = Field(
        None, description=_lazy("Kortnamnet på organisationen beslutet gäller.")
    )
    amount: Decimal | None = Field(None, ge=0, description=_lazy("Beloppet i kronor."))
    decided_on: OnDate | None = None
    title: str
    text: str = ""
    case_reference: str = ""
    evidence: list[EvidenceIn] = Field([], description=_lazy("Krav som redan är uppfyllda."))


class Denied(Schema):
    """The API's error body (kansli.api.Error) with the engine's verdict."""

    detail: str
    code: str = Field(description="denied")
    fields: dict[str, list[str]] = {}
    verdict: Verdict


def _denied(error: services.DecisionDeniedError) -> Status[dict[str, Any]]:
    """The engine denies the decision: 409 with its reasons and verdict. Any other refusal or
    error of the service is the API's own answer (403, 400)."""
    return Status(
        409,
        {
            "detail": " ".join(error.messages),
            "code": "denied",
            "fields": {},
            "verdict": error.verdict.as_dict(),
        },
    )


def _named(queryset: QuerySet[M], message: str, slug: str | None) -> M | None:
    """The row with the slug named in a request, or None when none is named."""
    if slug is None:
        return None
    row = queryset.filter(slug=slug).first()
    if row is None:
        raise ValidationError(message % {"slug": slug})
    return row


@overload
def _organization(body: Body, slug: str) -> Organization: ...


@overload
def _organization(body: Body, slug: str | None) -> Organization | None: ...


def _organization(body: Body, slug: str | None) -> Organization | None:
    """The body's organization with the slug named in a request, or None when none is named."""
    message = _("%(body)s har ingen organisation med kortnamnet %%(slug)s.") % {"body": body}
    return _named(body.organizations.all(), message, slug)


def readable_body(request: HttpRequest, slug: str) -> Body:
    """The body the operation reads; 403 to all but its own users."""
    body = body_found(slug)
    policy.require_read(request.user, body)
    return body


def _decision(body: Body, decision_id: int) -> models.Decision:
    return found(
        decision_list(body=body),
        _("%(body)s har inget beslut med id %(id)d.") % {"body": body, "id": decision_id},
        pk=decision_id,
    )


@router.get(
    "/bodies/{slug}/decisions",
    response=list[Decision],
    summary=_lazy("Beslut, det senaste först"),
)
def decision_index(
    request: HttpRequest,
    response: HttpResponse,
    slug: str,
    paging: Query[Paging],
    status: Literal["draft", "recorded"] | None = None,
    decision_type: str | None = None,
    q: str | None = None,
) -> list[models.Decision]:
    decisions = decision_list(
        body=readable_body(request, slug), status=status, decision_type=decision_type, q=q
    )
    return linked_page(
        request,
        response,
        decisions,
        paging,
        ("-decided_on", "-pk"),
        keep=lambda batch: decisions_found(request.user, batch, q),
    )


@router.get(
    "/bodies/{slug}/decisions/unreported",
    # 400 when the organization is not one of the body's.
    response={200: list[Decision], 400: Problem},
    summary=_lazy("Beslut som ännu inte anmälts till en organisation, det äldsta först"),
)
def unreported_index(
    request: HttpRequest,
    response: HttpResponse,
    slug: str,
    organization: str,
    paging: Query[Paging],
    date: OnDate | None = None,
) -> list[models.Decision]:
    recipient = _organization(readable_body(request, slug), organization)
    unreported = decisions_unreported(organization=recipient, on=on_or_today(date))
    return linked_page(request, response, unreported, paging, ("decided_on", "pk"))


@router.get(
    "/bodies/{slug}/decisions/{decision_id}",
    response=DecisionDetail,
    summary=_lazy("Ett beslut med prövningen mot delegationsordningen och underlaget"),
)
def decision_detail(request: HttpRequest, slug: str, decision_id: int) -> models.Decision:
    return _decision(readable_body(request, slug), decision_id)


@router.post(
    "/bodies/{slug}/decisions",
    response={201: DecisionDetail, 409: Denied},
    summary=_lazy("Registrera ett beslut i eget namn"),
    description=_lazy(
        "Beslutet prövas mot delegationsordningen. Nekat: 409 med skälen, och inget sparas. "
        "Krav som inte är uppfyllda: 201 med status draft. Nyckelns användare måste vara "
        "kopplad till en person."
    ),
)
def decision_create(
    request: HttpRequest, slug: str, payload: DecisionIn
) -> Status[models.Decision] | Status[dict[str, Any]]:
    body = body_found(slug)
    person = request.user.person if request.user.is_authenticated else None
    # Asked before the payload is looked into, so that nobody else learns what it names.
    policy.require_record_decision(request.user, body, person)
    if person is None:
        # Refused just above already: only a user with a person records.
        raise PermissionDenied
    if payload.position is not None and payload.organization is not None:
        raise ValidationError(_("Ange antingen en befattning eller ett organ, inte båda."))
    message = _("%(body)s har ingen befattning med kortnamnet %%(slug)s.") % {"body": body}
    position = _named(body.positions.all(), message, payload.position)
    try:
        decision = services.decision_record(
            actor=request.user,
            body=body,
            decision_type=payload.decision_type,
            decided_by=person,
            capacity=position or _organization(body, payload.organization),
            concerning=_organization(body, payload.concerning),
            amount=payload.amount,
            decided_on=on_or_today(payload.decided_on),
            title=payload.title,
            text=payload.text,
            case_reference=payload.case_reference,
            evidence=[
                services.EvidenceRow(e.kind, e.party, e.date, e.note, e.waived)
                for e in payload.evidence
            ],
        )
    except services.DecisionDeniedError as error:
        return _denied(error)
    return Status(201, decision)


@router.post(
    "/bodies/{slug}/decisions/{decision_id}/evidence",
    response={201: DecisionDetail, 409: Denied},
    summary=_lazy(
        "Registrera att ett krav är uppfyllt; ett utkast med alla krav uppfyllda "
        "registreras som beslut"
    ),
)
def evidence_create(
    request: HttpRequest, slug: str, decision_id: int, payload: EvidenceIn
) -> Status[models.Decision] | Status[dict[str, Any]]:
    decision = _decision(readable_body(request, slug), decision_id)
    try:
        decision = services.evidence_add(
            actor=request.user,
            decision=decision,
            kind=payload.kind,
            party=payload.party,
            date=payload.date,
            note=payload.note,
            waived=payload.waived,
        )
    except services.DecisionDeniedError as error:
        return _denied(error)
    return Status(201, decision)


# Execution and assignments -----------------------------------------------------------------

# Their operations are listed with the follow-up's in the description, as their paths are.
FOLLOWUP = ["uppföljning"]


class DecisionRef(Schema):
    id: int
    title: str
    title_masked: bool = Field(
        description=_lazy(
            "Beslutet fattades i ett ärende under sekretess som användaren inte får se igenom."
        )
    )
    decided_on: datetime.date
    organization: OrganizationRef | None


class ExecutionTask(Schema):
    id: int
    decision: DecisionRef
    title: str
    executor: OrganizationRef
    assigned_by: PersonRef
    assigned_on: datetime.date
    due_on: datetime.date
    status: str = Field(description="open, in_progress, done, cancelled")
    done_on: datetime.date | None
    note: str
    overdue: bool = Field(description=_lazy("Inte verkställd och efter sista dagen."))


class AssignmentReport(Schema):
    id: int
    reported_on: datetime.date
    reported_by: PersonRef
    text: str
    agenda_item_id: int | None = Field(description=_lazy("Punkten på dagordningen, om någon."))

    @staticmethod
    def resolve_agenda_item_id(report: models.AssignmentReport) -> int | None:
        """The agenda item that takes the report up: the meetings app's row names it."""
        item = getattr(report, "agenda_item", None)
        return item.pk if item is not None else None


class Assignment(Schema):
    id: int
    decision: DecisionRef
    title: str
    description: str
    assignee: PersonRef
    reporter: PersonRef | None
    given_on: datetime.date
    due_on: datetime.date
    report_interval_months: int
    status: str = Field(description="ongoing, completed, cancelled")
    completed_on: datetime.date | None
    last_reported_on: datetime.date | None
    next_report_due: datetime.date | None
    report_late: bool
    overdue: bool


class AssignmentDetail(Assignment):
    reports: list[AssignmentReport]


class AssignmentReportIn(Schema):
    text: str
    reported_on: OnDate | None = None


def _fields(row: Model) -> dict[str, Any]:
    """A row's fields by name, the related rows themselves for the schemas' references."""
    return {field.name: getattr(row, field.name) for field in row._meta.concrete_fields}


def _decision_ref(user: User, decision: models.Decision) -> dict[str, Any]:
    """The decision a task or an assignment comes from, as the user may see it."""
    seen = selectors.decision_view(user, decision)
    return {
        "id": decision.pk,
        "title": seen.title,
        "title_masked": seen.masked,
        "decided_on": decision.decided_on,
        "organization": decision.organization,
    }


def _task(user: User, task: models.ExecutionTask, on: datetime.date) -> dict[str, Any]:
    return {
        **_fields(task),
        "decision": _decision_ref(user, task.decision),
        "overdue": selectors.task_overdue(task, on),
    }


def _assignment(
    user: User, state: selectors.AssignmentState, *, with_reports: bool = False
) -> dict:
    assignment = state.assignment
    row = {
        **_fields(assignment),
        "decision": _decision_ref(user, assignment.decision),
        "last_reported_on": state.last_report.reported_on if state.last_report else None,
        "next_report_due": state.next_report_due,
        "report_late": state.report_late,
        "overdue": state.overdue,
    }
    if with_reports:
        row["reports"] = sorted(assignment.reports.all(), key=lambda r: (r.reported_on, r.pk))
    return row


@router.get(
    "/bodies/{slug}/followup/execution-tasks",
    response=list[ExecutionTask],
    tags=FOLLOWUP,
    summary=_lazy("Verkställighetsuppgifter, den som ska vara klar först överst"),
)
def execution_task_index(
    request: HttpRequest,
    slug: str,
    status: Literal["open", "in_progress", "done", "cancelled"] | None = None,
    executor: str | None = None,
    overdue: bool = False,
    date: OnDate | None = None,
) -> list[dict[str, Any]]:
    body = readable_body(request, slug)
    on = on_or_today(date)
    organization = (
        found(
            body.organizations.all(),
            _("%(body)s har ingen organisation med kortnamnet %(slug)s.")
            % {"body": body, "slug": executor},
            slug=executor,
        )
        if executor
        else None
    )
    tasks = selectors.execution_tasks(
        body=body, status=status, executor=organization, overdue_on=on if overdue else None
    )
    return [_task(request.user, task, on) for task in tasks]


@router.get(
    "/bodies/{slug}/followup/execution-tasks/{task_id}",
    response=ExecutionTask,
    tags=FOLLOWUP,
    summary=_lazy("En verkställighetsuppgift"),
)
def execution_task_detail(
    request: HttpRequest, slug: str, task_id: int, date: OnDate | None = None
) -> dict[str, Any]:
    body = readable_body(request, slug)
    task = found(
        selectors.execution_tasks(body=body),
        _("%(body)s har ingen verkställighetsuppgift med id %(id)d.")
        % {"body": body, "id": task_id},
        pk=task_id,
    )
    return _task(request.user, task, on_or_today(date))


@router.get(
    "/bodies/{slug}/followup/assignments",
    response=list[Assignment],
    tags=FOLLOWUP,
    summary=_lazy("Uppdrag till direktören med senaste rapport och nästa rapport senast"),
)
def assignment_index(
    request: HttpRequest,
    slug: str,
    status: Literal["ongoing", "completed", "cancelled"] | None = None,
    late: bool = False,
    date: OnDate | None = None,
) -> list[dict[str, Any]]:
    states = selectors.assignment_states(
        body=readable_body(request, slug), on=on_or_today(date), status=status, late=late
    )
    return [_assignment(request.user, state) for state in states]


def _found_assignment(body: models.Body, assignment_id: int) -> models.Assignment:
    return found(
        selectors.assignment_list(body=body),
        _("%(body)s har inget uppdrag med id %(id)d.") % {"body": body, "id": assignment_id},
        pk=assignment_id,
    )


@router.get(
    "/bodies/{slug}/followup/assignments/{assignment_id}",
    response=AssignmentDetail,
    tags=FOLLOWUP,
    summary=_lazy("Ett uppdrag med dess rapporter"),
)
def assignment_detail(
    request: HttpRequest, slug: str, assignment_id: int, date: OnDate | None = None
) -> dict[str, Any]:
    assignment = _found_assignment(readable_body(request, slug), assignment_id)
    state = selectors.assignment_state(assignment=assignment, on=on_or_today(date))
    return _assignment(request.user, state, with_reports=True)


@router.post(
    "/bodies/{slug}/followup/assignments/{assignment_id}/reports",
    response={201: AssignmentDetail},
    tags=FOLLOWUP,
    summary=_lazy("Lämna en rapport om hur uppdraget framskrider"),
    description=_lazy(
        "Nyckelns användare ska vara uppdragstagaren (direktören) eller den som direktören "
        "har utsett att rapportera."
    ),
)
def assignment_report_create(
    request: HttpRequest, slug: str, assignment_id: int, payload: AssignmentReportIn
) -> Status[dict[str, Any]]:
    body = readable_body(request, slug)
    assignment = _found_assignment(body, assignment_id)
    services.assignment_report_file(
        actor=request.user,
        assignment=assignment,
        text=payload.text,
        reported_on=on_or_today(payload.reported_on),
    )
    assignment = _found_assignment(body, assignment_id)
    state = selectors.assignment_state(assignment=assignment, on=on_or_today(None))
    return Status(201, _assignment(request.user, state, with_reports=True))
