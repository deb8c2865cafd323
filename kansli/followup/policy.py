"""Who may, in the director's follow-up.

The director and the secretaries who assist the director keep the follow-up of their body: the
economy, the supervision of committees and companies, crisis events, the year's talks. Some
writes are made in one's own name, whatever the role: the event's chief of staff writes in the
crisis log, whoever held a talk records it, a manager acknowledges a governing document, a
certifier certifies a payment, the director (or whom the director names for it) attests a
duty done outside Kansli, and whoever of the body the delegation order names decides an
appointment of a head (the delegation engine tries each decision); the director appoints the
certifiers and names who else attests a duty. The body's officials and elected members read
the follow-up; the duty dashboard is the keepers' and the board's. The administrator role has
no follow-up powers.

Services call `require_*` with the actor first; pages and the API ask `may_*`.
"""

import datetime

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from kansli.accounts.models import Role
from kansli.accounts.policy import (
    Action,
    Actor,
    User,
    is_person,
    is_staff_of,
    refuse,
    require,
)
from kansli.followup.models import CrisisEvent, Talk
from kansli.followup.selectors.attestations import delegates_of
from kansli.followup.selectors.documents import managers_on
from kansli.governance.models import GoverningDocument
from kansli.organisation.models import Body, Person
from kansli.organisation.selectors import director_of

APP = "followup"
KEEPERS = (Role.DIRECTOR, Role.SECRETARY)

# The business roles: everyone of the body but the administrator who holds no other role.
BUSINESS = (Role.DIRECTOR, Role.SECRETARY, Role.REGISTRAR, Role.CASE_OFFICER, Role.ELECTED_MEMBER)

READ = Action(APP, gettext_lazy("läsa uppföljningen"), BUSINESS)
READ_DUTIES = Action(
    APP,
    gettext_lazy("läsa direktörens plikter (uppföljningens översikt)"),
    (Role.DIRECTOR, Role.SECRETARY, Role.ELECTED_MEMBER),
)
KEEP = Action(
    APP,
    gettext_lazy("föra uppföljningen: ekonomi, uppsikt, krishändelser och samtal"),
    KEEPERS,
)
LOG = Action(
    APP,
    gettext_lazy("skriva i krisloggen"),
    KEEPERS,
    gettext_lazy("eller händelsens stabschef; alltid i eget namn"),
)
RECORD_TALK = Action(
    APP,
    gettext_lazy("registrera att ett samtal har hållits"),
    KEEPERS,
    gettext_lazy("eller den som höll samtalet; alltid i eget namn"),
)
APPOINT_CERTIFIERS = Action(
    APP,
    gettext_lazy("utse och entlediga attestanter"),
    also=gettext_lazy("den som är direktör den dagen"),
)
CERTIFY = Action(
    APP,
    gettext_lazy("attestera en betalning"),
    also=gettext_lazy("attestanten själv, i eget namn, inom en attesträtt"),
)
ATTEST = Action(
    APP,
    gettext_lazy("attestera att en skyldighet i instruktionen är fullgjord"),
    also=gettext_lazy("direktören, eller den direktören utsett för skyldigheten; i eget namn"),
)
NAME_ATTESTERS = Action(
    APP,
    gettext_lazy("utse den som attesterar en skyldighet i direktörens ställe"),
    also=gettext_lazy("den som är direktör den dagen"),
)
ACKNOWLEDGE = Action(
    APP,
    gettext_lazy("kvittera ett styrdokument"),
    also=gettext_lazy("chefer i sin kommun eller region, i eget namn"),
)
DECIDE_APPOINTMENT = Action(
    APP,
    gettext_lazy("besluta om tillsättning eller entledigande av chef"),
    BUSINESS,
    gettext_lazy("i eget namn, den som delegationsordningen ger beslutet: motorn prövar det"),
)


def may_read(user: User, body: Body) -> bool:
    """May the user read the body's follow-up: its officials and elected members?"""
    return READ.allows(user, body)


def require_read(user: User, body: Body) -> None:
    require(
        may_read(user, body),
        user,
        _("Uppföljningen i %(body)s visas för dess tjänstepersoner och förtroendevalda.")
        % {"body": body},
    )


def may_read_duties(user: User, body: Body) -> bool:
    """May the user read the duty dashboard: the keepers and the board?"""
    return READ_DUTIES.allows(user, body)


def require_read_duties(user: User, body: Body) -> None:
    require(
        may_read_duties(user, body),
        user,
        _("Uppföljningen visas för direktören, kansliet och styrelsen."),
    )


def may_keep(user: Actor, body: Body) -> bool:
    """May the user write the body's follow-up: the director and the secretaries?"""
    return KEEP.allows(user, body)


def require_keep(actor: Actor, body: Body) -> None:
    require(
        may_keep(actor, body),
        actor,
        _("Bara direktören och kansliets sekreterare i %(body)s kan ändra uppföljningen.")
        % {"body": body},
    )


def may_log(user: Actor, event: CrisisEvent) -> bool:
    """May the user write in the event's crisis log: a keeper, or the event's chief of staff?"""
    return LOG.allows(user, event.body_id) or (
        is_staff_of(user, event.body_id) and is_person(user, event.chief_of_staff_id)
    )


def require_log(actor: Actor, event: CrisisEvent) -> None:
    require(
        may_log(actor, event),
        actor,
        _("Bara direktören, kansliet och händelsens stabschef skriver i krisloggen."),
    )


def may_record_talk(user: Actor, talk: Talk) -> bool:
    """May the user record the talk held: a keeper, or whoever held it?"""
    return RECORD_TALK.allows(user, talk.body_id) or (
        is_staff_of(user, talk.body_id) and is_person(user, talk.held_by_id)
    )


def require_record_talk(actor: Actor, talk: Talk) -> None:
    require(
        may_record_talk(actor, talk),
        actor,
        _("Bara den som håller samtalet eller kansliet kan registrera det."),
    )


def is_director(user: Actor, body: Body, on: datetime.date | None = None) -> bool:
    """Is the user the body's director on the day?"""
    director = director_of(body=body, on=on or timezone.localdate())
    return director is not None and is_staff_of(user, body) and is_person(user, director.pk)


def may_appoint_certifiers(user: Actor, body: Body, on: datetime.date | None = None) -> bool:
    """Is the user the body's director on the day (seed 002 5.1.1: "utser attestansvariga")?"""
    return is_director(user, body, on)


def require_appoint_certifiers(actor: Actor, body: Body, on: datetime.date) -> None:
    require(
        may_appoint_certifiers(actor, body, on),
        actor,
        _("Bara direktören utser och entledigar attestanter."),
    )


def may_attest(user: Actor, body: Body, duty_key: str, on: datetime.date | None = None) -> bool:
    """May the user attest the duty: the director on the day, or a person the director has
    named for it?"""
    if is_director(user, body, on):
        return is_staff_of(user, body)
    person_id = getattr(getattr(user, "person", None), "pk", None)
    return (
        is_staff_of(user, body)
        and person_id is not None
        and delegates_of(body=body, duty_key=duty_key).filter(person_id=person_id).exists()
    )


def require_attest(actor: Actor, body: Body, duty_key: str, on: datetime.date) -> None:
    require(
        may_attest(actor, body, duty_key, on),
        actor,
        _("Bara direktören, eller den direktören utsett för skyldigheten, attesterar den."),
    )


def may_name_attesters(user: Actor, body: Body, on: datetime.date | None = None) -> bool:
    """Is the user the body's director on the day, who names who attests a duty?"""
    return is_director(user, body, on)


def require_name_attesters(actor: Actor, body: Body, on: datetime.date) -> None:
    require(
        may_name_attesters(actor, body, on),
        actor,
        _("Bara direktören utser den som attesterar en skyldighet."),
    )


def may_certify(user: Actor, certifier: Person) -> bool:
    """Is the user the certifier? A payment is certified in one's own name only."""
    return is_staff_of(user, certifier.body_id) and is_person(user, certifier.pk)


def require_certify(actor: Actor, certifier: Person) -> None:
    require(may_certify(actor, certifier), actor, _("Man attesterar bara i eget namn."))


def may_acknowledge(
    user: Actor, document: GoverningDocument, on: datetime.date | None = None
) -> bool:
    """Is the user a manager of the document's body on the day, who acknowledges in their own
    name?"""
    if not is_staff_of(user, document.body_id):
        return False
    managers = managers_on(body=document.body, on=on or timezone.localdate())
    return any(is_person(user, manager.person.pk) for manager in managers)


def require_acknowledge(actor: Actor, document: GoverningDocument, on: datetime.date) -> None:
    require(may_acknowledge(actor, document, on), actor, _("Bara chefer kvitterar styrdokument."))


def may_decide_appointment(user: Actor, body: Body) -> bool:
    """May the user try to decide an appointment of a head, in their own name? The delegation
    engine then tries the decision (decisions.services.decision_record)."""
    return DECIDE_APPOINTMENT.allows(user, body)


def require_decide_appointment(actor: Actor, body: Body) -> None:
    require(
        may_decide_appointment(actor, body),
        actor,
        _("Bara tjänstepersoner och förtroendevalda i %(body)s fattar beslut här.")
        % {"body": body},
    )


def own_person(actor: Actor, body: Body) -> Person:
    """The person of the body behind the signed-in user, who writes in their own name (the
    crisis log, a talk held, a manager's acknowledgement, an appointment decided)."""
    person = getattr(actor, "person", None)
    if person is None or person.body_id != body.pk:
        raise refuse(
            _("Bara användare som är kopplade till en person i %(body)s kan skriva här.")
            % {"body": body}
        )
    return person
