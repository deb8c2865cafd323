from typing import Any

from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from kansli.accounts.selectors import policy_table


class Command(BaseCommand):
    help = _("Vem får göra vad: varje apps åtgärder mot rollerna, som Markdown (docs/security.md).")

    def handle(self, *args: Any, **options: Any) -> None:
        self.stdout.write(policy_table(), ending="")
