"""Writes to the delegation orders: importing an order from its YAML file, and drafting a new
version that the adopting organization's decision brings into force, each validated against
the body's organisation and the orders already in force, in one audited transaction.

Two ways lead to a version in force. An operator or the body's secretaries import an order as
it was adopted elsewhere (`order_import`, `kansli delegation import`): the file says when and
by which paragraph. A version drafted in Kansli (`order_draft_*`) comes into force only through
`order_draft_adopt`, which the system calls when the minutes of the organization's decision to
adopt it are approved (`kansli.meetings.adoption`); no user may call it.
"""

import dataclasses
import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.text import slugify
from django.utils.translation import gettext as _

from kansli import bounds
from kansli.audit import services as audit
from kansli.audit.services import Actor
from kansli.delegation import engine, mapping, orderfile, reasons
from kansli.delegation.models import DelegationOrder, OrderDraft
from kansli.delegation.policy import require_adopt, require_draft, require_import
from kansli.delegation.selectors import directory_of, draft_order, engine_order, orders_of
from kansli.governance.models import GoverningDocument
from kansli.organisation.models import Body, Organization


@transaction.atomic
def order_import(*, actor: Actor, body: Body, text: str, source_name: str) -> DelegationOrder:
    """Store the order a YAML file describes (docs/delegation-order-format.md).

    Every problem in the file is reported at once, each as "file:line: field: message". The
    order must name only what the body's organisation has, may not delegate what kommunallagen
    forbids, and must agree with the body's other orders. A newer version of the same document
    of the same organization replaces the one in force: that one ends the day before.
    """
    require_import(actor, body)
    order = _read(body, text, source_name)
    return _bring_into_force(actor, body, order, text, source_name)


def _read(body: Body, text: str, source_name: str) -> engine.Order:
    """The order a file describes, with every problem of the file by its line."""
    try:
        return orderfile.loads(
            text,
            filename=source_name,
            directory=directory_of(body=body),
            years=(bounds.YEAR_MIN, bounds.YEAR_MAX),
        )
    except orderfile.OrderFileError as error:
        problems = [reasons.file_problem_text(problem) for problem in error.problems]
        raise ValidationError(problems) from error


def _refuse_disagreeing(body: Body, order: engine.Order, source_name: str) -> None:
    """Refuse an order whose id is taken, or which disagrees with the body's other orders, or
    starts the day another version of its document does."""
    existing = list(orders_of(body=body))
    if any(saved.key == order.id for saved in existing):
        raise ValidationError(
            _("%(file)s: order.id: Ordningen ”%(id)s” finns redan hos %(body)s.")
            % {"file": source_name, "id": order.id, "body": body}
        )
    try:
        engine.Engine(
            [directory_of(body=body)], [*(engine_order(saved) for saved in existing), order]
        )
    except engine.OrderError as error:
        problems = [f"{source_name}: {reasons.problem_text(p)}" for p in error.problems]
        raise ValidationError(problems) from error
    for saved in existing:
        if _same_series(saved, order) and saved.valid_from == order.valid_from:
            raise ValidationError(
                _("%(file)s: order.valid_from: %(order)s börjar redan gälla %(date)s.")
                % {"file": source_name, "order": saved, "date": order.valid_from}
            )


def _bring_into_force(
    actor: Actor, body: Body, order: engine.Order, text: str, source_name: str
) -> DelegationOrder:
    """Store the order; the version of its document in force when it starts ends the day
    before."""
    _refuse_disagreeing(body, order, source_name)
    for saved in orders_of(body=body):
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


# Drafting a new version ----------------------------------------------------------------------


def _draft_checked(body: Body, order: engine.Order, name: str) -> str:
    """The order file of a draft, refused as an import would refuse it (its id, the body's
    other orders, its date) with the problems by line."""
    text = orderfile.dumps(order)
    _refuse_disagreeing(body, _read(body, text, name), name)
    return text


def _draft_fields(order: engine.Order, text: str) -> dict[str, object]:
    return {
        "document": order.document,
        "version": order.version,
        "valid_from": order.valid_from,
        "text": text,
    }


def _version_id(order: engine.Order, version: str) -> str:
    """The new version's id: the old one with the new version in place of the old."""
    stem = order.id.removesuffix(f"-{order.version}")
    return f"{stem}-{'-'.join(version.split())}"


def _refuse_adopted(draft: OrderDraft) -> None:
    if not draft.is_draft:
        raise ValidationError(
            _("%(draft)s är redan antagen och kan inte ändras.") % {"draft": draft},
            code="conflict",
        )


@transaction.atomic
def order_draft_create(
    *, actor: Actor, order: DelegationOrder, version: str, valid_from: datetime.date
) -> OrderDraft:
    """Start a new version of `order` as a copy of it, with its new version and first day; it
    is not adopted yet, so it carries no adoption."""
    require_draft(actor, order.body)
    copy = dataclasses.replace(
        engine_order(order),
        id=_version_id(engine_order(order), version.strip()),
        version=version.strip(),
        valid_from=valid_from,
        adopted_on=None,
        minute="",
        valid_to=None,
    )
    text = _draft_checked(order.body, copy, _("utkast"))
    draft = OrderDraft(
        body=order.body,
        organization=order.organization,
        based_on=order,
        **_draft_fields(copy, text),
    )
    return audit.create(actor=actor, instance=draft)


@transaction.atomic
def order_draft_upload(
    *, actor: Actor, body: Body, text: str, source_name: str, draft: OrderDraft | None = None
) -> OrderDraft:
    """A draft from an uploaded order file (docs/delegation-order-format.md): a new draft, or
    the whole content of `draft` replaced. Refused with every problem of the file by its line,
    as `kansli delegation import` refuses it; the file's adoption (adopted_on, minute) is left
    out, since only the organization's decision adopts it."""
    require_draft(actor, body)
    if draft is not None:
        _refuse_adopted(draft)
    order = dataclasses.replace(_read(body, text, source_name), adopted_on=None, minute="")
    _refuse_disagreeing(body, order, source_name)
    organization = body.organizations.get(slug=order.organization)
    based_on = (
        orders_of(body=body)
        .filter(organization=organization, document=order.document, valid_from__lt=order.valid_from)
        .last()
    )
    fields = {
        "organization": organization,
        "based_on": based_on,
        **_draft_fields(order, orderfile.dumps(order)),
    }
    if draft is None:
        return audit.create(actor=actor, instance=OrderDraft(body=body, **fields))
    return audit.update(actor=actor, instance=draft, **fields)


@transaction.atomic
def order_draft_set(
    *, actor: Actor, draft: OrderDraft, version: str, valid_from: datetime.date
) -> OrderDraft:
    """Change the draft's version and the day it is to come into force."""
    require_draft(actor, draft.body)
    _refuse_adopted(draft)
    order = draft_order(draft=draft)
    order = dataclasses.replace(
        order,
        id=_version_id(order, version.strip()),
        version=version.strip(),
        valid_from=valid_from,
    )
    text = _draft_checked(draft.body, order, str(draft))
    return audit.update(actor=actor, instance=draft, **_draft_fields(order, text))


def _rule_id(order: engine.Order, rule: engine.Rule) -> str:
    """A new rule's id: its number and decision type, unique in the order."""
    taken = {other.id for other in order.rules}
    stem = slugify(f"{rule.number} {rule.decision_type}".replace(".", "-")) or "regel"
    found, n = stem, 1
    while found in taken:
        n += 1
        found = f"{stem}-{n}"
    return found


@transaction.atomic
def order_draft_rule_save(
    *, actor: Actor, draft: OrderDraft, rule: engine.Rule, replacing: str | None = None
) -> OrderDraft:
    """Put `rule` in the draft: in place of the rule with id `replacing`, or (none) as a new
    rule at the end of its section, with an id of its own. Its delegate and substitutes join
    the order's parties."""
    require_draft(actor, draft.body)
    _refuse_adopted(draft)
    order = draft_order(draft=draft)
    rules = list(order.rules)
    if replacing is None:
        rule = dataclasses.replace(rule, id=_rule_id(order, rule))
        last = max(
            (i for i, other in enumerate(rules) if other.source.section == rule.source.section),
            default=len(rules) - 1,
        )
        rules.insert(last + 1, rule)
    else:
        at = [other.id for other in rules].index(replacing)
        rules[at] = dataclasses.replace(rule, id=replacing)
    parties = {party.key: party for party in order.parties}
    for party in (rule.delegate, *rule.substitutes):
        parties.setdefault(party.key, party)
    order = dataclasses.replace(order, rules=tuple(rules), parties=tuple(parties.values()))
    text = _draft_checked(draft.body, order, str(draft))
    return audit.update(actor=actor, instance=draft, **_draft_fields(order, text))


@transaction.atomic
def order_draft_rule_remove(*, actor: Actor, draft: OrderDraft, rule: str) -> OrderDraft:
    """Take the rule with id `rule` out of the draft."""
    require_draft(actor, draft.body)
    _refuse_adopted(draft)
    order = draft_order(draft=draft)
    rules = tuple(other for other in order.rules if other.id != rule)
    if len(rules) == len(order.rules):
        raise ValidationError(_("Utkastet har ingen regel ”%(rule)s”.") % {"rule": rule})
    order = dataclasses.replace(order, rules=rules)
    text = _draft_checked(draft.body, order, str(draft))
    return audit.update(actor=actor, instance=draft, **_draft_fields(order, text))


@transaction.atomic
def order_draft_adopt(
    *,
    actor: Actor,
    draft: OrderDraft,
    organization: Organization,
    adopted_on: datetime.date,
    minute: str,
) -> DelegationOrder:
    """Bring the draft into force as `organization` adopted it on `adopted_on` in `minute`
    ("KS 2027-01-10 § 5"): the organization that adopts the order, and no other, decides it.
    It comes into force on its own first day, or on the day of the decision if that is later
    (a decision takes effect no earlier than it is made); the version in force then ends the
    day before. Called by the system when the minutes of the decision are approved."""
    require_adopt(actor, draft.body)
    _refuse_adopted(draft)
    if organization.pk != draft.organization_id:
        raise ValidationError(
            _("%(draft)s antas av %(organization)s, inte av %(other)s.")
            % {"draft": draft, "organization": draft.organization, "other": organization}
        )
    order = dataclasses.replace(
        draft_order(draft=draft),
        adopted_on=adopted_on,
        minute=minute[:40],
        valid_from=max(draft.valid_from, adopted_on),
    )
    text = orderfile.dumps(order)
    saved = _bring_into_force(actor, draft.body, order, text, str(draft))
    audit.update(
        actor=actor, instance=draft, status=OrderDraft.Status.ADOPTED, order=saved, text=text
    )
    return saved
