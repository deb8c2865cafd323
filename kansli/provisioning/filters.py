"""SCIM `filter=` queries, turned into SQL by django-scim2 (scim2-filter-parser)."""

from django.contrib.auth.models import Group
from django_scim import constants
from django_scim.filters import FilterQuery

from kansli.accounts.models import User

ENTERPRISE = constants.SchemaURI.ENTERPRISE_USER


class UserFilter(FilterQuery):
    """`filter=` on Users: userName, externalId, the names, the e-mail, active and the employee
    number (the raw query's rows then pass `scope` like every other read)."""

    joins = ("LEFT JOIN organisation_person ON organisation_person.id = accounts_user.person_id",)
    attr_map = {
        ("userName", None, None): "accounts_user.username",
        ("externalId", None, None): "accounts_user.external_id",
        ("name", "givenName", None): "accounts_user.first_name",
        ("name", "familyName", None): "accounts_user.last_name",
        ("emails", None, None): "accounts_user.email",
        ("emails", "value", None): "accounts_user.email",
        ("active", None, None): "accounts_user.is_active",
        ("employeeNumber", None, ENTERPRISE): "organisation_person.employee_number",
    }

    @classmethod
    def model_getter(cls) -> type[User]:
        return User


class GroupFilter(FilterQuery):
    """`filter=displayName eq "registrar"` on Groups."""

    attr_map = {("displayName", None, None): "auth_group.name"}

    @classmethod
    def model_getter(cls) -> type[Group]:
        return Group
