"""Loading the demo data: two bodies, their organisation, people, instructions and users.

Everything is created through the services of the other apps, so it is validated and
audited like any other write. Each row is first looked up by its natural key (a slug, a name,
a person and a start date), which makes `load_demo` idempotent: a second run finds everything
and writes nothing.
"""

import datetime
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar

from django.db import models, transaction
from django.utils import timezone

from kansli.accounts.models import Role, User
from kansli.accounts.services import user_create
from kansli.audit.services import Actor
from kansli.delegation import orderfile
from kansli.delegation import services as delegation
from kansli.delegation.models import DelegationOrder
from kansli.demo.blekinge import BLEKINGE
from kansli.demo.certificates import load_certificates_demo
from kansli.demo.followup import load_followup_demo
from kansli.demo.meetings import load_meetings_demo
from kansli.demo.names import Roster
from kansli.demo.registry import holder, load_registry_demo
from kansli.demo.seeds import seed_text
from kansli.demo.spec import BodySpec, Document, Period, Seats
from kansli.demo.vanersborg import VANERSBORG
from kansli.governance import services as governance
from kansli.governance.models import DocumentVersion, GoverningDocument, Revision
from kansli.organisation import selectors as who
from kansli.organisation import services as organisation
from kansli.organisation.models import (
    Appointment,
    Body,
    Membership,
    Organization,
    Person,
    Position,
)

BODIES: tuple[BodySpec, ...] = (VANERSBORG, BLEKINGE)

# Demo only: every demo user has this password. It is published in the README; never load
# the demo data into an installation that holds real data.
DEMO_PASSWORD = "kansli-demo"  # noqa: S105


@dataclass(frozen=True)
class DemoLogin:
    username: str
    role: Role
    body: str


DEMO_LOGINS: tuple[DemoLogin, ...] = tuple(
    DemoLogin(login.username, login.role, spec.name) for spec in BODIES for login in spec.logins
)

M = TypeVar("M", bound=models.Model)


def mandate_period(on: datetime.date) -> tuple[datetime.date, datetime.date]:
    """The council's mandate period the date falls in, so the demo is current whenever loaded.

    Elections are held every fourth year (2022, 2026, …); the council is elected for four years
    from 15 October of the election year (KL 5 kap 9 §). For simplicity the demo gives every
    organ the council's period, although the board's starts on 1 January after the election
    (KL 6 kap 18 §) and the council sets the other committees'.
    """
    year = on.year - (on.year - 2022) % 4
    if on < datetime.date(year, 10, 15):
        year -= 4
    return datetime.date(year, 10, 15), datetime.date(year + 4, 10, 14)


def demo_address(given_name: str, family_name: str, domain: str) -> str:
    """A fictional person's e-mail address under the reserved top domain .example, so that the
    demo's notices can be sent (to files under var/mail/) and reach no one."""
    local = f"{given_name}.{family_name}".lower().replace(" ", "-")
    ascii_local = unicodedata.normalize("NFKD", local).encode("ascii", "ignore").decode()
    return f"{ascii_local}@{domain}.example"


def dhondt(votes: dict[str, int], seats: int) -> dict[str, int]:
    """Seats per party by the d'Hondt method, ties going to the party listed first."""
    won = dict.fromkeys(votes, 0)
    for _ in range(seats):
        party = max(votes, key=lambda p: votes[p] / (won[p] + 1))
        won[party] += 1
    return won


def _first_or_create(
    queryset: models.QuerySet[M], create: Callable[..., M], **arguments: object
) -> M:
    """The row the queryset finds, or a new one from the service `create`."""
    return queryset.first() or create(**arguments)


@transaction.atomic
def load_demo(*, actor: Actor = None) -> None:
    """Load (or complete) the demo data for every demo body."""
    today = timezone.localdate()
    current = mandate_period(today)
    previous = mandate_period(current[0] - datetime.timedelta(days=1))
    for spec in BODIES:
        loader = _BodyLoader(spec, actor=actor)
        loader.period(spec.previous, *previous)
        loader.period(spec.current, *current)
        loader.staff()
        for document in spec.documents:
            loader.document(document)
        for filename in spec.orders:
            loader.order(filename)
        loader.logins(today)
    load_certificates_demo(body_slugs=[spec.slug for spec in BODIES])
    load_registry_demo(actor=actor)
    load_meetings_demo(actor=actor)
    load_followup_demo(actor=actor)


class _BodyLoader:
    def __init__(self, spec: BodySpec, *, actor: Actor) -> None:
        self.spec, self.actor = spec, actor
        self.roster = Roster(
            exclude={(h.given_name, h.family_name) for h in spec.hires}, start=spec.names_from
        )
        self.body = _first_or_create(
            Body.objects.filter(slug=spec.slug),
            organisation.body_create,
            actor=actor,
            slug=spec.slug,
            name=spec.name,
            kind=spec.kind,
        )
        self.organizations: dict[str, Organization] = {}
        # Each political organ's decided number of seats: its members in the current period.
        seats = {organ.organization: organ.members for organ in spec.current.seats}
        for org in spec.organizations:
            self.organizations[org.slug] = _first_or_create(
                Organization.objects.filter(body=self.body, slug=org.slug),
                organisation.organization_create,
                actor=actor,
                body=self.body,
                kind=org.kind,
                slug=org.slug,
                name=org.name,
                short_name=org.short_name,
                ownership=org.ownership,
                parent=self.organizations[org.parent] if org.parent else None,
                seats=seats.get(org.slug),
            )

    def person(self, given_name: str, family_name: str) -> Person:
        return _first_or_create(
            Person.objects.filter(body=self.body, given_name=given_name, family_name=family_name),
            organisation.person_create,
            actor=self.actor,
            body=self.body,
            given_name=given_name,
            family_name=family_name,
            email=demo_address(given_name, family_name, self.spec.slug),
        )

    def period(self, period: Period, start: datetime.date, end: datetime.date) -> None:
        """The seats of every organ for one mandate period."""
        for seats in period.seats:
            organization = self.organizations[seats.organization]
            for rank, (role, party, name) in enumerate(self.seat_holders(period, seats), 1):
                person = self.person(*name)
                _first_or_create(
                    Membership.objects.filter(
                        person=person, organization=organization, start=start
                    ),
                    organisation.membership_create,
                    actor=self.actor,
                    person=person,
                    organization=organization,
                    role=role,
                    start=start,
                    end=end,
                    party=party,
                    rank=rank,
                )

    def seat_holders(self, period: Period, seats: Seats) -> list[tuple[str, str, tuple[str, str]]]:
        """(role, party, name) of each seat: the presidium, the members, then the substitutes."""
        members_won = dhondt(period.assembly, seats.members)
        substitutes_won = dhondt(period.assembly, seats.substitutes)
        members, substitutes = [], []
        for party in period.assembly:
            m, s = members_won[party], substitutes_won[party]
            names = [self.roster.candidate(party, seats.offset + i) for i in range(m + s)]
            members += [(party, name) for name in names[:m]]
            substitutes += [(party, name) for name in names[m:]]
        presidium = []
        wanted = period.presidium_parties
        for role, party in zip(Membership.PRESIDIUM_ROLES, wanted, strict=True):
            # A party without a seat here leaves its place to the largest party not otherwise
            # in the presidium.
            of_party = (
                [m for m in members if m[0] == party]
                or [m for m in members if m[0] not in wanted]
                or members
            )
            chosen = of_party[min(seats.presidium_from, len(of_party) - 1)]
            members.remove(chosen)
            presidium.append((role, *chosen))
        return [
            *presidium,
            *((Membership.Role.MEMBER, *m) for m in members),
            *((Membership.Role.SUBSTITUTE, *s) for s in substitutes),
        ]

    def staff(self) -> None:
        """The posts and who has held them."""
        positions = {
            post.slug: _first_or_create(
                Position.objects.filter(body=self.body, slug=post.slug),
                organisation.position_create,
                actor=self.actor,
                body=self.body,
                organization=self.organizations[post.organization],
                slug=post.slug,
                title=post.title,
                security_class=post.security_class,
                heads_organization=post.heads,
                is_director=post.director,
            )
            for post in self.spec.posts
        }
        for hire in self.spec.hires:
            person = self.person(hire.given_name, hire.family_name)
            position = positions[hire.position]
            _first_or_create(
                Appointment.objects.filter(person=person, position=position, start=hire.start),
                organisation.appointment_create,
                actor=self.actor,
                person=person,
                position=position,
                start=hire.start,
                end=hire.end,
                acting=hire.acting,
            )

    def document(self, spec: Document) -> None:
        """A governing document with its revisions and its one version, every section parsed."""
        document = _first_or_create(
            GoverningDocument.objects.filter(body=self.body, slug=spec.slug),
            governance.document_create,
            actor=self.actor,
            body=self.body,
            slug=spec.slug,
            kind=spec.kind,
            name=spec.name,
            adopted_by=self.organizations[spec.adopted_by],
            owner=self.organizations[spec.owner],
            **spec.metadata,
        )
        for revised in spec.revisions:
            _first_or_create(
                Revision.objects.filter(
                    document=document, decided_on=revised.on, minute=revised.minute
                ),
                governance.revision_add,
                actor=self.actor,
                document=document,
                decided_by=self.organizations[revised.by],
                decided_on=revised.on,
                minute=revised.minute,
            )
        if not DocumentVersion.objects.filter(document=document, number=spec.version).exists():
            governance.version_add(
                actor=self.actor,
                document=document,
                number=spec.version,
                text=seed_text(spec.seed),
                valid_from=spec.version_valid_from,
                headings=spec.headings,
            )

    def order(self, filename: str) -> None:
        """A delegation order (or an instruction's powers and duties) from its YAML file."""
        path = orderfile.DATA_DIR / filename
        text = path.read_text(encoding="utf-8")
        if DelegationOrder.objects.filter(body=self.body, key=orderfile.loads(text).id).exists():
            return
        delegation.order_import(actor=self.actor, body=self.body, text=text, source_name=filename)

    def logins(self, today: datetime.date) -> None:
        """One user per role, each the person who holds the matching post today."""
        for login in self.spec.logins:
            if User.objects.filter(username=login.username).exists():
                continue
            user_create(
                actor=self.actor,
                username=login.username,
                password=DEMO_PASSWORD,
                roles=[login.role],
                person=self.login_person(login.position, today),
            )

    def login_person(self, position: str | None, today: datetime.date) -> Person:
        if position is None:
            board = self.organizations[self.spec.board]
            members = who.members_on(organization=board, on=today)
            member = members.filter(role=Membership.Role.MEMBER).first()
            if member is None:
                raise ValueError(f"{board} has no member on {today}.")
            return member.person
        return holder(self.body, position, today)
