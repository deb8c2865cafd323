"""Certification rights through the API: the rights, the certifications (those outside a right
flagged), and the check of one payment."""

import datetime
from decimal import Decimal
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema

from kansli.followup.api.reading import readable_body
from kansli.followup.selectors import certification as selectors
from kansli.organisation.api import (
    OnDate,
    OrganizationRef,
    PersonRef,
    found,
    on_or_today,
)
from kansli.pagination import Paging, linked_page
from kansli.texts import gettext_lazy as _lazy

router = Router()


class CertificationRight(Schema):
    id: int
    person: PersonRef
    organization: OrganizationRef
    max_amount: Decimal | None
    start: datetime.date
    end: datetime.date | None
    appointed_by: PersonRef | None


class Certification(Schema):
    id: int
    right_id: int
    certifier: PersonRef
    organization: OrganizationRef
    payee_name: str
    amount: Decimal
    reference: str
    certified_on: datetime.date
    outside_right: str | None = Field(description=_lazy("Varför rätten inte täcker attesten."))


class Check(Schema):
    allowed: bool
    reason: str
    right_id: int | None


@router.get(
    "/bodies/{slug}/followup/certification-rights",
    response=list[CertificationRight],
    summary=_lazy("Attesträtter"),
)
def certification_right_index(request: HttpRequest, slug: str) -> list[Any]:
    return list(selectors.certification_rights(body=readable_body(request, slug)))


@router.get(
    "/bodies/{slug}/followup/certifications",
    response=list[Certification],
    summary=_lazy("Attester, de senaste först"),
)
def certification_index(
    request: HttpRequest,
    response: HttpResponse,
    slug: str,
    paging: Query[Paging],
    outside: bool = False,
) -> list[dict[str, Any]]:
    """With `outside`, only the certifications no valid right covered."""
    body = readable_body(request, slug)
    reasons = dict(selectors.certifications_outside_rights(body=body))
    rows = selectors.certifications(body=body)
    if outside:
        rows = rows.filter(pk__in=[row.pk for row in reasons])
    page = linked_page(request, response, rows, paging, ("-certified_on", "-pk"))
    return [
        {
            "id": row.pk,
            "right_id": row.right_id,
            "certifier": row.right.person,
            "organization": row.right.organization,
            "payee_name": row.payee_name,
            "amount": row.amount,
            "reference": row.reference,
            "certified_on": row.certified_on,
            "outside_right": reasons.get(row),
        }
        for row in page
    ]


@router.get(
    "/bodies/{slug}/followup/certification-check",
    response=Check,
    summary=_lazy("Får personen attestera betalningen?"),
)
def certification_check(
    request: HttpRequest,
    slug: str,
    person_id: int,
    organization: str,
    amount: Decimal,
    payee: str = "",
    date: OnDate | None = None,
) -> dict[str, Any]:
    body = readable_body(request, slug)
    certifier = found(
        body.persons.all(), _("Ingen person med id %(id)d.") % {"id": person_id}, pk=person_id
    )
    responsible = found(
        body.organizations.all(),
        _("Ingen organisation med kortnamnet %(slug)s.") % {"slug": organization},
        slug=organization,
    )
    check = selectors.certification_check(
        certifier=certifier,
        organization=responsible,
        amount=amount,
        on=on_or_today(date),
        payee_name=payee,
    )
    return {
        "allowed": check.allowed,
        "reason": check.reason,
        "right_id": check.right.pk if check.right else None,
    }
