"""The `kansli` console command: Django's management commands with Kansli's settings.

A `.env` file in the current folder is read first (python-dotenv; the environment wins), so a
developer's `KANSLI_ENV=development` can live there. Settings that cannot be used (a secret not
set, a number that is not one) end the command with one Swedish line naming what to set, never
a traceback. `kansli --help` lists the project's own commands first.
"""

import os
import sys
from collections import defaultdict
from pathlib import Path

from django.core.management import ManagementUtility, get_commands, load_command_class
from dotenv import load_dotenv

# The exit code of bad input (kansli.organisation.commands.BAD_INPUT), here before Django is set up.
BAD_INPUT = 2


def main() -> None:
    load_dotenv(Path.cwd() / ".env", override=False)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kansli.settings")
    from django.conf import settings
    from django.core.exceptions import ImproperlyConfigured

    try:
        settings.INSTALLED_APPS  # noqa: B018 - reading a setting loads them all
    except ImproperlyConfigured as error:
        sys.stderr.write(f"kansli: {error}\n")
        sys.exit(BAD_INPUT)
    Utility(sys.argv).execute()


class Utility(ManagementUtility):
    def main_help_text(self, commands_only: bool = False) -> str:
        if commands_only:
            return super().main_help_text(commands_only=True)
        return _main_help_text(self.prog_name)


def _main_help_text(prog_name: str) -> str:
    from django.utils.translation import gettext as _

    own: dict[str, str] = {}
    others: defaultdict[str, list[str]] = defaultdict(list)
    for name, app in get_commands().items():
        if app.startswith("kansli."):
            command = load_command_class(app, name)
            own[name] = str(command.help).split(".")[0].split(":")[0]
        else:
            others["django" if app == "django.core" else app.rpartition(".")[-1]].append(name)
    width = max(map(len, own), default=0)
    lines = [
        _("Skriv ”%(prog)s help KOMMANDO” för hjälp om ett kommando.") % {"prog": prog_name},
        "",
        _("Kanslis kommandon:"),
        *(f"    {name.ljust(width)}  {own[name]}" for name in sorted(own)),
        "",
        _("Djangos och tilläggens kommandon:"),
    ]
    for app in sorted(others):
        lines += [f"  [{app}]", *(f"    {name}" for name in sorted(others[app]))]
    return "\n".join(lines)


if __name__ == "__main__":
    main()
