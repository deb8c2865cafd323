"""The directory's view of Kansli's users and roles (SCIM 2.0, RFC 7643/7644), for django-scim2.

A SCIM User is a Kansli user of a person of the body whose administrator account the directory
signs in as (kansli.provisioning.auth); users of other bodies and operators do not exist for it.
A SCIM Group is one of Kansli's roles: its members are the body's users holding the role, and
the directory gives and takes the role by the group's members. Every write goes through
kansli.accounts.services, which asks kansli.accounts.policy.
"""

import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any
from urllib.parse import urljoin

from django.contrib.auth.models import Group
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Model, QuerySet
from django.http import HttpRequest
from django.urls import reverse
from django.utils.translation import gettext as _
from django_scim import constants, exceptions
from django_scim.adapters import SCIMMixin
from django_scim.models import SCIMServiceProviderConfig

from kansli.accounts import services
from kansli.accounts.models import Role, User
from kansli.accounts.policy import provisioned_body
from kansli.accounts.services import DirectoryEntry

ENTERPRISE = constants.SchemaURI.ENTERPRISE_USER


def base_location(request: HttpRequest | None = None, *args: Any, **kwargs: Any) -> str:
    """The site's address as the client reached it (resources' `location`)."""
    if request is None:
        return "/"
    return request.build_absolute_uri("/")


def scope(model: type[Model] | str) -> Callable[..., dict[str, Any]]:
    """What the client may see: its body's users (no operator, none the directory removed), and
    the roles' groups. Django-scim2 applies it to every lookup, list and filter."""

    def user_scope(request: HttpRequest, *args: Any, **kwargs: Any) -> dict[str, Any]:
        return {
            "person__body_id": provisioned_body(request.user),
            "is_superuser": False,
            "deprovisioned_at": None,
        }

    def group_scope(request: HttpRequest, *args: Any, **kwargs: Any) -> dict[str, Any]:
        return {"name__in": [role.value for role in Role]}

    if model is User:
        return user_scope
    if model is Group:
        return group_scope
    raise exceptions.NotImplementedError


def visible_users(request: HttpRequest) -> QuerySet[User]:
    return User.objects.filter(**scope(User)(request))


@contextmanager
def refusals() -> Iterator[None]:
    """The services' refusals as SCIM errors: 403, 409 for a taken name, otherwise 400."""
    try:
        yield
    except PermissionDenied as error:
        raise exceptions.SCIMException(str(error), status=403) from error
    except ValidationError as error:
        detail = " ".join(error.messages)
        if "username" in getattr(error, "error_dict", {}) or "unique" in detail.lower():
            raise exceptions.IntegrityError(detail, scim_type="uniqueness") from error
        raise exceptions.BadRequestError(detail, scim_type="invalidValue") from error


def _boolean(value: Any) -> bool:
    """SCIM's `active`; some directories (Entra ID) send it as the string "False"."""
    if isinstance(value, bool):
        return value
    if isinstance(value, str) and value.lower() in {"true", "false"}:
        return value.lower() == "true"
    raise exceptions.BadRequestError(
        _("active ska vara true eller false."), scim_type="invalidValue"
    )


def _primary_email(value: Any) -> str:
    if isinstance(value, str):
        return value
    if isinstance(value, dict):
        return str(value.get("value") or "")
    if isinstance(value, list) and value:
        emails = sorted(value, key=lambda email: not email.get("primary"))
        return str(emails[0].get("value") or "")
    return ""


# A PATCH path, lower-cased, to the field of DirectoryEntry it sets.
USER_PATHS = {
    "username": "username",
    "name.givenname": "given_name",
    "name.familyname": "family_name",
    "emails": "email",
    "emails.value": "email",
    'emails[type eq "work"].value': "email",
    "externalid": "external_id",
    "employeenumber": "employee_number",
    "active": "active",
}


class ScimUser(SCIMMixin):
    """A Kansli user and its person, as a SCIM User with the enterprise extension."""

    url_name = "scim:users"
    resource_type = "User"
    id_field = "id"
    obj: User

    def __init__(self, obj: User, request: HttpRequest | None = None) -> None:
        super().__init__(obj, request)
        self.values = self._current()

    @property
    def display_name(self) -> str:
        return self.obj.get_full_name() or self.obj.username

    def _current(self) -> dict[str, Any]:
        person = self.obj.person
        return {
            "username": self.obj.username,
            "given_name": self.obj.first_name,
            "family_name": self.obj.last_name,
            "email": self.obj.email,
            "external_id": self.obj.external_id,
            "employee_number": person.employee_number if person else "",
            "active": self.obj.is_active if self.obj.pk else True,
        }

    def to_dict(self) -> dict[str, Any]:
        user = self.obj
        roles = user.groups.filter(name__in=[role.value for role in Role]).order_by("name")
        found: dict[str, Any] = {
            "schemas": [constants.SchemaURI.USER, ENTERPRISE],
            "id": self.id,
            "userName": user.username,
            "name": {
                "givenName": user.first_name,
                "familyName": user.last_name,
                "formatted": user.get_full_name(),
            },
            "displayName": self.display_name,
            "emails": [{"value": user.email, "type": "work", "primary": True}]
            if user.email
            else [],
            "active": user.is_active,
            "groups": [
                {
                    "value": str(group.pk),
                    "$ref": ScimGroup(group, self.request).location,
                    "display": group.name,
                }
                for group in roles
            ],
            "meta": {
                "resourceType": self.resource_type,
                "created": user.date_joined.isoformat(),
                "lastModified": user.date_joined.isoformat(),
                "location": self.location,
            },
        }
        if user.external_id:
            found["externalId"] = user.external_id
        if self.values["employee_number"]:
            found[ENTERPRISE] = {"employeeNumber": self.values["employee_number"]}
        return found

    def from_dict(self, d: dict[str, Any]) -> None:
        """A whole User (POST, PUT): what it leaves out is cleared, but for `active`."""
        active = d.get("active")
        self.values = {
            "username": str(d.get("userName") or ""),
            "given_name": str((d.get("name") or {}).get("givenName") or ""),
            "family_name": str((d.get("name") or {}).get("familyName") or ""),
            "email": _primary_email(d.get("emails")),
            "external_id": str(d.get("externalId") or ""),
            "employee_number": str((d.get(ENTERPRISE) or {}).get("employeeNumber") or ""),
            "active": self.values["active"] if active is None else _boolean(active),
        }

    def validate_dict(self, d: dict[str, Any]) -> None:
        """A user is a person's: its user name and the person's names are required."""
        name = d.get("name") or {}
        if not (d.get("userName") and name.get("givenName") and name.get("familyName")):
            raise exceptions.BadRequestError(
                _("userName, name.givenName och name.familyName krävs."),
                scim_type="invalidValue",
            )

    def save(self) -> None:
        entry = DirectoryEntry(**self.values)
        with refusals():
            if self.obj.pk is None:
                body = provisioned_body(self.request.user)
                if body is None:
                    raise PermissionDenied
                self.obj = services.directory_user_create(
                    actor=self.request.user, body=body, entry=entry
                )
            else:
                services.directory_user_update(actor=self.request.user, user=self.obj, entry=entry)

    def delete(self) -> None:
        with refusals():
            services.directory_user_remove(actor=self.request.user, user=self.obj)

    def handle_operations(self, operations: list[dict[str, Any]]) -> None:
        for operation in operations:
            op = str(operation.get("op", "")).lower()
            if op not in constants.VALID_PATCH_OPS:
                raise exceptions.BadRequestError(f'Unknown PATCH op "{op}"')
            path = operation.get("path")
            value = operation.get("value")
            if path:
                self._patch(op, str(path), value)
            elif isinstance(value, dict) and op != "remove":
                for key, item in value.items():
                    self._patch(op, key, item)
            else:
                raise exceptions.BadRequestError(_("PATCH utan path."), scim_type="noTarget")
        self.save()

    def _patch(self, op: str, path: str, value: Any) -> None:
        key = path.lower().removeprefix(ENTERPRISE.lower() + ":")
        if key == ENTERPRISE.lower():
            if op == "remove":
                self.values["employee_number"] = ""
            for name, item in (value if isinstance(value, dict) else {}).items():
                self._patch(op, name, item)
            return
        if key == "name" and isinstance(value, dict):
            for name, item in value.items():
                self._patch(op, f"name.{name}", item)
            return
        field = USER_PATHS.get(key)
        if field is None:
            return  # an attribute Kansli does not keep (see KEPT_ATTRIBUTES)
        if field == "active":
            self.values["active"] = True if op == "remove" else _boolean(value)
        elif op == "remove":
            if field == "username":
                raise exceptions.BadRequestError(_("userName krävs."), scim_type="mutability")
            self.values[field] = ""
        else:
            self.values[field] = _primary_email(value) if field == "email" else str(value)

    @classmethod
    def resource_type_dict(cls, request: HttpRequest | None = None) -> dict[str, Any]:
        return _resource_type(
            request,
            "User",
            "/Users",
            _("Användare i Kansli, var och en en person i kommunen eller regionen"),
            constants.SchemaURI.USER,
            [{"schema": ENTERPRISE, "required": False}],
        )


# A member to remove named in the path: members[value eq "12"].
MEMBER_PATH = re.compile(r'^members\[value eq "([^"]+)"\]$', re.IGNORECASE)


class ScimGroup(SCIMMixin):
    """One of Kansli's roles, with the body's users holding it as members. The roles are fixed:
    a group is neither created nor deleted nor renamed."""

    url_name = "scim:groups"
    resource_type = "Group"
    id_field = "id"
    obj: Group

    def __init__(self, obj: Group, request: HttpRequest | None = None) -> None:
        super().__init__(obj, request)
        self.display_name = obj.name
        self.member_ids: set[str] | None = None

    def members(self) -> QuerySet[User]:
        return visible_users(self.request).filter(groups=self.obj).order_by("pk")

    def to_dict(self) -> dict[str, Any]:
        return {
            "schemas": [constants.SchemaURI.GROUP],
            "id": self.id,
            "displayName": self.obj.name,
            "members": [
                {
                    "value": str(user.pk),
                    "$ref": ScimUser(user, self.request).location,
                    "type": "User",
                }
                for user in self.members()
            ],
            "meta": {"resourceType": self.resource_type, "location": self.location},
        }

    def from_dict(self, d: dict[str, Any]) -> None:
        self.display_name = str(d.get("displayName") or "")
        self.member_ids = {str(member.get("value")) for member in d.get("members") or []}

    def save(self) -> None:
        if self.obj.pk is None:
            raise exceptions.NotImplementedError(
                _("Grupperna är Kanslis roller; nya kan inte skapas.")
            )
        if self.display_name != self.obj.name:
            raise exceptions.BadRequestError(
                _("En roll kan inte byta namn."), scim_type="mutability"
            )
        if self.member_ids is not None:
            self._members_set(self.member_ids)

    def delete(self) -> None:
        raise exceptions.NotImplementedError(_("Grupperna är Kanslis roller; de tas inte bort."))

    def handle_operations(self, operations: list[dict[str, Any]]) -> None:
        members = {str(user.pk) for user in self.members()}
        for operation in operations:
            op = str(operation.get("op", "")).lower()
            path = str(operation.get("path") or "")
            value = operation.get("value")
            if not path and isinstance(value, dict):
                path, value = next(iter(value.items()), ("", None))
            named = MEMBER_PATH.match(path)
            if path.lower() == "displayname":
                self.display_name = str(value)
                continue
            if named and op == "remove":
                members.discard(named.group(1))
                continue
            if path.lower() != "members":
                raise exceptions.BadRequestError(_("Okänd path: %s") % path, scim_type="noTarget")
            ids = {str(member.get("value")) for member in value or []}
            if op == "add":
                members |= ids
            elif op == "remove":
                members = members - ids if value else set()
            else:
                members = ids
        self.member_ids = members
        self.save()

    def _members_set(self, ids: set[str]) -> None:
        current = set(self.members())
        wanted = list(visible_users(self.request).filter(pk__in=[i for i in ids if i.isdigit()]))
        if len(wanted) != len(ids):
            raise exceptions.BadRequestError(
                _("En eller flera medlemmar finns inte."), scim_type="invalidValue"
            )
        with refusals():
            services.directory_role_members_change(
                actor=self.request.user,
                role=Role(self.obj.name),
                joining=set(wanted) - current,
                leaving=current - set(wanted),
            )

    @classmethod
    def resource_type_dict(cls, request: HttpRequest | None = None) -> dict[str, Any]:
        return _resource_type(
            request,
            "Group",
            "/Groups",
            _("Kanslis roller; medlemmarna har rollen"),
            constants.SchemaURI.GROUP,
            [],
        )


def _resource_type(
    request: HttpRequest | None,
    name: str,
    endpoint: str,
    description: str,
    schema: str,
    extensions: list[dict[str, Any]],
) -> dict[str, Any]:
    path = reverse("scim:resource-types", kwargs={"uuid": name})
    return {
        "schemas": [constants.SchemaURI.RESOURCE_TYPE],
        "id": name,
        "name": name,
        "endpoint": endpoint,
        "description": description,
        "schema": schema,
        "schemaExtensions": extensions,
        "meta": {"location": urljoin(base_location(request), path), "resourceType": "ResourceType"},
    }


class ServiceProviderConfig(SCIMServiceProviderConfig):
    """What the endpoint supports: PATCH and filtering; no bulk, sorting, ETags or passwords
    (users sign in through the organisation's sign-on, or with a password set in Kansli)."""

    def to_dict(self) -> dict[str, Any]:
        found: dict[str, Any] = super().to_dict()
        found.update(
            {
                "filter": {"supported": True, "maxResults": 50},
                "changePassword": {"supported": False},
                "documentationUri": None,
            }
        )
        found["meta"]["location"] = urljoin(
            base_location(self.request), reverse("scim:service-provider-config")
        )
        return {key: value for key, value in found.items() if value is not None}
