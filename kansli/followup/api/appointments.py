"""What the delegation engine requires before a head is appointed or dismissed, through the
API."""

from typing import Any

from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Router, Schema

from kansli.followup.api.reading import readable_body
from kansli.followup.selectors import appointments as selectors
from kansli.organisation.api import OnDate, found, on_or_today
from kansli.texts import gettext_lazy as _lazy

router = Router()


class AppointmentType(Schema):
    code: str
    name: str
    action: str


class Requirements(Schema):
    rule: str
    matter: str
    delegate: str
    source: str
    conditions: list[str]
    before: list[str]
    after: list[str]


@router.get(
    "/bodies/{slug}/followup/appointment-types",
    response=list[AppointmentType],
    summary=_lazy("Beslut om att tillsätta eller entlediga chefer som delegationsordningen har"),
)
def appointment_type_index(request: HttpRequest, slug: str) -> list[Any]:
    return selectors.appointment_types(body=readable_body(request, slug))


@router.get(
    "/bodies/{slug}/followup/appointment-requirements",
    response=list[Requirements],
    summary=_lazy("Krav före och efter ett beslut om att tillsätta eller entlediga en chef"),
)
def appointment_requirements(
    request: HttpRequest, slug: str, decision_type: str, position: str, date: OnDate | None = None
) -> list[Any]:
    body = readable_body(request, slug)
    post = found(
        body.positions.all(),
        _("%(body)s har ingen befattning ”%(slug)s”.") % {"body": body, "slug": position},
        slug=position,
    )
    answers = selectors.appointment_requirements(
        body=body, decision_type=decision_type, position=post, on=on_or_today(date)
    )
    return [
        {
            "rule": answer.rule.number,
            "matter": answer.rule.matter,
            "delegate": answer.rule.delegate.name,
            "source": answer.rule.source.citation,
            "conditions": answer.conditions,
            "before": answer.before_labels,
            "after": answer.after_labels,
        }
        for answer in answers
    ]
