"""`kansli reindex`: rebuild the search entry of every document, as registering it does, for
instance after the Swedish dictionary changed (docs/search.md)."""

from typing import Any

from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from kansli.registry.models import Document
from kansli.search.index import index_documents

BATCH = 2_000


class Command(BaseCommand):
    help = _("Bygg om sökindexet för alla handlingar.")

    def handle(self, *args: Any, **options: Any) -> None:
        ids = list(Document.objects.order_by("pk").values_list("pk", flat=True))
        for first in range(0, len(ids), BATCH):
            batch = ids[first : first + BATCH]
            documents = Document.objects.filter(pk__in=batch).select_related("case__organization")
            index_documents(list(documents))
            self.stdout.write(f"{first + len(batch):,} / {len(ids):,}")
