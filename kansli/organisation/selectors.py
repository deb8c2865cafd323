"""Who sits where, on a given date."""

import datetime
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, TypeAlias, TypedDict

from django.db.models import Case, IntegerField, Prefetch, Q, QuerySet, Value, When

from kansli.organisation.models import (
    Appointment,
    Body,
    Membership,
    Organization,
    Person,
    Position,
)

if TYPE_CHECKING:
    from django_stubs_ext import WithAnnotations


class _Holders(TypedDict):
    holders: list[Appointment]


# A position with `holders`, its appointments on a date (positions_with_holders).
PositionWithHolders: TypeAlias = "WithAnnotations[Position, _Holders]"

_ROLE_ORDER = Case(
    *(When(role=role, then=Value(i)) for i, role in enumerate(Membership.PRESIDIUM_ROLES)),
    default=Value(len(Membership.PRESIDIUM_ROLES)),
    output_field=IntegerField(),
)


def holders_of(*, position: Position, on: datetime.date) -> QuerySet[Appointment]:
    """Appointments to `position` in force on the date; regular holders before acting ones."""
    return (
        Appointment.objects.on(on)
        .filter(position=position)
        .select_related("person")
        .order_by("acting", "start")
    )


def director_position(*, body: Body) -> Position | None:
    """The body's director's post (KL 7 kap. 1 §: kommundirektör, regiondirektör)."""
    return Position.objects.filter(body=body, is_director=True).first()


def director_of(*, body: Body, on: datetime.date) -> Person | None:
    """Who is the body's director on the date: the regular holder of the director's post, or
    an acting one when there is none."""
    position = director_position(body=body)
    if position is None:
        return None
    appointment = holders_of(position=position, on=on).first()
    return appointment.person if appointment is not None else None


def positions_with_holders(
    *, positions: QuerySet[Position], on: datetime.date
) -> QuerySet[PositionWithHolders]:
    """The positions, each with `holders`: its appointments on the date, in two queries in all."""
    holders = Appointment.objects.on(on).select_related("person").order_by("acting", "start")
    return positions.select_related("organization").prefetch_related(
        Prefetch("appointments", queryset=holders, to_attr="holders")
    )


def presidium(*, organization: Organization, on: datetime.date) -> QuerySet[Membership]:
    """The chair and vice chairs on the date, in that order."""
    return (
        Membership.objects.on(on)
        .filter(organization=organization, role__in=Membership.PRESIDIUM_ROLES)
        .select_related("person")
        .order_by(_ROLE_ORDER, "rank")
    )


def members_on(*, organization: Organization, on: datetime.date) -> QuerySet[Membership]:
    """The members (ledamöter) on the date: the presidium first, then in rank order."""
    return (
        Membership.objects.on(on)
        .filter(organization=organization)
        .exclude(role=Membership.Role.SUBSTITUTE)
        .select_related("person")
        .order_by(_ROLE_ORDER, "rank", "person__family_name", "person__given_name")
    )


def substitutes_on(*, organization: Organization, on: datetime.date) -> QuerySet[Membership]:
    """The substitutes (ersättare) on the date, in the order they are called to serve."""
    return (
        Membership.objects.on(on)
        .filter(organization=organization, role=Membership.Role.SUBSTITUTE)
        .select_related("person")
        .order_by("rank", "person__family_name", "person__given_name")
    )


@dataclass
class TreeNode:
    organization: Organization
    children: list["TreeNode"] = field(default_factory=list)


def organization_tree(*, body: Body, on: datetime.date | None = None) -> list[TreeNode]:
    """The body's organizations as one tree (roots first), in a single query.

    With a date, organizations not yet established or already dissolved are left out
    (both dates inclusive); a child whose parent is left out becomes a root.
    """
    organizations = Organization.objects.filter(body=body)
    if on is not None:
        organizations = organizations.filter(
            Q(established_on__isnull=True) | Q(established_on__lte=on),
            Q(dissolved_on__isnull=True) | Q(dissolved_on__gte=on),
        )
    nodes = {o.pk: TreeNode(o) for o in organizations}
    roots: list[TreeNode] = []
    for node in nodes.values():
        parent_id = node.organization.parent_id
        parent = nodes.get(parent_id) if parent_id is not None else None
        (parent.children if parent else roots).append(node)
    return roots
