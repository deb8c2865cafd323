from typing import Any

from django.utils.translation import gettext as _

from kansli.demo.services import DEMO_LOGINS, DEMO_PASSWORD, load_demo
from kansli.organisation.commands import KansliCommand


class Command(KansliCommand):
    help = _(
        "Läser in demodata för Vänersborgs kommun och Region Blekinge (går att köra om) "
        "och skriver ut demoinloggningarna."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        load_demo()
        self.stdout.write(_("Demodata är inläst."))
        self.stdout.write(
            _("Demoinloggningar (lösenord för alla: %(password)s):") % {"password": DEMO_PASSWORD}
        )
        width = max(len(login.username) for login in DEMO_LOGINS)
        for login in DEMO_LOGINS:
            self.stdout.write(f"  {login.username:<{width}}  {login.role.label:<18}  {login.body}")
