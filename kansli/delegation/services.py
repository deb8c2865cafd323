"""Writes to the delegation orders: importing an order from its YAML file, validated against
the body's organisation and the orders already in force, in one audited transaction."""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from kansli.audit import services as audit
from kansli.audit.services import Actor
from kansli.delegation import engine, mapping, orderfile, reasons
from kansli.delegation.models import DelegationOrder
from kansli.delegation.policy import require_import
from kansli.delegation.selectors import directory_of, engine_order, orders_of
from kansli.governance.models import GoverningDocument
from kansli.organisation.models import Body


@transaction.atomic
def order_import(*, actor: Actor, body: Body, text: str, source_name: str) -> DelegationOrder:
    """Store the order a YAML file describes (docs/delegation-order-format.md).

    Every problem in the file is reported at once, each as "file:line: field: message". The
    order must name only what the body's organisation has, may not delegate what kommunallagen
    forbids, and must agree with the body's other orders. A newer version of the same document
    of the same organization replaces the one in force: that one ends the day before.
    """
    require_import(actor, body)
    directory = directory_of(body=body)
    try:
        order = orderfile.loads(text, filename=source_name, directory=directory)
    except orderfile.OrderFileError as error:
        problems = [reasons.file_problem_text(problem) for problem in error.problems]
        raise ValidationError(problems) from error
    existing = list(orders_of(body=body))
    if any(saved.key == order.id for saved in existing):
        raise ValidationError(
            _("%(file)s: order.id: Ordningen ”%(id)s” finns redan hos %(body)s.")
            % {"file": source_name, "id": order.id, "body": body}
        )
    try:
        engine.Engine([directory], [*(engine_order(saved) for saved in existing), order])
    except engine.OrderError as error:
        problems = [f"{source_name}: {reasons.problem_text(p)}" for p in error.problems]
        raise ValidationError(problems) from error
    for saved in existing:
        if _same_series(saved, order) and saved.valid_from == order.valid_from:
            raise ValidationError(
                _("%(file)s: order.valid_from: %(order)s börjar redan gälla %(date)s.")
                % {"file": source_name, "order": saved, "date": order.valid_from}
            )
    for saved in existing:
        if _replaced_by(saved, order):
            audit.update(
                actor=actor,
                instance=saved,
                valid_to=order.valid_from - datetime.timedelta(days=1),
            )
    return _store(actor, body, order, text, source_name)


def _same_series(saved: DelegationOrder, order: engine.Order) -> bool:
    return saved.organization.slug == order.organization and saved.document == order.document


def _replaced_by(saved: DelegationOrder, order: engine.Order) -> bool:
    """Whether `saved` is in force when the newer `order` starts, and so ends the day before."""
    return (
        _same_series(saved, order)
        and saved.valid_from < order.valid_from
        and (saved.valid_to is None or saved.valid_to >= order.valid_from)
    )


def _store(
    actor: Actor, body: Body, order: engine.Order, text: str, source_name: str
) -> DelegationOrder:
    saved = audit.create(
        actor=actor,
        instance=DelegationOrder(
            body=body,
            organization=body.organizations.get(slug=order.organization),
            governing_document=GoverningDocument.objects.filter(
                body=body, name=order.document
            ).first(),
            source_name=source_name,
            source_text=text,
            **mapping.order_fields(order),
        ),
    )
    rows = [
        *mapping.decision_type_rows(order, saved),
        *mapping.rule_rows(order, saved),
        *mapping.duty_rows(order, saved),
    ]
    for row in rows:
        audit.create(actor=actor, instance=row)
    return saved
