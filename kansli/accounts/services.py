"""Users, roles and API tokens."""

import datetime
from collections.abc import Iterable

from django.contrib.auth.models import Group, Permission
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from kansli.accounts.models import ApiToken, Role, User
from kansli.accounts.policy import require_token_create, require_token_revoke, require_user_create
from kansli.audit import services as audit
from kansli.audit.services import Actor
from kansli.organisation.models import Person

# The admin site is the administrator's, for the settings of its own body (every ModelAdmin
# shows only that body's rows, kansli.audit.admin.BodyScoped): the organisation, the governing
# documents and delegation orders, the users and their API keys, the registry's number series,
# retention rules and records requests' settings, the preparation routes, the webhook
# subscriptions and their deliveries, and the event log. Nothing of the business
# (cases, documents, records requests, preparation, meetings, decisions, follow-up).
_ADMINISTERED = {
    "organisation": ("body", "organization", "person", "membership", "position", "appointment"),
    "governance": ("governingdocument", "revision", "documentversion", "section"),
    "accounts": ("user", "apitoken"),
    "delegation": ("delegationorder", "decisiontype", "delegationrule", "duty"),
    "registry": ("numberseries", "retentionrule", "recordsrequestsettings"),
    "preparation": ("route", "routestep"),
    "integrations": ("webhooksubscription", "webhookdelivery"),
}

# Django model permissions, for the admin site only. The business roles need none: every app's
# policy decides by role (kansli/<app>/policy.py), and the administrator's role gives no
# business power unless the user also holds the business role.
ROLE_PERMISSIONS: dict[Role, tuple[str, ...]] = {
    Role.REGISTRAR: (),
    Role.SECRETARY: (),
    Role.CASE_OFFICER: (),
    Role.DIRECTOR: (),
    Role.ELECTED_MEMBER: (),
    Role.ADMINISTRATOR: (
        "audit.view_event",
        *(
            f"{app}.{verb}_{model}"
            for app, models in _ADMINISTERED.items()
            for model in models
            for verb in ("view", "add", "change", "delete")
        ),
    ),
}


@transaction.atomic
def roles_sync() -> None:
    """Create a group per role holding exactly the role's permissions."""
    for role, names in ROLE_PERMISSIONS.items():
        group, _ = Group.objects.get_or_create(name=role.value)
        permissions = [
            Permission.objects.get(content_type__app_label=app, codename=codename)
            for app, codename in (name.split(".") for name in names)
        ]
        group.permissions.set(permissions)


@transaction.atomic
def user_create(
    *,
    actor: Actor,
    username: str,
    password: str | None,
    roles: Iterable[Role] = (),
    person: Person | None = None,
    email: str = "",
) -> User:
    """Create a user with the given roles; administrators may use the admin site.

    The administrator of the person's body creates them, with roles it holds itself; a user of
    no person only the system or an operator."""
    roles = list(roles)
    require_user_create(actor, person_body=person.body_id if person else None, roles=roles)
    user = User(
        username=username,
        email=email,
        person=person,
        first_name=person.given_name if person else "",
        last_name=person.family_name if person else "",
        is_staff=Role.ADMINISTRATOR in roles,
    )
    if password is None:
        user.set_unusable_password()
    else:
        user.set_password(password)
    audit.create(actor=actor, instance=user)
    groups = Group.objects.filter(name__in=[role.value for role in roles])
    if len(groups) != len(set(roles)):
        raise ValidationError(_("Rollgrupperna saknas: kör `kansli migrate`."))
    audit.set_relations(actor=actor, instance=user, groups=groups)
    return user


# How stale a token's "last used" may be: at most one write a minute per token, not one a request.
TOKEN_USE_RESOLUTION = datetime.timedelta(minutes=1)


def token_create(*, actor: Actor, user: User, name: str) -> tuple[ApiToken, str]:
    """Give `user` a new API token. The key is returned here, once; only its digest is kept."""
    require_token_create(actor, user)
    key = ApiToken.new_key()
    token = ApiToken(
        user=user,
        name=name,
        prefix=key[: ApiToken.PREFIX_LENGTH],
        digest=ApiToken.digest_of(key),
    )
    return audit.create(actor=actor, instance=token), key


def token_revoke(*, actor: Actor, token: ApiToken) -> ApiToken:
    """Revoke a token for good; requests bearing its key are refused from now on."""
    require_token_revoke(actor, token.user)
    if token.revoked_at is not None:
        raise ValidationError(_("API-nyckeln är redan återkallad."))
    return audit.update(actor=actor, instance=token, revoked_at=timezone.now())


def token_mark_used(*, token: ApiToken) -> None:
    """Note that the token was just used.

    Not audited: like a user's last login, it is bookkeeping, and an event per request
    would drown the log.
    """
    now = timezone.now()
    if token.last_used_at is not None and now - token.last_used_at < TOKEN_USE_RESOLUTION:
        return
    ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
    token.last_used_at = now
