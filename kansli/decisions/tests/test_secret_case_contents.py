"""A secret case's contents reach only those who may see through its secrecy (issue 11): its
preparation (tjänsteskrivelse, resolution clauses, economy, statements) on the case page and
over the API, and the decision taken in it at a meeting in the register, its API, and the
follow-up's execution pages and API. Everyone else of the body sees that they exist, masked."""

import json
from collections.abc import Callable
from typing import Any

import pytest
from django.contrib.auth.models import Permission
from django.test import Client
from django.urls import reverse

from kansli.accounts.models import User
from kansli.decisions.models import Decision
from kansli.decisions.selectors import decision_view
from kansli.decisions.services import EXECUTOR_KINDS, decision_record, execution_task_assign
from kansli.decisions.tests.conftest import api_client_of
from kansli.meetings import packets
from kansli.meetings import services as meetings
from kansli.meetings.tests import demo_meeting
from kansli.meetings.tests.meeting_samples import pdf_text
from kansli.organisation.models import Organization, Position
from kansli.preparation import services as preparation
from kansli.registry import services as registry
from kansli.registry.models import Case
from kansli.tests.refusals import Demo

MARKER = "HEMLIGT-7731"
SECRECY = "OSL 26 kap. 1 §"
MASK = f"[Sekretess enligt {SECRECY}]"
BODY = demo_meeting.BODY

# Those of the body who may not see through the case's secrecy, and those who may.
MASKED = ("ledamot", "handlaggare", "admin")
ENTITLED = ("direktor", "registrator")  # the case officer, a registrar


def user(username: str) -> User:
    return User.objects.get(username=username)


@pytest.fixture
def secret_case(demo: Demo) -> Case:
    """A secret case with the director as its officer, prepared in full with a statement."""
    board = demo_meeting.board(demo)
    case = registry.case_open(
        actor=None,
        organization=board,
        title=f"Placering av barnet {MARKER}",
        case_officer=user("direktor").person,
        secrecy_reference=SECRECY,
    )
    preparation.report_save(
        actor=None,
        case=case,
        text=f"Tjänsteskrivelse om {MARKER}.",
        clauses=[f"Att placera {MARKER}."],
        economic_consequences=f"Kostnad för {MARKER}.",
        financing=f"Ur budgeten för {MARKER}.",
    )
    preparation.statement_add(
        actor=None,
        case=case,
        received_on=demo_meeting.today(),
        author="Socialtjänsten",
        summary=f"Yttrande om {MARKER}.",
    )
    return case


@pytest.fixture
def decision(demo: Demo, secret_case: Case) -> Decision:
    """The secret case decided at the board's meeting, with an execution task given."""
    meeting = demo_meeting.opened(demo)
    item = meetings.item_add(
        actor=None,
        meeting=meeting,
        title=secret_case.title,
        case=secret_case,
        proposal=f"Att besluta om {MARKER}.",
    )
    decided = meetings.item_decide(actor=None, item=item).decision
    execution_task_assign(
        actor=None,
        decision=decided,
        executor=demo[BODY].organizations.filter(kind__in=EXECUTOR_KINDS).first(),
        title="Verkställ beslutet",
        due_on=demo_meeting.today(),
    )
    return decided


def signed_in(username: str) -> Client:
    client = Client()
    client.force_login(user(username))
    return client


def case_page(case: Case) -> str:
    return reverse("preparation:case_detail", args=[BODY, case.pk])


def preparation_api(case: Case) -> str:
    return f"/api/v1/bodies/{BODY}/registry/cases/{case.pk}/preparation"


def decision_pages(decision: Decision) -> list[str]:
    meeting = decision.agenda_item.meeting_id
    return [
        reverse("decisions:decision_list", args=[BODY]),
        reverse("decisions:decision_detail", args=[BODY, decision.pk]),
        reverse("decisions:execution_list", args=[BODY]),
        reverse("decisions:execution_list", args=[BODY]) + "?format=csv",
        reverse("decisions:execution_decision", args=[BODY, decision.pk]),
        reverse("meetings:execution_meeting", args=[BODY, meeting]),
        reverse("meetings:execution_meeting", args=[BODY, meeting]) + "?format=csv",
        reverse("decisions:execution_year", args=[BODY, decision.decided_on.year]),
    ]


def decision_api(decision: Decision) -> list[str]:
    return [
        f"/api/v1/bodies/{BODY}/decisions",
        f"/api/v1/bodies/{BODY}/decisions/{decision.pk}",
        f"/api/v1/bodies/{BODY}/followup/execution-tasks",
    ]


def fetched(client: Client, urls: list[str]) -> dict[str, str]:
    """Each page or response as text, JSON with its characters unescaped."""
    responses = {url: client.get(url) for url in urls}
    assert {url: r.status_code for url, r in responses.items()} == dict.fromkeys(urls, 200)
    return {
        url: json.dumps(r.json(), ensure_ascii=False)
        if r["Content-Type"].startswith("application/json")
        else r.content.decode()
        for url, r in responses.items()
    }


def shown(pages: dict[str, str], text: str) -> list[str]:
    return [url for url, content in pages.items() if text in content]


@pytest.mark.parametrize("username", MASKED)
def test_the_preparation_of_a_secret_case_is_masked_to_those_without_access(
    secret_case: Case, username: str
) -> None:
    pages = fetched(signed_in(username), [case_page(secret_case)])
    pages |= fetched(api_client_of(user(username)), [preparation_api(secret_case)])

    assert shown(pages, MARKER) == []
    assert shown(pages, MASK) == list(pages)


@pytest.mark.parametrize("username", ENTITLED)
def test_the_case_officer_and_the_registrar_read_the_preparation_in_full(
    secret_case: Case, username: str
) -> None:
    report = api_client_of(user(username)).get(preparation_api(secret_case)).json()
    page = signed_in(username).get(case_page(secret_case)).content.decode()

    assert report["contents_masked"] is False
    assert report["report_text"] == f"Tjänsteskrivelse om {MARKER}."
    assert report["statements"][0]["summary"] == f"Yttrande om {MARKER}."
    for text in (
        "Tjänsteskrivelse om",
        "Att placera",
        "Kostnad för",
        "Ur budgeten för",
        "Yttrande om",
    ):
        assert f"{text} {MARKER}" in page


def test_the_preparation_api_says_what_is_masked(secret_case: Case) -> None:
    report = api_client_of(user("ledamot")).get(preparation_api(secret_case)).json()

    assert report["contents_masked"] is True
    assert report["clauses"] == [MASK]
    assert report["economic_consequences"] == report["financing"] == MASK
    assert report["statements"][0]["author"] == "Socialtjänsten"


@pytest.mark.parametrize("username", MASKED)
def test_a_decision_in_a_secret_case_is_masked_in_the_register_and_the_follow_up(
    decision: Decision, username: str
) -> None:
    pages = fetched(signed_in(username), decision_pages(decision))
    pages |= fetched(api_client_of(user(username)), decision_api(decision))

    assert shown(pages, MARKER) == []
    assert shown(pages, MASK) == list(pages)


@pytest.mark.parametrize("username", ENTITLED)
def test_the_case_officer_and_the_registrar_read_the_decision(
    decision: Decision, username: str
) -> None:
    pages = fetched(signed_in(username), decision_pages(decision))
    pages |= fetched(api_client_of(user(username)), decision_api(decision))

    assert shown(pages, MARKER) == list(pages)


def test_the_decision_api_says_the_decision_is_masked(decision: Decision) -> None:
    client = api_client_of(user("ledamot"))
    detail = client.get(f"/api/v1/bodies/{BODY}/decisions/{decision.pk}").json()

    assert (detail["title"], detail["text"], detail["title_masked"]) == (MASK, MASK, True)


def test_the_unreported_list_masks_a_secret_decision(decision: Decision) -> None:
    # A meeting's decision is not reported on: made one owed to the board, for the list.
    board = Organization.objects.get(body=decision.body, slug="ks")
    Decision.objects.filter(pk=decision.pk).update(report_to=board, report_due=decision.decided_on)
    url = f"/api/v1/bodies/{BODY}/decisions/unreported?organization=ks"
    page = reverse("decisions:decisions_unreported", args=[BODY]) + "?organisation=ks"

    listed = api_client_of(user("ledamot")).get(url).json()
    html = signed_in("ledamot").get(page).content.decode()

    assert [d["title"] for d in listed if d["id"] == decision.pk] == [MASK]
    assert MARKER not in html


def test_a_secretary_who_prepares_but_may_not_see_through_gets_no_report_form(
    secret_case: Case,
) -> None:
    client = signed_in("sekreterare")
    form = client.get(reverse("preparation:report_edit", args=[BODY, secret_case.pk]))
    page = client.get(case_page(secret_case)).content.decode()

    assert form.status_code == 403
    assert MARKER not in form.content.decode() + page
    assert MASK in page


def test_the_officer_edits_the_report_of_a_secret_case(secret_case: Case) -> None:
    form = signed_in("direktor").get(
        reverse("preparation:report_edit", args=[BODY, secret_case.pk])
    )

    assert form.status_code == 200
    assert f"Tjänsteskrivelse om {MARKER}." in form.content.decode()


@pytest.mark.parametrize(("username", "found"), [("ledamot", False), ("registrator", True)])
def test_a_search_finds_a_secret_decision_only_for_those_who_see_its_words(
    decision: Decision, username: str, found: bool
) -> None:
    api = api_client_of(user(username)).get(f"/api/v1/bodies/{BODY}/decisions", {"q": MARKER})
    page = signed_in(username).get(reverse("decisions:decision_list", args=[BODY]), {"q": MARKER})

    assert ([d["id"] for d in api.json()] == [decision.pk]) is found
    assert (f"/beslut/{decision.pk}/" in page.content.decode()) is found


@pytest.fixture
def delegated(demo: Demo, secret_case: Case) -> Decision:
    """The director's delegated decision in the secret case, naming it by its number only."""
    director = user("direktor")
    body = demo[BODY]
    return decision_record(
        actor=director,
        body=body,
        decision_type="organisationsforandring",
        decided_by=director.person,
        capacity=Position.objects.get(body=body, slug="kommundirektor"),
        concerning=Organization.objects.get(body=body, slug="barn-och-utbildningsforvaltningen"),
        amount=None,
        decided_on=demo_meeting.today(),
        title=f"Beslut i ärende {secret_case.number} om {MARKER}",
        text=f"Stödet till {MARKER} ordnas.",
        evidence=[("approval", "pfu", demo_meeting.today(), "")],
    )


@pytest.mark.parametrize(("username", "masked"), [("ledamot", True), ("registrator", False)])
def test_a_delegated_decision_naming_a_secret_case_is_masked_as_the_case(
    delegated: Decision, username: str, masked: bool
) -> None:
    pages = fetched(
        signed_in(username), [reverse("decisions:decision_detail", args=[BODY, delegated.pk])]
    )
    pages |= fetched(api_client_of(user(username)), decision_api(delegated)[:2])

    assert shown(pages, MARKER) == ([] if masked else list(pages))
    assert shown(pages, MASK) == (list(pages) if masked else [])


@pytest.fixture
def reviewer(demo: Demo) -> User:
    """The body's administrator, given the admin's view of decisions, preparations and
    meetings (which no role holds): the admin asks the register's decision all the same."""
    administrator = user("admin")
    administrator.user_permissions.add(
        *Permission.objects.filter(
            codename__in=("view_decision", "view_preparation", "view_meeting")
        )
    )
    return User.objects.get(pk=administrator.pk)


def test_the_admin_neither_lists_nor_opens_a_masked_decision_or_preparation(
    decision: Decision, reviewer: User
) -> None:
    client = Client()
    client.force_login(reviewer)
    preparation = decision.agenda_item.case.preparation
    pages = [
        reverse("admin:decisions_decision_changelist"),
        reverse("admin:decisions_decision_change", args=[decision.pk]),
        reverse("admin:preparation_preparation_changelist"),
        reverse("admin:preparation_preparation_change", args=[preparation.pk]),
        reverse("admin:meetings_meeting_change", args=[decision.agenda_item.meeting_id]),
    ]

    shown = {url: client.get(url, follow=True) for url in pages}

    assert {url: r.status_code for url, r in shown.items()} == dict.fromkeys(pages, 200)
    assert [url for url, r in shown.items() if MARKER in r.content.decode()] == []


def test_a_reported_delegated_decision_reads_in_the_packet_as_the_register_shows_it(
    demo: Demo, delegated: Decision
) -> None:
    meeting = demo_meeting.planned(demo)
    meetings.agenda_build(actor=None, meeting=meeting)
    assert meeting.items.filter(reported_decisions=delegated).exists()

    secretary = pdf_text(packets.members_packet(meeting, user("sekreterare")))
    members = pdf_text(packets.members_packet(meeting, None))

    assert MARKER not in secretary
    assert MASK in secretary
    assert MARKER in members


def test_a_delegated_decisions_secret_case_is_looked_for_once_however_often_it_is_shown(
    delegated: Decision, django_assert_num_queries: Callable[..., Any]
) -> None:
    reader = user("ledamot")
    decision_view(reader, delegated)

    with django_assert_num_queries(0):
        seen = [decision_view(reader, delegated) for _ in range(3)]

    assert all(view.masked for view in seen)
