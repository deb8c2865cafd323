"""The shape of a demo body: plain data that the loader turns into service calls."""

import datetime
from dataclasses import dataclass
from decimal import Decimal

from kansli.accounts.models import Role


@dataclass(frozen=True)
class Org:
    slug: str
    kind: str
    name: str
    parent: str | None = None
    short_name: str = ""
    ownership: Decimal | None = None  # a company's share the body owns, in percent


@dataclass(frozen=True)
class Seats:
    """The elected seats of a political organ for a mandate period.

    Seats go to the parties in proportion to the assembly (d'Hondt). Each party fills them
    from its list of candidates starting at `offset`, members before substitutes, so organs
    with the same offset share their leading politicians, as boards and their committees do.
    The chair and vice chairs are each party's member number `presidium_from` (counting from
    0), which lets the council's presidium differ from the board's.
    """

    organization: str
    members: int
    substitutes: int = 0
    offset: int = 0
    presidium_from: int = 0


@dataclass(frozen=True)
class Period:
    """A mandate period's assembly, presidium parties (chair, 1st and 2nd vice) and seats."""

    assembly: dict[str, int]
    presidium_parties: tuple[str, str, str]
    seats: tuple[Seats, ...]


@dataclass(frozen=True)
class Post:
    slug: str
    title: str
    organization: str
    security_class: int | None = None
    heads: bool = False  # the post heads its organization (förvaltningschef, stabschef, VD)
    director: bool = False  # the body's director (KL 7 kap. 1 §)


@dataclass(frozen=True)
class Hire:
    position: str
    given_name: str
    family_name: str
    start: datetime.date
    end: datetime.date | None = None
    acting: bool = False


@dataclass(frozen=True)
class Revised:
    by: str
    on: datetime.date
    minute: str


@dataclass(frozen=True)
class Document:
    slug: str
    kind: str
    name: str
    adopted_by: str
    owner: str
    seed: str
    version: str
    metadata: dict[str, object]
    version_valid_from: datetime.date | None = None
    headings: tuple[str, ...] | None = None
    revisions: tuple[Revised, ...] = ()


@dataclass(frozen=True)
class Login:
    """A demo user: the holder of `position` today, or (without one) a member of the board."""

    username: str
    role: Role
    position: str | None


@dataclass(frozen=True)
class BodySpec:
    slug: str
    name: str
    kind: str
    board: str
    organizations: tuple[Org, ...]
    current: Period
    previous: Period
    posts: tuple[Post, ...]
    hires: tuple[Hire, ...]
    documents: tuple[Document, ...]
    logins: tuple[Login, ...]
    # The delegation orders (YAML files in kansli/delegation/data/) to load.
    orders: tuple[str, ...] = ()
    # Where this body's politicians start in the common stream of names, so that two demo
    # bodies do not share their people's names.
    names_from: int = 0


def role_logins(*, prefix: str, director: str) -> tuple[Login, ...]:
    """One demo user per role; `prefix` keeps the usernames of several bodies apart."""
    return (
        Login(f"{prefix}registrator", Role.REGISTRAR, "registrator"),
        Login(f"{prefix}sekreterare", Role.SECRETARY, "namndsekreterare"),
        Login(f"{prefix}handlaggare", Role.CASE_OFFICER, "handlaggare"),
        Login(f"{prefix}direktor", Role.DIRECTOR, director),
        Login(f"{prefix}ledamot", Role.ELECTED_MEMBER, None),
        Login(f"{prefix}admin", Role.ADMINISTRATOR, "systemforvaltare"),
    )
