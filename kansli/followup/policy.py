"""Who keeps the follow-up of a body: its director and the secretaries who assist the director
(the economy and the supervision of committees and companies). Board members and everyone else
signed in read it. The services check it; the pages and the API ask here to show the forms."""

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext as _

from kansli.accounts.models import Role
from kansli.audit.services import Actor
from kansli.organisation.models import Body, Person

KEEPERS = (Role.DIRECTOR, Role.SECRETARY)


def may_keep(user: AbstractBaseUser | AnonymousUser | None, body: Body) -> bool:
    """May the user write the body's follow-up: a superuser, or a user of a person of the body
    with the director's or the secretary's role?"""
    if user is None or not user.is_authenticated:
        return False
    if user.is_superuser:
        return True
    person = user.person
    return (
        person is not None
        and person.body_id == body.pk
        and user.groups.filter(name__in=KEEPERS).exists()
    )


def refuse_unless_keeper(actor: Actor, body: Body) -> None:
    """The system (no actor) and the body's keepers pass; anyone else is refused."""
    if actor is not None and not may_keep(actor, body):
        raise PermissionDenied(
            _("Bara direktören och kansliets sekreterare i %(body)s kan ändra uppföljningen.")
            % {"body": body}
        )


def own_person(actor: Actor, body: Body) -> Person:
    """The person of the body behind the signed-in user, who writes in their own name (the
    crisis log, a talk held, a manager's acknowledgement, an appointment decided)."""
    person = getattr(actor, "person", None)
    if person is None or person.body_id != body.pk:
        raise PermissionDenied(
            _("Bara användare som är kopplade till en person i %(body)s kan skriva här.")
            % {"body": body}
        )
    return person
