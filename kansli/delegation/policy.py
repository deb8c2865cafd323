"""Who may import a body's delegation order: its administrator or its committee secretaries,
who keep the order's file as the organization adopted it; the system when it loads the demo or
an operator runs `kansli delegation import`.

Reading the orders, their rules and who may decide what is open to every signed-in user and API
key of any body: a delegation order is a public governing document. What the signed-in user may
decide is the user's own page.
"""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from kansli.accounts.models import Role
from kansli.accounts.policy import Action, Actor, require
from kansli.organisation.models import Body

IMPORT = Action(
    "delegation",
    gettext_lazy("lägga in en delegationsordning"),
    (Role.ADMINISTRATOR, Role.SECRETARY),
)


def may_import(user: Actor, body: Body | int | None) -> bool:
    return IMPORT.allows(user, body)


def require_import(actor: Actor, body: Body | int | None) -> None:
    require(
        may_import(actor, body),
        actor,
        _(
            "Bara administratören eller nämndsekreterarna i kommunen eller regionen kan lägga in "
            "en delegationsordning."
        ),
    )
