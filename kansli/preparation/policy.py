"""Who may prepare a case: write its officer's report and resolution clauses, its statements,
its plan and status, move it along its route; and who sets up the body's routes.

The case's own case officer prepares it, and so do the registrars and secretaries of the case's
body (the roles that keep its registry). A board member, a case officer of other cases, an
administrator and another body's staff do not. A decided case's preparation is frozen: it is
the basis the organ decided on. Nobody sets a case decided by hand: the meeting's decision does
that, as the system (`kansli.meetings.services`). Every signed-in user of the body reads a
case's preparation; what of the case they see goes through the registry's visibility.
"""

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy

from kansli.accounts.models import Role
from kansli.accounts.policy import Action, Actor, is_person, is_staff_of, refuse, require
from kansli.organisation.models import Body
from kansli.preparation.models import Preparation
from kansli.registry.models import Case

APP = "preparation"

READ = Action(
    APP,
    _lazy("läsa ett ärendes beredning"),
    also=_lazy("all personal i ärendets kommun eller region"),
)
PREPARE = Action(
    APP,
    _lazy("bereda ett ärende: tjänsteskrivelse, att-satser, yttranden, plan och status"),
    roles=(Role.REGISTRAR, Role.SECRETARY),
    also=_lazy(
        "eller handläggaren i sitt eget ärende; ingen när ärendet är beslutat, och ingen "
        "sätter statusen beslutat för hand (det gör sammanträdets beslut)"
    ),
)
PLAN_ROUTES = Action(
    APP,
    _lazy("lägga upp ärendegångar"),
    roles=(Role.REGISTRAR, Role.SECRETARY),
)


def may_read(user: Actor, case: Case) -> bool:
    """May the user read the case's preparation: staff of the case's body?"""
    return is_staff_of(user, case.organization.body_id)


def _preparer(user: Actor, case: Case) -> bool:
    body_id = case.organization.body_id
    return PREPARE.allows(user, body_id) or (
        is_staff_of(user, body_id) and is_person(user, case.case_officer_id)
    )


def is_decided(case: Case) -> bool:
    return Preparation.objects.filter(case=case, status=Preparation.Status.DECIDED).exists()


def may_prepare(user: Actor, case: Case) -> bool:
    """May the user write the case's preparation: its case officer, or a registrar or secretary
    of its body, while the case is not decided?"""
    return _preparer(user, case) and not is_decided(case)


def require_preparer(actor: Actor, case: Case) -> None:
    """Is the actor one who prepares the case? The services refuse a decided case's preparation
    themselves, as a conflict with the case's state (`frozen_message`)."""
    require(
        _preparer(actor, case),
        actor,
        _(
            "Bara ärendets handläggare och registratorer och nämndsekreterare i %(body)s kan "
            "bereda ärendet."
        )
        % {"body": case.organization.body},
    )


def frozen_message(case: Case) -> str:
    return _("Ärende %(number)s är beslutat; dess beredning kan inte längre ändras.") % {
        "number": case.number
    }


def require_prepare(actor: Actor, case: Case) -> None:
    """For a page that offers the preparation's forms: one who prepares it, while the case is
    not decided."""
    require_preparer(actor, case)
    require(not is_decided(case), actor, frozen_message(case))


def require_status(actor: Actor, case: Case, status: str) -> None:
    """Those who prepare the case set it under preparation or ready; only the system, for the
    meeting's decision, sets it decided."""
    require_preparer(actor, case)
    require(
        status != Preparation.Status.DECIDED,
        actor,
        _(
            "Ett ärende blir beslutat genom organets beslut på sammanträdet; statusen "
            "beslutat kan inte sättas för hand."
        ),
    )


def may_plan_routes(user: Actor, body: Body) -> bool:
    return PLAN_ROUTES.allows(user, body)


def _routes_message(body: Body) -> str:
    return _("Bara registratorer och nämndsekreterare i %(body)s kan lägga upp ärendegångar.") % {
        "body": body
    }


def require_plan_routes(actor: Actor, body: Body) -> None:
    require(may_plan_routes(actor, body), actor, _routes_message(body))


def refuse_planning_routes(body: Body) -> PermissionDenied:
    """The refusal of the routes' pages to anyone but the body's registrars and secretaries."""
    return refuse(_routes_message(body))
