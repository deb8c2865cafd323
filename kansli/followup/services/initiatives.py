"""An initiative the director takes with the board is a case to the board in the registry,
with the director as its officer: a budget deviation (seed 000, "Ekonomiskt ansvar") or a
matter under the supervision duty (KL 6 kap. 1 §)."""

import datetime

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from kansli.audit.services import Actor
from kansli.followup.policy import require_keep
from kansli.organisation.models import Body, Organization
from kansli.organisation.selectors import director_of
from kansli.registry.models import Case
from kansli.registry.services import case_open


def board_case_open(*, actor: Actor, body: Body, title: str, on: datetime.date) -> Case:
    """Open the case to the body's board, as a keeper of the follow-up; runs in the caller's
    transaction."""
    require_keep(actor, body)
    board = Organization.objects.filter(body=body, kind=Organization.Kind.EXECUTIVE_BOARD).first()
    if board is None:
        raise ValidationError(
            _("%(body)s har ingen styrelse att ta initiativet till.") % {"body": body}
        )
    return case_open(
        actor=actor,
        organization=board,
        title=title,
        case_officer=director_of(body=body, on=on),
        opened_on=on,
    )
