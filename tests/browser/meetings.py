"""A seated board for the meeting flows in the browser, and the session page's item part."""

import datetime

from playwright.sync_api import Locator, Page

from kansli.accounts.models import Role
from kansli.accounts.services import user_create
from kansli.meetings.tests.conftest import person, ready_case, seat_board
from kansli.organisation import services as organisation
from kansli.organisation.models import Body, Organization

PASSWORD = "lösenord-för-test"


def seat_the_board(body: Body, board: Organization, department: Organization) -> None:
    """The board with its members and substitutes, the director who signs in (katarina), a
    secretary who signs in (ebba), the chair and a minutes checker who sign in their own
    session (anna, bo), and a case ready for the board with no route ("Ny simhall")."""
    director = person(body, "Katarina", "Holmgren")
    post = organisation.position_create(
        actor=None,
        body=body,
        organization=department,
        slug="kommundirektor",
        title="Kommundirektör",
        heads_organization=True,
        is_director=True,
    )
    organisation.appointment_create(
        actor=None, person=director, position=post, start=datetime.date(2020, 9, 1)
    )
    ks = seat_board(body, board, director)
    user_create(
        actor=None, username="katarina", password=PASSWORD, roles=[Role.DIRECTOR], person=director
    )
    for username, signer in (("anna", ks.chair), ("bo", ks.bo)):
        user_create(actor=None, username=username, password=PASSWORD, roles=[], person=signer)
    user_create(
        actor=None,
        username="ebba",
        password=PASSWORD,
        roles=[Role.SECRETARY],
        person=person(body, "Ebba", "Sundqvist"),
    )
    ready_case(board, "Ny simhall")


def item(page: Page, title: str) -> Locator:
    """The agenda item's part of the session page, its handling unfolded."""
    article = page.get_by_role("article").filter(has=page.get_by_role("heading", name=title))
    handling = article.locator("details").filter(
        has=page.locator("summary", has_text=f"Behandla: {title}")
    )
    if handling.get_attribute("open") is None:
        handling.locator("summary").click()
    return article
