"""Who may see what of a meeting, for the pages and the API alike.

The services refuse a write by anyone but the body's secretaries (the permission
`meetings.change_meeting`); the pages and the API ask here first so as to show the secretary's
tools, and a draft agenda, only to them. The public reads a meeting's agenda once it is called.
"""

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser

from kansli.meetings.models import AgendaItem, Meeting
from kansli.organisation.models import Body
from kansli.registry.visibility import case_view

MANAGE = "meetings.change_meeting"

# Meetings whose agenda and public packet anyone may read: called, held or approved.
PUBLISHED = frozenset(
    {
        Meeting.Status.CALLED,
        Meeting.Status.OPENED,
        Meeting.Status.CLOSED,
        Meeting.Status.APPROVED,
    }
)


def may_manage(user: AbstractBaseUser | AnonymousUser, body: Body) -> bool:
    """May the user plan and hold the body's meetings: a superuser, or staff of the body with
    the permission (the secretaries, by their role)?"""
    if not user.is_authenticated:
        return False
    if user.is_superuser:
        return True
    person = user.person
    return person is not None and person.body_id == body.pk and user.has_perm(MANAGE)


def agenda_visible(user: AbstractBaseUser | AnonymousUser, meeting: Meeting) -> bool:
    """Is the meeting's agenda public yet, or is the user one who drafts it?"""
    return meeting.status in PUBLISHED or may_manage(user, meeting.organization.body)


def item_title(user: AbstractBaseUser | AnonymousUser, item: AgendaItem) -> tuple[str, bool]:
    """The item's title as the user may see it, and whether it is masked: a case item under
    secrecy reads as the registry's visibility masks its case."""
    if item.case is None:
        return item.title, False
    view = case_view(user, item.case)
    return (view.title, True) if view.title_masked else (item.title, False)
