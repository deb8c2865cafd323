"""The append-only, hash-chained event log."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

GENESIS = "0" * 64


class Event(models.Model):
    """One write, as it happened: who, when, what, before and after.

    `seq` runs without gaps and `hash` covers this event's content and the previous
    event's hash, so an altered, inserted or deleted row breaks the chain.
    """

    seq = models.PositiveBigIntegerField(_("löpnummer"), unique=True)
    at = models.DateTimeField(_("tidpunkt"))
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("utförd av"),
    )
    actor_name = models.CharField(_("utförd av (namn)"), max_length=200)
    action = models.CharField(_("händelse"), max_length=100)
    object_type = models.CharField(_("objekttyp"), max_length=100)
    object_id = models.CharField(_("objekt-id"), max_length=64)
    object_repr = models.CharField(_("objekt"), max_length=300)
    # Whose event it is, to show it to that body's administrator (kansli.audit.bodies). Not part
    # of what the hash attests: it is derived from the row, and an event of no body (the roles)
    # or logged before it was kept is shown to operators only.
    body = models.ForeignKey(
        "organisation.Body",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("huvudman"),
    )
    before = models.JSONField(_("före"), null=True, blank=True)
    after = models.JSONField(_("efter"), null=True, blank=True)
    prev_hash = models.CharField(_("föregående kontrollsumma"), max_length=64)
    hash = models.CharField(_("kontrollsumma"), max_length=64, unique=True)
    # The database transaction that wrote the event, set by PostgreSQL (kansli.audit.triggers),
    # so that a row changed in the same transaction is known to be accounted for. Not part of
    # what the hash attests: it says which transaction, not what happened.
    txid = models.BigIntegerField(_("transaktion"), null=True, blank=True, editable=False)

    class Meta:
        verbose_name = _("händelse")
        verbose_name_plural = _("händelselogg")
        ordering = ["seq"]
        indexes = [
            models.Index(fields=["object_type", "object_id"]),
            # The latest event of a table (kansli.delegation.selectors.engine_version).
            models.Index(fields=["object_type", "seq"], name="audit_event_type_seq"),
        ]

    def __str__(self) -> str:
        return f"#{self.seq} {self.action} {self.object_repr}"


class ChainHead(models.Model):
    """The single row that serializes writers and remembers the chain's end.

    Locking it (select_for_update) orders concurrent writers; its `seq` and `hash`
    also reveal a deleted last event.
    """

    seq = models.PositiveBigIntegerField(_("senaste löpnummer"), default=0)
    hash = models.CharField(_("senaste kontrollsumma"), max_length=64, default=GENESIS)

    class Meta:
        verbose_name = _("kedjans slut")
        verbose_name_plural = _("kedjans slut")

    def __str__(self) -> str:
        return f"#{self.seq} {self.hash}"


class RowChange(models.Model):
    """A change to an audited table that no event of the same transaction accounts for, as
    PostgreSQL's triggers saw it (kansli.audit.triggers): an SQL statement or a
    `QuerySet.update()` that went around the audited services. `kansli audit verify` names the
    first one. Written only by the database."""

    class Operation(models.TextChoices):
        INSERT = "INSERT", _("infogad")
        UPDATE = "UPDATE", _("ändrad")
        DELETE = "DELETE", _("raderad")

    at = models.DateTimeField(_("tidpunkt"))
    object_type = models.CharField(_("objekttyp"), max_length=100)
    object_id = models.CharField(_("objekt-id"), max_length=64)
    operation = models.CharField(_("ändring"), max_length=6, choices=Operation)
    before = models.JSONField(_("före"), null=True, blank=True)
    after = models.JSONField(_("efter"), null=True, blank=True)
    txid = models.BigIntegerField(_("transaktion"))

    class Meta:
        verbose_name = _("ändring utan händelse")
        verbose_name_plural = _("ändringar utan händelse")
        ordering = ["pk"]

    def __str__(self) -> str:
        return f"{self.get_operation_display()} {self.object_type} {self.object_id}"
