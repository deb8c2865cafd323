"""Reading users' API tokens, and who may do what."""

import contextlib
import importlib
import itertools

from django.apps import apps
from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.utils.text import capfirst
from django.utils.translation import gettext as _

from kansli.accounts.models import ApiToken, Role, User
from kansli.accounts.policy import ACTIONS, Action


def token_for_key(*, key: str, scope: str) -> ApiToken | None:
    """The token a bearer key opens where it is used (`ApiToken.Scope`): of that scope, not
    revoked, and its user still active."""
    return (
        ApiToken.objects.select_related("user")
        .filter(
            digest=ApiToken.digest_of(key),
            scope=scope,
            revoked_at__isnull=True,
            user__is_active=True,
        )
        .first()
    )


def tokens_of(*, user: User) -> QuerySet[ApiToken]:
    """The user's tokens, newest first, revoked ones included."""
    return ApiToken.objects.filter(user=user).order_by("-created_at", "-id")


def token_with_prefix(*, prefix: str) -> ApiToken:
    """The one token that is not revoked and whose key begins with `prefix`."""
    tokens = list(ApiToken.objects.filter(prefix=prefix, revoked_at__isnull=True)[:2])
    if not tokens:
        raise ValidationError(
            _("Ingen giltig API-nyckel börjar med %(prefix)s.") % {"prefix": prefix}
        )
    if len(tokens) > 1:
        raise ValidationError(
            _(
                "Flera giltiga API-nycklar börjar med %(prefix)s; "
                "återkalla rätt nyckel i administrationen."
            )
            % {"prefix": prefix}
        )
    return tokens[0]


def policy_actions() -> list[Action]:
    """Every action of every app's policy, in the order of the apps in the flow."""
    for config in apps.get_app_configs():
        if config.name.startswith("kansli."):
            with contextlib.suppress(ModuleNotFoundError):
                importlib.import_module(f"{config.name}.policy")
    order = {config.label: index for index, config in enumerate(apps.get_app_configs())}
    return sorted(ACTIONS, key=lambda action: order.get(action.app, len(order)))


def policy_table() -> str:
    """Who may do what, as Markdown: a table per app of its actions against the roles, and what
    else each action lets through (docs/security.md holds this, checked by a test)."""
    roles = list(Role)
    lines: list[str] = []
    for app, actions in itertools.groupby(policy_actions(), key=lambda action: action.app):
        lines += [
            "",
            f"### {apps.get_app_config(app).verbose_name} (`{app}`)",
            "",
            "| "
            + " | ".join([_("Åtgärd"), *(str(role.label) for role in roles), _("Dessutom")])
            + " |",
            "|" + "---|" * (len(roles) + 2),
        ]
        for action in actions:
            marks = ["✓" if role in action.roles else "" for role in roles]
            cells = [str(capfirst(action.name)), *marks, str(action.also)]
            lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines[1:]) + "\n"
