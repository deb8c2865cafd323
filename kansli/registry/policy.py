"""Who may in the registry: read it, open and close cases, register documents and their files,
see through secrecy, handle public records requests, and set the registry's number series and
retention rules.

Everything is decided in the body the case, the request or the setting belongs to; another
body's users are refused. Registrars and secretaries open cases and register documents. A case
officer (the handläggare's role, or the director, who is the officer of the board's initiative
cases) opens a case of their own and registers what they drew up in their own case, such as
the officer's report. The administrator's role sets the registry's settings only; it registers
nothing and reads no requester's name unless the user also holds the registrar's role.

The public registry list (postlista) is open to everyone (OSL 5 kap 2 §); what it shows of a
secret document is decided by `kansli.registry.visibility`, which asks here who sees through
secrecy.
"""

import datetime

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy

from kansli.accounts.models import Role
from kansli.accounts.policy import (
    Action,
    Actor,
    has_role,
    is_person,
    is_staff_of,
    require,
    standing,
)
from kansli.delegation import engine
from kansli.delegation.selectors import authority_check
from kansli.organisation.models import Body, Organization, Person
from kansli.registry.models import Case, Document, PublicRecordsRequest

APP = "registry"
REGISTRY_ROLES = (Role.REGISTRAR, Role.SECRETARY)
# Those who handle cases as their officer: the case officers, and the director, whom the board's
# initiatives name as their officer (kansli.followup.services.initiatives).
CASE_OFFICERS = (Role.CASE_OFFICER, Role.DIRECTOR)

READ = Action(
    APP,
    _lazy("läsa diariet: ärenden, handlingar och sökningen"),
    also=_lazy("alla inloggade i kommunen eller regionen; postlistan läser alla"),
)
OPEN_CASE = Action(
    APP,
    _lazy("öppna ärenden"),
    REGISTRY_ROLES,
    _lazy("eller handläggaren eller direktören ett ärende som hen själv handlägger"),
)
REGISTER = Action(
    APP,
    _lazy("registrera handlingar och bifoga filer"),
    REGISTRY_ROLES,
    _lazy("eller handläggaren det som hen upprättat i sitt eget ärende"),
)
CLOSE_CASE = Action(
    APP,
    _lazy("avsluta och återuppta ärenden"),
    REGISTRY_ROLES,
    _lazy("eller handläggaren i sitt eget ärende"),
)
EDIT_CASE = Action(
    APP,
    _lazy("ändra ärendemeningen och lämna ärenden till en annan handläggare"),
    REGISTRY_ROLES,
    _lazy("eller handläggaren i sitt eget ärende"),
)
MARK_SECRET = Action(
    APP,
    _lazy("sekretessmarkera ärenden och handlingar och ta bort markeringen"),
    (Role.REGISTRAR,),
    _lazy("eller handläggaren av ärendet eller handlingen"),
)
SEE_THROUGH_SECRECY = Action(
    APP,
    _lazy("se det som sekretessen döljer i diariet"),
    (Role.REGISTRAR,),
    _lazy("eller handläggaren av handlingen eller ärendet"),
)
HANDLE_REQUESTS = Action(
    APP,
    _lazy("registrera, pröva och avgöra begäranden om allmän handling, med den begärandes namn"),
    (Role.REGISTRAR,),
)
SETTINGS = Action(
    APP,
    _lazy("ändra diariets nummerserier och gallringsregler"),
    (Role.REGISTRAR, Role.ADMINISTRATOR),
)
CLASSIFY = Action(
    APP,
    _lazy("klassificera ärenden enligt klassificeringsstrukturen"),
    REGISTRY_ROLES,
    _lazy("eller handläggaren i sitt eget ärende"),
)
# The registrar is the archive's keeper (arkivansvarig) here: no delegation order of the demo
# bodies names who decides on disposal, so the role decides it.
DISPOSE = Action(APP, _lazy("besluta om gallring och se vad som ska gallras"), (Role.REGISTRAR,))


def may_read(user: Actor, body: Body | int) -> bool:
    """May the user read the body's registry as its staff: the case list, the cases and
    documents (as `visibility` shows them), the search and their own cases?"""
    return is_staff_of(user, body)


def _officer(user: Actor, body_id: int, officer_id: int | None) -> bool:
    """Is the user, holding a case officer's role in the body, the officer named?"""
    return (
        officer_id is not None
        and is_person(user, officer_id)
        and has_role(user, body_id, *CASE_OFFICERS)
    )


def may_open_case(user: Actor, *, organization: Organization, case_officer: Person | None) -> bool:
    """Registrars and secretaries open the body's cases; a case officer opens a case of their
    own."""
    body_id = organization.body_id
    officer_id = case_officer.pk if case_officer is not None else None
    return OPEN_CASE.allows(user, body_id) or _officer(user, body_id, officer_id)


def _may_register(user: Actor, body_id: int, officer_id: int | None, direction: str) -> bool:
    drawn_up = direction == Document.Direction.DRAWN_UP
    return REGISTER.allows(user, body_id) or (drawn_up and _officer(user, body_id, officer_id))


def may_register(user: Actor, *, case: Case, direction: str) -> bool:
    """Registrars and secretaries register in the body's cases; a case officer registers what
    they drew up in their own case. Attaching a file to a document is part of registering it."""
    return _may_register(user, case.organization.body_id, case.case_officer_id, direction)


def may_register_letter(
    user: Actor,
    *,
    case: Case | None,
    organization: Organization,
    case_officer: Person | None,
    direction: str,
) -> bool:
    """May the user register the document in the case, or, with no case, open one in the
    organization with this officer and register it there (the registration page)?"""
    if case is not None:
        return may_register(user, case=case, direction=direction)
    officer_id = case_officer.pk if case_officer is not None else None
    return may_open_case(
        user, organization=organization, case_officer=case_officer
    ) and _may_register(user, organization.body_id, officer_id, direction)


def may_use_registration(user: Actor, body: Body | int) -> bool:
    """Is the registration page for the user: those who register by their role, and case
    officers, who register in cases of their own?"""
    return has_role(user, body, *REGISTRY_ROLES, *CASE_OFFICERS)


def may_close_case(user: Actor, *, case: Case) -> bool:
    """Registrars and secretaries close and reopen the body's cases; a case officer their
    own."""
    body_id = case.organization.body_id
    return CLOSE_CASE.allows(user, body_id) or _officer(user, body_id, case.case_officer_id)


def may_edit_case(user: Actor, *, case: Case) -> bool:
    """Registrars and secretaries change the body's cases and hand them to another case
    officer; a case officer their own."""
    body_id = case.organization.body_id
    return EDIT_CASE.allows(user, body_id) or _officer(user, body_id, case.case_officer_id)


def may_mark_secret(user: Actor, *, case: Case, document: Document | None = None) -> bool:
    """Registrars mark the body's cases and documents secret and unmark them; the officer of
    the case, or of the document, theirs. Those who see through secrecy only: whoever marks a
    record secret keeps seeing it."""
    body_id = case.organization.body_id
    officers = {case.case_officer_id, document.case_officer_id if document else None}
    return MARK_SECRET.allows(user, body_id) or any(
        _officer(user, body_id, officer) for officer in officers
    )


def may_see_through_secrecy(user: Actor, body: Body | int | None) -> bool:
    """Does the user see what secrecy hides in every record of the body (registrars, by their
    role)? The officer of a document or its case sees it too: `visibility` adds that."""
    return SEE_THROUGH_SECRECY.allows(user, body)


def may_handle_records_requests(user: Actor, body: Body | int | None) -> bool:
    """May the user read the body's public records requests, with who asked, and handle
    them?"""
    return HANDLE_REQUESTS.allows(user, body)


def may_classify(user: Actor, *, case: Case) -> bool:
    """Registrars and secretaries classify the body's cases; a case officer their own."""
    body_id = case.organization.body_id
    return CLASSIFY.allows(user, body_id) or _officer(user, body_id, case.case_officer_id)


def may_dispose(user: Actor, body: Body | int) -> bool:
    """May the user see what is due for disposal in the body and decide a disposal run?"""
    return DISPOSE.allows(user, body)


# The decision type of the delegation orders under which the authority decides a public records
# request an official has refused (OSL 6 kap. 3 §).
AUTHORITY_DECISION_TYPE = "utlamnande-allman-handling"


def authority_verdict(user: Actor, body: Body, on: datetime.date) -> engine.Verdict | None:
    """The delegation engine's answer whether the user's own person may make the authority's
    decision on a refused public records request on the day; None for a user who is no person
    of the body, or a body whose orders name no such decision."""
    person_id = standing(user).person_id
    if person_id is None or not is_staff_of(user, body):
        return None
    person = Person.objects.get(pk=person_id)
    if person.body_id != body.pk:
        return None
    try:
        return authority_check(
            body=body, decision_type=AUTHORITY_DECISION_TYPE, on=on, person=person
        )
    except ValidationError:
        return None


def may_decide_for_authority(user: Actor, body: Body, on: datetime.date) -> bool:
    """May the user, as the delegate the body's delegation order names, make the authority's
    decision on a refused public records request (and so read the requests that wait for it)?"""
    verdict = authority_verdict(user, body, on)
    return verdict is not None and verdict.outcome != "denied"


def may_ask_for_authority_decision(
    user: Actor, *, request: PublicRecordsRequest, follows: bool
) -> bool:
    """The requester asks for the authority's decision by the link to their request
    (`follows`: the link's key is the request's), or the registrar asks on their behalf."""
    return follows or HANDLE_REQUESTS.allows(user, request.body_id)


def may_change_settings(user: Actor, body: Body | int) -> bool:
    """May the user set the body's number series and retention rules?"""
    return SETTINGS.allows(user, body)


def require_open_case(
    actor: Actor, *, organization: Organization, case_officer: Person | None
) -> None:
    require(
        may_open_case(actor, organization=organization, case_officer=case_officer),
        actor,
        _("Du har inte behörighet att öppna ärenden i %(body)s.") % {"body": organization.body},
    )


def require_register(actor: Actor, *, case: Case, direction: str) -> None:
    require(
        may_register(actor, case=case, direction=direction),
        actor,
        _("Du har inte behörighet att registrera handlingar i ärendet %(number)s.")
        % {"number": case.number},
    )


def require_close_case(actor: Actor, *, case: Case) -> None:
    require(
        may_close_case(actor, case=case),
        actor,
        _("Du har inte behörighet att avsluta eller återuppta ärendet %(number)s.")
        % {"number": case.number},
    )


def require_edit_case(actor: Actor, *, case: Case) -> None:
    require(
        may_edit_case(actor, case=case),
        actor,
        _("Du har inte behörighet att ändra ärendet %(number)s.") % {"number": case.number},
    )


def require_mark_secret(actor: Actor, *, case: Case, document: Document | None = None) -> None:
    require(
        may_mark_secret(actor, case=case, document=document),
        actor,
        _("Du har inte behörighet att sekretessmarkera i ärendet %(number)s.")
        % {"number": case.number},
    )


def require_handle_records_requests(actor: Actor, *, body: Body) -> None:
    require(
        may_handle_records_requests(actor, body),
        actor,
        _("Bara registratorer hos %(body)s hanterar begäranden om allmän handling.")
        % {"body": body},
    )


def require_ask_for_authority_decision(
    actor: Actor, *, request: PublicRecordsRequest, follows: bool
) -> None:
    require(
        may_ask_for_authority_decision(actor, request=request, follows=follows),
        actor,
        _("Bara den som begärde handlingen, eller registraturen, kan begära myndighetens beslut."),
    )


def require_decide_for_authority(actor: Actor, *, body: Body, on: datetime.date) -> None:
    require(
        may_decide_for_authority(actor, body, on),
        actor,
        _(
            "Du har inte delegation att fatta myndighetens beslut om utlämnande av allmän "
            "handling hos %(body)s."
        )
        % {"body": body},
    )


def require_change_settings(actor: Actor, *, body: Body) -> None:
    require(
        may_change_settings(actor, body),
        actor,
        _("Bara registratorer och administratörer hos %(body)s ändrar diariets inställningar.")
        % {"body": body},
    )


def require_classify(actor: Actor, *, case: Case) -> None:
    require(
        may_classify(actor, case=case),
        actor,
        _("Du har inte behörighet att klassificera ärendet %(number)s.") % {"number": case.number},
    )


def require_dispose(actor: Actor, *, body: Body) -> None:
    require(
        may_dispose(actor, body),
        actor,
        _("Bara registratorer hos %(body)s beslutar om gallring.") % {"body": body},
    )
