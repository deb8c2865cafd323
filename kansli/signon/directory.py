"""Who an identity provider's user is in Kansli: the one decision that OpenID Connect and SAML
sign-in (kansli.signon.oidc, kansli.signon.saml) share.

The provider vouches for claims (OIDC) or attributes (SAML); the administrator's mapping file
(`KANSLI_SIGNON_MAPPING`, docs/identity.md) says which claim identifies the person and which
group values give which roles in which body. `sign_in` finds the person, sets the account's
roles from the groups the provider sends today (so a changed group takes effect at the next
sign-in), creates the account only when the file allows it, and records the sign-in in the
event log. Anything else is `Refused`, with a Swedish sentence for the user and a reason for the
log.
"""

import enum
import logging
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml
from django.conf import settings
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from kansli.accounts import services as accounts
from kansli.accounts.models import Role, User
from kansli.audit import services as audit
from kansli.organisation.models import Person

logger = logging.getLogger("kansli.signon")


class Refused(Exception):  # noqa: N818 (the sign-on's answer, not a fault)
    """Sign-on refused: .message is the Swedish sentence the user sees, .reason the log's
    (no secrets, no token contents)."""

    message: str
    reason: str

    def __init__(self, message: str, reason: str) -> None:
        super().__init__(reason)
        self.message = message
        self.reason = reason


class Match(enum.StrEnum):
    """What the identifying claim holds, and so where Kansli looks for it."""

    EMPLOYEE_NUMBER = "employee_number"  # Person.employee_number in a mapped body
    EMAIL = "email"  # Person.email in a mapped body
    USERNAME = "username"  # User.username


@dataclass(frozen=True)
class Directory:
    """The administrator's mapping file, parsed and checked."""

    match: Match
    claim: str
    groups_claim: str
    create_users: bool
    # body slug -> group value -> the roles it gives in that body
    bodies: Mapping[str, Mapping[str, frozenset[Role]]]

    def roles(self, body_slug: str, groups: set[str]) -> frozenset[Role]:
        """The roles the groups give in the body; none when the body is not mapped."""
        granted = self.bodies.get(body_slug, {})
        return frozenset(role for group in groups for role in granted.get(group, ()))


class MappingError(Exception):
    """The mapping file is not what docs/identity.md describes: one Swedish line a problem,
    each naming the file's line."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("\n".join(problems))
        self.problems = problems


def parse(text: str) -> Directory:
    """The mapping file's text as a `Directory`, or `MappingError` naming every problem's line."""
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = mark.line + 1 if mark is not None else 1
        raise MappingError(
            [_("rad %(line)s: filen är inte giltig YAML.") % {"line": line}]
        ) from None
    except RecursionError:
        # PyYAML composes nested nodes recursively; Python's stack ends before such a file does.
        raise MappingError([_("rad 1: listor eller fält i för många nivåer i varandra.")]) from None
    return _Reader().directory(root)


class _Reader:
    """Walks the composed YAML nodes, so that each problem can name its line."""

    KEYS = ("person", "groups_claim", "create_users", "bodies")
    REQUIRED = ("person", "groups_claim", "bodies")

    def __init__(self) -> None:
        self.problems: list[str] = []

    def problem(self, node: yaml.Node | None, message: str) -> None:
        line = node.start_mark.line + 1 if node is not None else 1
        self.problems.append(_("rad %(line)s: %(problem)s") % {"line": line, "problem": message})

    def mapping(self, node: yaml.Node | None, what: str) -> dict[str, tuple[yaml.Node, yaml.Node]]:
        """A mapping node's entries by key (the key's node and the value's)."""
        if not isinstance(node, yaml.MappingNode):
            self.problem(
                node, _("%(what)s ska vara en uppställning av nycklar och värden.") % {"what": what}
            )
            return {}
        return {str(key.value): (key, value) for key, value in node.value}

    def text(self, node: yaml.Node, what: str) -> str:
        if not isinstance(node, yaml.ScalarNode) or not str(node.value).strip():
            self.problem(node, _("%(what)s ska vara en text.") % {"what": what})
            return ""
        return str(node.value).strip()

    def directory(self, root: yaml.Node | None) -> Directory:
        top = self.mapping(root, _("filen"))
        for name, (key, _value) in top.items():
            if name not in self.KEYS:
                self.problem(
                    key,
                    _("okänd nyckel %(key)s; nycklarna är %(keys)s.")
                    % {"key": name, "keys": ", ".join(self.KEYS)},
                )
        if isinstance(root, yaml.MappingNode):
            for name in self.REQUIRED:
                if name not in top:
                    self.problem(root, _("%(key)s saknas.") % {"key": name})
        match, claim = self.person(top["person"][1]) if "person" in top else (None, "")
        groups_claim = (
            self.text(top["groups_claim"][1], "groups_claim") if "groups_claim" in top else ""
        )
        create_users = self.flag(top["create_users"][1]) if "create_users" in top else False
        bodies = self.bodies(top["bodies"][1]) if "bodies" in top else {}
        if self.problems or match is None:
            raise MappingError(self.problems)
        return Directory(match, claim, groups_claim, create_users, bodies)

    def person(self, node: yaml.Node) -> tuple[Match | None, str]:
        entries = self.mapping(node, "person")
        for name in ("match", "claim"):
            if isinstance(node, yaml.MappingNode) and name not in entries:
                self.problem(node, _("person.%(key)s saknas.") % {"key": name})
        match = None
        if "match" in entries:
            value = self.text(entries["match"][1], "person.match")
            if value in set(Match):
                match = Match(value)
            elif value:
                self.problem(
                    entries["match"][1],
                    _("person.match ska vara en av %(choices)s, inte %(value)s.")
                    % {"choices": ", ".join(Match), "value": value},
                )
        claim = self.text(entries["claim"][1], "person.claim") if "claim" in entries else ""
        return match, claim

    def flag(self, node: yaml.Node) -> bool:
        if not isinstance(node, yaml.ScalarNode) or node.tag != "tag:yaml.org,2002:bool":
            self.problem(node, _("create_users ska vara true eller false."))
            return False
        return bool(yaml.safe_load(node.value))

    def bodies(self, node: yaml.Node) -> dict[str, dict[str, frozenset[Role]]]:
        return {
            slug: {
                group: self.roles(roles)
                for group, (_group, roles) in self.mapping(groups, slug).items()
            }
            for slug, (_slug, groups) in self.mapping(node, "bodies").items()
        }

    def roles(self, node: yaml.Node) -> frozenset[Role]:
        items = node.value if isinstance(node, yaml.SequenceNode) else [node]
        roles = set()
        for item in items:
            value = str(item.value) if isinstance(item, yaml.ScalarNode) else ""
            if value in Role:
                roles.add(Role(value))
            else:
                self.problem(
                    item,
                    _("okänd roll %(value)s; rollerna är %(roles)s.")
                    % {"value": value, "roles": ", ".join(Role)},
                )
        return frozenset(roles)


def load(path: str | Path) -> Directory:
    """The mapping file at `path`, read again only when it has changed."""
    file = Path(path)
    try:
        changed = file.stat().st_mtime_ns
    except OSError:
        raise MappingError([_("filen %(path)s går inte att läsa.") % {"path": file}]) from None
    return _load(file, changed)


@lru_cache(maxsize=4)
def _load(file: Path, changed: int) -> Directory:
    try:
        return parse(file.read_text(encoding="utf-8"))
    except UnicodeDecodeError:
        raise MappingError(
            [_("filen %(path)s är inte kodad som UTF-8.") % {"path": file}]
        ) from None


def configured() -> Directory:
    """The directory of the settings' mapping file; `Refused` when it is missing or wrong."""
    path = settings.KANSLI_SIGNON_MAPPING
    if not path:
        raise Refused(_not_ready(), "KANSLI_SIGNON_MAPPING is not set")
    try:
        return load(path)
    except MappingError as error:
        raise Refused(_not_ready(), f"the mapping file is invalid: {error}") from None


def _not_ready() -> str:
    return _(
        "Inloggning via organisationen är inte färdig att använda i Kansli. Kontakta Kanslis "
        "administratör."
    )


def sign_in(claims: Mapping[str, Any], *, provider: str) -> User:
    """The Kansli user for an identity provider's verified claims/attributes (values may be str
    or list of str): finds the person by the configured stable claim, sets the user's roles from
    the group claim through the mapping file (a changed group takes effect here, at the next
    sign-in), creates the user only if the setting allows; records an audit event; raises Refused.

    Every refusal is logged here (logger "kansli.signon", with the provider and the reason), so
    that the callers need not log it again."""
    try:
        return _sign_in(claims, provider=provider)
    except Refused as refusal:
        logger.warning("sign-on refused (%s): %s", provider, refusal.reason)
        raise


def _sign_in(claims: Mapping[str, Any], *, provider: str) -> User:
    directory = configured()
    identity = _single(claims.get(directory.claim))
    if identity is None:
        raise Refused(
            _(
                "Organisationens identitetstjänst skickade inte det som Kansli känner igen dig "
                "på. Kontakta din IT-avdelning."
            ),
            f"the claim {directory.claim!r} is missing or has more than one value",
        )
    groups = _values(claims.get(directory.groups_claim))
    with transaction.atomic():
        person, user = _find(directory, identity)
        roles = directory.roles(person.body.slug, groups)
        if not roles:
            raise Refused(
                _(
                    "Din organisation har inte gett dig någon roll i Kansli. Kontakta Kanslis "
                    "administratör om du ska använda Kansli."
                ),
                f"person {person.pk} of {person.body.slug}: no mapped role in the groups sent",
            )
        if user is None:
            user = _create(directory, person, identity, roles)
        else:
            _refresh(user, roles)
        audit.record(
            actor=user,
            action=audit.action_name(user, "sign_in"),
            instance=user,
            after={"provider": provider, "roles": sorted(roles)},
        )
    logger.info("sign-on (%s): user %s with roles %s", provider, user.pk, ", ".join(sorted(roles)))
    return user


def _single(value: Any) -> str | None:
    values = _values(value)
    return values.pop() if len(values) == 1 else None


def _values(value: Any) -> set[str]:
    if value is None:
        return set()
    items = value if isinstance(value, list | tuple) else [value]
    return {str(item).strip() for item in items if str(item).strip()}


def _find(directory: Directory, identity: str) -> tuple[Person, User | None]:
    """The person the identity names (in a mapped body) and its account, if it has one."""
    unknown = _(
        "Kansli känner inte igen dig: ingen person i Kansli stämmer med uppgifterna från din "
        "organisation. Kontakta Kanslis administratör."
    )
    if directory.match == Match.USERNAME:
        user = User.objects.select_related("person__body").filter(username=identity).first()
        if user is None or user.person is None:
            raise Refused(unknown, "no user of a person has the username sent")
        return user.person, user
    persons = Person.objects.select_related("body").filter(body__slug__in=list(directory.bodies))
    if directory.match == Match.EMPLOYEE_NUMBER:
        persons = persons.filter(employee_number=identity)
    else:
        persons = persons.filter(email__iexact=identity)
    found = list(persons[:2])
    if len(found) != 1:
        raise Refused(
            unknown,
            f"{len(found) or 'no'} persons of the mapped bodies match the {directory.match}",
        )
    person = found[0]
    return person, User.objects.filter(person=person).first()


def _create(directory: Directory, person: Person, identity: str, roles: frozenset[Role]) -> User:
    if not directory.create_users:
        raise Refused(
            _(
                "Du har inget konto i Kansli. Kontakta Kanslis administratör, som kan skapa ett åt "
                "dig."
            ),
            f"person {person.pk} of {person.body.slug} has no account, and create_users is off",
        )
    username = identity if directory.match == Match.EMAIL else f"{person.body.slug}-{identity}"
    try:
        return accounts.user_create(
            actor=None,
            username=username,
            password=None,
            roles=roles,
            person=person,
            email=person.email,
        )
    except ValidationError as error:
        raise Refused(
            _("Kansli kunde inte skapa ditt konto. Kontakta Kanslis administratör."),
            f"the account for person {person.pk} could not be created: {'; '.join(error.messages)}",
        ) from None


def _refresh(user: User, roles: frozenset[Role]) -> None:
    """Refuse an account that may not sign in this way; otherwise give it today's roles and no
    password of its own (the provider's sign-in is the only one)."""
    if not user.is_active:
        raise Refused(_("Ditt konto i Kansli är avstängt."), f"user {user.pk} is inactive")
    if user.is_superuser:
        raise Refused(
            _("Ett operatörskonto loggar bara in med lösenord."),
            f"user {user.pk} is a superuser, who signs in with a password only",
        )
    changes: dict[str, Any] = {"is_staff": Role.ADMINISTRATOR in roles}
    if user.has_usable_password():
        user.set_unusable_password()
        changes["password"] = user.password
    audit.update(actor=None, instance=user, **changes)
    audit.set_relations(actor=None, instance=user, groups=Group.objects.filter(name__in=roles))
