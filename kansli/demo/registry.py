"""Demo registry: number series, retention rules, the classification plan, a few cases with
their documents (one of them secret) and a waiting public records request for each demo body.

Written through the registry's services like any registration; each row is first looked up
by its natural key (a case by its organization and title, a document by its case and
description), so a second load writes nothing.
"""

import datetime
from dataclasses import dataclass, field
from typing import TypedDict

from django.utils import timezone

from kansli.audit.services import Actor
from kansli.organisation import selectors as who
from kansli.organisation.models import Body, Organization, Person, Position
from kansli.registry import planfile
from kansli.registry import services as registry
from kansli.registry.models import Case, Document, PlanClass, RetentionRule
from kansli.registry.plans import plan_import

INCOMING, DRAWN_UP, OUTGOING = (
    Document.Direction.INCOMING,
    Document.Direction.DRAWN_UP,
    Document.Direction.OUTGOING,
)


class Secrecy(TypedDict, total=False):
    """What a secret document's registration adds (registry.services.document_register)."""

    secrecy_reference: str
    secrecy_reason: str
    counterpart_masked: bool
    description_masked: bool


@dataclass(frozen=True)
class DemoDocument:
    direction: str
    description: str
    counterpart: str = ""
    days_ago: int = 0
    secrecy: Secrecy = field(default_factory=Secrecy)


@dataclass(frozen=True)
class DemoCase:
    title: str
    classification: str
    days_ago: int
    documents: tuple[DemoDocument, ...]


@dataclass(frozen=True)
class DemoRegistry:
    body: str
    organization: str
    number_format: str
    first_number: int
    cases: tuple[DemoCase, ...]
    request: str


SECURITY_ANALYSIS: Secrecy = {
    "secrecy_reference": "OSL 18 kap. 8 §",
    "secrecy_reason": "Uppgifter om säkerhets- och bevakningsåtgärder",
    "description_masked": True,
}

REGISTRIES: tuple[DemoRegistry, ...] = (
    DemoRegistry(
        body="vanersborg",
        organization="ks",
        number_format="KS {year}/{number:05d}",
        first_number=51,
        cases=(
            DemoCase(
                "Revidering av kommundirektörsinstruktion",
                "1.1.2",
                14,
                (
                    DemoDocument(DRAWN_UP, "Tjänsteskrivelse: revidering av instruktionen", "", 10),
                    DemoDocument(
                        INCOMING,
                        "Synpunkter på förslaget till reviderad instruktion",
                        "Vänersborgs kommuns revisorer",
                        3,
                    ),
                ),
            ),
            DemoCase(
                "Medborgarförslag om fler laddplatser vid Nygatan",
                "3.4.1",
                5,
                (
                    DemoDocument(INCOMING, "Medborgarförslag om laddplatser", "Karin Ekström", 5),
                    DemoDocument(OUTGOING, "Bekräftelse på mottaget förslag", "Karin Ekström", 4),
                ),
            ),
            DemoCase(
                "Säkerhetsskyddsanalys för kommunhuset",
                "1.5.2",
                2,
                (
                    DemoDocument(
                        DRAWN_UP, "Säkerhetsskyddsanalys, kommunhuset", "", 1, SECURITY_ANALYSIS
                    ),
                ),
            ),
        ),
        request="Samtliga handlingar i ärendet om revidering av kommundirektörsinstruktionen",
    ),
    DemoRegistry(
        body="blekinge",
        organization="regionstyrelsen",
        number_format="{year}/{number:05d}",
        first_number=51,
        cases=(
            DemoCase(
                "Instruktion för regiondirektören",
                "1.1.2",
                12,
                (
                    DemoDocument(
                        DRAWN_UP, "Tjänsteskrivelse: instruktion för regiondirektören", "", 9
                    ),
                    DemoDocument(
                        INCOMING,
                        "Yttrande över förslaget till instruktion",
                        "Regionens revisorer",
                        2,
                    ),
                ),
            ),
            DemoCase(
                "Säkerhetsskyddsanalys för regionhuset",
                "1.5.2",
                3,
                (
                    DemoDocument(
                        DRAWN_UP, "Säkerhetsskyddsanalys, regionhuset", "", 1, SECURITY_ANALYSIS
                    ),
                ),
            ),
        ),
        request="Regionstyrelsens protokoll från det senaste sammanträdet",
    ),
)

RETENTION_RULES = (
    ("Ärendehandlingar", RetentionRule.Action.PRESERVE, None),
    ("Handlingar av tillfällig betydelse", RetentionRule.Action.DISPOSE, 2),
)


def load_registry_demo(*, actor: Actor = None) -> None:
    """Load (or complete) the demo registry of each demo body present."""
    today = timezone.localdate()
    for spec in REGISTRIES:
        body = Body.objects.filter(slug=spec.body).first()
        if body is not None:
            _load(spec, body, today, actor)


def _load(spec: DemoRegistry, body: Body, today: datetime.date, actor: Actor) -> None:
    organization = Organization.objects.get(body=body, slug=spec.organization)
    if not organization.number_series.filter(year=today.year).exists():
        registry.number_series_set_format(
            actor=actor,
            organization=organization,
            year=today.year,
            format=spec.number_format,
            next_number=spec.first_number,
        )
    rules = [
        RetentionRule.objects.filter(body=body, name=name).first()
        or registry.retention_rule_create(
            actor=actor, body=body, name=name, action=action, dispose_after_years=years
        )
        for name, action, years in RETENTION_RULES
    ]
    plan = planfile.DATA_DIR / f"{body.slug}.yaml"
    plan_import(
        actor=actor, body=body, text=plan.read_text(encoding="utf-8"), source_name=plan.name
    )
    officer = holder(body, "handlaggare", today)
    cases = [_case(case, organization, officer, rules[0], today, actor) for case in spec.cases]
    if not body.public_records_requests.filter(subject=spec.request).exists():
        registry.records_request_register(
            actor=actor,
            body=body,
            subject=spec.request,
            documents=cases[0].documents.all(),
            received_at=timezone.now() - datetime.timedelta(hours=3),
        )


def holder(body: Body, post: str, today: datetime.date) -> Person:
    """Who holds the body's post (by its slug) today: the demo appoints someone to each."""
    position = Position.objects.get(body=body, slug=post)
    appointment = who.holders_of(position=position, on=today).first()
    if appointment is None:
        raise ValueError(f"No one holds {position} on {today}.")
    return appointment.person


def _case(
    spec: DemoCase,
    organization: Organization,
    officer: Person,
    rule: RetentionRule,
    today: datetime.date,
    actor: Actor,
) -> Case:
    # A case opened last year, in the first days of January, still gets this year's number:
    # the demo's cases are all of the current series.
    opened_on = max(today - datetime.timedelta(days=spec.days_ago), today.replace(month=1, day=1))
    case = Case.objects.filter(organization=organization, title=spec.title).first()
    if case is None:
        case = registry.case_open(
            actor=actor,
            organization=organization,
            title=spec.title,
            case_officer=officer,
            plan_class=PlanClass.objects.get(
                plan__body=organization.body, code=spec.classification
            ),
            opened_on=opened_on,
        )
    for document in spec.documents:
        if case.documents.filter(description=document.description).exists():
            continue
        registry.document_register(
            actor=actor,
            case=case,
            direction=document.direction,
            date=max(today - datetime.timedelta(days=document.days_ago), opened_on),
            counterpart=document.counterpart,
            description=document.description,
            retention_rule=rule,
            **document.secrecy,
        )
    return case
