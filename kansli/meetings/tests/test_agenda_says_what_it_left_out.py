""" "Bygg dagordning" says which cases it left out and why: a complete case ("Komplett – Inget
saknas") not marked ready, a case whose preparation lacks something, a case prepared for
another organ, a case already on another meeting's agenda. A secret case ready for the organ
is offered, its title masked on the page."""

import datetime
from collections.abc import Callable

from django.contrib.auth.models import AnonymousUser

from kansli.accounts.models import User
from kansli.meetings import selectors, services
from kansli.meetings.models import AgendaItem, Meeting
from kansli.meetings.policy import item_title
from kansli.meetings.tests.conftest import DAY, Board, ready_case
from kansli.meetings.tests.sitting import page, signed_in
from kansli.organisation import services as organisation
from kansli.organisation.models import Organization
from kansli.preparation import services as preparation
from kansli.preparation.models import Preparation
from kansli.registry import services as registry


def reasons(meeting: Meeting) -> dict[str, str]:
    return {row.case.title: row.reason for row in selectors.cases_left_out(meeting=meeting)}


def test_each_case_left_out_has_its_reason(
    secretary: User, schedule: Callable[..., Meeting], ks: Board
) -> None:
    council = organisation.organization_create(
        actor=None,
        body=ks.organization.body,
        kind=Organization.Kind.COUNCIL,
        slug="kf",
        name="Kommunfullmäktige",
    )
    complete = ready_case(ks.organization, "Komplett men inte klar", route=[ks.organization])
    preparation.status_change(actor=None, case=complete, status=Preparation.Status.PREPARING)
    lacking = registry.case_open(actor=None, organization=ks.organization, title="Halvfärdigt")
    preparation.report_save(actor=None, case=lacking, text="Utkast.", clauses=[])
    ready_case(ks.organization, "För fullmäktige", route=[council])
    earlier = schedule(DAY - datetime.timedelta(days=7))
    ready_case(ks.organization, "På förra dagordningen", route=[ks.organization])
    services.agenda_build(actor=secretary, meeting=earlier)
    meeting = schedule()

    items = services.agenda_build(actor=secretary, meeting=meeting)

    assert not [item for item in items if item.kind == AgendaItem.Kind.CASE]
    assert reasons(meeting) == {
        "Komplett men inte klar": "Komplett – inget saknas, men ärendet är inte markerat klart "
        "för dagordning (status: under beredning).",
        "Halvfärdigt": "Beredningen är inte klar: Förslag till beslut, Föredragande saknas.",
        "För fullmäktige": "Ärendet bereds för Kommunfullmäktige, inte för Kommunstyrelsen.",
        "På förra dagordningen": "Ärendet står redan på dagordningen för sammanträdet 2026-11-24.",
    }


def test_the_agenda_page_lists_the_cases_left_out_with_the_reason(
    secretary: User, meeting: Meeting, ks: Board
) -> None:
    case = ready_case(ks.organization, "Komplett men inte klar", route=[ks.organization])
    preparation.status_change(actor=None, case=case, status=Preparation.Status.PREPARING)
    client = signed_in(secretary)
    before = client.get(page("meetings:meeting_detail", meeting)).content.decode()

    services.agenda_build(actor=secretary, meeting=meeting)
    html = client.get(page("meetings:meeting_detail", meeting)).content.decode()

    assert "Utelämnade ärenden" not in before
    assert "Utelämnade ärenden" in html
    assert f"{case.number}</a> Komplett men inte klar – Komplett – inget saknas" in html


def test_a_secret_ready_case_is_offered_and_its_title_masked(
    secretary: User, meeting: Meeting, ks: Board
) -> None:
    case = ready_case(
        ks.organization,
        "Placering av barnet Kim",
        route=[ks.organization],
        secrecy="OSL 26 kap. 1 §",
    )

    items = services.agenda_build(actor=secretary, meeting=meeting)

    item = next(item for item in items if item.kind == AgendaItem.Kind.CASE)
    assert item.case == case
    assert not selectors.cases_left_out(meeting=meeting)
    public_title, masked = item_title(AnonymousUser(), item)
    assert masked
    assert "Kim" not in public_title
