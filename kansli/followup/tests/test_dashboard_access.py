"""Who reads the duty dashboard: the director and the secretaries who keep the follow-up with
the tools to act on a red line, the board's chair and members the same page read-only; a case
officer, a registrar and
Blekinge's elected members are refused. Its CSV export and its lines through the API."""

import csv
import datetime
import io

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from kansli.accounts.services import token_create
from kansli.decisions import services as decisions
from kansli.decisions.tests.followup_samples import board_decision, organ
from kansli.followup.tests.dashboard_samples import chair_user, client_of, dashboard_url, user
from kansli.organisation.models import Body


@pytest.fixture
def vanersborg(demo: dict[str, Body]) -> Body:
    return demo["vanersborg"]


@pytest.fixture
def overdue(vanersborg: Body) -> None:
    """An execution task of a board decision past its due day: 3.1 b (seed 002) is red."""
    today = timezone.localdate()
    decisions.execution_task_assign(
        actor=user("direktor"),
        decision=board_decision(vanersborg, "Inför e-arkiv", today - datetime.timedelta(days=60)),
        title="Upphandla e-arkiv",
        executor=organ(vanersborg, "utvecklingsstaben"),
        due_on=today - datetime.timedelta(days=1),
        assigned_on=today - datetime.timedelta(days=60),
    )


ACT = "Åtgärda"
LIST_BEHIND = reverse("decisions:execution_list", args=["vanersborg"]) + "?forsenade=1"
LATE = "1 verkställighetsuppgift är försenad"


@pytest.mark.usefixtures("overdue")
def test_the_director_gets_the_tool_to_act_on_a_red_line(vanersborg: Body) -> None:
    response = client_of(user("direktor")).get(dashboard_url(vanersborg))

    assert response.status_code == 200
    assert f'<a class="button" href="{LIST_BEHIND}">{ACT}</a>' in response.text


@pytest.mark.usefixtures("overdue")
def test_the_chair_sees_the_same_page_read_only(vanersborg: Body) -> None:
    director_page = client_of(user("direktor")).get(dashboard_url(vanersborg))

    chair_page = client_of(chair_user(vanersborg, timezone.localdate())).get(
        dashboard_url(vanersborg)
    )

    assert chair_page.status_code == 200
    assert chair_page.context["lines"] == director_page.context["lines"]
    assert f'<a href="{LIST_BEHIND}">{LATE}</a>' in chair_page.text
    assert ACT not in chair_page.text
    assert 'class="button"' not in chair_page.text
    assert f'<a href="{dashboard_url(vanersborg)}" aria-current="page">Uppföljning</a>' in (
        chair_page.text
    )


@pytest.mark.usefixtures("overdue")
def test_the_secretaries_who_keep_the_follow_up_get_the_tools_too(vanersborg: Body) -> None:
    response = client_of(user("sekreterare")).get(dashboard_url(vanersborg))

    assert response.status_code == 200
    assert f'<a class="button" href="{LIST_BEHIND}">{ACT}</a>' in response.text


def test_a_board_member_reads_it_without_tools(vanersborg: Body) -> None:
    response = client_of(user("ledamot")).get(dashboard_url(vanersborg))

    assert response.status_code == 200
    assert ACT not in response.text


@pytest.mark.parametrize("username", ["handlaggare", "registrator", "blekinge-ledamot"])
def test_others_are_refused(vanersborg: Body, username: str) -> None:
    client = client_of(user(username))

    assert client.get(dashboard_url(vanersborg)).status_code == 403
    assert client.get(reverse("followup:duty_dashboard_csv", args=["vanersborg"])).status_code == (
        403
    )
    assert client.get(reverse("followup:agenda_basis", args=["vanersborg"])).status_code == 403
    assert dashboard_url(vanersborg) not in client.get(reverse("web:home")).text


def test_an_anonymous_visitor_is_sent_to_sign_in(vanersborg: Body) -> None:
    response = Client().get(dashboard_url(vanersborg))

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


@pytest.mark.usefixtures("overdue")
def test_the_dashboard_exports_its_lines_as_csv(vanersborg: Body) -> None:
    response = client_of(user("ledamot")).get(
        reverse("followup:duty_dashboard_csv", args=["vanersborg"])
    )

    assert response.status_code == 200
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    assert rows[0] == ["Nummer", "Skyldighet", "Avsnitt", "Läge", "Underlag", "Antal", "Lista"]
    [executing] = [row for row in rows if row[0] == "3.1 b"]
    assert executing[2:] == ["3.1", "Brist", LATE, "1", f"http://testserver{LIST_BEHIND}"]
    [attested] = [row for row in rows if row[0] == "3.4 a"]
    assert attested[3] == "Brist"  # the test's demo holds no attestation
    assert attested[4].startswith("Inte attesterad; skulle ha attesterats senast ")
    assert attested[5:] == [
        "",
        "http://testserver"
        + reverse("followup:duty_attestations", args=["vanersborg", "kdi-d-3.4-a"]),
    ]


def api_client_of(username: str) -> Client:
    _token, key = token_create(actor=None, user=user(username), name="test")
    return Client(headers={"authorization": f"Bearer {key}"})


@pytest.mark.usefixtures("overdue")
def test_the_api_gives_the_lines_as_json(vanersborg: Body) -> None:
    response = api_client_of("ledamot").get("/api/v1/bodies/vanersborg/followup/duties")

    assert response.status_code == 200
    lines = response.json()
    [reporting] = [line for line in lines if line["number"] == "3.1 b"]
    assert reporting == {
        "number": "3.1 b",
        "text": "Vara ytterst ansvarig för verkställigheten av alla politiska beslut.",
        "section": "3.1",
        "section_url": "/vanersborg/styrdokument/kommundirektorsinstruktion/avsnitt/3.1/",
        "state": "missing",
        "summary": LATE,
        "evidence": {
            "ok": False,
            "summary": LATE,
            "count": 1,
            "url": LIST_BEHIND,
            "due_soon": False,
        },
    }
    assert {line["state"] for line in lines} <= {"ok", "due", "missing"}


def test_the_api_refuses_those_the_page_refuses(vanersborg: Body) -> None:
    response = api_client_of("handlaggare").get("/api/v1/bodies/vanersborg/followup/duties")

    assert response.status_code == 403
    assert response.json()["detail"] == (
        "Uppföljningen visas för direktören, kansliet och styrelsen."
    )
