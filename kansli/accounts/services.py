"""Users, roles and API tokens."""

import datetime
from collections.abc import Iterable
from dataclasses import dataclass
from typing import cast

from django.contrib.auth.models import Group, Permission
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django_otp import devices_for_user

from kansli.accounts.models import ApiToken, Role, Session, User
from kansli.accounts.policy import (
    require_deactivate,
    require_provision,
    require_second_factor_reset,
    require_token_create,
    require_token_revoke,
    require_user_create,
)
from kansli.audit import services as audit
from kansli.audit.services import Actor
from kansli.organisation.models import Body, Person

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


def token_create(
    *, actor: Actor, user: User, name: str, scope: str = ApiToken.Scope.API
) -> tuple[ApiToken, str]:
    """Give `user` a new token for the API, or for the directory's provisioning alone
    (`scope`). The key is returned here, once; only its digest is kept."""
    require_token_create(actor, user)
    key = ApiToken.new_key()
    token = ApiToken(
        user=user,
        name=name,
        scope=scope,
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


@transaction.atomic
def deactivate(*, actor: Actor, user: User) -> User:
    """Deactivate a user: its sessions end at once and its API keys are revoked, so that neither
    a signed-in browser nor a client with a key gets another answer. The account is kept, for
    the event log that names it."""
    require_deactivate(actor, user)
    if user.is_active:
        audit.update(actor=actor, instance=user, is_active=False)
    now = timezone.now()
    for token in user.api_tokens.filter(revoked_at__isnull=True):
        audit.update(actor=actor, instance=token, revoked_at=now)
    # Bookkeeping, like the sign-in itself: the deactivation above is the event.
    _sessions_end(user)
    return user


@transaction.atomic
def second_factor_reset(*, actor: Actor, user: User) -> User:
    """Remove a user's second factor, for a user who lost both the app and the recovery codes:
    every device (the app, the recovery codes, the passkeys) goes, the user's sessions end, and
    the user sets a new factor up at the next sign-in. The event names what was done; the
    devices' keys never reach it."""
    require_second_factor_reset(actor, user)
    devices = list(devices_for_user(user, confirmed=None))
    for device in devices:
        device.delete()
    audit.update(actor=actor, instance=user, second_factor_due=True)
    audit.record(
        actor=actor,
        action=audit.action_name(user, "second_factor_reset"),
        instance=user,
        after={"devices_removed": len(devices)},
    )
    # Bookkeeping, like the sign-in itself: the reset above is the event.
    _sessions_end(user)
    return user


def _sessions_end(user: User) -> None:
    """Every session of the user ends at once: its next request is signed out."""
    Session.objects.filter(user_id=user.pk).delete()


@dataclass(frozen=True)
class DirectoryEntry:
    """What the directory says of a user (a SCIM User): the account and its person."""

    username: str
    given_name: str
    family_name: str
    email: str = ""
    external_id: str = ""
    employee_number: str = ""
    active: bool = True


@transaction.atomic
def directory_user_create(*, actor: Actor, body: Body | int, entry: DirectoryEntry) -> User:
    """A user of the body as the directory describes it, of the body's person with the entry's
    employee number if that person has no account yet, otherwise of a new person."""
    body_id = body.pk if isinstance(body, Body) else body
    person = None
    if entry.employee_number:
        person = Person.objects.filter(
            body_id=body_id, employee_number=entry.employee_number, user__isnull=True
        ).first()
    person = person or Person(body_id=body_id)
    user = User(person=person, is_active=entry.active, **_account_fields(entry))
    require_provision(actor, user)
    _person_from_entry(actor, person, entry)
    user.set_unusable_password()
    return audit.create(actor=actor, instance=user)


@transaction.atomic
def directory_user_update(*, actor: Actor, user: User, entry: DirectoryEntry) -> User:
    """Bring a user and its person in step with the directory; `active: false` deactivates."""
    require_provision(actor, user)
    # A provisioned user is a person's of the actor's body (require_provision).
    _person_from_entry(actor, cast(Person, user.person), entry)
    audit.update(
        actor=actor,
        instance=user,
        is_active=user.is_active or entry.active,
        **_account_fields(entry),
    )
    if not entry.active:
        deactivate(actor=actor, user=user)
    return user


@transaction.atomic
def directory_user_remove(*, actor: Actor, user: User) -> User:
    """The directory removed the user: deactivated, and gone from the directory's view."""
    require_provision(actor, user)
    deactivate(actor=actor, user=user)
    return audit.update(actor=actor, instance=user, deprovisioned_at=timezone.now())


@transaction.atomic
def directory_user_roles_set(*, actor: Actor, user: User, roles: Iterable[Role]) -> User:
    """Give the user exactly these roles, as the directory's groups say (SCIM Groups)."""
    return _roles_set(actor, user, set(roles))


@transaction.atomic
def directory_role_members_change(
    *, actor: Actor, role: Role, joining: Iterable[User] = (), leaving: Iterable[User] = ()
) -> None:
    """Users join and leave a role, as the directory's group of the role says."""
    for user in joining:
        _roles_set(actor, user, {*user.roles, role})
    for user in leaving:
        _roles_set(actor, user, set(user.roles) - {role})


def _roles_set(actor: Actor, user: User, roles: set[Role]) -> User:
    require_provision(actor, user, roles_changed=roles ^ set(user.roles))
    kept = user.groups.exclude(name__in=list(Role))
    audit.set_relations(
        actor=actor,
        instance=user,
        groups=[*kept, *Group.objects.filter(name__in=[role.value for role in roles])],
    )
    return audit.update(actor=actor, instance=user, is_staff=Role.ADMINISTRATOR in roles)


def _person_from_entry(actor: Actor, person: Person, entry: DirectoryEntry) -> None:
    fields = {
        "given_name": entry.given_name,
        "family_name": entry.family_name,
        "email": entry.email,
        "employee_number": entry.employee_number,
    }
    if person.pk is None:
        for name, value in fields.items():
            setattr(person, name, value)
        audit.create(actor=actor, instance=person)
    else:
        audit.update(actor=actor, instance=person, **fields)


def _account_fields(entry: DirectoryEntry) -> dict[str, str]:
    return {
        "username": entry.username,
        "first_name": entry.given_name,
        "last_name": entry.family_name,
        "email": entry.email,
        "external_id": entry.external_id,
    }
