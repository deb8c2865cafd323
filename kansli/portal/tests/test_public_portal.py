"""The public portal: anyone reaches `/` and each body's portal without signing in, and sees the
public parts of the body (notice board, meetings, minutes, postlista, search, governing
documents, elected organs), never a secret case, document or agenda item."""

import datetime

import pytest
from django.test import Client
from django.utils import timezone

from kansli.accounts.models import User
from kansli.governance import services as governance
from kansli.governance.models import GoverningDocument
from kansli.meetings import services as meetings
from kansli.meetings.models import Meeting
from kansli.organisation.models import Organization
from kansli.organisation.selectors import members_on
from kansli.registry import services as registry
from kansli.registry.models import Document
from kansli.tests.refusals import Demo

pytestmark = pytest.mark.usefixtures("demo")

# What is planted secret; none of it may reach a public page.
SECRET_TITLE = "Skyddat boende för Hemlig Hemligsson"
SECRET_DESCRIPTION = "Orosanmälan om Sekretessbarnet"
SECRET_SENDER = "Anmälare Anmälarsson"
SECRETS = (SECRET_TITLE, SECRET_DESCRIPTION, SECRET_SENDER, "Hemligsson", "Sekretessbarnet")


def board(demo: Demo) -> Organization:
    return Organization.objects.get(body=demo["vanersborg"], slug="ks")


def at(days: int, hour: int = 18) -> datetime.datetime:
    day = timezone.localdate() + datetime.timedelta(days=days)
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour)))


def open_letter(demo: Demo) -> Document:
    case = registry.case_open(actor=None, organization=board(demo), title="Ny cykelbana i centrum")
    return registry.document_register(
        actor=None,
        case=case,
        direction=Document.Direction.INCOMING,
        date=timezone.localdate(),
        counterpart="Cykelföreningen",
        description="Förslag om cykelbana längs älven",
    )


def secret_letter(demo: Demo) -> Document:
    case = registry.case_open(
        actor=None,
        organization=board(demo),
        title=SECRET_TITLE,
        secrecy_reference="OSL 26 kap. 1 §",
    )
    return registry.document_register(
        actor=None,
        case=case,
        direction=Document.Direction.INCOMING,
        date=timezone.localdate(),
        counterpart=SECRET_SENDER,
        description=SECRET_DESCRIPTION,
        secrecy_reference="OSL 26 kap. 1 §",
        secrecy_reason="Uppgifter om enskilds personliga förhållanden",
        counterpart_masked=True,
        description_masked=True,
    )


def called_meeting(demo: Demo, secret: Document) -> Meeting:
    """A coming meeting of the board, called, with an open item and a secret case's item."""
    meeting = meetings.meeting_schedule(
        actor=None, organization=board(demo), starts_at=at(10), place="Sessionssalen"
    )
    meetings.item_add(actor=None, meeting=meeting, title="Budget 2027")
    meetings.item_add(actor=None, meeting=meeting, title=SECRET_TITLE, case=secret.case)
    # Called: the notice's own sending (a PDF per member) is the meetings app's to test.
    Meeting.objects.filter(pk=meeting.pk).update(status=Meeting.Status.CALLED)
    return meeting


def approved_meeting(demo: Demo) -> Meeting:
    meeting = meetings.meeting_schedule(actor=None, organization=board(demo), starts_at=at(-20))
    Meeting.objects.filter(pk=meeting.pk).update(status=Meeting.Status.APPROVED)
    return meeting


def assert_no_secret(text: str) -> None:
    assert [secret for secret in SECRETS if secret in text] == []


def test_anonymous_reaches_the_start_page_with_every_body(client: Client) -> None:
    response = client.get("/")

    assert response.status_code == 200
    text = response.text
    assert "<h1>Kommuner och regioner</h1>" in text
    assert '<a href="/vanersborg/">Vänersborgs kommun</a>' in text
    assert '<a href="/blekinge/">Region Blekinge</a>' in text
    assert 'href="/vanersborg/anslagstavla/"' in text
    assert 'href="/logga-in/"' in text
    assert "Mitt arbete" not in text


def test_the_body_portal_links_every_public_part(client: Client, demo: Demo) -> None:
    response = client.get("/vanersborg/")

    assert response.status_code == 200
    text = response.text
    assert "<h1>Vänersborgs kommun</h1>" in text
    for href in (
        "/vanersborg/anslagstavla/",
        "/vanersborg/sammantraden/",
        "/vanersborg/protokoll/",
        "/vanersborg/postlista/",
        "/vanersborg/sok/",
        "/vanersborg/allmanna-handlingar/",
        "/vanersborg/gallande-styrdokument/",
        "/vanersborg/fortroendevalda/",
    ):
        assert f'"{href}' in text, href


def test_the_body_portal_shows_public_things_and_no_secret(client: Client, demo: Demo) -> None:
    letter = open_letter(demo)
    secret = secret_letter(demo)
    meeting = called_meeting(demo, secret)
    approved = approved_meeting(demo)

    text = client.get("/vanersborg/").text

    assert letter.number in text
    assert "Förslag om cykelbana längs älven" in text
    assert secret.number in text
    assert "[Sekretess enligt OSL 26 kap. 1 §]" in text
    assert f'href="/vanersborg/sammantraden/{meeting.pk}/"' in text
    assert f'href="/vanersborg/sammantraden/{meeting.pk}/handlingar.pdf"' in text
    assert f'href="/vanersborg/sammantraden/{approved.pk}/protokoll.pdf"' in text
    assert_no_secret(text)


def test_the_body_portal_shows_the_notices_on_the_board(client: Client, demo: Demo) -> None:
    today = timezone.localdate()
    notice = meetings.notice_post(
        actor=None,
        body=demo["vanersborg"],
        title="Tillkännagivande om granskning av detaljplan",
        text="Planförslaget finns att läsa i stadshuset.",
        taken_down_on=today + datetime.timedelta(days=21),
    )

    text = client.get("/vanersborg/").text

    assert f'href="/vanersborg/anslagstavla/{notice.pk}/"' in text
    assert "Tillkännagivande om granskning av detaljplan" in text


def test_a_meeting_not_yet_called_has_no_agenda_link(client: Client, demo: Demo) -> None:
    meeting = meetings.meeting_schedule(actor=None, organization=board(demo), starts_at=at(3))

    text = client.get("/vanersborg/").text

    assert "Ej kallat" in text
    assert f"/sammantraden/{meeting.pk}/" not in text


def test_the_public_search_finds_open_text_and_never_a_secret(client: Client, demo: Demo) -> None:
    letter = open_letter(demo)
    secret = secret_letter(demo)

    found = client.get("/vanersborg/sok/", {"q": "cykelbana"})
    secret_words = client.get("/vanersborg/sok/", {"q": "Sekretessbarnet"})
    secret_title = client.get("/vanersborg/sok/", {"q": "Hemligsson"})

    assert found.status_code == 200
    assert letter.number in found.text
    assert "<mark>" in found.text
    for response in (secret_words, secret_title):
        assert secret.number not in response.text
        assert "0 träffar" in response.text
        assert_no_secret(response.text.replace(response.wsgi_request.GET["q"], ""))


def test_a_search_beyond_the_last_page_is_refused_as_a_form_error(client: Client) -> None:
    response = client.get("/vanersborg/sok/", {"q": "budget", "sida": "99999999"})

    assert response.status_code == 400


def test_the_governing_documents_in_force_are_listed(client: Client, demo: Demo) -> None:
    body = demo["vanersborg"]
    ended = governance.document_create(
        actor=None,
        body=body,
        slug="gammal-policy",
        kind=GoverningDocument.Kind.POLICY,
        name="Upphävd policy för resor",
        adopted_by=board(demo),
        owner=board(demo),
        valid_until=timezone.localdate() - datetime.timedelta(days=1),
    )
    internal = governance.document_create(
        actor=None,
        body=body,
        slug="intern-rutin",
        kind=GoverningDocument.Kind.GUIDELINE,
        name="Intern riktlinje för nycklar",
        adopted_by=board(demo),
        owner=board(demo),
        external=False,
    )

    text = client.get("/vanersborg/gallande-styrdokument/").text

    assert "Kommundirektörsinstruktion" in text
    assert ended.name not in text
    assert internal.name not in text


def test_the_organs_are_listed_with_their_elected_members(client: Client, demo: Demo) -> None:
    seats = list(members_on(organization=board(demo), on=timezone.localdate()))

    text = client.get("/vanersborg/fortroendevalda/").text

    assert 'id="organ-ks"' in text
    assert seats
    for seat in seats:
        assert seat.person.name in text
        if seat.person.email:
            assert seat.person.email not in text


def test_the_approved_minutes_are_listed_by_year(client: Client, demo: Demo) -> None:
    approved = approved_meeting(demo)
    year = timezone.localtime(approved.starts_at).year

    this_year = client.get("/vanersborg/protokoll/", {"ar": year})
    other_year = client.get("/vanersborg/protokoll/", {"ar": year - 5})
    out_of_bounds = client.get("/vanersborg/protokoll/", {"ar": 99999})

    assert f'href="/vanersborg/sammantraden/{approved.pk}/protokoll.pdf"' in this_year.text
    assert f"/sammantraden/{approved.pk}/" not in other_year.text
    assert out_of_bounds.status_code == 400


@pytest.mark.parametrize(
    "path", ["/ingen/", "/ingen/sok/", "/ingen/protokoll/", "/ingen/fortroendevalda/"]
)
def test_a_body_that_does_not_exist_is_not_found(client: Client, path: str) -> None:
    assert client.get(path).status_code == 404


@pytest.mark.parametrize("username", ["registrator", "ledamot", "blekinge-registrator"])
def test_the_portal_shows_a_signed_in_user_what_the_public_sees(demo: Demo, username: str) -> None:
    secret = secret_letter(demo)
    called_meeting(demo, secret)
    client = Client()
    client.force_login(User.objects.get(username=username))

    portal = client.get("/vanersborg/")
    search = client.get("/vanersborg/sok/", {"q": "Sekretessbarnet"})

    assert secret.number in portal.text
    assert_no_secret(portal.text)
    # The query itself comes back in the form; nothing found by it does.
    assert "0 träffar" in search.text
    assert secret.number not in search.text
    assert_no_secret(search.text.replace("Sekretessbarnet", ""))
