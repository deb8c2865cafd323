"""Who may change the organisation of a body: its administrator (the settings of the body), and
for appointments also its director, who appoints and dismisses heads by a decision checked
against the delegation order (kansli.followup's appointments). A new body only the system or
an operator makes.

Reading the organisation is open to every signed-in user and API key of any body: who sits
where and who holds which post is public information of a municipality. A person's own page
(contact details, every seat and post over time) is for the staff of the person's body.
"""

from django.db.models import QuerySet
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from kansli.accounts.models import Role
from kansli.accounts.policy import Action, Actor, is_person, is_staff_of, require, standing
from kansli.organisation.models import Body, Person

CHANGE = Action(
    "organisation",
    gettext_lazy("ändra organisationen: organ, personer, uppdrag och befattningar"),
    (Role.ADMINISTRATOR,),
)
APPOINT = Action(
    "organisation",
    gettext_lazy("registrera och avsluta förordnanden"),
    (Role.ADMINISTRATOR, Role.DIRECTOR),
    gettext_lazy("direktören genom ett beslut om tillsättning eller entledigande"),
)
CREATE_BODY = Action(
    "organisation",
    gettext_lazy("lägga till en kommun eller region"),
    (),
    gettext_lazy("bara systemet eller en driftansvarig (superanvändare)"),
)
READ_PERSON = Action(
    "organisation",
    gettext_lazy("läsa en persons sida med kontaktuppgifter och alla uppdrag"),
    (),
    gettext_lazy("alla inloggade i personens kommun eller region"),
)


def own_bodies(user: Actor) -> QuerySet[Body]:
    """The bodies whose staff the user is: its own, every body for an operator."""
    own = standing(user)
    if own.operator:
        return Body.objects.all()
    if own.body_id is None:
        return Body.objects.none()
    return Body.objects.filter(pk=own.body_id)


def may_change(user: Actor, body: Body | int | None) -> bool:
    return CHANGE.allows(user, body)


def may_appoint(user: Actor, body: Body | int | None) -> bool:
    return APPOINT.allows(user, body)


def may_read_person(user: Actor, body: Body | int | None) -> bool:
    """Every signed-in user of the person's body, with a role or none."""
    return is_staff_of(user, body)


def may_seat(user: Actor, person: Person) -> bool:
    """May the user give or change this person's seats and posts? Not one's own (a post held
    brings its powers, and a decision about oneself is disqualified); an operator may."""
    return standing(user).operator or not is_person(user, person.pk)


def require_body_create(actor: Actor) -> None:
    require(
        standing(actor).operator,
        actor,
        _("Bara en driftansvarig kan lägga till en kommun eller region."),
    )


def require_change(actor: Actor, body: Body | int | None) -> None:
    require(
        may_change(actor, body),
        actor,
        _("Bara administratören i kommunen eller regionen kan ändra dess organisation."),
    )


def require_seat(actor: Actor, person: Person) -> None:
    require(
        may_seat(actor, person),
        actor,
        _("Du kan inte ge eller ändra dina egna uppdrag och befattningar."),
    )


def require_appoint(actor: Actor, body: Body | int | None) -> None:
    require(
        may_appoint(actor, body),
        actor,
        _(
            "Bara administratören eller direktören i kommunen eller regionen kan ändra "
            "förordnanden."
        ),
    )
