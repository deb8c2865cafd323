"""Appointing or dismissing a head as a decision checked against the delegation orders: the
decision is recorded through the register of decisions, with the consultations and approvals
the engine requires already on record, and only then is the post's appointment recorded or
ended (seed 002 3.8, 5.1.2, 5.2.2, 6.1.2; seed 000 "Arbetsgivaransvar")."""

import datetime
from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from kansli.audit.services import Actor
from kansli.decisions import services as decision_services
from kansli.decisions.models import Decision
from kansli.decisions.selectors import Capacity, decision_requirements
from kansli.followup.policy import own_person, require_decide_appointment
from kansli.followup.selectors.appointments import APPOINTMENT_DECISION_TYPES, DISMISS
from kansli.organisation import services as organisation
from kansli.organisation.models import Appointment, Body, Person, Position


@transaction.atomic
def appointment_decide(
    *,
    actor: Actor,
    body: Body,
    decision_type: str,
    position: Position,
    person: Person,
    decided_on: datetime.date,
    effective_on: datetime.date,
    capacity: Capacity = None,
    acting: bool = False,
    evidence: Iterable[decision_services.EvidenceRow | tuple] = (),
    conditions: Iterable[str] = (),
) -> tuple[Decision, Appointment]:
    """Decide to appoint `person` to `position` from `effective_on`, or to dismiss them with
    `effective_on` as their last day. The decision maker is the signed-in user's person, in the
    capacity given (or with all their posts and seats); `evidence` holds the requirements met,
    `conditions` the codes of the rule's conditions the decision maker asserts hold (3.8: the
    post is placed in security class 2).

    Refused, and nothing saved, when the engine denies the decision or a requirement before it
    is not yet met."""
    require_decide_appointment(actor, body)
    action = APPOINTMENT_DECISION_TYPES.get(decision_type)
    if action is None:
        raise ValidationError(_("Beslutstypen gäller inte en tillsättning eller ett entledigande."))
    words = {"person": person, "position": position}
    title = (
        _("Entledigande av %(person)s som %(position)s")
        if action == DISMISS
        else _("Tillsättning av %(person)s som %(position)s")
    ) % words
    decision = decision_services.decision_record(
        actor=actor,
        body=body,
        decision_type=decision_type,
        decided_by=own_person(actor, body),
        capacity=capacity,
        concerning=position.organization,
        amount=None,
        decided_on=decided_on,
        title=title,
        evidence=evidence,
        conditions=conditions,
    )
    if decision.is_draft:
        pending = [
            row.label for row in decision_requirements(decision=decision) if not row.satisfied
        ]
        raise ValidationError(
            _("Beslutet kan inte fattas än. Kvar före beslutet: %(pending)s.")
            % {"pending": "; ".join(pending)}
        )
    if action == DISMISS:
        held = Appointment.objects.on(effective_on).filter(person=person, position=position).first()
        if held is None:
            raise ValidationError(
                _("%(person)s innehar inte %(position)s den %(date)s.")
                % {**words, "date": effective_on}
            )
        return decision, organisation.appointment_end(
            actor=actor, appointment=held, end=effective_on
        )
    appointment = organisation.appointment_create(
        actor=actor, person=person, position=position, start=effective_on, acting=acting
    )
    return decision, appointment
