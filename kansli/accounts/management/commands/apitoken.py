import datetime
from typing import Any

from django.core.exceptions import ValidationError
from django.core.management.base import CommandParser
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from kansli.accounts.models import ApiToken, User
from kansli.accounts.selectors import token_with_prefix, tokens_of
from kansli.accounts.services import token_create, token_revoke
from kansli.organisation.commands import KansliCommand, bad_input


class Command(KansliCommand):
    help = _("API-nycklar: create skapar en nyckel, list visar en användares, revoke återkallar.")

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="subcommand", required=True)
        create = sub.add_parser("create", help=_("Skapa en API-nyckel; den visas bara nu."))
        create.add_argument("username", help=_("Användarnamnet."))
        create.add_argument("--name", required=True, help=_("Vad nyckeln används till."))
        create.add_argument(
            "--scim",
            action="store_true",
            help=_("En nyckel för katalogens provisionering (SCIM) i stället för API:et."),
        )
        listing = sub.add_parser("list", help=_("Visa en användares API-nycklar."))
        listing.add_argument("username", help=_("Användarnamnet."))
        revoke = sub.add_parser("revoke", help=_("Återkalla en API-nyckel."))
        revoke.add_argument(
            "prefix", help=_("Nyckelns första %(n)d tecken.") % {"n": ApiToken.PREFIX_LENGTH}
        )

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            getattr(self, f"handle_{options['subcommand']}")(**options)
        except ValidationError as error:
            raise bad_input(" ".join(error.messages)) from error

    def handle_create(self, *, username: str, name: str, scim: bool, **options: Any) -> None:
        scope = ApiToken.Scope.PROVISIONING if scim else ApiToken.Scope.API
        _token, key = token_create(actor=None, user=self.user(username), name=name, scope=scope)
        # The key alone on standard output, so that a script can capture it.
        self.stdout.write(key)
        self.stderr.write(_("Spara nyckeln nu: den visas inte igen."))

    def handle_list(self, *, username: str, **options: Any) -> None:
        for token in tokens_of(user=self.user(username)):
            self.stdout.write(
                "\t".join(
                    [
                        token.prefix,
                        token.name,
                        str(token.get_scope_display()),
                        when(token.created_at),
                        status(token),
                    ]
                )
            )

    def handle_revoke(self, *, prefix: str, **options: Any) -> None:
        token = token_revoke(actor=None, token=token_with_prefix(prefix=prefix))
        self.stdout.write(_("API-nyckeln %(token)s är återkallad.") % {"token": token})

    def user(self, username: str) -> User:
        try:
            return User.objects.get(username=username)
        except User.DoesNotExist:
            raise bad_input(
                _("Det finns ingen användare %(username)s.") % {"username": username}
            ) from None


def when(moment: datetime.datetime | None) -> str:
    return formats.date_format(timezone.localtime(moment), "Y-m-d H:i") if moment else "–"


def status(token: ApiToken) -> str:
    if token.revoked_at is not None:
        return _("återkallad %(when)s") % {"when": when(token.revoked_at)}
    return _("senast använd %(when)s") % {"when": when(token.last_used_at)}
