"""The director's duty dashboard: every duty Vänersborg's instruction gives the director, with
its section; the lines the dashboard gathers itself (the basis for decision of the board's
coming cases, delegated decisions reported in time) red while their evidence is missing and
green once it is there; a line whose evidence is not built yet grey, never green."""

import datetime

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import timezone
from django.utils.module_loading import import_string

from kansli.decisions.models import Decision
from kansli.decisions.services import decision_record, decision_report
from kansli.delegation.models import Duty
from kansli.followup import duties
from kansli.followup.evidence import Evidence
from kansli.followup.selectors.dashboard import unreported_delegated_decisions_evidence
from kansli.followup.tests.dashboard_samples import (
    board,
    board_meeting,
    client_of,
    dashboard_url,
    line_seen,
    user,
)
from kansli.meetings import services as meetings
from kansli.organisation.models import Body, Organization, Position
from kansli.preparation import services as preparation
from kansli.registry import services as registry
from kansli.registry.models import Case


@pytest.fixture
def vanersborg(demo: dict[str, Body]) -> Body:
    return demo["vanersborg"]


@pytest.fixture
def today() -> datetime.date:
    return timezone.localdate()


def test_every_duty_of_the_director_is_listed_with_its_section(vanersborg: Body) -> None:
    response = client_of(user("direktor")).get(dashboard_url(vanersborg))

    numbers = {line.number for line in response.context["lines"]}
    director_duties = Duty.objects.filter(
        order__body=vanersborg, holder_slug="kommundirektor"
    ).values_list("number", flat=True)
    assert numbers == set(director_duties)
    assert "3.5 c" not in numbers  # the board's duty, not the director's
    [preparing] = [line for line in response.context["lines"] if line.number == "4.1.1"]
    assert preparing.text == "Bereda samtliga ärenden till kommunstyrelsen och dess arbetsutskott."
    assert preparing.section_url is not None
    reading = client_of(user("direktor")).get(preparing.section_url)
    assert reading.status_code == 302
    assert reading["Location"] == (
        reverse("governance:document_detail", args=["vanersborg", "kommundirektorsinstruktion"])
        + "#avsnitt-4.1.1"
    )
    assert f'<a href="{preparing.section_url}">4.1.1</a>' in response.text


# The basis for decision of the board's coming cases (seed 002 4.1.1) ----------------------


def coming_case(body: Body, today: datetime.date) -> Case:
    """A case of the board on the agenda of its meeting next week, not yet prepared."""
    case = registry.case_open(
        actor=None, organization=board(body), title="Ny instruktion för kommundirektören"
    )
    meeting = board_meeting(body, today + datetime.timedelta(days=7))
    meetings.item_add(actor=None, meeting=meeting, title=case.title, case=case)
    return case


def test_a_coming_case_without_a_basis_for_decision_turns_the_line_red(
    vanersborg: Body, today: datetime.date
) -> None:
    coming_case(vanersborg, today)

    line = line_seen(client_of(user("direktor")), vanersborg, "4.1.1", "complete_basis_evidence")

    assert line.state == "missing"
    assert line.evidence == Evidence(
        ok=False,
        summary="1 av 1 ärende på kommande dagordningar saknar fullständigt beslutsunderlag",
        count=1,
        url=reverse("followup:agenda_basis", args=["vanersborg"]),
    )


def test_a_complete_basis_for_decision_turns_the_line_green(
    vanersborg: Body, today: datetime.date
) -> None:
    case = coming_case(vanersborg, today)
    preparation.report_save(
        actor=None,
        case=case,
        text="Instruktionen behöver ses över.",
        clauses=["att anta instruktionen"],
        rapporteur=user("direktor").person,
    )

    line = line_seen(client_of(user("direktor")), vanersborg, "4.1.1", "complete_basis_evidence")

    assert line.state == "ok"
    assert line.evidence.summary == (
        "0 av 1 ärende på kommande dagordningar saknar fullständigt beslutsunderlag"
    )
    assert line.evidence.count == 0


def test_a_case_on_a_past_agenda_is_not_counted(vanersborg: Body, today: datetime.date) -> None:
    case = registry.case_open(actor=None, organization=board(vanersborg), title="Förra veckan")
    meeting = board_meeting(vanersborg, today - datetime.timedelta(days=7))
    meetings.item_add(actor=None, meeting=meeting, title=case.title, case=case)

    line = line_seen(client_of(user("direktor")), vanersborg, "4.1.1", "complete_basis_evidence")

    assert (line.state, line.evidence.summary) == ("ok", "Inga ärenden på kommande dagordningar")


def test_the_list_behind_the_line_names_what_each_case_lacks(
    vanersborg: Body, today: datetime.date
) -> None:
    coming_case(vanersborg, today)

    response = client_of(user("ledamot")).get(reverse("followup:agenda_basis", args=["vanersborg"]))

    assert response.status_code == 200
    assert "Ny instruktion för kommundirektören" in response.text
    assert "Tjänsteskrivelse" in response.text


def test_the_list_behind_the_line_exports_as_csv(vanersborg: Body, today: datetime.date) -> None:
    case = coming_case(vanersborg, today)

    response = client_of(user("ledamot")).get(
        reverse("followup:agenda_basis_csv", args=["vanersborg"])
    )

    rows = [line.split(";") for line in response.content.decode("utf-8-sig").splitlines()]
    assert rows == [
        ["Sammanträde", "Dag", "Ärende", "Diarienummer", "Saknas"],
        [
            "Kommunstyrelsen",
            str(today + datetime.timedelta(days=7)),
            "Ny instruktion för kommundirektören",
            case.number,
            "Tjänsteskrivelse, Förslag till beslut, Föredragande",
        ],
    ]


# Delegated decisions reported to the board in time (KL 7 kap. 8 §; seed 000 "Styrelsen 9") --


def overdue_decision(body: Body, today: datetime.date) -> Decision:
    """The director's organisational change, with PFU's approval, decided one day longer ago
    than a delegated decision may wait to be reported to the board."""
    decided_on = today - datetime.timedelta(days=settings.DECISION_REPORT_DAYS + 1)
    director = user("direktor")
    return decision_record(
        actor=director,
        body=body,
        decision_type="organisationsforandring",
        decided_by=director.person,
        capacity=Position.objects.get(body=body, slug="kommundirektor"),
        concerning=Organization.objects.get(body=body, slug="barn-och-utbildningsforvaltningen"),
        amount=None,
        decided_on=decided_on,
        title="Ny enhetsindelning inom barn- och utbildningsförvaltningen",
        evidence=[("approval", "pfu", decided_on, "")],
    )


def test_a_delegated_decision_past_its_report_day_turns_the_line_red(
    vanersborg: Body, today: datetime.date
) -> None:
    overdue_decision(vanersborg, today)

    evidence = unreported_delegated_decisions_evidence(body=vanersborg, on=today)

    assert evidence == Evidence(
        ok=False,
        summary="1 delegationsbeslut är inte anmält i tid",
        count=1,
        url=reverse("decisions:decisions_unreported", args=["vanersborg"]) + "?organisation=ks",
    )


def test_a_reported_decision_turns_the_line_green(vanersborg: Body, today: datetime.date) -> None:
    decision = overdue_decision(vanersborg, today)
    decision_report(actor=None, decisions=[decision], reported_on=today, reported_in="KS, § 12")

    evidence = unreported_delegated_decisions_evidence(body=vanersborg, on=today)

    assert (evidence.ok, evidence.count) == (True, 0)
    assert evidence.summary == "Alla delegationsbeslut är anmälda i tid"


# Evidence not built yet -----------------------------------------------------------------


def unlinked_evidence(*, body: Body, on: datetime.date) -> Evidence:
    """A selector whose list is not built yet."""
    return Evidence(ok=True, summary="", count=0, url=reverse("followup:not_built_yet"))


@pytest.mark.parametrize(
    "selector",
    [
        "kansli.followup.selectors.not_built_yet.late_evidence",
        "kansli.followup.selectors.dashboard.not_built_yet_evidence",
        "kansli.followup.tests.test_dashboard.unlinked_evidence",
    ],
)
def test_a_line_whose_evidence_is_not_built_yet_is_grey_never_green(
    vanersborg: Body, monkeypatch: pytest.MonkeyPatch, selector: str
) -> None:
    monkeypatch.setattr(
        duties,
        "backings",
        lambda: {"vanersborg": {"kdi-d-4.1.1": duties.Backing(selectors=(selector,))}},
    )

    response = client_of(user("direktor")).get(dashboard_url(vanersborg))

    [line] = [line for line in response.context["lines"] if line.number == "4.1.1"]
    assert (line.state, line.evidence, line.summary) == ("pending", None, "")
    assert '<span class="tag tag--pending">Inget underlag ännu</span>' in response.text


def test_the_evidence_files_name_built_selectors(demo: dict[str, Body]) -> None:
    for by_duty in duties.backings().values():
        for backing in by_duty.values():
            for selector in backing.selectors:
                assert callable(import_string(selector)), selector
            if backing.rule is not None and backing.rule.events is not None:
                assert callable(import_string(backing.rule.events))
