"""What every project command shares: one Swedish line on stderr and exit code 2 for bad input,
the readers of the arguments and files a command is given, and the body a command is given by
its short name.

A project command subclasses `KansliCommand` instead of Django's `BaseCommand`. argparse's own
refusals (a missing argument, an unknown option) are English and come with the usage;
`KansliCommand` answers them, and every `CommandError`, as one Swedish line instead.
"""

import argparse
import datetime
import re
import sys
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import NoReturn

from django.core.management.base import BaseCommand, CommandError, handle_default_options
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from kansli import bounds
from kansli.organisation.models import Body

# Exit code 2 for bad input, as argparse gives for a bad option; 1 stays a command's "no".
BAD_INPUT = 2

# ÅÅÅÅ-MM-DD in ASCII digits: date.fromisoformat also takes 20260601 and 2026-W23-1.
ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
WHOLE_NUMBER = re.compile(r"[0-9]+")


def bad_input(message: str) -> CommandError:
    """The error that stops a command given an argument it cannot use (exit code 2)."""
    return CommandError(message, returncode=BAD_INPUT)


def _argparse_in_swedish(message: str) -> str:
    """argparse's refusal of the command line (English, from the standard library) in Swedish."""
    for pattern, swedish in (
        (r"the following arguments are required: (.+)", _("Det här måste anges: %(1)s.")),
        (r"unrecognized arguments: (.+)", _("Okända argument: %(1)s.")),
        (
            r"argument (\S+): invalid choice: (.+?) \(choose from (.+)\)",
            _("Ogiltigt val %(2)s för %(1)s: välj bland %(3)s."),
        ),
        (r"argument (\S+): expected (.+) arguments?", _("%(1)s behöver ett värde.")),
        (r"argument (\S+): not allowed with argument (\S+)", _("%(1)s går inte med %(2)s.")),
        (r"one of the arguments (.+) is required", _("Ange ett av %(1)s.")),
        (r"argument (\S+): invalid \S+ value: (.+)", _("Ogiltigt värde %(2)s för %(1)s.")),
        (r"argument (\S+): (.+)", _("%(1)s: %(2)s")),
    ):
        found = re.fullmatch(pattern, message)
        if found:
            return swedish % {str(number): group for number, group in enumerate(found.groups(), 1)}
    return _("Ogiltiga argument: %(message)s.") % {"message": message}


def _name_by_choices(parser: argparse.ArgumentParser) -> None:
    """Subcommands named by their choices in argparse's refusals ("{verify,anchor}"), not by
    the name of the option they are kept in ("subcommand")."""
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction) and action.metavar is None:
            action.metavar = "{" + ",".join(action.choices) + "}"


class KansliCommand(BaseCommand):
    """A project command: bad arguments, and every `CommandError` the command raises, are one
    line on stderr and the error's exit code (2 for bad input), never a usage or a traceback."""

    def run_from_argv(self, argv: list[str]) -> None:
        # Django's run_from_argv, with the parser's refusals raised (not printed by argparse):
        # a parser made while `_called_from_command_line` is unset raises CommandError. The
        # connections close as the process ends, right after.
        parser = self.create_parser(argv[0], argv[1])
        _name_by_choices(parser)
        try:
            options = parser.parse_args(argv[2:])
        except CommandError as error:
            message = str(error).removeprefix("Error: ")
            self._refuse(
                f"{_argparse_in_swedish(message)} ({argv[1]} --help)",
                BAD_INPUT,
            )
        self._called_from_command_line = True
        arguments = vars(options)
        positional = arguments.pop("args", ())
        handle_default_options(options)
        try:
            self.execute(*positional, **arguments)
        except CommandError as error:
            if options.traceback:
                raise
            self._refuse(str(error), error.returncode)

    def _refuse(self, message: str, returncode: int) -> NoReturn:
        self.stderr.write(" ".join(message.split()))
        sys.exit(returncode)


def first_of(messages: list[str]) -> str:
    """The first of a file's problems, and how many more there are: one line, however many."""
    more = len(messages) - 1
    if more <= 0:
        return " ".join(messages)
    return ngettext(
        "%(first)s (och %(more)d fel till)", "%(first)s (och %(more)d fel till)", more
    ) % {"first": messages[0], "more": more}


def date_argument(text: str, *, option: str) -> datetime.date:
    """A date given as ÅÅÅÅ-MM-DD in the calendar and within the years Kansli takes."""
    if not ISO_DATE.fullmatch(text):
        raise bad_input(
            _("Ogiltigt datum %(text)s för %(option)s: ange det som ÅÅÅÅ-MM-DD.")
            % {"text": text, "option": option}
        )
    try:
        day = datetime.date.fromisoformat(text)
    except ValueError:
        raise bad_input(_("Datumet %(text)s finns inte i kalendern.") % {"text": text}) from None
    if not bounds.YEAR_MIN <= day.year <= bounds.YEAR_MAX:
        raise bad_input(
            _("Datumet %(text)s för %(option)s: ange ett år mellan %(min)s och %(max)s.")
            % {"text": text, "option": option, "min": bounds.YEAR_MIN, "max": bounds.YEAR_MAX}
        )
    return day


def date_or_today(text: str | None, *, option: str = "--date") -> datetime.date:
    return timezone.localdate() if text is None else date_argument(text, option=option)


def number_in(text: str) -> int | None:
    """The number `text` is, in ASCII digits and small enough for the database's integers
    (`str.isdigit` also takes "²", which `int` refuses); None when it is not one."""
    return int(text) if WHOLE_NUMBER.fullmatch(text) and len(text) <= 18 else None


def whole_number(text: str | None, what: str) -> int | None:
    """A count or an id the command is given, or why it is not one."""
    if text is None:
        return None
    number = number_in(text)
    if number is None:
        raise bad_input(
            _("Ogiltigt %(what)s %(text)s: ange ett heltal.") % {"what": what, "text": text}
        )
    return number


def amount_or_none(text: str | None) -> Decimal | None:
    """An amount in kronor: digits, spaces between thousands, a decimal point or comma."""
    if text is None:
        return None
    plain = text.replace(" ", "").replace("\u00a0", "").replace(",", ".")
    try:
        amount = Decimal(plain) if plain.isascii() else None
    except InvalidOperation:
        amount = None
    if amount is None or not amount.is_finite() or amount < 0 or amount >= 10**15:
        raise bad_input(
            _("Ogiltigt belopp %(text)s: ange kronor, t.ex. 250000 eller 1500.50.") % {"text": text}
        )
    return amount


def text_file(path: Path, *, encoding: str = "utf-8") -> str:
    """The text of a file the command is given, or why it cannot be read."""
    try:
        return path.read_text(encoding=encoding)
    except OSError as error:
        raise bad_input(
            _("Filen %(file)s kan inte läsas: %(error)s")
            % {"file": path, "error": error.strerror or error}
        ) from None
    except UnicodeDecodeError as error:
        raise bad_input(
            _("Filen %(file)s är inte kodad som UTF-8 (byte %(position)s).")
            % {"file": path, "position": error.start + 1}
        ) from None


def body_named(slug: str) -> Body:
    """The body with the short name `slug`; for any other name an error that lists the short
    names there are, so that the user can correct the command."""
    body = Body.objects.filter(slug=slug).first()
    if body is not None:
        return body
    known = ", ".join(Body.objects.order_by("slug").values_list("slug", flat=True))
    raise bad_input(
        _("Det finns ingen kommun eller region med kortnamnet %(slug)s. Kortnamnen är: %(known)s.")
        % {"slug": slug, "known": known or "–"}
    )
