"""Reading the delegation orders: the engine built from the database, and the questions put
to it (may this actor decide this, which rules are in force, what may this person decide).

An engine is built per body from its directory (who sits where, over time) and its orders,
and kept in this process and in Django's cache, which the web and worker processes share (Redis
in production). Every write in Kansli is recorded in the audit chain in the same transaction,
so the latest event of each table the engine reads changes with each write to it: the hashes of
those latest events are the engine's version, and an engine of another version is built anew.
A write to any other table (a registration, a meeting) leaves the version as it was. The event
hash, not its number, is the version: a number comes again after a rolled-back transaction, a
hash does not (it covers the event's time).
"""

from __future__ import annotations

import datetime
import hashlib
import threading
from collections.abc import Iterable
from decimal import Decimal
from typing import TypeVar

from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.db.models import Model, Prefetch, Q, QuerySet, Subquery
from django.utils.translation import gettext as _

from kansli.audit.models import ChainHead, Event
from kansli.delegation import engine, orderfile, reasons
from kansli.delegation.diff import section_key
from kansli.delegation.mapping import to_engine
from kansli.delegation.models import (
    DecisionType,
    DelegationOrder,
    DelegationRule,
    Duty,
    OrderDraft,
)
from kansli.organisation.models import (
    Appointment,
    Body,
    Membership,
    Organization,
    Person,
    Position,
)

M = TypeVar("M", bound=Model)

# The tables an engine is built from (`directory_of`, `orders_of` and `mapping.to_engine`).
ENGINE_TABLES = (
    "organisation.body",
    "organisation.organization",
    "organisation.position",
    "organisation.person",
    "organisation.appointment",
    "organisation.membership",
    "governance.governingdocument",
    "delegation.delegationorder",
    "delegation.decisiontype",
    "delegation.delegationrule",
    "delegation.duty",
)
# How long an engine stays in the shared cache unused; its version, not this, keeps it right.
ENGINE_CACHE_SECONDS = 24 * 60 * 60

_engines: dict[int, tuple[str, engine.Engine]] = {}
_lock = threading.Lock()


def directory_of(*, body: Body) -> engine.Directory:
    """Who sits where in the body, over all time, as the engine's plain data."""
    heads = dict(
        Position.objects.filter(body=body, heads_organization=True).values_list(
            "organization_id", "slug"
        )
    )
    organizations = Organization.objects.filter(body=body).values_list(
        "pk", "slug", "kind", "name", "parent__slug", "ownership"
    )
    return engine.Directory(
        body=body.slug,
        name=body.name,
        organizations=tuple(
            engine.Organization(slug, kind, name, parent, heads.get(pk), ownership)
            for pk, slug, kind, name, parent, ownership in organizations
        ),
        positions=tuple(
            engine.Position(*row)
            for row in Position.objects.filter(body=body).values_list(
                "slug", "title", "organization__slug"
            )
        ),
        persons=tuple(
            engine.Person(pk, f"{given} {family}")
            for pk, given, family in Person.objects.filter(body=body).values_list(
                "pk", "given_name", "family_name"
            )
        ),
        appointments=tuple(
            engine.Appointment(*row)
            for row in Appointment.objects.filter(position__body=body).values_list(
                "person_id", "position__slug", "start", "end", "acting"
            )
        ),
        memberships=tuple(
            engine.Membership(*row)
            for row in Membership.objects.filter(organization__body=body).values_list(
                "person_id", "organization__slug", "role", "start", "end"
            )
        ),
    )


def orders_of(*, body: Body) -> QuerySet[DelegationOrder]:
    """The body's orders with everything `mapping.to_engine` reads, in three more queries."""
    return (
        DelegationOrder.objects.filter(body=body)
        .select_related("body", "organization", "governing_document")
        .prefetch_related(
            Prefetch("decision_types", DecisionType.objects.order_by("position")),
            Prefetch("rules", DelegationRule.objects.order_by("position")),
            Prefetch("duties", Duty.objects.order_by("position")),
        )
        .order_by("valid_from", "pk")
    )


def engine_order(order: DelegationOrder) -> engine.Order:
    """A saved order as the engine's `Order` (prefetched by `orders_of`, or queried)."""
    return to_engine(order)


def _build(body: Body) -> engine.Engine:
    orders = [engine_order(order) for order in orders_of(body=body)]
    try:
        return engine.Engine([directory_of(body=body)], orders)
    except engine.OrderError as error:
        raise ValidationError(
            _("Delegationsordningarna stämmer inte med organisationen: %(problems)s")
            % {"problems": "\n".join(reasons.problem_text(p) for p in error.problems)}
        ) from error


def engine_version() -> str:
    """The version of the engines: a digest of the latest event of each table they are built
    from, in one query (each a backward walk of the index on the event's table and number)."""
    latest = {
        f"t{number}": Subquery(
            Event.objects.filter(object_type=table).order_by("-seq").values("hash")[:1]
        )
        for number, table in enumerate(ENGINE_TABLES)
    }
    hashes = ChainHead.objects.filter(pk=1).annotate(**latest).values(*latest).first() or {}
    return hashlib.sha256(repr(sorted(hashes.items())).encode()).hexdigest()


def engine_for(*, body: Body) -> engine.Engine:
    """The engine for the body's orders and organisation as they stand now: this process's,
    else the shared cache's, else built (and shared)."""
    version = engine_version()
    cached = _engines.get(body.pk)
    if cached is not None and cached[0] == version:
        return cached[1]
    key = f"delegation-engine:{body.pk}:{version}"
    with _lock:
        built = cache.get(key)
        if built is None:
            built = _build(body)
            cache.set(key, built, ENGINE_CACHE_SECONDS)
        _engines[body.pk] = (version, built)
    return built


def _actor(
    body: Body,
    position: Position | None,
    person: Person | None,
    organization: Organization | None,
) -> engine.Actor:
    given = [actor for actor in (position, person, organization) if actor is not None]
    if len(given) != 1:
        raise ValidationError(
            _("Ange exakt en beslutsfattare: en befattning, person eller organisation.")
        )
    actor = given[0]
    if actor.body_id != body.pk:
        raise ValidationError(
            _("%(actor)s hör inte till %(body)s.") % {"actor": actor, "body": body}
        )
    if position is not None:
        return engine.Actor("position", position.slug)
    if organization is not None:
        return engine.Actor("organization", organization.slug)
    return engine.Actor("person", actor.pk)


def authority_check(
    *,
    body: Body,
    decision_type: str,
    on: datetime.date,
    position: Position | None = None,
    person: Person | None = None,
    organization: Organization | None = None,
    concerning: Organization | None = None,
    amount: Decimal | None = None,
    done: Iterable[tuple[str, str]] = (),
    delegate_unavailable: bool = False,
    months: int | None = None,
    conditions: Iterable[str] = (),
    waived: Iterable[tuple[str, str]] = (),
) -> engine.Verdict:
    """May the actor (exactly one of position, person, organization) make a decision of this
    type on the date, for the organization concerned, for this amount, once the requirements in
    `done` ((kind, party key) pairs: ("approval", "pfu")) are met? The verdict cites its rules.
    `waived`: the optional ("vid behov") consultations the decision maker found not needed.

    `months` and `conditions` (codes of the conditions that hold) answer rules limited by them.
    Raises ValidationError, in Swedish, for a question that cannot be asked.
    """
    done = frozenset(done)
    for kind, key in done:
        if kind not in engine.REQUIREMENT_KINDS or not key:
            raise ValidationError(
                _("Okänt uppfyllt krav %(kind)s:%(key)s; slag kan vara %(kinds)s.")
                % {"kind": kind, "key": key, "kinds": ", ".join(engine.REQUIREMENT_KINDS)}
            )
    if concerning is not None and concerning.body_id != body.pk:
        raise ValidationError(
            _("%(organization)s hör inte till %(body)s.")
            % {"organization": concerning, "body": body}
        )
    query = engine.Query(
        body=body.slug,
        actor=_actor(body, position, person, organization),
        decision_type=decision_type,
        date=on,
        concerning=None if concerning is None else concerning.slug,
        amount=amount,
        months=months,
        done=done,
        waived=frozenset(waived),
        conditions=frozenset(conditions),
        delegate_unavailable=delegate_unavailable,
    )
    try:
        return reasons.worded(engine_for(body=body).check(query))
    except engine.CheckError as error:
        raise ValidationError(reasons.sentence(error.reason)) from error


def _matches(
    rule: engine.Rule, decision_type: engine.DecisionType | None, words: list[str]
) -> bool:
    haystack = " ".join(
        (rule.number, rule.matter, rule.decision_type, decision_type.name if decision_type else "")
    ).casefold()
    return all(word in haystack for word in words)


def rules_in_force(
    *, body: Body, on: datetime.date, decision_type: str | None = None, text: str | None = None
) -> list[tuple[engine.Order, engine.Rule]]:
    """The rules in force on the date with their orders, in the orders' own sequence; only
    those of a decision type, or whose number, matter or decision type contain every word of
    `text`."""
    built = engine_for(body=body)
    words = (text or "").casefold().split()
    found = []
    for order, rule in built.rules_in_force(body.slug, on):
        if decision_type is not None and rule.decision_type != decision_type:
            continue
        if words and not _matches(rule, built.decision_type(body.slug, rule.decision_type), words):
            continue
        found.append((order, rule))
    return found


def rules_for(
    *, body: Body, on: datetime.date, decision_type: str | None = None, text: str | None = None
) -> list[engine.Rule]:
    """The rules in force on the date, of a decision type or matching a text (see
    `rules_in_force`)."""
    return [
        rule
        for _order, rule in rules_in_force(body=body, on=on, decision_type=decision_type, text=text)
    ]


def requirements_applied(
    *, body: Body, rules: Iterable[engine.Rule]
) -> list[tuple[engine.Requirement, ...]]:
    """Each rule's requirements as a check applies them (`engine.Engine.requirements`): as the
    order writes them, with the report the law adds to an urgent rule (KL 6 kap. 39 §)."""
    built = engine_for(body=body)
    return [built.requirements(body.slug, rule) for rule in rules]


def powers_of(*, body: Body, person: Person, on: datetime.date) -> list[engine.Power]:
    """What the person may decide on the date through their appointments and seats, as
    delegate, substitute or sub-delegate ("Vad får jag besluta?")."""
    return engine_for(body=body).power_list(body.slug, engine.Actor("person", person.pk), on)


def section_links(*, body: Body) -> dict[tuple[str, str], tuple[str, str]]:
    """Where the sections the body's orders cite can be read: (document as cited, section as
    cited) to (governing document's slug, section key), for the orders linked to a document
    Kansli holds. A section is found by its key, number or heading."""
    links: dict[tuple[str, str], tuple[str, str]] = {}
    orders = DelegationOrder.objects.filter(body=body, governing_document__isnull=False)
    for order in orders.select_related("governing_document"):
        document = order.governing_document
        if document is None:  # left out by the filter above
            continue
        version = document.current_version
        if version is None:
            continue
        for section in version.sections.all():
            for cited in {section.key, section.number, section.heading, section.label} - {""}:
                links.setdefault((order.document, cited), (document.slug, section.key))
    return links


def _named(queryset: QuerySet[M], message: str, **lookup: object) -> M:
    found = queryset.filter(**lookup).first()
    if found is None:
        raise ValidationError(message)
    return found


def authority_check_named(
    *,
    body: Body,
    decision_type: str,
    on: datetime.date,
    position: str | None = None,
    person: int | None = None,
    organization: str | None = None,
    concerning: str | None = None,
    amount: Decimal | None = None,
    done: Iterable[str] = (),
    delegate_unavailable: bool = False,
    months: int | None = None,
    conditions: Iterable[str] = (),
    waived: Iterable[str] = (),
) -> engine.Verdict:
    """`authority_check` asked as the command and the API ask it: the actor and the
    organization concerned by slug (a person by id), requirements met as "approval:pfu", and
    optional ("vid behov") consultations found not needed the same way; waiving a required
    requirement is a question that cannot be asked (ValidationError)."""
    names = {"body": body}
    try:
        met = [engine.parse_done(text) for text in done]
        not_needed = [engine.parse_done(text) for text in waived]
    except engine.CheckError as error:
        raise ValidationError(reasons.sentence(error.reason)) from error
    return authority_check(
        body=body,
        decision_type=decision_type,
        on=on,
        position=None
        if position is None
        else _named(
            body.positions.all(),
            _("%(body)s har ingen befattning ”%(slug)s”.") % {**names, "slug": position},
            slug=position,
        ),
        person=None
        if person is None
        else _named(
            body.persons.all(),
            _("%(body)s har ingen person med id %(id)s.") % {**names, "id": person},
            pk=person,
        ),
        organization=None
        if organization is None
        else _named(
            body.organizations.all(),
            _("%(body)s har ingen organisation ”%(slug)s”.") % {**names, "slug": organization},
            slug=organization,
        ),
        concerning=None
        if concerning is None
        else _named(
            body.organizations.all(),
            _("%(body)s har ingen organisation ”%(slug)s”.") % {**names, "slug": concerning},
            slug=concerning,
        ),
        amount=amount,
        done=met,
        delegate_unavailable=delegate_unavailable,
        months=months,
        conditions=conditions,
        waived=not_needed,
    )


def order_text(*, order: DelegationOrder) -> str:
    """The order as a YAML file that imports back into the same order."""
    return orderfile.dumps(engine_order(order))


def decision_types_of(*, body: Body) -> list[engine.DecisionType]:
    """The decision types the body's orders define, by name."""
    types = engine_for(body=body).decision_types(body.slug)
    return sorted(types, key=lambda decision_type: decision_type.name)


def describe_scope(*, body: Body, rule: engine.Rule) -> str:
    """Where the rule applies, in words; empty when it applies everywhere."""
    if not rule.scope:
        return ""
    return reasons.scope_words(engine_for(body=body).named_scope(body.slug, rule.scope))


def order_in_force(
    *, body: Body, organization: Organization, document: str, on: datetime.date
) -> DelegationOrder | None:
    """The version of the organization's document in force on the date."""
    return (
        orders_of(body=body)
        .filter(organization=organization, document=document, valid_from__lte=on)
        .filter(Q(valid_to__isnull=True) | Q(valid_to__gte=on))
        .last()
    )


def orders_published(*, body: Body, on: datetime.date) -> list[DelegationOrder]:
    """The body's orders in force on the date, as the public reads them: by document."""
    in_force = orders_of(body=body).filter(valid_from__lte=on)
    in_force = in_force.filter(Q(valid_to__isnull=True) | Q(valid_to__gte=on))
    return sorted(in_force, key=lambda order: (order.document, order.organization.name))


def drafts_of(*, body: Body) -> QuerySet[OrderDraft]:
    """The body's drafts not yet adopted, newest first."""
    return OrderDraft.objects.filter(body=body, status=OrderDraft.Status.DRAFT).select_related(
        "organization", "based_on"
    )


def draft_order(*, draft: OrderDraft) -> engine.Order:
    """The draft as the engine's `Order` (its file was checked when it was saved)."""
    return orderfile.loads(draft.text, filename=str(draft))


def order_sections(*, order: DelegationOrder) -> list[tuple[str, str, list[engine.Rule]]]:
    """The order's rules as a document reads them: by the section they cite, in the sections'
    order, each with its heading in the governing document when Kansli holds its text."""
    headings: dict[str, str] = {}
    version = order.governing_document.current_version if order.governing_document else None
    if version is not None:
        for section in version.sections.all():
            headings.setdefault(section.number or section.key, section.heading)
    grouped: dict[str, list[engine.Rule]] = {}
    for rule in engine_order(order).rules:
        grouped.setdefault(rule.source.section, []).append(rule)
    return [
        (section, headings.get(section, ""), grouped[section])
        for section in sorted(grouped, key=section_key)
    ]
