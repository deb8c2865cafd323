"""Delegation through the API: the rules in force, the orders, and the check that says whether
someone may make a decision (the same answer as `kansli authority check --json`)."""

import datetime
from decimal import Decimal
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema

from kansli.delegation.models import DelegationOrder
from kansli.delegation.selectors import authority_check_named, engine_order, orders_of, rules_for
from kansli.organisation.api import OnDate, OrganizationRef, body_found, found, on_or_today
from kansli.pagination import Paging, linked_page
from kansli.texts import gettext_lazy as _lazy

router = Router()


class PartyRelation(Schema):
    code: str = Field(description="organization, board, chair, presidium, head")
    organization: str = Field(description=_lazy("Organisationens kortnamn."))
    organization_name: str


class Party(Schema):
    kind: str
    slug: str
    name: str
    relation: PartyRelation | None = Field(
        None,
        description=_lazy(
            "För en part som gäller den berörda organisationen: hur parten hör till den; "
            "annars null."
        ),
    )


class RuleSource(Schema):
    document: str
    section: str


class Scope(Schema):
    organization: str | None
    subtree: bool
    excluding: list[str]
    kinds: list[str]
    wholly_owned: bool = Field(
        description=_lazy("Bara bolag som huvudmannen äger helt (ägarandel 100 procent).")
    )


class ConditionOut(Schema):
    code: str
    text: str


class Limits(Schema):
    max_amount: str | None = Field(description=_lazy("Högsta belopp i kronor, som text."))
    max_months: int | None
    conditions: list[ConditionOut]


class Requirement(Schema):
    kind: str = Field(description="consultation, approval, notification, report")
    when: str = Field(description="before, after")
    party: Party
    optional: bool = Field(
        description=_lazy(
            "Ett samråd vid behov: beslutsfattaren registrerar det, eller att det inte "
            "behövdes och varför."
        )
    )
    at_next_meeting: bool = Field(
        description=_lazy(
            "Anmälan vid organets nästa sammanträde: ett beslut i ett brådskande ärende "
            "(kommunallagen 6 kap. 39 §)."
        )
    )


class SubDelegation(Schema):
    allowed: bool
    to: list[Party]


class Rule(Schema):
    id: str
    number: str
    decision_type: str
    matter: str
    delegate: Party
    substitutes: list[Party]
    scope: list[Scope]
    limits: Limits
    requirements: list[Requirement]
    subdelegation: SubDelegation
    source: RuleSource
    legal_basis: list[str]


class DecisionType(Schema):
    code: str
    name: str
    non_delegable: str


class Duty(Schema):
    id: str
    number: str
    holder: Party
    text: str
    parties: list[Party]
    recurrence: str | None
    trigger: str
    source: RuleSource
    legal_basis: list[str]


class Order(Schema):
    id: int
    key: str = Field(description=_lazy("Ordningens id i YAML-filen."))
    document: str
    version: str
    organization: OrganizationRef
    governing_document: str | None = Field(description=_lazy("Styrdokumentets kortnamn."))
    adopted_on: datetime.date | None
    minute: str
    valid_from: datetime.date
    valid_to: datetime.date | None

    @staticmethod
    def resolve_governing_document(obj: DelegationOrder) -> str | None:
        return obj.governing_document.slug if obj.governing_document else None


class OrderDetail(Order):
    decision_types: list[DecisionType]
    rules: list[Rule]
    duties: list[Duty]

    @staticmethod
    def resolve_rules(obj: DelegationOrder) -> list[dict[str, Any]]:
        return [rule.as_dict() for rule in engine_order(obj).rules]

    @staticmethod
    def resolve_duties(obj: DelegationOrder) -> list[dict[str, Any]]:
        return [duty.as_dict() for duty in engine_order(obj).duties]


class CheckIn(Schema):
    position: str | None = Field(None, description=_lazy("Befattningens kortnamn."))
    person: int | None = Field(None, description=_lazy("Personens id."))
    organization: str | None = Field(None, description=_lazy("Organisationens kortnamn."))
    decision: str = Field(description=_lazy("Beslutstypens kod."))
    concerning: str | None = Field(
        None, description=_lazy("Kortnamnet på organisationen beslutet gäller.")
    )
    amount: Decimal | None = Field(None, ge=0, description=_lazy("Beloppet i kronor."))
    months: int | None = Field(None, ge=0, description=_lazy("Tiden beslutet gäller, i månader."))
    date: OnDate | None = None
    done: list[str] = Field([], description=_lazy("Uppfyllda krav, t.ex. approval:pfu."))
    waived: list[str] = Field(
        [],
        description=_lazy(
            "Samråd vid behov som inte behövdes, skrivna som done; ett krav som inte är vid "
            "behov kan inte avstås (400)."
        ),
    )
    conditions: list[str] = Field([], description=_lazy("Koder för villkor som är uppfyllda."))
    delegate_unavailable: bool = Field(
        False, description=_lazy("Delegaten har förhinder eller är jävig.")
    )


class RequirementStatus(Requirement):
    satisfied: bool
    waived: bool = Field(description=_lazy("Samrådet vid behov behövdes inte."))


class Basis(Schema):
    document: str
    section: str
    rule: str


class Problem(Schema):
    detail: str


class Verdict(Schema):
    outcome: str = Field(description="allowed, requirements_pending, denied")
    basis: list[Basis]
    requirements: list[RequirementStatus]
    reporting: list[Requirement]
    reasons: list[str]


@router.get(
    "/bodies/{slug}/delegation/rules",
    response=list[Rule],
    summary=_lazy("Delegationsregler som gäller ett datum"),
)
def rule_list(
    request: HttpRequest,
    slug: str,
    decision_type: str | None = None,
    q: str | None = None,
    date: OnDate | None = None,
) -> list[dict[str, Any]]:
    rules = rules_for(
        body=body_found(slug), on=on_or_today(date), decision_type=decision_type, text=q
    )
    return [rule.as_dict() for rule in rules]


@router.get(
    "/bodies/{slug}/delegation/orders",
    response=list[Order],
    summary=_lazy("Delegationsordningar och instruktioner"),
)
def order_list(
    request: HttpRequest, response: HttpResponse, slug: str, paging: Query[Paging]
) -> list[DelegationOrder]:
    return linked_page(
        request, response, orders_of(body=body_found(slug)), paging, ("valid_from", "pk")
    )


@router.get(
    "/bodies/{slug}/delegation/orders/{order_id}",
    response=OrderDetail,
    summary=_lazy("En delegationsordning med beslutstyper, regler och skyldigheter"),
)
def order_detail(request: HttpRequest, slug: str, order_id: int) -> DelegationOrder:
    body = body_found(slug)
    return found(
        orders_of(body=body),
        _("%(body)s har ingen delegationsordning %(id)d.") % {"body": body, "id": order_id},
        pk=order_id,
    )


@router.post(
    "/bodies/{slug}/delegation/check",
    response=Verdict,
    summary=_lazy("Får beslutsfattaren fatta beslutet?"),
    description=_lazy(
        "Ange exakt en av position, person och organization. Svaret är detsamma som "
        "`kansli authority check --json` ger."
    ),
)
def check(request: HttpRequest, slug: str, query: CheckIn) -> dict[str, Any]:
    verdict = authority_check_named(
        body=body_found(slug),
        decision_type=query.decision,
        on=on_or_today(query.date),
        position=query.position,
        person=query.person,
        organization=query.organization,
        concerning=query.concerning,
        amount=query.amount,
        months=query.months,
        done=query.done,
        waived=query.waived,
        conditions=query.conditions,
        delegate_unavailable=query.delegate_unavailable,
    )
    return verdict.as_dict()
