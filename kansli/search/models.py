"""The search index of the registry: one entry per document, derived from the registry's rows.

Each entry holds two texts: `text`, everything that can be searched (the case title, the
document's sender or recipient and description, its files' text), and `open_text`, only what
someone who cannot see through secrecy is shown (see `kansli.registry.visibility`). On
PostgreSQL each has a stored tsvector of the terms of `kansli.search.text` under a GIN index; on
SQLite the terms of both go into an FTS5 table (migration 0004). The entry is rebuilt whenever
the registry calls `kansli.search.index.index_documents`.
"""

from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.utils.translation import gettext_lazy as _

from kansli.organisation.models import Body, Organization
from kansli.registry.models import Document


class SearchEntry(models.Model):
    document = models.OneToOneField(
        Document,
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="search_entry",
        verbose_name=_("handling"),
    )
    body = models.ForeignKey(Body, on_delete=models.CASCADE, related_name="+")
    text = models.TextField(_("sökbar text"))
    open_text = models.TextField(_("text utan sekretess"))
    # Whether anything of the document is kept from those who cannot see through secrecy.
    restricted = models.BooleanField(_("sekretess"), default=False)
    # The search's filters, copied from the document and its case, so that PostgreSQL narrows
    # the matches in the same index scan that finds them (migration 0004) instead of joining
    # the registry's tables after fetching every match of a common word. No constraint in the
    # database: its check would take a lock on the organization's row in every registration's
    # commit, which deadlocked concurrent registrations on PostgreSQL; the entry goes with its
    # document, and the document's case holds the constraint.
    organization = models.ForeignKey(
        Organization,
        on_delete=models.CASCADE,
        null=True,
        related_name="+",
        db_index=False,
        db_constraint=False,
    )
    year = models.PositiveIntegerField(null=True)  # the case's year (of its number)
    date = models.DateField(null=True)  # the document's
    direction = models.CharField(max_length=10, blank=True)
    classification = models.CharField(max_length=30, blank=True)  # the document's
    # PostgreSQL only; null on SQLite, whose index is the FTS5 table.
    vector = SearchVectorField(null=True)
    open_vector = SearchVectorField(null=True)

    class Meta:
        verbose_name = _("sökpost")
        verbose_name_plural = _("sökposter")

    def __str__(self) -> str:
        return str(self.document_id)
