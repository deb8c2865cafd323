"""The organisation, read through the API: bodies, organizations, people, seats and posts.

Public information to every key of any body, but for the persons: a person's contact details
and every seat and post over time only the staff of the person's body read
(kansli.organisation.policy)."""

import datetime
from decimal import Decimal
from typing import Annotated, Any, TypeVar

from django.core.exceptions import ObjectDoesNotExist, PermissionDenied
from django.db.models import Model, QuerySet
from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from ninja import Query, Router, Schema
from ninja.errors import HttpError
from pydantic import AfterValidator, BeforeValidator, Field, WithJsonSchema
from pydantic_core import PydanticCustomError

from kansli.bounds import year_in_bounds
from kansli.organisation import models
from kansli.organisation.policy import may_read_person
from kansli.organisation.selectors import (
    members_on,
    positions_with_holders,
    presidium,
    substitutes_on,
)
from kansli.pagination import Paging, keyset_page, linked_page
from kansli.texts import gettext_lazy as _lazy

router = Router()

M = TypeVar("M", bound=Model)


def found(queryset: QuerySet[M], message: str, **lookup: Any) -> M:
    """The one row matching `lookup`, or a 404 that says in Swedish what was not found."""
    try:
        return queryset.get(**lookup)
    except ObjectDoesNotExist:
        raise HttpError(404, message) from None


def body_found(slug: str) -> models.Body:
    return found(
        models.Body.objects.all(),
        _("Det finns ingen kommun eller region med kortnamnet %(slug)s.") % {"slug": slug},
        slug=slug,
    )


def persons_readable(request: HttpRequest, body: models.Body) -> QuerySet[models.Person]:
    """The body's persons, for the staff of the body; anyone else is refused."""
    if not may_read_person(request.user, body):
        raise PermissionDenied(
            _("Personerna i %(body)s visas bara för dem som arbetar där.") % {"body": body}
        )
    return body.persons.all()


def _iso_date(value: object) -> object:
    if not isinstance(value, str):
        return value
    try:
        return datetime.date.fromisoformat(value)
    except ValueError:
        raise PydanticCustomError(
            "date_format",
            _("Ogiltigt datum {value}: ange det som ÅÅÅÅ-MM-DD."),
            {"value": value},
        ) from None


# The date a question is about ("who sat on the board on 2019-01-30?").
OnDate = Annotated[
    datetime.date,
    BeforeValidator(_iso_date),
    AfterValidator(year_in_bounds),
    Field(description=_lazy("Dagen frågan gäller, ÅÅÅÅ-MM-DD; i dag om den utelämnas.")),
]

# Inline in the OpenAPI description: a component named after the enum would be a bare "Kind".
OrganizationKind = Annotated[
    models.Organization.Kind | None,
    WithJsonSchema({"type": "string", "enum": models.Organization.Kind.values}),
]


def on_or_today(date: datetime.date | None) -> datetime.date:
    return date or timezone.localdate()


class Body(Schema):
    slug: str
    name: str
    kind: str
    organization_number: str
    website: str


class OrganizationRef(Schema):
    id: int
    slug: str
    name: str
    short_name: str


class Organization(OrganizationRef):
    kind: str
    parent: str | None = Field(None, description=_lazy("Den överordnade organisationens kortnamn."))
    established_on: datetime.date | None
    dissolved_on: datetime.date | None
    ownership: Decimal | None = Field(
        None, description=_lazy("Bolag: huvudmannens ägarandel i procent; 100 är helägt.")
    )

    @staticmethod
    def resolve_parent(obj: models.Organization) -> str | None:
        return obj.parent.slug if obj.parent else None


class PersonRef(Schema):
    id: int
    name: str


class Person(PersonRef):
    given_name: str
    family_name: str
    email: str


class Membership(Schema):
    id: int
    person: PersonRef
    organization: OrganizationRef
    role: str
    party: str
    rank: int
    start: datetime.date
    end: datetime.date | None


class Position(Schema):
    slug: str
    title: str
    organization: OrganizationRef
    security_class: int | None


class Appointment(Schema):
    id: int
    person: PersonRef
    position: Position
    acting: bool
    start: datetime.date
    end: datetime.date | None


class PositionWithHolders(Position):
    holders: list[Appointment]


class PositionDetail(PositionWithHolders):
    date: datetime.date
    appointments: list[Appointment]


class OrganizationDetail(Organization):
    date: datetime.date
    presidium: list[Membership]
    members: list[Membership]
    substitutes: list[Membership]
    positions: list[PositionWithHolders]
    sub_organizations: list[Organization]


class PersonDetail(Person):
    date: datetime.date
    current_memberships: list[Membership]
    current_appointments: list[Appointment]
    memberships: list[Membership]
    appointments: list[Appointment]


def extended(schema: type[Schema], instance: Model, **extra: Any) -> dict[str, Any]:
    """`instance` as `schema` shows it, with the extra fields of a schema derived from it."""
    return schema.from_orm(instance).model_dump() | extra


def _with_holders(positions: QuerySet[models.Position], on: datetime.date) -> list[dict[str, Any]]:
    return [
        extended(Position, position, holders=position.holders)
        for position in positions_with_holders(positions=positions, on=on)
    ]


@router.get("/bodies", response=list[Body], summary=_lazy("Kommuner och regioner"))
def body_list(request: HttpRequest) -> QuerySet[models.Body]:
    return models.Body.objects.all()


@router.get("/bodies/{slug}", response=Body, summary=_lazy("En kommun eller region"))
def body_detail(request: HttpRequest, slug: str) -> models.Body:
    return body_found(slug)


@router.get(
    "/bodies/{slug}/organizations",
    response=list[Organization],
    summary=_lazy("Organisationer: organ, förvaltningar och bolag"),
)
def organization_list(
    request: HttpRequest,
    response: HttpResponse,
    slug: str,
    paging: Query[Paging],
    kind: OrganizationKind = None,
) -> list[models.Organization]:
    organizations = body_found(slug).organizations.select_related("parent")
    if kind:
        organizations = organizations.filter(kind=kind)
    return linked_page(request, response, organizations, paging, ("name", "pk"))


@router.get(
    "/bodies/{slug}/organizations/{org_slug}",
    response=OrganizationDetail,
    summary=_lazy("En organisation med presidium, ledamöter, ersättare och befattningar"),
)
def organization_detail(
    request: HttpRequest, slug: str, org_slug: str, date: OnDate | None = None
) -> dict[str, Any]:
    body = body_found(slug)
    organization = found(
        body.organizations.select_related("parent"),
        _("%(body)s har ingen organisation med kortnamnet %(slug)s.")
        % {"body": body, "slug": org_slug},
        slug=org_slug,
    )
    on = on_or_today(date)
    return extended(
        Organization,
        organization,
        date=on,
        presidium=presidium(organization=organization, on=on).select_related("organization"),
        members=members_on(organization=organization, on=on).select_related("organization"),
        substitutes=substitutes_on(organization=organization, on=on).select_related("organization"),
        positions=_with_holders(organization.positions.all(), on),
        sub_organizations=organization.children.select_related("parent"),
    )


class PersonPage(Schema):
    items: list[Person]
    next: str | None = Field(description=_lazy("Adressen till nästa sida; null på den sista."))


@router.get("/bodies/{slug}/persons", response=PersonPage, summary=_lazy("Personer"))
def person_list(request: HttpRequest, slug: str, paging: Query[Paging]) -> dict[str, Any]:
    persons = persons_readable(request, body_found(slug))
    page, next_url = keyset_page(request, persons, paging, ("family_name", "given_name", "pk"))
    return {"items": page, "next": next_url}


@router.get(
    "/bodies/{slug}/persons/{person_id}",
    response=PersonDetail,
    summary=_lazy("En person med uppdrag och förordnanden"),
)
def person_detail(
    request: HttpRequest, slug: str, person_id: int, date: OnDate | None = None
) -> dict[str, Any]:
    body = body_found(slug)
    person = found(
        persons_readable(request, body),
        _("%(body)s har ingen person med id %(id)d.") % {"body": body, "id": person_id},
        pk=person_id,
    )
    on = on_or_today(date)
    memberships = person.memberships.select_related("organization").order_by("start", "id")
    appointments = person.appointments.select_related("position__organization").order_by(
        "start", "id"
    )
    return extended(
        Person,
        person,
        date=on,
        current_memberships=memberships.on(on),
        current_appointments=appointments.on(on),
        memberships=memberships,
        appointments=appointments,
    )


@router.get(
    "/bodies/{slug}/positions",
    response=list[PositionWithHolders],
    summary=_lazy("Befattningar med innehavare"),
)
def position_list(
    request: HttpRequest, slug: str, date: OnDate | None = None
) -> list[dict[str, Any]]:
    return _with_holders(body_found(slug).positions.all(), on_or_today(date))


@router.get(
    "/bodies/{slug}/positions/{position_slug}",
    response=PositionDetail,
    summary=_lazy("En befattning med innehavare och tidigare förordnanden"),
)
def position_detail(
    request: HttpRequest, slug: str, position_slug: str, date: OnDate | None = None
) -> dict[str, Any]:
    body = body_found(slug)
    position = found(
        body.positions.all(),
        _("%(body)s har ingen befattning med kortnamnet %(slug)s.")
        % {"body": body, "slug": position_slug},
        slug=position_slug,
    )
    on = on_or_today(date)
    appointments = position.appointments.select_related("person").order_by("start", "id")
    (with_holders,) = _with_holders(body.positions.filter(pk=position.pk), on)
    return with_holders | {"date": on, "appointments": appointments}
