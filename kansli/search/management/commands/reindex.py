"""`kansli reindex`: make the index terms of every search entry again from the text the entry
holds, for instance after the Swedish dictionary changed (docs/search.md). The texts
themselves are rebuilt from the registry whenever a document is registered or changed."""

from typing import Any

from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils.translation import gettext as _

from kansli.search.backends import backend
from kansli.search.models import SearchEntry

BATCH = 2_000


class Command(BaseCommand):
    help = _("Gör om sökindexets termer för alla handlingar.")

    def handle(self, *args: Any, **options: Any) -> None:
        total = SearchEntry.objects.count()
        done, last = 0, 0
        entries = SearchEntry.objects.order_by("pk")
        while batch := list(entries.filter(pk__gt=last)[:BATCH]):
            with transaction.atomic():
                backend().save(batch)
            done, last = done + len(batch), batch[-1].pk
            self.stdout.write(f"{done:,} / {total:,}")
