"""Who may import a body's delegation order: its administrator or its committee secretaries,
who keep the order's file as the organization adopted it; the system when it loads the demo or
an operator runs `kansli delegation import`.

Who may draft a new version of an order, and read the drafts: the body's committee secretaries,
who prepare the board's matters and keep its orders, and its director, who answers for the
delegation order to the board. Nobody brings a draft into force: the system does, when the
minutes of the adopting organization's decision are approved (`kansli.meetings.adoption`).

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


DRAFT = Action(
    "delegation",
    gettext_lazy("ta fram ett utkast till en ny version av en delegationsordning"),
    (Role.SECRETARY, Role.DIRECTOR),
)
ADOPT = Action(
    "delegation",
    gettext_lazy("sätta en ny version av en delegationsordning i kraft"),
    (),
    gettext_lazy("bara systemet, när protokollet med organets beslut att anta den är justerat"),
)


def may_draft(user: Actor, body: Body | int | None) -> bool:
    return DRAFT.allows(user, body)


def require_draft(actor: Actor, body: Body | int | None) -> None:
    require(
        may_draft(actor, body),
        actor,
        _(
            "Bara nämndsekreterarna och direktören i kommunen eller regionen kan ta fram ett "
            "utkast till delegationsordning."
        ),
    )


def require_adopt(actor: Actor, body: Body | int | None) -> None:
    require(
        ADOPT.allows(actor, body),
        actor,
        _(
            "En ny version av delegationsordningen antas bara genom organets beslut, när "
            "protokollet är justerat."
        ),
    )
