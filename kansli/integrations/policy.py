"""Who may manage the body's webhook subscriptions and read their deliveries: its
administrators. An idempotency key needs no permission of its own: it belongs to the user
whose call it repeats, and the call is checked by its own service."""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy

from kansli.accounts.models import Role
from kansli.accounts.policy import Action, Actor, require
from kansli.organisation.models import Body

APP = "integrations"

MANAGE_WEBHOOKS = Action(
    APP,
    _lazy("lägga upp och ta bort webhook-prenumerationer och läsa deras leveranser"),
    (Role.ADMINISTRATOR,),
)


def may_manage_webhooks(user: Actor, body: Body | int) -> bool:
    """May the user manage the body's webhook subscriptions and see what was sent to them?"""
    return MANAGE_WEBHOOKS.allows(user, body)


def require_manage_webhooks(actor: Actor, *, body: Body) -> None:
    require(
        may_manage_webhooks(actor, body),
        actor,
        _("Bara administratörer hos %(body)s hanterar webhook-prenumerationer.") % {"body": body},
    )
