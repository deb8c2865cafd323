"""The duty dashboard through the API: its lines as JSON."""

from django.http import HttpRequest
from ninja import Field, Router, Schema

from kansli.followup import policy
from kansli.followup.duties import DutyLine, duty_lines
from kansli.organisation.api import OnDate, body_found, on_or_today
from kansli.texts import gettext_lazy as _lazy

router = Router()


class EvidenceOut(Schema):
    ok: bool
    summary: str
    count: int | None
    url: str
    due_soon: bool


class DutyLineOut(Schema):
    number: str = Field(description=_lazy("Skyldighetens nummer i instruktionen."))
    text: str
    section: str = Field(description=_lazy("Avsnittet i instruktionen som skyldigheten står i."))
    section_url: str | None
    state: str = Field(description="ok, due, missing, pending")
    summary: str
    evidence: EvidenceOut | None


@router.get(
    "/bodies/{slug}/followup/duties",
    response=list[DutyLineOut],
    summary=_lazy("Direktörens skyldigheter med underlaget en dag"),
)
def duty_list(request: HttpRequest, slug: str, date: OnDate | None = None) -> list[DutyLine]:
    body = body_found(slug)
    policy.require_read_duties(request.user, body)
    return duty_lines(body=body, on=on_or_today(date))
