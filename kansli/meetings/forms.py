"""Forms of the meeting pages: each parses what the secretary enters for one service call and
hands over the service's keyword arguments in `arguments()`; the services validate the rest."""

import datetime
from typing import Any

from django import forms
from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kansli.meetings import rules
from kansli.meetings.models import (
    AgendaItem,
    Attendance,
    Ballot,
    Meeting,
    Proposal,
    Vote,
)
from kansli.meetings.selectors import law_of, meeting_day, serving_members
from kansli.organisation.models import Appointment, Body, Organization, Person
from kansli.registry.models import Case, Document
from kansli.texts import StrOrPromise
from kansli.web.forms import date_field, offer

DATETIME_FORMAT = "%Y-%m-%dT%H:%M"


class NumberChoiceField(forms.ModelChoiceField):
    """A document by its number alone: its description may be secret."""

    def label_from_instance(self, obj: Document) -> str:
        return obj.number


class ProposalChoiceField(forms.ModelChoiceField):
    """A proposal by its number and proposer, as the page lists them: its text may be secret
    (a secret case's resolution), and a form's choices know no user."""

    def label_from_instance(self, obj: Proposal) -> str:
        if obj.proposer is None:
            return _("Yrkande %(number)s (förslaget till beslut)") % {"number": obj.position}
        return _("Yrkande %(number)s (%(name)s)") % {
            "number": obj.position,
            "name": obj.proposer.name,
        }


def _datetime_field(label: StrOrPromise, **kwargs: Any) -> forms.DateTimeField:
    return forms.DateTimeField(
        label=label,
        input_formats=[DATETIME_FORMAT],
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format=DATETIME_FORMAT),
        error_messages={"invalid": _("Ange datum och tid i formen ÅÅÅÅ-MM-DD TT:MM.")},
        **kwargs,
    )


def _attending(meeting: Meeting, **filters: Any) -> QuerySet[Person]:
    """The persons on the meeting's attendance list, narrowed by attendance fields."""
    lookups = {f"attendance__{name}": value for name, value in filters.items()}
    return Person.objects.filter(attendance__meeting=meeting, **lookups)


class PlanForm(forms.Form):
    """Which organization's meeting plan, for which year."""

    organisation = forms.ModelChoiceField(label=_("Organ"), queryset=Organization.objects.none())
    ar = forms.IntegerField(label=_("År"), min_value=2000, max_value=2100)

    def __init__(self, *args: Any, body: Body, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        offer(
            self,
            "organisation",
            Organization.objects.filter(
                body=body, kind__in=Organization.POLITICAL_KINDS, dissolved_on__isnull=True
            ),
        )


class ScheduleForm(forms.Form):
    borjar = _datetime_field(_("Börjar"))
    slutar = _datetime_field(_("Slutar"), required=False)
    plats = forms.CharField(label=_("Plats"), max_length=200, required=False)
    offentligt = forms.BooleanField(label=_("Öppet för allmänheten"), required=False)

    def arguments(self) -> dict[str, Any]:
        data = self.cleaned_data
        return {
            "starts_at": data["borjar"],
            "ends_at": data["slutar"],
            "place": data["plats"],
            "open_to_public": data["offentligt"],
        }


class ActionForm(forms.Form):
    """The input of one action on a meeting or one of its items; none for building the
    agenda, sending the notice, opening or closing. The page names the form's action and
    where it posts (`name`, `url`)."""

    name: str
    url: str

    def __init__(
        self, *args: Any, meeting: Meeting, item: AgendaItem | None = None, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.meeting = meeting
        self.item = item

    def officials(self) -> QuerySet[Person]:
        """The body's officials on the day of the meeting: those who may present and attend."""
        appointed = Appointment.objects.filter(position__body=self.meeting.organization.body_id).on(
            meeting_day(self.meeting)
        )
        return Person.objects.filter(pk__in=appointed.values("person"))

    def arguments(self) -> dict[str, Any]:
        return {}


class ItemActionForm(ActionForm):
    """The input of an action on one of the meeting's items, which the page always gives."""

    item: AgendaItem


class ItemAddForm(ActionForm):
    rubrik = forms.CharField(label=_("Rubrik"), max_length=500)
    slag = forms.ChoiceField(
        label=_("Slag"),
        choices=AgendaItem.Kind.choices,
        initial=AgendaItem.Kind.CASE,
        required=False,
    )
    arende = forms.CharField(label=_("Diarienummer"), max_length=60, required=False)
    forslag = forms.CharField(label=_("Förslag till beslut"), widget=forms.Textarea, required=False)
    plats = forms.IntegerField(
        label=_("Plats på dagordningen"),
        min_value=1,
        required=False,
        help_text=_("Tomt: före de avslutande punkterna."),
    )

    def clean_arende(self) -> Case | None:
        number = self.cleaned_data["arende"].strip()
        if not number:
            return None
        case = Case.objects.filter(
            organization__body=self.meeting.organization.body_id, number__iexact=number
        ).first()
        if case is None:
            raise forms.ValidationError(
                _("Det finns inget ärende med diarienummer %(number)s.") % {"number": number}
            )
        return case

    def arguments(self) -> dict[str, Any]:
        data = self.cleaned_data
        return {
            "title": data["rubrik"],
            "kind": data["slag"] or AgendaItem.Kind.CASE,
            "case": data["arende"],
            "proposal": data["forslag"],
            "position": data["plats"],
        }


class ConfirmedForm(ActionForm):
    """An action asked once more on its own page, which says what it will do (to whom the notice
    goes): the page sends the confirmation, a bare post does not."""

    bekraftad = forms.BooleanField(
        label=_("Bekräftelse"),
        widget=forms.HiddenInput,
        initial=True,
        error_messages={"required": _("Bekräfta åtgärden på sidan som visar vad den gör.")},
    )


class CancelForm(ConfirmedForm):
    skal = forms.CharField(
        label=_("Skäl till att sammanträdet ställs in"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Skälet sparas, visas på sammanträdets sida och skickas till de kallade."),
    )

    def arguments(self) -> dict[str, Any]:
        return {"reason": self.cleaned_data["skal"]}


class ItemMoveForm(ActionForm):
    ordning = forms.IntegerField(label=_("Ny plats"), min_value=1)

    def arguments(self) -> dict[str, Any]:
        return {"position": self.cleaned_data["ordning"]}


class RapporteurForm(ActionForm):
    foredragande = forms.ModelChoiceField(label=_("Föredragande"), queryset=Person.objects.none())
    utsedd_av = forms.ModelChoiceField(
        label=_("Utsedd av"), queryset=Person.objects.none(), required=False
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        offer(self, "foredragande", self.officials())
        offer(self, "utsedd_av", self.officials())

    def arguments(self) -> dict[str, Any]:
        data = self.cleaned_data
        return {"rapporteur": data["foredragande"], "named_by": data["utsedd_av"]}


class AttachmentForm(ItemActionForm):
    handling = NumberChoiceField(label=_("Handling"), queryset=Document.objects.none())

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        offer(self, "handling", Document.objects.filter(case=self.item.case_id))

    def arguments(self) -> dict[str, Any]:
        return {"document": self.cleaned_data["handling"]}


class PresenceForm(ActionForm):
    person = forms.ModelChoiceField(label=_("Person"), queryset=Person.objects.none())
    narvarande = forms.BooleanField(label=_("Närvarande"), required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        offer(self, "person", _attending(self.meeting))

    def arguments(self) -> dict[str, Any]:
        data = self.cleaned_data
        return {"person": data["person"], "present": data["narvarande"]}


class ItemChoiceField(forms.ModelChoiceField):
    """An item by its number on the agenda, and its paragraph once it has one: its title may
    be secret, and a form's choices know no user."""

    def label_from_instance(self, obj: AgendaItem) -> str:
        if obj.minute_number is None:
            return _("Punkt %(position)s") % {"position": obj.position}
        return _("Punkt %(position)s (§ %(number)s)") % {
            "position": obj.position,
            "number": obj.minute_number,
        }


class SectionsForm(ActionForm):
    """Who came late or left early, by the items of the agenda."""

    person = forms.ModelChoiceField(label=_("Person"), queryset=Person.objects.none())
    kom = ItemChoiceField(label=_("Kom till"), queryset=AgendaItem.objects.none(), required=False)
    lamnade = ItemChoiceField(
        label=_("Lämnade efter"), queryset=AgendaItem.objects.none(), required=False
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        offer(self, "person", _attending(self.meeting, present=True))
        for name in ("kom", "lamnade"):
            offer(self, name, self.meeting.items.order_by("position"))

    def arguments(self) -> dict[str, Any]:
        data = self.cleaned_data
        return {"person": data["person"], "came_at": data["kom"], "left_after": data["lamnade"]}


class AdjournmentForm(ActionForm):
    """An adjournment on the meeting's day, from and to a time of day."""

    fran = forms.TimeField(
        label=_("Ajournerat från"), widget=forms.TimeInput(attrs={"type": "time"})
    )
    till = forms.TimeField(label=_("Återupptogs"), widget=forms.TimeInput(attrs={"type": "time"}))

    def arguments(self) -> dict[str, Any]:
        day, zone = meeting_day(self.meeting), timezone.get_current_timezone()
        return {
            "started_at": datetime.datetime.combine(day, self.cleaned_data["fran"], tzinfo=zone),
            "ended_at": datetime.datetime.combine(day, self.cleaned_data["till"], tzinfo=zone),
        }


class RecipientsForm(ItemActionForm):
    """Expediering: who the item's decision is sent to, one a line."""

    mottagare = forms.CharField(
        label=_("Skickas till (en mottagare per rad)"),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["mottagare"].initial = self.item.recipients

    def arguments(self) -> dict[str, Any]:
        return {"recipients": self.cleaned_data["mottagare"]}


class SubstituteForm(ActionForm):
    ersattare = forms.ModelChoiceField(label=_("Ersättare"), queryset=Person.objects.none())
    tjanstgor_for = forms.ModelChoiceField(label=_("Tjänstgör för"), queryset=Person.objects.none())

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        offer(self, "ersattare", _attending(self.meeting, capacity=Attendance.Capacity.SUBSTITUTE))
        offer(
            self,
            "tjanstgor_for",
            _attending(self.meeting, capacity=Attendance.Capacity.MEMBER, present=False),
        )

    def arguments(self) -> dict[str, Any]:
        data = self.cleaned_data
        return {"substitute": data["ersattare"], "serves_for": data["tjanstgor_for"]}


class OfficialForm(ActionForm):
    person = forms.ModelChoiceField(label=_("Tjänsteperson"), queryset=Person.objects.none())
    yttranderatt = forms.BooleanField(label=_("Yttranderätt"), required=False)
    grund = forms.CharField(label=_("Grund för närvaro"), max_length=300)
    samrad = date_field(_("Samråd med styrelsens ordförande"), required=False)
    ordforande_informerad = date_field(_("Nämndens ordförande informerad"), required=False)
    forvaltningschef_informerad = date_field(_("Förvaltningschefen informerad"), required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        offer(self, "person", self.officials())

    def arguments(self) -> dict[str, Any]:
        data = self.cleaned_data
        return {
            "person": data["person"],
            "may_speak": data["yttranderatt"],
            "basis": data["grund"],
            "board_chair_consulted_on": data["samrad"],
            "committee_chair_notified_on": data["ordforande_informerad"],
            "department_head_notified_on": data["forvaltningschef_informerad"],
        }


class CheckersForm(ActionForm):
    justerare = forms.ModelMultipleChoiceField(
        label=_("Justerare"), queryset=Person.objects.none(), widget=forms.CheckboxSelectMultiple
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        serving = serving_members(meeting=self.meeting)
        offer(self, "justerare", Person.objects.filter(pk__in=[person.pk for person in serving]))

    def arguments(self) -> dict[str, Any]:
        return {"persons": list(self.cleaned_data["justerare"])}


class SignerForm(ActionForm):
    """Who signs: the chair or a minutes checker (the service checks which)."""

    person = forms.ModelChoiceField(label=_("Justeras av"), queryset=Person.objects.none())

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        checkers = Q(attendance__meeting=self.meeting, attendance__checks_minutes=True)
        offer(
            self, "person", Person.objects.filter(checkers | Q(pk=self.meeting.chair_id)).distinct()
        )

    def arguments(self) -> dict[str, Any]:
        return {"person": self.cleaned_data["person"]}


class PaperApprovalForm(SignerForm):
    """A signature made on paper on the stored minutes: who, and when (empty: now)."""

    justerat = _datetime_field(_("Undertecknat"), required=False)

    def arguments(self) -> dict[str, Any]:
        return super().arguments() | {"approved_at": self.cleaned_data["justerat"]}


class CorrectionForm(ActionForm):
    """A correction of the approved minutes (protokollsrättelse): why."""

    skal = forms.CharField(label=_("Skäl till rättelsen"), widget=forms.Textarea(attrs={"rows": 3}))

    def arguments(self) -> dict[str, Any]:
        return {"reason": self.cleaned_data["skal"]}


class DisqualificationForm(ActionForm):
    person = forms.ModelChoiceField(label=_("Jävig ledamot"), queryset=Person.objects.none())
    grund = forms.CharField(label=_("Grund för jäv"), max_length=300)
    ersattare = forms.ModelChoiceField(
        label=_("Ersättare som tjänstgör i punkten"),
        queryset=Person.objects.none(),
        required=False,
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        offer(self, "person", _attending(self.meeting, present=True))
        offer(
            self,
            "ersattare",
            _attending(self.meeting, capacity=Attendance.Capacity.SUBSTITUTE, present=True),
        )
        self.fields["grund"].help_text = _("Jäv enligt %(law)s.") % {
            "law": law_of(self.meeting.organization, rules.DISQUALIFICATION_LAW)
        }

    def arguments(self) -> dict[str, Any]:
        data = self.cleaned_data
        return {"person": data["person"], "ground": data["grund"], "substitute": data["ersattare"]}


class ProposalForm(ActionForm):
    """A proposal in its full text (att-satser), or a member's bifall to the prepared one."""

    text = forms.CharField(
        label=_("Yrkande"), widget=forms.Textarea(attrs={"rows": 2}), required=False
    )
    forslagsstallare = forms.ModelChoiceField(
        label=_("Yrkat av"), queryset=Person.objects.none(), required=False
    )
    bifall = forms.BooleanField(label=_("Bifall till förslaget till beslut"), required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        offer(self, "forslagsstallare", _attending(self.meeting, present=True))

    def arguments(self) -> dict[str, Any]:
        data = self.cleaned_data
        return {
            "text": data["text"],
            "proposer": data["forslagsstallare"],
            "supports_prepared": data["bifall"],
        }


class DecideForm(ItemActionForm):
    """Decision by acclamation on one of the item's proposals."""

    forslag = ProposalChoiceField(
        label=_("Bifallet förslag"), queryset=AgendaItem.objects.none(), required=False
    )
    beslut = forms.CharField(
        label=_("Beslut"), widget=forms.Textarea(attrs={"rows": 2}), required=False
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        offer(self, "forslag", self.item.proposals.select_related("proposer"))

    def arguments(self) -> dict[str, Any]:
        data = self.cleaned_data
        return {"proposal": data["forslag"], "resolution": data["beslut"]}


class VoteForm(ItemActionForm):
    """A roll call: the two proposals put against each other and each serving member's vote."""

    ja = ProposalChoiceField(label=_("Ja-förslag"), queryset=AgendaItem.objects.none())
    nej = ProposalChoiceField(label=_("Nej-förslag"), queryset=AgendaItem.objects.none())

    def __init__(self, *args: Any, voters: list[Person], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for name in ("ja", "nej"):
            offer(self, name, self.item.proposals.select_related("proposer"))
        self.voters = voters
        for person in voters:
            self.fields[f"rost_{person.pk}"] = forms.ChoiceField(
                label=person.name, choices=Ballot.Choice.choices, widget=forms.RadioSelect
            )

    def ballot_fields(self) -> list[forms.BoundField]:
        return [self[f"rost_{person.pk}"] for person in self.voters]

    def arguments(self) -> dict[str, Any]:
        data = self.cleaned_data
        return {
            "yes_proposal": data["ja"],
            "no_proposal": data["nej"],
            "ballots": {person: data[f"rost_{person.pk}"] for person in self.voters},
        }


class SecretBallotForm(ItemActionForm):
    """An election by secret ballot (only in an election): the two proposals and the counts; a
    tie is decided by lot, drawn when the vote is recorded."""

    ja = ProposalChoiceField(label=_("Ja-förslag"), queryset=AgendaItem.objects.none())
    nej = ProposalChoiceField(label=_("Nej-förslag"), queryset=AgendaItem.objects.none())
    ja_roster = forms.IntegerField(label=_("Röster för ja-förslaget"), min_value=0)
    nej_roster = forms.IntegerField(label=_("Röster för nej-förslaget"), min_value=0)
    blanka = forms.IntegerField(label=_("Blanka (avstår)"), min_value=0, initial=0)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for name in ("ja", "nej"):
            offer(self, name, self.item.proposals.select_related("proposer"))

    def arguments(self) -> dict[str, Any]:
        data = self.cleaned_data
        return {
            "yes_proposal": data["ja"],
            "no_proposal": data["nej"],
            "method": Vote.Method.SECRET,
            "counts": {
                Ballot.Choice.YES: data["ja_roster"],
                Ballot.Choice.NO: data["nej_roster"],
                Ballot.Choice.ABSTAIN: data["blanka"],
            },
        }


class ItemStatusForm(ActionForm):
    status = forms.ChoiceField(
        label=_("Åtgärd"),
        choices=[
            (AgendaItem.Status.NOTED, _("Noteras")),
            (AgendaItem.Status.TABLED, _("Bordläggs")),
            (AgendaItem.Status.WITHDRAWN, _("Utgår")),
        ],
    )

    def arguments(self) -> dict[str, Any]:
        return {"status": self.cleaned_data["status"]}


class DissentForm(ActionForm):
    person = forms.ModelChoiceField(label=_("Reserverar sig"), queryset=Person.objects.none())
    motivering = forms.CharField(
        label=_("Skriftlig motivering"), widget=forms.Textarea(attrs={"rows": 2}), required=False
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        offer(self, "person", _attending(self.meeting, present=True))

    def arguments(self) -> dict[str, Any]:
        data = self.cleaned_data
        return {"person": data["person"], "reasons": data["motivering"]}


class DissentReasonsForm(ItemActionForm):
    """The written reasons of a dissent entered at the meeting, given until the approval."""

    person = forms.ModelChoiceField(label=_("Reservation av"), queryset=Person.objects.none())
    motivering = forms.CharField(
        label=_("Skriftlig motivering"), widget=forms.Textarea(attrs={"rows": 2})
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        without = self.item.dissents.filter(reasons="").values("person_id")
        offer(self, "person", Person.objects.filter(pk__in=without))

    def arguments(self) -> dict[str, Any]:
        data = self.cleaned_data
        return {"person": data["person"], "reasons": data["motivering"]}


class AnnouncementForm(ActionForm):
    """The day the council's meeting was announced on the notice board (today if empty)."""

    anslaget = date_field(_("Anslaget den"), required=False)

    def arguments(self) -> dict[str, Any]:
        return {"posted_on": self.cleaned_data["anslaget"]}


class MinuteNoteForm(ActionForm):
    person = forms.ModelChoiceField(label=_("Antecknas av"), queryset=Person.objects.none())
    text = forms.CharField(label=_("Anteckning"), widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        offer(self, "person", _attending(self.meeting, present=True))

    def arguments(self) -> dict[str, Any]:
        data = self.cleaned_data
        return {"person": data["person"], "text": data["text"]}


class AgendaForm(forms.Form):
    """Which planned or called meeting of the organ that gave the assignment takes up a report
    on it, and as what (none is offered when the decision names no organ)."""

    sammantrade = forms.ModelChoiceField(label=_("Sammanträde"), queryset=Meeting.objects.none())
    slag = forms.ChoiceField(
        label=_("Som"),
        choices=[
            (AgendaItem.Kind.INFORMATION, AgendaItem.Kind.INFORMATION.label),
            (AgendaItem.Kind.ASSIGNMENT_REPORTS, AgendaItem.Kind.ASSIGNMENT_REPORTS.label),
        ],
    )

    def __init__(self, *args: Any, organization: Organization | None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        meetings = Meeting.objects.filter(
            organization=organization, status__in=[Meeting.Status.PLANNED, Meeting.Status.CALLED]
        )
        offer(self, "sammantrade", meetings.select_related("organization"))


class AbsenceForm(forms.Form):
    """Anmäl förhinder: the member's or substitute's own report, with an optional message to
    the secretary."""

    meddelande = forms.CharField(
        label=_("Meddelande till sekreteraren (frivilligt)"),
        required=False,
        max_length=Attendance.ABSENCE_NOTE_LENGTH,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class NoticeForm(forms.Form):
    """Another notice on the notice board: posted today, fixed as posted."""

    rubrik = forms.CharField(label=_("Rubrik"), max_length=300)
    text = forms.CharField(
        label=_("Text"), max_length=20000, widget=forms.Textarea(attrs={"rows": 8})
    )
    tas_ned = date_field(
        _("Tas ned den"),
        help_text=_("Tillkännagivandet anslås i dag och sitter uppe till och med dagen före."),
    )


class AnnouncementPostForm(forms.Form):
    """The council's announcement, posted once the secretary has seen it on its own page."""

    bekraftad = forms.BooleanField(
        label=_("Bekräftelse"),
        widget=forms.HiddenInput,
        initial=True,
        error_messages={"required": _("Bekräfta åtgärden på sidan som visar vad den gör.")},
    )


class OrderDraftAgendaForm(forms.Form):
    """Which planned or called meeting of the organization that adopts a draft of a delegation
    order takes it up."""

    sammantrade = forms.ModelChoiceField(label=_("Sammanträde"), queryset=Meeting.objects.none())

    def __init__(self, *args: Any, organization: Organization, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        meetings = Meeting.objects.filter(
            organization=organization, status__in=[Meeting.Status.PLANNED, Meeting.Status.CALLED]
        )
        offer(self, "sammantrade", meetings.select_related("organization").order_by("starts_at"))
