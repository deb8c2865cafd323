"""Who may plan and hold a body's meetings, read its members' packet and see a draft agenda.

The body's secretaries (nämndsekreterare, by their role) keep its meetings: they plan them,
build the agenda, send the notice, keep the attendance and record what is decided item by
item. The chair and the minutes checkers approve the stored minutes by signing them, each in
their own session; the secretary records a signature made on paper, and the secretary or the
registrar corrects approved minutes in a new version. The members' packet carries every
attachment, secret ones included, so only the secretaries download it here. An administrator
has none of this unless it also holds the secretary's role. Everyone, the public included,
reads a meeting's agenda once it is called; a case item's title reads as the registry's
visibility shows its case to the reader.
"""

from django.core.exceptions import PermissionDenied
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from kansli.accounts.models import Role
from kansli.accounts.policy import (
    Action,
    Actor,
    User,
    is_person,
    refuse,
    require,
    standing,
)
from kansli.meetings.models import AgendaItem, Meeting
from kansli.meetings.selectors import meeting_day, minutes_signers
from kansli.organisation.models import Body, Membership, Person
from kansli.organisation.selectors import members_on, substitutes_on
from kansli.registry.visibility import case_view

MANAGE = Action(
    "meetings",
    gettext_lazy(
        "Planera och hålla sammanträden: dagordning, kallelse, närvaro, yrkanden och beslut"
    ),
    (Role.SECRETARY,),
)
APPROVAL = Action(
    "meetings",
    gettext_lazy("Registrera justeringen av protokollet"),
    (Role.SECRETARY,),
    gettext_lazy("när ordföranden och justerarna skriver under"),
)
SIGN = Action(
    "meetings",
    gettext_lazy("Signera protokollet elektroniskt"),
    (),
    gettext_lazy(
        "ordföranden och var och en av justerarna, själva i sin egen inloggning, när protokollet "
        "är skickat för justering"
    ),
)
CORRECTION = Action(
    "meetings",
    gettext_lazy("Rätta ett justerat protokoll (protokollsrättelse) i en ny version"),
    (Role.SECRETARY, Role.REGISTRAR),
)
MEMBERS_PACKET = Action(
    "meetings",
    gettext_lazy("Hämta kallelsen och ledamotshandlingarna med sekretessbelagda bilagor"),
    (Role.SECRETARY,),
    gettext_lazy(
        "och organets ledamöter och ersättare på sammanträdesdagen när sammanträdet är kallat; "
        "en sekretessbelagd bilaga ser bara de och den som får se igenom sekretessen i diariet"
    ),
)
FULL_MINUTES = Action(
    "meetings",
    gettext_lazy(
        "Hämta det fullständiga protokollet och se omröstningar, jäv och reservationer "
        "innan protokollet är justerat"
    ),
    (Role.SECRETARY,),
)
DRAFT_AGENDA = Action(
    "meetings",
    gettext_lazy("Se dagordningen innan kallelsen har skickats"),
    (Role.SECRETARY,),
    gettext_lazy("och alla, även allmänheten, när sammanträdet är kallat"),
)
PERSON_FEED = Action(
    "meetings",
    gettext_lazy("Hämta en persons kalender med sammanträden"),
    (),
    gettext_lazy("personen själv"),
)

OWN_MEETINGS = Action(
    "meetings",
    gettext_lazy("Se sina egna sammanträden, anmäla förhinder och hålla en egen kalenderlänk"),
    (),
    gettext_lazy(
        "ledamöter och ersättare, var och en för sig själv: förhinder till ett sammanträde i "
        "det egna organet som ännu inte har öppnats"
    ),
)

# Meetings whose agenda and public packet anyone may read: called, held or approved.
PUBLISHED = frozenset(
    {
        Meeting.Status.CALLED,
        Meeting.Status.OPENED,
        Meeting.Status.CLOSED,
        Meeting.Status.APPROVED,
    }
)


def may_manage(user: Actor, body: Body | int) -> bool:
    """May the user plan and hold the body's meetings?"""
    return MANAGE.allows(user, body)


def require_manage(actor: Actor, body: Body | int) -> None:
    if actor is not None and not may_manage(actor, body):
        raise refuse_managing(body)


def may_record_approval(user: Actor, body: Body | int) -> bool:
    """May the user record the chair's and the checkers' approval of the body's minutes?"""
    return APPROVAL.allows(user, body)


def require_record_approval(actor: Actor, body: Body | int) -> None:
    if actor is not None and not may_record_approval(actor, body):
        raise refuse(
            _("Bara nämndsekreterare i %(body)s kan registrera justeringen av protokollet.")
            % {"body": _name(body)}
        )


def may_sign_minutes(user: Actor, meeting: Meeting) -> bool:
    """May the user sign the meeting's stored minutes: is the user's own person its chair or
    one of its minutes checkers? Nobody signs for another."""
    person_id = standing(user).person_id
    return person_id is not None and person_id in minutes_signers(meeting=meeting)


def require_sign_minutes(actor: Actor, meeting: Meeting) -> Person:
    """The actor's own person, who signs; anyone but the chair and the checkers is refused,
    the system too: a signature is a person's own."""
    person_id = standing(actor).person_id if actor is not None else None
    if person_id is None or person_id not in minutes_signers(meeting=meeting):
        raise refuse(
            _("Bara ordföranden och justerarna kan signera protokollet, var och en själv.")
        )
    return Person.objects.get(pk=person_id)


def may_correct_minutes(user: Actor, body: Body | int) -> bool:
    """May the user correct the body's approved minutes in a new version?"""
    return CORRECTION.allows(user, body)


def require_correct_minutes(actor: Actor, body: Body | int) -> None:
    if actor is not None and not may_correct_minutes(actor, body):
        raise refuse(
            _("Bara nämndsekreterare och registratorer i %(body)s kan rätta ett protokoll.")
            % {"body": _name(body)}
        )


def serves_in_organ(user: Actor, meeting: Meeting) -> bool:
    """Is the user a member or substitute of the meeting's organ on the meeting's day?"""
    person_id = standing(user).person_id
    if person_id is None:
        return False
    organization, day = meeting.organization, meeting_day(meeting)
    return (
        members_on(organization=organization, on=day).filter(person_id=person_id).exists()
        or substitutes_on(organization=organization, on=day).filter(person_id=person_id).exists()
    )


def reads_packet_whole(user: Actor, meeting: Meeting) -> bool:
    """Does the user read the members' packet whole, secret attachments included: a member or
    substitute of the organ, once the meeting is called."""
    return meeting.status in PUBLISHED and serves_in_organ(user, meeting)


def may_read_members_packet(user: Actor, meeting: Meeting) -> bool:
    """May the user download the meeting's notice and members' packet: the secretaries, and
    the organ's members and substitutes once the meeting is called."""
    return MEMBERS_PACKET.allows(user, meeting.organization.body_id) or reads_packet_whole(
        user, meeting
    )


def refuse_members_packet(body: Body | int) -> PermissionDenied:
    return refuse(
        _(
            "Bara nämndsekreterare i %(body)s och organets ledamöter och ersättare, när "
            "sammanträdet är kallat, kan hämta ledamöternas handlingar."
        )
        % {"body": _name(body)}
    )


def may_read_full_minutes(user: Actor, meeting: Meeting) -> bool:
    """May the user download the full minutes, and read votes, disqualifications and dissents
    before the minutes are approved?"""
    return FULL_MINUTES.allows(user, meeting.organization.body_id)


def refuse_justering() -> PermissionDenied:
    """The refusal of the justering page to anyone who neither signs nor records justering."""
    return refuse(
        _("Bara ordföranden, justerarna och nämndsekreterarna kan se justeringen av protokollet.")
    )


def refuse_full_minutes(body: Body | int) -> PermissionDenied:
    return refuse(
        _("Bara nämndsekreterare i %(body)s kan hämta det fullständiga protokollet.")
        % {"body": _name(body)}
    )


def proceedings_visible(user: Actor, meeting: Meeting) -> bool:
    """May the user read the votes, disqualifications and dissents of the meeting's items:
    everyone once the minutes are approved, before that the secretaries only."""
    return meeting.status == Meeting.Status.APPROVED or may_read_full_minutes(user, meeting)


def agenda_visible(user: Actor, meeting: Meeting) -> bool:
    """Is the meeting's agenda public yet, or is the user one who drafts it?"""
    return meeting.status in PUBLISHED or DRAFT_AGENDA.allows(user, meeting.organization.body_id)


def item_title(user: User, item: AgendaItem) -> tuple[str, bool]:
    """The item's title as the user may see it, and whether it is masked: a case item under
    secrecy reads as the registry's visibility masks its case."""
    if item.case is None:
        return item.title, False
    view = case_view(user, item.case)
    return (view.title, True) if view.title_masked else (item.title, False)


def may_read_person_feed(user: Actor, person: Person) -> bool:
    """May the user fetch the person's own calendar of meetings: only the person."""
    return is_person(user, person.pk)


def has_seat(user: Actor, body: Body | int) -> bool:
    """Does the user's person hold a seat (member or substitute) in an organ of the body, today
    or later: the one who has meetings of their own there."""
    own = standing(user)
    body_id = body.pk if isinstance(body, Body) else body
    if own.person_id is None or own.body_id != body_id:
        return False
    return (
        Membership.objects.filter(person_id=own.person_id, organization__body_id=body_id)
        .exclude(end__lt=timezone.localdate())
        .exists()
    )


def refuse_own_meetings(body: Body | int) -> PermissionDenied:
    return refuse(
        _("Bara ledamöter och ersättare i %(body)s har egna sammanträden här.")
        % {"body": _name(body)}
    )


def may_report_absence(user: Actor, meeting: Meeting) -> bool:
    """May the user report (or withdraw) their own absence from the meeting: a member or
    substitute of its organ on its day, while the meeting is not yet opened."""
    return meeting.status in (Meeting.Status.PLANNED, Meeting.Status.CALLED) and serves_in_organ(
        user, meeting
    )


def require_report_absence(actor: Actor, meeting: Meeting) -> None:
    """Only the member or substitute themselves report their absence; the meeting's state is
    the service's to check."""
    require(
        serves_in_organ(actor, meeting),
        actor,
        _("Bara organets ledamöter och ersättare kan anmäla förhinder, var och en för sig."),
    )


def require_own_calendar(actor: Actor, person: Person) -> None:
    """A calendar link is made and revoked by its person alone."""
    require(
        is_person(actor, person.pk),
        actor,
        _("Bara personen själv kan skapa eller återkalla sin kalenderlänk."),
    )


def refuse_managing(body: Body | int) -> PermissionDenied:
    """The refusal to anyone but the body's secretaries, of a write or a secretary's page."""
    return refuse(
        _("Bara nämndsekreterare i %(body)s kan planera och hålla sammanträden.")
        % {"body": _name(body)}
    )


def _name(body: Body | int) -> str:
    return str(body if isinstance(body, Body) else Body.objects.get(pk=body))
