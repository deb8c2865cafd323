"""Cases of the demo's Vänersborg to prepare, made by the system (the demo holds no cases)."""

from django.utils import timezone

from kansli.accounts.models import User
from kansli.organisation import services as organisation
from kansli.organisation.models import Body, Organization, Person
from kansli.preparation import services
from kansli.preparation.models import Preparation, Route
from kansli.registry import services as registry
from kansli.registry.models import Case


def organ(body: Body, slug: str) -> Organization:
    return Organization.objects.get(body=body, slug=slug)


def other_officer(body: Body) -> Person:
    """A case officer of the body who is none of the demo's users."""
    return organisation.person_create(actor=None, body=body, given_name="Olof", family_name="Annan")


def open_case(body: Body, officer: Person | None = None) -> Case:
    """A case of the board; its officer is `officer`, or someone none of the demo users is."""
    return registry.case_open(
        actor=None,
        organization=organ(body, "ks"),
        title="Revidering av kommundirektörsinstruktion",
        case_officer=officer or other_officer(body),
    )


def officer_case(body: Body, username: str = "handlaggare") -> Case:
    """A case whose officer is the demo user's person."""
    return open_case(body, User.objects.get(username=username).person)


def route(body: Body) -> Route:
    return services.route_create(
        actor=None, body=body, name="AU, KS", organizations=[organ(body, "au"), organ(body, "ks")]
    )


def ready_case(body: Body, officer: Person | None = None) -> Case:
    """A case with its report, a clause and a rapporteur, on its route's first organ."""
    case = open_case(body, officer)
    services.preparation_plan(actor=None, case=case, route=route(body))
    services.report_save(
        actor=None,
        case=case,
        text="Bakgrund.",
        clauses=["att anta instruktionen"],
        rapporteur=case.case_officer,
    )
    return case


def decided_case(body: Body, officer: Person | None = None) -> Case:
    """A case the meeting has decided: the system set its preparation decided."""
    case = ready_case(body, officer)
    services.status_change(actor=None, case=case, status=Preparation.Status.DECIDED)
    return case


def today() -> str:
    return timezone.localdate().isoformat()
