"""Meetings (sammanträden): the plan, the agenda, who attends, what is decided item by item, the
minutes and their approval, and the posting on the official notice board.

A meeting is written through `kansli.meetings.services`, which checks quorum and
disqualification before a decision and takes every legal date from `kansli.legal_time`.
"""

import datetime

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kansli.decisions.models import AssignmentReport, Decision
from kansli.delegation.models import OrderDraft
from kansli.organisation.models import Body, Membership, Organization, Person
from kansli.registry.models import Case, Document


class Meeting(models.Model):
    """One meeting of a political organization: planned, called, held, its minutes approved."""

    class Status(models.TextChoices):
        PLANNED = "planned", _("planerat")
        CALLED = "called", _("kallat")
        OPENED = "opened", _("pågår")
        CLOSED = "closed", _("avslutat, ej justerat")
        APPROVED = "approved", _("justerat")
        CANCELLED = "cancelled", _("inställt")

    organization = models.ForeignKey(
        Organization, on_delete=models.PROTECT, related_name="meetings", verbose_name=_("organ")
    )
    starts_at = models.DateTimeField(_("börjar"))
    ends_at = models.DateTimeField(_("slutar"), null=True, blank=True)
    place = models.CharField(_("plats"), max_length=200, blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.PLANNED
    )
    # Council meetings are public (KL 5 kap. 38 §); a board may open its own (KL 6 kap. 25 §).
    open_to_public = models.BooleanField(_("öppet för allmänheten"), default=False)
    chair = models.ForeignKey(
        Person,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("ordförande vid sammanträdet"),
    )
    secretary = models.ForeignKey(
        Person,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("sekreterare"),
    )
    approval_planned_on = models.DateField(_("planerad justering"), null=True, blank=True)
    notice_sent_at = models.DateTimeField(_("kallelse skickad"), null=True, blank=True)
    opened_at = models.DateTimeField(_("öppnat"), null=True, blank=True)
    closed_at = models.DateTimeField(_("avslutat"), null=True, blank=True)
    approved_at = models.DateTimeField(_("justerat"), null=True, blank=True)
    # The council's meeting is announced on the official notice board at least a week ahead
    # (KL 5 kap. 11 §): the day the announcement (tillkännagivande) was posted.
    announced_on = models.DateField(_("tillkännagivet på anslagstavlan"), null=True, blank=True)
    cancelled_at = models.DateTimeField(_("inställt"), null=True, blank=True)
    cancel_reason = models.TextField(_("skäl till att sammanträdet ställdes in"), blank=True)

    class Meta:
        verbose_name = _("sammanträde")
        verbose_name_plural = _("sammanträden")
        ordering = ["starts_at", "pk"]
        indexes = [models.Index(fields=["organization", "starts_at"], name="meeting_plan")]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__isnull=True) | Q(ends_at__gte=models.F("starts_at")),
                name="meeting_ends_after_start",
                violation_error_message=_("Ett sammanträde kan inte sluta innan det börjar."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.organization} {self.starts_at:%Y-%m-%d}"


class MinuteSeries(models.Model):
    """The minute numbers (§) of one organization and year: continuous across its meetings."""

    organization = models.ForeignKey(
        Organization, on_delete=models.PROTECT, related_name="+", verbose_name=_("organ")
    )
    year = models.PositiveSmallIntegerField(_("år"))
    next_number = models.PositiveIntegerField(_("nästa paragraf"), default=1)

    class Meta:
        verbose_name = _("paragrafserie")
        verbose_name_plural = _("paragrafserier")
        constraints = [
            models.UniqueConstraint(
                fields=["organization", "year"], name="minute_series_per_organization_year"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.organization} {self.year}"


class AgendaItem(models.Model):
    """One item of the agenda and, once dealt with, one paragraph (§) of the minutes."""

    class Kind(models.TextChoices):
        OPENING = "opening", _("Sammanträdets öppnande")
        MINUTES_CHECKER = "minutes_checker", _("Val av justerare")
        AGENDA_APPROVAL = "agenda_approval", _("Godkännande av dagordningen")
        DELEGATED_DECISIONS = "delegated_decisions", _("Anmälan av delegationsbeslut")
        COMMUNICATIONS = "communications", _("Meddelanden")
        ASSIGNMENT_REPORTS = "assignment_reports", _("Rapporter om uppdrag")
        CASE = "case", _("Ärende")
        ELECTION = "election", _("Val")
        INFORMATION = "information", _("Information")

    class Status(models.TextChoices):
        PENDING = "pending", _("ej behandlat")
        DECIDED = "decided", _("beslutat")
        NOTED = "noted", _("noterat")
        TABLED = "tabled", _("bordlagt")
        WITHDRAWN = "withdrawn", _("utgår")

    class Method(models.TextChoices):
        ACCLAMATION = "acclamation", _("acklamation")
        VOTE = "vote", _("votering")
        SECRET_BALLOT = "secret_ballot", _("sluten omröstning")

    meeting = models.ForeignKey(
        Meeting, on_delete=models.CASCADE, related_name="items", verbose_name=_("sammanträde")
    )
    position = models.PositiveSmallIntegerField(_("ordning"))
    kind = models.CharField(_("slag"), max_length=30, choices=Kind.choices, default=Kind.CASE)
    title = models.CharField(_("rubrik"), max_length=500)
    case = models.ForeignKey(
        Case,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="agenda_items",
        verbose_name=_("ärende"),
    )
    rapporteur = models.ForeignKey(
        Person,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("föredragande"),
    )
    # The director may hand the presentation to a department head, chief of staff or case
    # officer (seed 002 4.1.2): who handed it over is kept beside the rapporteur.
    rapporteur_named_by = models.ForeignKey(
        Person,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("föredragande utsedd av"),
    )
    proposal = models.TextField(_("förslag till beslut"), blank=True)
    # A report on the board's assignment that the item takes up (the agenda hand-over).
    assignment_report = models.OneToOneField(
        AssignmentReport,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="agenda_item",
        verbose_name=_("rapport om uppdrag"),
    )
    # A new version of a delegation order the organization is asked to adopt: adopted, it comes
    # into force when the paragraph is approved (`kansli.meetings.adoption`).
    order_draft = models.ForeignKey(
        OrderDraft,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="agenda_items",
        verbose_name=_("utkast till delegationsordning"),
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.PENDING
    )
    method = models.CharField(_("beslutsmetod"), max_length=20, choices=Method.choices, blank=True)
    resolution = models.TextField(_("beslut"), blank=True)
    minute_series = models.ForeignKey(
        MinuteSeries,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="items",
        verbose_name=_("paragrafserie"),
    )
    minute_number = models.PositiveIntegerField(_("paragraf"), null=True, blank=True)
    # Omedelbar justering: the item's paragraph approved at the meeting itself.
    approved_immediately_at = models.DateTimeField(_("omedelbart justerad"), null=True, blank=True)
    decision = models.OneToOneField(
        Decision,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="agenda_item",
        verbose_name=_("beslut i beslutsregistret"),
    )
    # Expediering: who the decision is sent to, one recipient (an organ, an office, a person)
    # a line; at approval they get a protokollsutdrag, registered in the case as `extract`.
    recipients = models.TextField(_("skickas till"), blank=True)
    extract = models.ForeignKey(
        Document,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("protokollsutdrag"),
    )
    # The report of delegated decisions: the decisions this item reports to the organization,
    # marked reported in the register once the minutes are approved.
    reported_decisions = models.ManyToManyField(
        Decision,
        blank=True,
        related_name="reported_at_items",
        verbose_name=_("anmälda delegationsbeslut"),
    )

    class Meta:
        verbose_name = _("punkt på dagordningen")
        verbose_name_plural = _("punkter på dagordningen")
        ordering = ["meeting", "position"]
        constraints = [
            models.UniqueConstraint(fields=["meeting", "position"], name="agenda_item_position"),
            models.UniqueConstraint(
                fields=["minute_series", "minute_number"], name="minute_number_once"
            ),
            models.CheckConstraint(
                condition=Q(minute_series__isnull=True, minute_number__isnull=True)
                | Q(minute_series__isnull=False, minute_number__isnull=False),
                name="minute_number_with_series",
            ),
        ]

    def __str__(self) -> str:
        if self.minute_number is not None:
            return f"§ {self.minute_number} {self.title}"
        return f"{self.position}. {self.title}"


class ItemAttachment(models.Model):
    """A registered document that goes with an item in the members' packet. Whether it may go in
    the public packet is decided by the registry's visibility, never here."""

    item = models.ForeignKey(
        AgendaItem, on_delete=models.CASCADE, related_name="attachments", verbose_name=_("punkt")
    )
    document = models.ForeignKey(
        Document, on_delete=models.PROTECT, related_name="+", verbose_name=_("handling")
    )
    position = models.PositiveSmallIntegerField(_("ordning"), default=0)

    class Meta:
        verbose_name = _("bilaga")
        verbose_name_plural = _("bilagor")
        ordering = ["item", "position", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["item", "document"], name="attachment_once_per_item"),
        ]

    def __str__(self) -> str:
        return str(self.document)


class Attendance(models.Model):
    """Who is at the meeting, in which capacity, and on what right."""

    ABSENCE_NOTE_LENGTH = 500

    class Capacity(models.TextChoices):
        MEMBER = "member", _("ledamot")
        SUBSTITUTE = "substitute", _("ersättare")
        OFFICIAL = "official", _("tjänsteperson")

    meeting = models.ForeignKey(
        Meeting, on_delete=models.CASCADE, related_name="attendance", verbose_name=_("sammanträde")
    )
    person = models.ForeignKey(
        Person, on_delete=models.PROTECT, related_name="attendance", verbose_name=_("person")
    )
    capacity = models.CharField(_("i egenskap av"), max_length=20, choices=Capacity.choices)
    membership = models.ForeignKey(
        Membership,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("uppdrag"),
    )
    present = models.BooleanField(_("närvarande"), default=True)
    # A substitute called to serve in place of an absent member, for the whole meeting.
    serves_for = models.ForeignKey(
        Person,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("tjänstgör för"),
    )
    checks_minutes = models.BooleanField(_("justerare"), default=False)
    # An official's right to attend and to speak, and what it rests on; the dates of the
    # consultation and notifications that a rule of the body's instruction requires first (seed
    # 002 5.2.1: the director in other committees after consulting the board's chair, with the
    # committee's chair and the department head notified in advance).
    may_speak = models.BooleanField(_("yttranderätt"), default=False)
    basis = models.CharField(_("grund för närvaro"), max_length=300, blank=True)
    board_chair_consulted_on = models.DateField(
        _("samråd med styrelsens ordförande"), null=True, blank=True
    )
    committee_chair_notified_on = models.DateField(
        _("nämndens ordförande informerad"), null=True, blank=True
    )
    department_head_notified_on = models.DateField(
        _("förvaltningschefen informerad"), null=True, blank=True
    )
    # Anmält förhinder: the member or substitute told beforehand that they cannot come
    # (services.absence_report, which calls the next substitute).
    absence_reported_at = models.DateTimeField(_("förhinder anmält"), null=True, blank=True)
    absence_note = models.CharField(
        _("meddelande om förhinder"), max_length=ABSENCE_NOTE_LENGTH, blank=True
    )
    # Who came late or left early: present from the item `came_at` and up to and including the
    # item `left_after` (empty: from the opening, to the end), printed "närvarande §§ 3–7".
    came_at = models.ForeignKey(
        AgendaItem,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("kom till punkt"),
    )
    left_after = models.ForeignKey(
        AgendaItem,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("lämnade efter punkt"),
    )

    class Meta:
        verbose_name = _("närvaro")
        verbose_name_plural = _("närvaro")
        ordering = ["meeting", "capacity", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["meeting", "person"], name="attendance_once"),
            models.CheckConstraint(
                condition=Q(serves_for__isnull=True) | Q(capacity="substitute", present=True),
                name="attendance_only_present_substitute_serves",
                violation_error_message=_("Bara en närvarande ersättare kan tjänstgöra."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.person} ({self.get_capacity_display()})"


class Disqualification(models.Model):
    """Jäv (KL 5 kap. 47 § in the council, 6 kap. 28-32 §§ in the board and the committees): a
    member takes no part in one item; a substitute may serve in that item only."""

    item = models.ForeignKey(
        AgendaItem,
        on_delete=models.CASCADE,
        related_name="disqualifications",
        verbose_name=_("punkt"),
    )
    person = models.ForeignKey(
        Person, on_delete=models.PROTECT, related_name="+", verbose_name=_("jävig")
    )
    ground = models.CharField(_("grund"), max_length=300)
    substitute = models.ForeignKey(
        Person,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("tjänstgörande ersättare i punkten"),
    )

    class Meta:
        verbose_name = _("jäv")
        verbose_name_plural = _("jäv")
        constraints = [
            models.UniqueConstraint(fields=["item", "person"], name="disqualification_once"),
        ]

    def __str__(self) -> str:
        return f"{self.person}: {self.ground}"


class Proposal(models.Model):
    """A proposal put in an item: the prepared one (no proposer) or a member's counter-proposal."""

    item = models.ForeignKey(
        AgendaItem, on_delete=models.CASCADE, related_name="proposals", verbose_name=_("punkt")
    )
    position = models.PositiveSmallIntegerField(_("ordning"))
    proposer = models.ForeignKey(
        Person,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("förslagsställare"),
    )
    text = models.TextField(_("förslag"))
    # A member who moves the prepared proposal (yrkar bifall till förslaget till beslut): it
    # carries the preparation's resolution clauses, as the prepared proposal itself does.
    supports_prepared = models.BooleanField(_("bifall till förslaget till beslut"), default=False)
    adopted = models.BooleanField(_("bifallet"), default=False)

    class Meta:
        verbose_name = _("yrkande")
        verbose_name_plural = _("yrkanden")
        ordering = ["item", "position"]
        constraints = [
            models.UniqueConstraint(fields=["item", "position"], name="proposal_position"),
        ]

    def __str__(self) -> str:
        return self.text[:80]


class Vote(models.Model):
    """A vote between two proposals: by roll call (each name and vote kept) or, in elections
    only, by secret ballot (only the counts)."""

    class Method(models.TextChoices):
        ROLL_CALL = "roll_call", _("öppen omröstning (namnupprop)")
        SECRET = "secret", _("sluten omröstning")

    item = models.ForeignKey(
        AgendaItem, on_delete=models.CASCADE, related_name="votes", verbose_name=_("punkt")
    )
    method = models.CharField(_("metod"), max_length=20, choices=Method.choices)
    yes_proposal = models.ForeignKey(
        Proposal, on_delete=models.PROTECT, related_name="+", verbose_name=_("ja-förslag")
    )
    no_proposal = models.ForeignKey(
        Proposal, on_delete=models.PROTECT, related_name="+", verbose_name=_("nej-förslag")
    )
    yes_count = models.PositiveSmallIntegerField(_("ja"), default=0)
    no_count = models.PositiveSmallIntegerField(_("nej"), default=0)
    abstain_count = models.PositiveSmallIntegerField(_("avstår"), default=0)
    # A tie is settled by the chair's casting vote in other matters, by lot in an election
    # (KL 5 kap. 56 §, 6 kap. 33 §); the lot is drawn by the system (services._draw_lot).
    casting_vote = models.BooleanField(_("ordförandens utslagsröst"), default=False)
    decided_by_lot = models.BooleanField(_("avgjort genom lottning"), default=False)
    winner = models.ForeignKey(
        Proposal, on_delete=models.PROTECT, related_name="+", verbose_name=_("vinnande förslag")
    )

    class Meta:
        verbose_name = _("omröstning")
        verbose_name_plural = _("omröstningar")
        ordering = ["item", "pk"]

    def __str__(self) -> str:
        return f"{self.yes_count}–{self.no_count}"


class Ballot(models.Model):
    """One member's vote in a roll call."""

    class Choice(models.TextChoices):
        YES = "yes", _("ja")
        NO = "no", _("nej")
        ABSTAIN = "abstain", _("avstår")

    vote = models.ForeignKey(
        Vote, on_delete=models.CASCADE, related_name="ballots", verbose_name=_("omröstning")
    )
    person = models.ForeignKey(
        Person, on_delete=models.PROTECT, related_name="+", verbose_name=_("ledamot")
    )
    choice = models.CharField(_("röst"), max_length=10, choices=Choice.choices)

    class Meta:
        verbose_name = _("röst")
        verbose_name_plural = _("röster")
        ordering = ["vote", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["vote", "person"], name="ballot_once"),
        ]

    def __str__(self) -> str:
        return f"{self.person}: {self.get_choice_display()}"


class Dissent(models.Model):
    """Reservation: a member's dissent from a decision, with or without written reasons."""

    item = models.ForeignKey(
        AgendaItem, on_delete=models.CASCADE, related_name="dissents", verbose_name=_("punkt")
    )
    person = models.ForeignKey(
        Person, on_delete=models.PROTECT, related_name="+", verbose_name=_("ledamot")
    )
    reasons = models.TextField(_("skriftlig motivering"), blank=True)

    class Meta:
        verbose_name = _("reservation")
        verbose_name_plural = _("reservationer")
        constraints = [
            models.UniqueConstraint(fields=["item", "person"], name="dissent_once"),
        ]

    def __str__(self) -> str:
        return str(self.person)


class MinuteNote(models.Model):
    """Protokollsanteckning: a statement a member has entered in the minutes of one item."""

    item = models.ForeignKey(
        AgendaItem, on_delete=models.CASCADE, related_name="notes", verbose_name=_("punkt")
    )
    person = models.ForeignKey(
        Person, on_delete=models.PROTECT, related_name="+", verbose_name=_("ledamot")
    )
    text = models.TextField(_("anteckning"))

    class Meta:
        verbose_name = _("protokollsanteckning")
        verbose_name_plural = _("protokollsanteckningar")
        ordering = ["item", "pk"]

    def __str__(self) -> str:
        return str(self.person)


def _minutes_file_name(version: "MinutesVersion", filename: str) -> str:
    meeting = version.meeting
    return f"protokoll/{meeting.organization.body.slug}/{meeting.pk}/{filename}"


class MinutesVersion(models.Model):
    """The minutes as they were sent for justering, rendered once as PDF/A and stored; a
    correction after justering (protokollsrättelse) is a new version, the old ones kept.

    Two files: the full minutes, and the public version that masks what the registry's
    visibility hides from the public. Each signature replaces a file by its signed state, whose
    SHA-256 the event log records; `kansli audit verify` checks every file against its hash."""

    meeting = models.ForeignKey(
        Meeting,
        on_delete=models.PROTECT,
        related_name="minutes_versions",
        verbose_name=_("sammanträde"),
    )
    number = models.PositiveSmallIntegerField(_("version"))
    file = models.FileField(_("protokoll"), upload_to=_minutes_file_name, max_length=255)
    sha256 = models.CharField(_("SHA-256"), max_length=64)
    public_file = models.FileField(
        _("offentlig version"), upload_to=_minutes_file_name, max_length=255
    )
    public_sha256 = models.CharField(_("SHA-256 för offentlig version"), max_length=64)
    made_at = models.DateTimeField(_("upprättad"))
    made_by = models.ForeignKey(
        Person,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("upprättad av"),
    )
    # Why a correction was made; empty for the first version.
    reason = models.TextField(_("skäl till rättelse"), blank=True)
    # When the last signer signed this version: justerad.
    approved_at = models.DateTimeField(_("justerad"), null=True, blank=True)
    # Minutes approved before Kansli stored them, rendered and stored afterwards, once
    # (`services.minutes_store_approved`, `kansli minutes store-approved`): not what was signed.
    after_the_fact = models.BooleanField(_("lagrat i efterhand"), default=False)

    class Meta:
        verbose_name = _("protokollsversion")
        verbose_name_plural = _("protokollsversioner")
        ordering = ["meeting", "number"]
        constraints = [
            models.UniqueConstraint(fields=["meeting", "number"], name="minutes_version_once"),
        ]

    def __str__(self) -> str:
        return str(_("Protokoll %(meeting)s, version %(number)d")) % {
            "meeting": self.meeting,
            "number": self.number,
        }


def _extract_file_name(extract: "ItemExtract", filename: str) -> str:
    meeting = extract.item.meeting
    return f"protokoll/{meeting.organization.body.slug}/{meeting.pk}/{filename}"


class ItemExtract(models.Model):
    """The protokollsutdrag of a paragraph approved at once (omedelbar justering), rendered
    once as PDF/A when its last signer approved it and stored: served, and sent in expediering,
    as it was approved. Its SHA-256 is in the log; `kansli audit verify` checks the file."""

    item = models.OneToOneField(
        "AgendaItem",
        on_delete=models.PROTECT,
        related_name="frozen_extract",
        verbose_name=_("punkt"),
    )
    file = models.FileField(_("protokollsutdrag"), upload_to=_extract_file_name, max_length=255)
    sha256 = models.CharField(_("SHA-256"), max_length=64)
    made_at = models.DateTimeField(_("upprättat"))

    class Meta:
        verbose_name = _("omedelbart justerat protokollsutdrag")
        verbose_name_plural = _("omedelbart justerade protokollsutdrag")

    def __str__(self) -> str:
        return str(_("Protokollsutdrag %(meeting)s § %(number)s")) % {
            "meeting": self.item.meeting,
            "number": self.item.minute_number,
        }


class Approval(models.Model):
    """Justering: one signature on the stored minutes (digital, in the signer's own session, or
    on paper, recorded by the secretary), or on one immediately approved item."""

    class Role(models.TextChoices):
        CHAIR = "chair", _("ordförande")
        CHECKER = "checker", _("justerare")
        SECRETARY = "secretary", _("sekreterare")

    class Method(models.TextChoices):
        DIGITAL = "digital", _("elektronisk underskrift")
        PAPER = "paper", _("på papper")

    meeting = models.ForeignKey(
        Meeting, on_delete=models.CASCADE, related_name="approvals", verbose_name=_("sammanträde")
    )
    item = models.ForeignKey(
        AgendaItem,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="approvals",
        verbose_name=_("omedelbart justerad punkt"),
    )
    person = models.ForeignKey(
        Person, on_delete=models.PROTECT, related_name="+", verbose_name=_("person")
    )
    role = models.CharField(_("roll"), max_length=20, choices=Role.choices)
    approved_at = models.DateTimeField(_("justerat"))
    # The stored minutes signed; empty for an immediately approved item, and for minutes
    # approved before they were stored.
    version = models.ForeignKey(
        MinutesVersion,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="approvals",
        verbose_name=_("protokollsversion"),
    )
    method = models.CharField(_("sätt"), max_length=10, choices=Method.choices)

    class Meta:
        verbose_name = _("justering")
        verbose_name_plural = _("justeringar")
        ordering = ["meeting", "approved_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "person"],
                condition=Q(item__isnull=True, version__isnull=True),
                name="approval_of_minutes_once",
            ),
            models.UniqueConstraint(
                fields=["version", "person"],
                condition=Q(version__isnull=False),
                name="approval_of_version_once",
            ),
            models.UniqueConstraint(
                fields=["item", "person"],
                condition=Q(item__isnull=False),
                name="approval_of_item_once",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.person} ({self.get_role_display()})"


class Posting(models.Model):
    """The posting (anslag) on the official notice board that the minutes have been approved
    (KL 8 kap. 12 §). Every date is computed by `kansli.legal_time`, never typed."""

    meeting = models.ForeignKey(
        Meeting, on_delete=models.PROTECT, related_name="postings", verbose_name=_("sammanträde")
    )
    # Set for the posting of an immediately approved item; empty for the whole minutes.
    item = models.ForeignKey(
        AgendaItem,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="postings",
        verbose_name=_("punkt"),
    )
    approved_on = models.DateField(_("justerat den"))
    posting_due = models.DateField(_("ska anslås senast"))
    posted_on = models.DateField(_("anslaget den"))
    last_appeal_day = models.DateField(_("sista dag för överklagande"))
    taken_down_on = models.DateField(_("tas ned den"))
    minutes_kept_at = models.CharField(_("protokollets förvaringsplats"), max_length=300)
    # The event log's end at justering (kansli.audit), printed on the minutes: a copy of the
    # chain's head kept outside the database, which a later `kansli audit verify --anchors`
    # can check. Empty on postings from before it was kept.
    chain_seq = models.PositiveBigIntegerField(
        _("händelseloggens löpnummer"), null=True, blank=True
    )
    chain_hash = models.CharField(_("händelseloggens kontrollsumma"), max_length=64, blank=True)

    class Meta:
        verbose_name = _("anslag")
        verbose_name_plural = _("anslag")
        ordering = ["-posted_on", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["meeting"], condition=Q(item__isnull=True), name="posting_of_minutes_once"
            ),
            models.UniqueConstraint(
                fields=["item"], condition=Q(item__isnull=False), name="posting_of_item_once"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.meeting} ({self.posted_on})"

    @property
    def late(self) -> bool:
        """Posted after the second day from the approval that the law allows."""
        return self.posted_on > self.posting_due


class Notice(models.Model):
    """A notice on the official notice board other than the posting of approved minutes: the
    council's announcement of a meeting (tillkännagivande, KL 5 kap. 11 §) or another notice
    the secretary posts. Fixed once posted: `content` is the notice as it was posted, rendered
    once, and `content_hash` its SHA-256, both in the audit event of its creation; no service
    changes either afterwards."""

    class Kind(models.TextChoices):
        ANNOUNCEMENT = "announcement", _("tillkännagivande av fullmäktiges sammanträde")
        OTHER = "other", _("annat tillkännagivande")

    body = models.ForeignKey(
        Body, on_delete=models.PROTECT, related_name="notices", verbose_name=_("huvudman")
    )
    kind = models.CharField(_("slag"), max_length=20, choices=Kind.choices)
    # Set for the council's announcement, empty for other notices.
    meeting = models.ForeignKey(
        Meeting,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="notices",
        verbose_name=_("sammanträde"),
    )
    title = models.CharField(_("rubrik"), max_length=300)
    text = models.TextField(_("text"), blank=True)
    posted_on = models.DateField(_("anslaget den"))
    # The announcement's latest day (`legal_time.announcement_latest`); empty for others.
    posting_due = models.DateField(_("ska anslås senast"), null=True, blank=True)
    taken_down_on = models.DateField(_("tas ned den"))
    content = models.TextField(_("tillkännagivandet som det anslogs (HTML)"))
    content_hash = models.CharField(_("kontrollsumma (SHA-256)"), max_length=64)

    class Meta:
        verbose_name = _("tillkännagivande")
        verbose_name_plural = _("tillkännaganden")
        ordering = ["-posted_on", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["meeting"],
                condition=Q(kind="announcement"),
                name="notice_announcement_once",
                violation_error_message=_("Sammanträdet är redan tillkännagivet."),
            ),
            models.CheckConstraint(
                condition=Q(taken_down_on__gt=models.F("posted_on")),
                name="notice_taken_down_after_posting",
                violation_error_message=_(
                    "Tillkännagivandet tas ned tidigast dagen efter att det anslås."
                ),
            ),
            models.CheckConstraint(
                condition=Q(kind="other") | Q(meeting__isnull=False),
                name="notice_announcement_has_meeting",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.title} ({self.posted_on})"

    @property
    def late(self) -> bool:
        """Posted after the latest day the law allows (only the council's announcement has
        one)."""
        return self.posting_due is not None and self.posted_on > self.posting_due


class Delivery(models.Model):
    """One e-mail of a meeting (its notice, the notice sent again, its cancellation, and the
    messages of an absence: to the substitute called or released, to the secretary) to one
    person, at the address it went to, and how its sending stands: queued when recorded,
    sending while the mail server is asked, then sent, or failed with the server's answer. A
    delivery still sending long after its attempt began is uncertain: the process may have
    died after the server took the message, so it is shown, never sent again by itself
    (`deliveries.delivery_attempt`)."""

    class Kind(models.TextChoices):
        NOTICE = "notice", _("kallelse")
        RESEND = "resend", _("kallelse skickad igen")
        CANCELLATION = "cancellation", _("inställelse")
        SUBSTITUTE_CALLED = "substitute_called", _("kallelse att tjänstgöra")
        SUBSTITUTE_RELEASED = "substitute_released", _("besked att inte tjänstgöra")
        ABSENCE = "absence", _("förhinder anmält")
        ABSENCE_WITHDRAWN = "absence_withdrawn", _("förhinder återtaget")

    class State(models.TextChoices):
        QUEUED = "queued", _("i kö")
        SENDING = "sending", _("skickas")
        SENT = "sent", _("skickat")
        FAILED = "failed", _("misslyckades")

    meeting = models.ForeignKey(
        Meeting, on_delete=models.CASCADE, related_name="deliveries", verbose_name=_("sammanträde")
    )
    person = models.ForeignKey(
        Person, on_delete=models.PROTECT, related_name="+", verbose_name=_("mottagare")
    )
    address = models.EmailField(_("e-post"))
    kind = models.CharField(_("slag"), max_length=20, choices=Kind.choices, default=Kind.NOTICE)
    state = models.CharField(_("läge"), max_length=10, choices=State.choices, default=State.QUEUED)
    attempts = models.PositiveSmallIntegerField(_("försök"), default=0)
    # The mail server's answer to the last attempt that failed ("550 5.1.1 no such user").
    answer = models.TextField(_("e-postserverns svar"), blank=True)
    # The calendar part (iTIP) as it was when the delivery was queued, so that an attempt
    # later, or a resend, carries the same SEQUENCE.
    invitation = models.TextField(blank=True, editable=False)
    # The message of an absence as it was written when queued (who was called, the note):
    # what every attempt sends. Empty for the notices, which are built when sent.
    subject = models.TextField(blank=True, editable=False)
    body = models.TextField(blank=True, editable=False)
    # Empty for the deliveries sent at once, before e-mail went through the queue.
    queued_at = models.DateTimeField(_("köad"), null=True, blank=True)
    last_attempt_at = models.DateTimeField(_("senaste försök"), null=True, blank=True)
    next_attempt_at = models.DateTimeField(_("nästa försök"), null=True, blank=True)
    sent_at = models.DateTimeField(_("skickad"), null=True, blank=True)

    class Meta:
        verbose_name = _("utskick av kallelse")
        verbose_name_plural = _("utskick av kallelser")
        ordering = ["meeting", "pk"]
        # The sweep's question: which deliveries still wait for an attempt?
        indexes = [
            models.Index(
                fields=["next_attempt_at"],
                condition=Q(state="queued"),
                name="meetings_delivery_waiting",
            )
        ]

    def __str__(self) -> str:
        return f"{self.person} {self.get_kind_display()} {self.get_state_display()}"

    @property
    def uncertain(self) -> bool:
        """Still sending long after the attempt began: the message may or may not have gone."""
        return (
            self.state == self.State.SENDING
            and self.last_attempt_at is not None
            and self.last_attempt_at < timezone.now() - self.stale()
        )

    @staticmethod
    def stale() -> datetime.timedelta:
        """How long a delivery may wait for its task, or be sending, before something is wrong
        (KANSLI_MAIL_STALE minutes): the sweep enqueues a queued one again; one still sending
        is uncertain."""
        return datetime.timedelta(minutes=settings.KANSLI_MAIL_STALE)

    @property
    def pending(self) -> bool:
        """Queued, or sending and not yet uncertain: its state will change by itself."""
        return self.state == self.State.QUEUED or (
            self.state == self.State.SENDING and not self.uncertain
        )


class CalendarFeed(models.Model):
    """A person's secret link to the iCalendar feed of their own coming meetings, which a
    calendar subscribes to without signing in. Only the SHA-256 digest of the link's token is
    kept (as for API keys); a revoked link opens nothing, and a person has one open link."""

    person = models.ForeignKey(
        Person, on_delete=models.CASCADE, related_name="calendar_feeds", verbose_name=_("person")
    )
    digest = models.CharField(max_length=64, unique=True, editable=False)
    created_at = models.DateTimeField(_("skapad"), auto_now_add=True)
    revoked_at = models.DateTimeField(_("återkallad"), null=True, blank=True)

    class Meta:
        verbose_name = _("kalenderlänk")
        verbose_name_plural = _("kalenderlänkar")
        ordering = ["person", "-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["person"],
                condition=Q(revoked_at__isnull=True),
                name="calendar_feed_one_open_per_person",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.person} {self.created_at:%Y-%m-%d}"


class Adjournment(models.Model):
    """Ajournering: the meeting paused from `started_at` until `ended_at` (empty while it
    lasts), printed in the minutes."""

    meeting = models.ForeignKey(
        Meeting,
        on_delete=models.CASCADE,
        related_name="adjournments",
        verbose_name=_("sammanträde"),
    )
    started_at = models.DateTimeField(_("ajournerat från"))
    ended_at = models.DateTimeField(_("återupptogs"), null=True, blank=True)

    class Meta:
        verbose_name = _("ajournering")
        verbose_name_plural = _("ajourneringar")
        ordering = ["meeting", "started_at", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ended_at__isnull=True) | Q(ended_at__gte=models.F("started_at")),
                name="adjournment_ends_after_start",
                violation_error_message=_("En ajournering kan inte sluta innan den börjar."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.meeting} {self.started_at:%H:%M}"
