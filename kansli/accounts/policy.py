"""Who may: the base questions that every app's `policy.py` builds on.

A user acts in one body: the body of the person the account belongs to. Within it, what the
user may do follows from the roles held (`Role`, kept as Django groups) and, where an app asks,
the posts the person holds on the day (`Appointment`). An app's policy names each thing a user
may do as an `Action`: the roles that may do it in their own body, and in words anything else
that the app's `may_*` function checks (the case officer in their own case, the director's
post). Services call the app's `require_*` with the actor before anything else they check;
views, templates, the API, the admin and commands ask the app's `may_*`.

No actor (`None`) is the system itself: migrations, imports, the demo, `kansli` commands run by
an operator. A superuser is an operator made from the command line (`kansli createsuperuser`):
staff of every body, every action written to the event log like anyone's.
"""

import datetime
from collections.abc import Iterable
from dataclasses import dataclass

from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from kansli.accounts.models import Role
from kansli.accounts.models import User as Account
from kansli.organisation.models import Appointment, Body, Position
from kansli.texts import StrOrPromise

User = Account | AnonymousUser
Actor = Account | AnonymousUser | None


@dataclass(frozen=True)
class Standing:
    """Who a signed-in user is, worked out once per request's user object."""

    person_id: int | None
    body_id: int | None
    roles: frozenset[Role]
    operator: bool  # an active superuser: staff of every body

    def is_staff_of(self, body_id: int | None) -> bool:
        return self.operator or (self.body_id is not None and self.body_id == body_id)

    def is_person(self, person_id: int | None) -> bool:
        return self.person_id is not None and self.person_id == person_id


NOBODY = Standing(person_id=None, body_id=None, roles=frozenset(), operator=False)


def standing(user: Actor) -> Standing:
    """The user's standing; the anonymous public, and an inactive account, have none."""
    if not isinstance(user, Account) or not user.is_active:
        return NOBODY
    cached = getattr(user, "_kansli_standing", None)
    if cached is not None:
        return cached
    person = user.person
    result = Standing(
        person_id=person.pk if person is not None else None,
        body_id=person.body_id if person is not None else None,
        roles=frozenset(
            Role(name) for name in user.groups.values_list("name", flat=True) if name in Role
        ),
        operator=user.is_superuser,
    )
    user._kansli_standing = result
    return result


def is_staff_of(user: Actor, body: Body | int | None) -> bool:
    """Is the user signed in as a person of the body (or an operator)?"""
    return standing(user).is_staff_of(_body_id(body))


def has_role(user: Actor, body: Body | int | None, *roles: Role) -> bool:
    """Is the user staff of the body holding one of the roles? An operator holds them all."""
    own = standing(user)
    if own.operator:
        return True
    return own.is_staff_of(_body_id(body)) and not own.roles.isdisjoint(roles)


def is_person(user: Actor, person_id: int | None) -> bool:
    """Is the user signed in as this person?"""
    return standing(user).is_person(person_id)


def holds_post(user: Actor, position: Position | None, on: datetime.date | None = None) -> bool:
    """Does the user's person hold the post on the day (regularly or acting)?"""
    own = standing(user)
    if position is None or own.person_id is None:
        return False
    day = on or timezone.localdate()
    return Appointment.objects.on(day).filter(position=position, person_id=own.person_id).exists()


@dataclass(frozen=True)
class Action:
    """One thing a user may do in an app: the roles that may do it in their own body, and in
    words what else the app's `may_*` lets through (`also`, for docs/security.md)."""

    app: str
    name: StrOrPromise
    roles: tuple[Role, ...] = ()
    also: StrOrPromise = ""

    def __post_init__(self) -> None:
        ACTIONS.append(self)

    def allows(self, user: Actor, body: Body | int | None) -> bool:
        """Does one of the user's roles give the action in the body?"""
        return bool(self.roles) and has_role(user, body, *self.roles)


# Every action of every app's policy, in the order the policies were imported (docs/security.md).
ACTIONS: list[Action] = []


def refuse(message: StrOrPromise | None = None) -> PermissionDenied:
    """The refusal a `require_*` raises, in Swedish."""
    return PermissionDenied(message or _("Du har inte behörighet att göra detta."))


def require(allowed: bool, actor: Actor, message: StrOrPromise | None = None) -> None:
    """Refuse unless allowed; the system (no actor) always passes."""
    if actor is not None and not allowed:
        raise refuse(message)


def _body_id(body: Body | int | None) -> int | None:
    return body.pk if isinstance(body, Body) else body


# The administrator's questions: users, roles and API keys of the administrator's own body.
ADMINISTER_USERS = Action(
    "accounts",
    gettext_lazy("skapa och ändra användare och ge dem roller"),
    (Role.ADMINISTRATOR,),
    gettext_lazy(
        "bara användare av personer i den egna huvudmannen och bara roller som administratören "
        "själv har; superanvändare skapas bara från kommandoraden"
    ),
)
MANAGE_TOKENS = Action(
    "accounts",
    gettext_lazy("skapa och återkalla API-nycklar"),
    (Role.ADMINISTRATOR,),
    gettext_lazy(
        "eller användaren själv för sina egna nycklar; administratören skapar nycklar bara åt "
        "användare vars alla roller den själv har"
    ),
)


def body_of_user(user: Account) -> int | None:
    """The body of the person a user account belongs to (None for an account of no person)."""
    person = getattr(user, "person", None)
    return person.body_id if person is not None else None


def grantable_roles(user: Actor) -> frozenset[Role]:
    """The roles the user may give others: an operator all, an administrator those it holds."""
    own = standing(user)
    if own.operator:
        return frozenset(Role)
    return own.roles if Role.ADMINISTRATOR in own.roles else frozenset()


def may_administer(user: Actor, body: Body | int | None) -> bool:
    """May the user manage the body's users and settings (the administrator of the body)?"""
    return ADMINISTER_USERS.allows(user, body)


def may_manage_user(user: Actor, account: Account) -> bool:
    """May the user change `account` (its details, roles, password)? An operator's account only
    an operator may."""
    if getattr(account, "is_superuser", False):
        return standing(user).operator
    return may_administer(user, body_of_user(account))


def may_set_password(user: Actor, account: Account) -> bool:
    """May the user set `account`'s password? Only of an account whose every role the user may
    give: signing in as another, an administrator would take on roles it does not hold."""
    roles = {Role(name) for name in account.groups.values_list("name", flat=True) if name in Role}
    return may_manage_user(user, account) and roles <= grantable_roles(user)


def is_account(user: Actor, account: Account) -> bool:
    """Is the user signed in (and active) as this very account?"""
    return isinstance(user, Account) and standing(user) is not NOBODY and user.pk == account.pk


def may_revoke_tokens(user: Actor, account: Account) -> bool:
    """May the user revoke API keys of `account`: the account itself, or the administrator of
    its body?"""
    return is_account(user, account) or (
        MANAGE_TOKENS.allows(user, body_of_user(account)) and may_manage_user(user, account)
    )


def may_create_token(user: Actor, account: Account) -> bool:
    """May the user make an API key of `account`: the account itself, or the administrator of
    its body if it holds every role of the account (a key, like a password, lets one act as
    the account)?"""
    return is_account(user, account) or (
        may_revoke_tokens(user, account) and may_set_password(user, account)
    )


def require_user_create(actor: Actor, *, person_body: int | None, roles: Iterable[Role]) -> None:
    """The administrator of the person's body, giving only roles it holds itself."""
    require(
        may_administer(actor, person_body),
        actor,
        _("Bara administratören i användarens egen kommun eller region kan skapa användare."),
    )
    require(
        set(roles) <= grantable_roles(actor),
        actor,
        _("Du kan bara ge roller som du själv har."),
    )


def require_token_create(actor: Actor, account: Account) -> None:
    require(
        may_create_token(actor, account),
        actor,
        _(
            "Bara användaren själv, eller administratören i användarens kommun eller region "
            "om den har alla användarens roller, kan skapa en API-nyckel åt användaren."
        ),
    )


def require_token_revoke(actor: Actor, account: Account) -> None:
    require(
        may_revoke_tokens(actor, account),
        actor,
        _(
            "Bara användaren själv eller administratören i användarens kommun eller region "
            "kan återkalla användarens API-nycklar."
        ),
    )


# The directory (SCIM, kansli.provisioning): an account of the body's administrator whose API
# key the directory holds.
PROVISION_USERS = Action(
    "accounts",
    gettext_lazy("låta katalogen skapa, ändra och avaktivera användare (SCIM)"),
    (Role.ADMINISTRATOR,),
    gettext_lazy(
        "bara användare av personer i den egna huvudmannen, med API-nyckel, och bara roller som "
        "kontot självt har; superanvändare aldrig"
    ),
)


def provisioned_body(user: Actor) -> int | None:
    """The body whose users the user may provision from the directory, or None."""
    body_id = standing(user).body_id
    return body_id if PROVISION_USERS.allows(user, body_id) else None


def may_provision(user: Actor, account: Account) -> bool:
    """May the user provision `account` from the directory: a user of a person of the body the
    user provisions, and no operator's account?"""
    body_id = provisioned_body(user)
    return body_id is not None and not account.is_superuser and body_of_user(account) == body_id


def require_provision(
    actor: Actor, account: Account, *, roles_changed: Iterable[Role] = ()
) -> None:
    """The administrator of the account's body, changing only roles it holds itself."""
    require(
        may_provision(actor, account),
        actor,
        _("Bara administratören i användarens egen kommun eller region kan ändra användaren."),
    )
    require(
        set(roles_changed) <= grantable_roles(actor),
        actor,
        _("Du kan bara ge roller som du själv har."),
    )


def may_deactivate(user: Actor, account: Account) -> bool:
    """May the user deactivate `account`: its body's administrator, or an operator?"""
    return may_manage_user(user, account)


def require_deactivate(actor: Actor, account: Account) -> None:
    require(
        may_deactivate(actor, account),
        actor,
        _("Bara administratören i användarens kommun eller region kan avaktivera användaren."),
    )


def may_reset_second_factor(user: Actor, account: Account) -> bool:
    """May the user remove `account`'s second factor, for a user who lost both the app and the
    recovery codes: its body's administrator, or an operator, and never for one's own account
    (a thief of the password would need the factor no more)."""
    return may_manage_user(user, account) and not is_account(user, account)


def require_second_factor_reset(actor: Actor, account: Account) -> None:
    require(
        may_reset_second_factor(actor, account),
        actor,
        _(
            "Bara administratören i användarens kommun eller region kan ta bort användarens "
            "andra faktor, och aldrig sin egen."
        ),
    )
