"""Users, roles and API tokens."""

from collections.abc import Iterable

from django.contrib.auth.models import Group, Permission
from django.db import transaction

from kansli.accounts.models import Role, User
from kansli.audit import services as audit
from kansli.audit.services import Actor
from kansli.organisation.models import Person

_ADMINISTERED = {
    "organisation": ("body", "organization", "person", "membership", "position", "appointment"),
    "governance": ("governingdocument", "revision", "documentversion", "section"),
    "accounts": ("user", "apitoken"),
}

# What each role may change, as Django model permissions ("app_label.codename").
# Everyone signed in may read the organisation and the governing documents.
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
    """Create a user with the given roles; administrators may use the admin site."""
    roles = list(roles)
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
    roles_sync()
    user.groups.set(Group.objects.filter(name__in=[role.value for role in roles]))
    return user
