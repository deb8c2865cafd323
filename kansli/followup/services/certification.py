"""Certification rights (attesträtt): the director appoints those responsible for certification
in the administration (seed 002 5.1.1: "utser attestansvariga"), and each payment certified is
recorded under the right that allows it; no one certifies a payment to themselves."""

import datetime
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from kansli.audit import services as audit
from kansli.audit.services import Actor
from kansli.followup.models import Certification, CertificationRight
from kansli.followup.policy import require_appoint_certifiers, require_certify
from kansli.followup.selectors.certification import administration_of, certification_check
from kansli.organisation.models import Body, Organization, Person
from kansli.organisation.selectors import director_of


def _appointing_director(actor: Actor, body: Body, on: datetime.date) -> Person:
    """The director on the day, who must be the actor (the system acts in the director's name)."""
    require_appoint_certifiers(actor, body, on)
    director = director_of(body=body, on=on)
    if director is None:
        raise ValidationError(
            _("%(body)s har ingen direktör den %(on)s.") % {"body": body, "on": on.isoformat()}
        )
    return director


@transaction.atomic
def certification_right_appoint(
    *,
    actor: Actor,
    person: Person,
    organization: Organization,
    start: datetime.date,
    max_amount: Decimal | None = None,
    end: datetime.date | None = None,
) -> CertificationRight:
    """The director appoints a certifier for an organization of the administration."""
    body = organization.body
    director = _appointing_director(actor, body, start)
    if organization not in administration_of(body=body, on=start):
        raise ValidationError(
            _("%(organization)s hör inte till förvaltningen som direktören leder.")
            % {"organization": organization.name}
        )
    if person.body_id != body.pk:
        raise ValidationError(_("Attestanten hör till en annan kommun eller region."))
    if max_amount is not None and max_amount <= 0:
        raise ValidationError(_("Det högsta beloppet ska vara större än noll."))
    right = CertificationRight(
        person=person,
        organization=organization,
        max_amount=max_amount,
        start=start,
        end=end,
        appointed_by=director,
    )
    return audit.create(actor=actor, instance=right)


@transaction.atomic
def certification_right_end(
    *, actor: Actor, right: CertificationRight, end: datetime.date
) -> CertificationRight:
    """The director ends a right: its last day is `end`."""
    _appointing_director(actor, right.organization.body, end)
    if end < right.start:
        raise ValidationError(_("Attesträtten kan inte upphöra innan den börjar."))
    if right.end is not None and right.end < end:
        raise ValidationError(
            _("Attesträtten upphörde redan %(end)s.") % {"end": right.end.isoformat()},
            code="conflict",
        )
    return audit.update(actor=actor, instance=right, end=end)


@transaction.atomic
def payment_certify(
    *,
    actor: Actor,
    certifier: Person,
    organization: Organization,
    amount: Decimal,
    payee_name: str,
    reference: str,
    certified_on: datetime.date,
    payee: Person | None = None,
) -> Certification:
    """Record that the certifier certifies a payment, under a right of theirs in force that day
    and within its amount. Refused when the payee is the certifier, whatever the right."""
    require_certify(actor, certifier)
    if amount <= 0:
        raise ValidationError(_("Beloppet ska vara större än noll."))
    name = payee_name.strip() or (payee.name if payee is not None else "")
    if not name:
        raise ValidationError(_("Ange betalningsmottagaren."))
    check = certification_check(
        certifier=certifier,
        organization=organization,
        amount=amount,
        on=certified_on,
        payee=payee,
        payee_name=name,
    )
    if not check.allowed:
        raise ValidationError(check.reason)
    certification = Certification(
        right=check.right,
        payee=payee,
        payee_name=name,
        amount=amount,
        reference=reference,
        certified_on=certified_on,
    )
    return audit.create(actor=actor, instance=certification)
