"""A list's queries do not grow with the rows it lists (issue 16, items 6 and 7): each list page
and API list is read with a few rows and again with three times as many, and asks the database
the same number of times. A row that loaded something of its own (an N+1) fails here."""

import datetime
import html
import json
import re
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from pytest_django.fixtures import Settings

from kansli.accounts.models import Role, User
from kansli.accounts.services import token_create, user_create
from kansli.audit import services as audit
from kansli.decisions.models import Decision
from kansli.meetings import services as meetings
from kansli.organisation import services as organisation
from kansli.organisation.models import Body, Organization
from kansli.portal import work
from kansli.preparation import services as preparation
from kansli.preparation import views as preparation_views
from kansli.registry import services as registry
from kansli.registry.models import Case, Document
from kansli.registry.tests.samples import pdf_bytes, upload

FEW = 3
MANY = 3 * FEW
API = "/api/v1/bodies/vanersborg"
STOCKHOLM = ZoneInfo("Europe/Stockholm")


def queries_of(client: Client, url: str) -> tuple[int, str]:
    """How many queries the page costs once what a first request caches is cached (the
    session, the body's engine), and its text."""
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    if response["Content-Type"].startswith("application/json"):
        return len(queries), json.dumps(response.json(), ensure_ascii=False)
    return len(queries), response.content.decode()


def assert_flat(client: Client, url: str, add: Callable[[int, int], None], marker: str) -> None:
    """The page costs as many queries with FEW rows as with MANY; the rows are on it."""
    add(0, FEW)
    few, text = queries_of(client, url)
    assert f"{marker} {FEW - 1}" in text
    add(FEW, MANY)
    many, text = queries_of(client, url)
    assert f"{marker} {MANY - 1}" in text
    assert many == few, f"{url}: {few} queries with {FEW} rows, {many} with {MANY}"


def user_of(body: Body, username: str, *roles: Role) -> User:
    person = organisation.person_create(
        actor=None, body=body, given_name=username.capitalize(), family_name="Testsson"
    )
    return user_create(actor=None, username=username, password=None, roles=roles, person=person)


def signed_in(user: User) -> Client:
    client = Client()
    client.force_login(user)
    return client


def with_token(user: User) -> Client:
    _token, key = token_create(actor=None, user=user, name="test")
    return Client(headers={"Authorization": f"Bearer {key}"})


@pytest.fixture
def officer(body: Body) -> User:
    return user_of(body, "hanna", Role.CASE_OFFICER, Role.REGISTRAR)


@pytest.fixture
def add_cases(board: Organization, officer: User) -> Callable[[int, int], None]:
    """Open cases of the officer, each prepared with a due day and a letter with a file."""

    def add(first: int, last: int) -> None:
        for number in range(first, last):
            case = registry.case_open(
                actor=None,
                organization=board,
                title=f"Ärende {number}",
                case_officer=officer.person,
            )
            preparation.preparation_plan(
                actor=None, case=case, route=None, due_on=datetime.date(2026, 3, 1 + number)
            )
            letter(case, number)

    return add


def letter(case: Case, number: int) -> Document:
    return registry.document_register(
        actor=None,
        case=case,
        direction=Document.Direction.INCOMING,
        date=datetime.date(2026, 1, 14),
        counterpart="Länsstyrelsen",
        description=f"Yttrande om budgeten {number}",
        files=[upload(f"yttrande-{number}.pdf", pdf_bytes(f"Yttrande {number}"))],
    )


@pytest.fixture(autouse=True)
def media(settings: Settings, tmp_path: Path) -> None:
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.mark.parametrize(
    ("url", "marker"),
    [
        ("/vanersborg/diarium/", "Ärende"),
        ("/vanersborg/diarium/mina-arenden/", "Ärende"),
        ("/", "Ärende"),
        ("/vanersborg/diarium/sok/?q=budget", "budgeten"),
        (f"{API}/registry/cases", "Ärende"),
        (f"{API}/registry/documents", "Yttrande om budgeten"),
        (f"{API}/registry/list", "Yttrande om budgeten"),
        (f"{API}/registry/search?q=budget", "budgeten"),
    ],
)
def test_the_registrys_lists_cost_the_same_with_more_cases(
    officer: User, add_cases: Callable[[int, int], None], url: str, marker: str
) -> None:
    client = with_token(officer) if url.startswith("/api/") else signed_in(officer)
    assert_flat(client, url, add_cases, marker)


@pytest.mark.parametrize("url", ["/vanersborg/postlista/", "/vanersborg/sok/?q=budget"])
def test_the_public_lists_cost_the_same_with_more_documents(
    body: Body, add_cases: Callable[[int, int], None], url: str
) -> None:
    assert_flat(Client(), url, add_cases, "budgeten")


@pytest.fixture
def add_decisions(body: Body, board: Organization) -> Callable[[int, int], None]:
    director = organisation.person_create(
        actor=None, body=body, given_name="Katarina", family_name="Direktör"
    )

    def add(first: int, last: int) -> None:
        for number in range(first, last):
            decided_on = datetime.date(2026, 2, 1 + number)
            decision = Decision(
                body=body,
                kind=Decision.Kind.DELEGATE,
                status=Decision.Status.RECORDED,
                decision_type="organisationsforandring",
                decision_type_name="Organisationsförändring",
                decided_by=director,
                decided_on=decided_on,
                title=f"Beslut {number}",
                verdict={"outcome": "allowed", "basis": [], "requirements": [], "reasons": []},
                source_document="Delegationsordning",
                source_section="3.1",
                source_rule="3.1.1",
                report_to=board,
                report_due=decided_on + datetime.timedelta(days=60),
                amount=Decimal(0),
            )
            audit.create(actor=None, instance=decision)

    return add


@pytest.mark.parametrize("url", ["/vanersborg/beslut/", f"{API}/decisions"])
def test_the_decision_lists_cost_the_same_with_more_decisions(
    officer: User, add_decisions: Callable[[int, int], None], url: str
) -> None:
    client = with_token(officer) if url.startswith("/api/") else signed_in(officer)
    assert_flat(client, url, add_decisions, "Beslut")


def meetings_day() -> datetime.date:
    """A day the year after next: coming, and with the days after it in one year."""
    return datetime.date(timezone.localdate().year + 2, 1, 10)


@pytest.fixture
def add_meetings(body: Body, board: Organization) -> Callable[[int, int], None]:
    secretary = user_of(body, "ebba", Role.SECRETARY)
    start = meetings_day()

    def add(first: int, last: int) -> None:
        for number in range(first, last):
            day = start + datetime.timedelta(days=number)
            meetings.meeting_schedule(
                actor=secretary,
                organization=board,
                starts_at=datetime.datetime.combine(day, datetime.time(10), STOCKHOLM),
                ends_at=datetime.datetime.combine(day, datetime.time(16), STOCKHOLM),
                place=f"Sal {number}",
            )

    return add


@pytest.mark.parametrize("api", [False, True])
def test_the_meeting_lists_cost_the_same_with_more_meetings(
    officer: User, add_meetings: Callable[[int, int], None], api: bool
) -> None:
    if api:
        url, client = f"{API}/meetings?year={meetings_day().year}", with_token(officer)
    else:
        url, client = "/vanersborg/sammantraden/", Client()
    assert_flat(client, url, add_meetings, "Sal")


def test_my_cases_shows_a_page_at_a_time_with_the_total(
    officer: User, add_cases: Callable[[int, int], None], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(preparation_views, "MY_CASES_PAGE", 2)
    add_cases(0, 5)
    client = signed_in(officer)

    pages, url = [], "/vanersborg/diarium/mina-arenden/"
    while url:
        response = client.get(url)
        assert response.status_code == 200
        text = response.content.decode()
        assert "Pågående ärenden där du är handläggare (5)" in text
        pages.append(re.findall(r"<th scope=\"row\">(Ärende \d)</th>", text))
        found = re.search(r'href="(\?efter=[^"]+)" rel="next"', text)
        url = f"/vanersborg/diarium/mina-arenden/{html.unescape(found.group(1))}" if found else ""
    tampered = client.get("/vanersborg/diarium/mina-arenden/", {"efter": "inte-en-markör"})

    # Those due first: case 0 on 1 March, case 4 on 5 March.
    assert pages == [["Ärende 0", "Ärende 1"], ["Ärende 2", "Ärende 3"], ["Ärende 4"]]
    assert tampered.status_code == 400


def test_the_start_page_shows_the_first_cases_and_counts_them_all(
    officer: User, add_cases: Callable[[int, int], None], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(work, "CASES_SHOWN", 2)
    add_cases(0, 5)

    text = signed_in(officer).get("/").content.decode()
    my_cases = text[text.index('id="mina-arenden"') : text.index('id="mina-beredningar"')]

    assert "Öppna ärenden där du är handläggare (5)" in my_cases
    assert re.findall(r"<td>(Ärende \d)</td>", my_cases) == ["Ärende 0", "Ärende 1"]
