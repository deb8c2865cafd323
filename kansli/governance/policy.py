"""Who may change the governing documents of a body: its administrator, who keeps the texts and
their metadata as the body adopted them (the settings of the body), or the system when it loads
them.

Reading them is open to every signed-in user and API key of any body: the governing documents
a municipality has adopted are public records. The anonymous visitor reads those the body
publishes (`external`), as the public portal lists them.
"""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from kansli.accounts.models import Role
from kansli.accounts.policy import Action, Actor, require
from kansli.governance.models import GoverningDocument
from kansli.organisation.models import Body

CHANGE = Action(
    "governance",
    gettext_lazy("lägga in och ändra styrdokument, versioner och revideringar"),
    (Role.ADMINISTRATOR,),
)


def may_change(user: Actor, body: Body | int | None) -> bool:
    return CHANGE.allows(user, body)


def require_change(actor: Actor, body: Body | int | None) -> None:
    require(
        may_change(actor, body),
        actor,
        _("Bara administratören i kommunen eller regionen kan ändra dess styrdokument."),
    )


def may_read(user: Actor, document: GoverningDocument) -> bool:
    """Every signed-in user reads every governing document; the public those published."""
    return document.external or (user is not None and user.is_authenticated)
