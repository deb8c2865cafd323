"""Users of Kansli: each linked to a Person of a body, with roles as Django groups."""

import hashlib
import secrets
from typing import TYPE_CHECKING, Any, ClassVar

from django.contrib.auth.models import AbstractUser, UserManager
from django.contrib.sessions.backends.base import SessionBase
from django.contrib.sessions.base_session import AbstractBaseSession
from django.db import models, transaction
from django.utils.translation import gettext_lazy as _

from kansli.audit import services as audit
from kansli.organisation.models import Person

if TYPE_CHECKING:
    from kansli.accounts.policy import Standing


class Role(models.TextChoices):
    """The roles of the secretariat; each is a Django group of the same name."""

    REGISTRAR = "registrar", _("registrator")
    SECRETARY = "secretary", _("nämndsekreterare")
    CASE_OFFICER = "case_officer", _("handläggare")
    DIRECTOR = "director", _("direktör")
    ELECTED_MEMBER = "elected_member", _("förtroendevald")
    ADMINISTRATOR = "administrator", _("administratör")


class OperatorRecordingManager(UserManager["User"]):
    """Django's user manager, with the operator that `kansli createsuperuser` makes (around the
    services: Django's own command) recorded in the event log, so that `kansli audit verify`
    finds an event for every account."""

    def create_superuser(
        self, username: str, email: str | None = None, password: str | None = None, **extra: Any
    ) -> "User":
        with transaction.atomic(using=self.db):
            user = super().create_superuser(username, email, password, **extra)
            audit.record(
                actor=None,
                action=audit.action_name(user, "create"),
                instance=user,
                after=audit.snapshot(user),
            )
        return user


class User(AbstractUser):
    person = models.OneToOneField(
        Person,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="user",
        verbose_name=_("person"),
    )

    # The identifier the directory that provisions the user knows it by (SCIM's externalId).
    external_id = models.CharField(_("id i katalogen"), max_length=255, blank=True)
    # When the directory removed the user (SCIM DELETE): the account is kept, deactivated, for
    # the event log that names it, and is gone from the directory's view.
    deprovisioned_at = models.DateTimeField(_("borttagen ur katalogen"), null=True, blank=True)
    # Set when an administrator removed the user's second factor (a lost phone and lost recovery
    # codes, kansli.accounts.services.second_factor_reset): the user sets a new one up at the
    # next sign-in, required or not; cleared when one is added.
    second_factor_due = models.BooleanField(
        _("ska lägga till en andra faktor vid nästa inloggning"), default=False
    )

    objects: ClassVar[OperatorRecordingManager] = OperatorRecordingManager()

    # Who the user is, kept on the object by accounts.policy.standing() once worked out.
    _kansli_standing: "Standing"

    class Meta:
        verbose_name = _("användare")
        verbose_name_plural = _("användare")

    def has_role(self, role: Role) -> bool:
        return self.groups.filter(name=role).exists()

    @property
    def roles(self) -> list[Role]:
        return [Role(name) for name in self.groups.values_list("name", flat=True) if name in Role]


class ApiToken(models.Model):
    """A bearer token for the API, or for the directory's provisioning (SCIM) alone: a key
    opens one of the two, never both. Only its SHA-256 digest is stored."""

    PREFIX_LENGTH = 8

    class Scope(models.TextChoices):
        API = "api", _("API:et")
        PROVISIONING = "provisioning", _("katalogens provisionering (SCIM)")

    user = models.ForeignKey(
        User, on_delete=models.CASCADE, related_name="api_tokens", verbose_name=_("användare")
    )
    name = models.CharField(_("benämning"), max_length=100)
    scope = models.CharField(
        _("används för"), max_length=20, choices=Scope.choices, default=Scope.API, editable=False
    )
    prefix = models.CharField(_("början av nyckeln"), max_length=PREFIX_LENGTH, editable=False)
    digest = models.CharField(max_length=64, unique=True, editable=False)
    created_at = models.DateTimeField(_("skapad"), auto_now_add=True)
    last_used_at = models.DateTimeField(_("senast använd"), null=True, blank=True)
    revoked_at = models.DateTimeField(_("återkallad"), null=True, blank=True)

    class Meta:
        verbose_name = _("API-nyckel")
        verbose_name_plural = _("API-nycklar")

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix}…)"

    @staticmethod
    def digest_of(key: str) -> str:
        return hashlib.sha256(key.encode()).hexdigest()

    @staticmethod
    def new_key() -> str:
        """A random key that does not begin with "-": `kansli apitoken revoke` takes its first
        characters, which the command line would read as an option."""
        while (key := secrets.token_urlsafe(32)).startswith("-"):
            pass
        return key


class Session(AbstractBaseSession):
    """A sign-in session in the database, with the user it signs in: a deactivated user's
    sessions are found and ended at once (kansli.accounts.sessions)."""

    user_id = models.BigIntegerField(null=True, db_index=True)

    @classmethod
    def get_session_store_class(cls) -> type[SessionBase]:
        from kansli.accounts.sessions import SessionStore

        return SessionStore
