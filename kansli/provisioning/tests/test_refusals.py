"""The directory's writes are the administrator's of the users' own body (giving only roles it
holds); its routes answer an API key only, so every signed-in persona gets 401 (the key's
refusals: test_scim_access.py)."""

from typing import Any

from kansli.accounts import services
from kansli.accounts.models import Role, User
from kansli.accounts.services import DirectoryEntry
from kansli.tests.refusals import (
    ADMINISTRATOR,
    ANONYMOUS,
    HANDLAGGARE,
    LEDAMOT,
    OTHER_BODY,
    PERSONAS,
    Demo,
    RouteCase,
    ServiceCase,
)

OTHER_ADMINISTRATOR = "blekinge-admin"
NOT_ADMINISTERING = (OTHER_BODY, OTHER_ADMINISTRATOR, LEDAMOT, HANDLAGGARE, ANONYMOUS)


def _entry() -> DirectoryEntry:
    return DirectoryEntry(username="ny.person", given_name="Ny", family_name="Person")


def _new(demo: Demo) -> dict[str, Any]:
    return {"body": demo["vanersborg"], "entry": _entry()}


def _registrar(demo: Demo) -> dict[str, Any]:
    return {"user": User.objects.get(username="registrator")}


def _registrar_changed(demo: Demo) -> dict[str, Any]:
    return _registrar(demo) | {"entry": _entry()}


# The administrator, no case officer, may not give that role.
def _roles(demo: Demo) -> dict[str, Any]:
    return _registrar(demo) | {"roles": [Role.REGISTRAR, Role.CASE_OFFICER]}


def _joining(demo: Demo) -> dict[str, Any]:
    return {"role": Role.CASE_OFFICER, "joining": [User.objects.get(username="registrator")]}


SERVICES: list[ServiceCase] = [
    ServiceCase(services.deactivate, _registrar, NOT_ADMINISTERING),
    ServiceCase(services.directory_user_create, _new, NOT_ADMINISTERING),
    ServiceCase(services.directory_user_update, _registrar_changed, NOT_ADMINISTERING),
    ServiceCase(services.directory_user_remove, _registrar, NOT_ADMINISTERING),
    ServiceCase(services.directory_user_roles_set, _roles, (*PERSONAS, OTHER_ADMINISTRATOR)),
    ServiceCase(services.directory_role_members_change, _joining, (*PERSONAS, OTHER_ADMINISTRATOR)),
]

ROUTES: list[RouteCase] = [
    RouteCase(f"scim:{name}", refused=(*PERSONAS, OTHER_ADMINISTRATOR))
    for name in (
        "root",
        "search",
        "users",
        "users-search",
        "groups",
        "groups-search",
        "me",
        "service-provider-config",
        "resource-types",
        "schemas",
        "bulk",
        "not-found",
    )
]


def test_refused_personas_include_the_administrator_of_another_body() -> None:
    assert ADMINISTRATOR not in NOT_ADMINISTERING
