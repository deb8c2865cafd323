"""Preparing a case: routes, the officer's report, statements and the status with its history.

Each service asks `kansli.preparation.policy` first, then validates, writes and audits in one
transaction. A case is set ready only when the readiness check finds nothing missing. A refusal
because of how the case stands (decided, so its preparation is frozen; already of the status
asked; not ready; at the end of its route) has the code "conflict": the API's 409.
"""

import datetime
from collections.abc import Iterable, Sequence

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from kansli.audit import services as audit
from kansli.audit.services import Actor
from kansli.organisation.models import Body, Organization, Person
from kansli.preparation.models import (
    Preparation,
    ResolutionClause,
    Route,
    RouteStep,
    Statement,
    StatusChange,
)
from kansli.preparation.policy import (
    frozen_message,
    require_plan_routes,
    require_preparer,
    require_status,
)
from kansli.preparation.selectors import case_readiness
from kansli.registry import services as registry
from kansli.registry.models import Case, Document


def _refuse_other_body(body_id: int, *rows: Organization | Person | Route | None) -> None:
    if any(row is not None and row.body_id != body_id for row in rows):
        raise ValidationError(_("Uppgiften hör till en annan kommun eller region än ärendet."))


def _refuse_bad_steps(body: Body, organizations: Sequence[Organization]) -> None:
    if not organizations:
        raise ValidationError(_("En ärendegång går genom minst ett organ."))
    _refuse_other_body(body.pk, *organizations)
    if len(set(organizations)) != len(organizations):
        raise ValidationError(_("Ett organ kan bara finnas en gång i ärendegången."))
    if any(not organization.is_political for organization in organizations):
        raise ValidationError(_("En ärendegång går bara genom politiska organ."))


@transaction.atomic
def route_create(
    *, actor: Actor, body: Body, name: str, organizations: Sequence[Organization], source: str = ""
) -> Route:
    """A route through the body's organs in the order given: AU, KS, KF."""
    require_plan_routes(actor, body)
    _refuse_bad_steps(body, organizations)
    route = audit.create(
        actor=actor, instance=Route(body=body, name=name.strip(), source=source.strip())
    )
    for position, organization in enumerate(organizations, 1):
        step = RouteStep(route=route, position=position, organization=organization)
        audit.create(actor=actor, instance=step)
    return route


@transaction.atomic
def route_update(
    *,
    actor: Actor,
    route: Route,
    name: str,
    organizations: Sequence[Organization],
    source: str = "",
) -> Route:
    """Rename the route and set its organs in the order given. A step that cases stand at or
    have passed stays: its organ cannot be taken out, only moved."""
    require_plan_routes(actor, route.body)
    _refuse_bad_steps(route.body, organizations)
    route = audit.update(actor=actor, instance=route, name=name.strip(), source=source.strip())
    steps = {step.organization_id: step for step in route.steps.select_for_update()}
    wanted = {organization.pk: n for n, organization in enumerate(organizations, 1)}
    for gone in [step for key, step in steps.items() if key not in wanted]:
        if _step_used(gone):
            raise ValidationError(
                _("%(organization)s kan inte tas bort: ärenden står vid eller har passerat det.")
                % {"organization": gone.organization}
            )
        audit.delete(actor=actor, instance=gone)
    moving = [
        (step, wanted[key])
        for key, step in steps.items()
        if key in wanted and step.position != wanted[key]
    ]
    # Out of the way first, so that no two steps ever share a place.
    top = max((step.position for step in steps.values()), default=0) + len(organizations)
    for step, position in moving:
        audit.update(actor=actor, instance=step, position=top + position)
    for step, position in moving:
        audit.update(actor=actor, instance=step, position=position)
    for organization in organizations:
        if organization.pk not in steps:
            new = RouteStep(
                route=route, position=wanted[organization.pk], organization=organization
            )
            audit.create(actor=actor, instance=new)
    return route


def _step_used(step: RouteStep) -> bool:
    return (
        Preparation.objects.filter(step=step).exists()
        or StatusChange.objects.filter(Q(from_step=step) | Q(to_step=step)).exists()
    )


def _preparation(actor: Actor, case: Case) -> Preparation:
    """The case's preparation, locked; begun (and its first status recorded) on first use.
    A decided case's preparation is frozen: it is the basis the organ decided on."""
    found = Preparation.objects.select_for_update().filter(case=case).first()
    if found is None:
        preparation = Preparation(case=case, organization=_own_organ(case))
        preparation = audit.create(actor=actor, instance=preparation)
        _record_change(actor, preparation, from_status="", from_step=None, note="")
        return preparation
    if found.status == Preparation.Status.DECIDED:
        raise ValidationError(frozen_message(case), code="conflict")
    return found


def _own_organ(case: Case) -> Organization | None:
    """The organ a case without a route goes to: the political organ whose case it is."""
    return case.organization if case.organization.is_political else None


def _record_change(
    actor: Actor,
    preparation: Preparation,
    *,
    from_status: str,
    from_step: RouteStep | None,
    note: str,
) -> StatusChange:
    change = StatusChange(
        preparation=preparation,
        actor=actor if actor is not None and actor.is_authenticated else None,
        from_status=from_status,
        to_status=preparation.status,
        from_step=from_step,
        to_step=preparation.step,
        note=note.strip(),
    )
    return audit.create(actor=actor, instance=change)


@transaction.atomic
def preparation_plan(
    *,
    actor: Actor,
    case: Case,
    route: Route | None,
    organization: Organization | None = None,
    referred_from: Organization | None = None,
    due_on: datetime.date | None = None,
) -> Preparation:
    """Set the case's route (it starts at the route's first organ) or, for a case without a
    route, the organ that deals with it (by default the political organ whose case it is);
    the committee it comes from, and the day its preparation is due."""
    require_preparer(actor, case)
    preparation = _preparation(actor, case)
    body_id = case.organization.body_id
    _refuse_other_body(body_id, route, organization, referred_from)
    if referred_from is not None and referred_from.kind != Organization.Kind.COMMITTEE:
        raise ValidationError(_("Ett ärende kan bara komma från en nämnd."))
    if route is not None and organization is not None:
        raise ValidationError(
            _("Ett ärende med ärendegång behandlas av ärendegångens organ i tur och ordning.")
        )
    if organization is not None and not organization.is_political:
        raise ValidationError(
            _("Bara politiska organ behandlar ärenden; %(organization)s är inte ett.")
            % {"organization": organization}
        )
    changes: dict[str, object] = {"referred_from": referred_from, "due_on": due_on}
    if route != preparation.route:
        first = route.steps.first() if route is not None else None
        changes |= {"route": route, "step": first}
        if first is not None:
            changes["organization"] = first.organization
    if route is None:
        changes["organization"] = organization or _own_organ(case)
    before = preparation.step
    preparation = audit.update(actor=actor, instance=preparation, **changes)
    if preparation.step != before:
        _record_change(
            actor, preparation, from_status=preparation.status, from_step=before, note=""
        )
    return preparation


@transaction.atomic
def report_save(
    *,
    actor: Actor,
    case: Case,
    text: str,
    clauses: Iterable[str],
    economic_consequences: str = "",
    financing: str = "",
    rapporteur: Person | None = None,
) -> Preparation:
    """Save the officer's report as written in the browser, with its resolution clauses in
    order (empty lines dropped)."""
    require_preparer(actor, case)
    preparation = _preparation(actor, case)
    _refuse_other_body(case.organization.body_id, rapporteur)
    preparation = audit.update(
        actor=actor,
        instance=preparation,
        report_text=text.strip(),
        economic_consequences=economic_consequences.strip(),
        financing=financing.strip(),
        rapporteur=rapporteur,
        updated_at=timezone.now(),
    )
    _clauses_set(actor, preparation, [c.strip() for c in clauses if c.strip()])
    return preparation


def _clauses_set(actor: Actor, preparation: Preparation, texts: list[str]) -> None:
    current = list(preparation.clauses.order_by("position"))
    if [clause.text for clause in current] == texts:
        return
    for clause in current:
        audit.delete(actor=actor, instance=clause)
    for position, text in enumerate(texts, 1):
        clause = ResolutionClause(preparation=preparation, position=position, text=text)
        audit.create(actor=actor, instance=clause)


@transaction.atomic
def report_upload(
    *, actor: Actor, case: Case, upload: UploadedFile, date: datetime.date | None = None
) -> Preparation:
    """Register an uploaded officer's report as a drawn-up document of the case and use it as
    the report. A bad file refuses it all."""
    require_preparer(actor, case)
    preparation = _preparation(actor, case)
    document = registry.document_register(
        actor=actor,
        case=case,
        direction=Document.Direction.DRAWN_UP,
        date=date or timezone.localdate(),
        description=_("Tjänsteskrivelse"),
        files=[upload],
    )
    return audit.update(
        actor=actor, instance=preparation, report_document=document, updated_at=timezone.now()
    )


@transaction.atomic
def statement_add(
    *,
    actor: Actor,
    case: Case,
    received_on: datetime.date,
    organization: Organization | None = None,
    author: str = "",
    summary: str = "",
    document: Document | None = None,
) -> Statement:
    """Record a statement (yttrande) on the case from one of the body's organs or from
    someone outside it, perhaps as a registered document of the case."""
    require_preparer(actor, case)
    preparation = _preparation(actor, case)
    _refuse_other_body(case.organization.body_id, organization)
    if document is not None and document.case_id != case.pk:
        raise ValidationError(_("Yttrandets handling ska vara registrerad i ärendet."))
    statement = Statement(
        preparation=preparation,
        organization=organization,
        author=author.strip(),
        received_on=received_on,
        summary=summary.strip(),
        document=document,
    )
    return audit.create(actor=actor, instance=statement)


@transaction.atomic
def status_change(*, actor: Actor, case: Case, status: str, note: str = "") -> Preparation:
    """Change the preparation status. A case is set ready only when nothing is missing; the
    refusal lists what is."""
    require_status(actor, case, status)
    preparation = _preparation(actor, case)
    if status not in Preparation.Status.values:
        raise ValidationError(_("Okänd status."))
    if status == preparation.status:
        raise ValidationError(
            _("Ärendet har redan status %(status)s.")
            % {"status": preparation.get_status_display()},
            code="conflict",
        )
    if status == Preparation.Status.READY:
        readiness = case_readiness(case=case)
        if not readiness.ready:
            raise ValidationError(
                [ValidationError(missing.message, code="conflict") for missing in readiness.missing]
            )
    before = preparation.status
    preparation = audit.update(
        actor=actor, instance=preparation, status=status, updated_at=timezone.now()
    )
    _record_change(actor, preparation, from_status=before, from_step=preparation.step, note=note)
    return preparation


@transaction.atomic
def route_advance(*, actor: Actor, case: Case, note: str = "") -> Preparation:
    """The current organ has dealt with the case: it goes on to the next organ of its route,
    to be prepared for that organ's agenda."""
    require_preparer(actor, case)
    preparation = _preparation(actor, case)
    if preparation.route is None:
        raise ValidationError(_("Ärendet har ingen ärendegång."), code="conflict")
    steps = preparation.route.steps.all()
    after = steps.filter(position__gt=preparation.step.position) if preparation.step else steps
    following = after.first()
    if following is None:
        raise ValidationError(
            _("Ärendet har gått igenom alla organ i sin ärendegång."), code="conflict"
        )
    before_status, before_step = preparation.status, preparation.step
    preparation = audit.update(
        actor=actor,
        instance=preparation,
        step=following,
        organization=following.organization,
        status=Preparation.Status.PREPARING,
        updated_at=timezone.now(),
    )
    _record_change(actor, preparation, from_status=before_status, from_step=before_step, note=note)
    return preparation
