"""The schemas the SCIM endpoint publishes (/scim/v2/Schemas): SCIM's own, cut down to what
Kansli keeps of a user and a group."""

import copy
from typing import Any

from django_scim import constants
from django_scim.schemas import ALL as LIBRARY_SCHEMAS

ENTERPRISE = constants.SchemaURI.ENTERPRISE_USER
SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:Schema"
# What Kansli keeps of a user and a group; the schemas it publishes name only these, and
# anything else a directory sends (titles, phone numbers, addresses) is not kept.
KEPT_ATTRIBUTES: dict[str, dict[str, set[str] | None]] = {
    constants.SchemaURI.USER: {
        "userName": None,
        "name": {"givenName", "familyName", "formatted"},
        "displayName": None,
        "emails": {"value", "type", "primary"},
        "active": None,
        "groups": {"value", "$ref", "display"},
    },
    ENTERPRISE: {"employeeNumber": None},
    constants.SchemaURI.GROUP: {"displayName": None, "members": {"value", "$ref", "type"}},
}
READ_ONLY = {"displayName", "groups", "formatted"}
# A user is a person's, and a person has a given and a family name.
REQUIRED = {"userName", "name", "givenName", "familyName"}


def schemas() -> list[dict[str, Any]]:
    """The User, enterprise User and Group schemas, cut down to what Kansli keeps."""
    found = []
    for schema in LIBRARY_SCHEMAS:
        kept = KEPT_ATTRIBUTES.get(schema["id"])
        if kept is None:
            continue
        schema = copy.deepcopy(schema)
        schema["schemas"] = [SCHEMA]
        schema["attributes"] = [_kept(a, kept) for a in schema["attributes"] if a["name"] in kept]
        schema["meta"] = {"resourceType": "Schema", "location": f"/Schemas/{schema['id']}"}
        found.append(schema)
    return found


def _kept(attribute: dict[str, Any], kept: dict[str, set[str] | None]) -> dict[str, Any]:
    sub = kept[attribute["name"]]
    if sub is not None:
        attribute["subAttributes"] = [s for s in attribute["subAttributes"] if s["name"] in sub]
    for described in (attribute, *attribute.get("subAttributes", ())):
        if described["name"] in READ_ONLY:
            described["mutability"] = "readOnly"
        if described["name"] in REQUIRED:
            described["required"] = True
    return attribute
