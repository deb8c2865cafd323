from typing import Any

from django.utils.translation import gettext as _

from kansli.accounts.selectors import policy_table
from kansli.organisation.commands import KansliCommand


class Command(KansliCommand):
    help = _("Vem får göra vad: varje apps åtgärder mot rollerna, som Markdown (docs/security.md).")

    def handle(self, *args: Any, **options: Any) -> None:
        self.stdout.write(policy_table(), ending="")
