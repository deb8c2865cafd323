"""Reading the register through the API: the list with its filters, one decision with its
verdict and evidence, and what is not yet reported to an organization."""

import datetime
from collections.abc import Callable

from kansli.accounts.models import User
from kansli.decisions.models import Decision
from kansli.decisions.services import decision_report
from kansli.decisions.tests.conftest import api_client_of

URL = "/api/v1/bodies/vanersborg/decisions"


def test_the_list_filters_by_status(
    reorganise: Callable[..., Decision], director: User, today: datetime.date
) -> None:
    draft = reorganise(title="Utkast")
    recorded = reorganise(title="Beslut", evidence=[("approval", "pfu", today, "")])
    client = api_client_of(director)

    everything = client.get(URL).json()
    drafts = client.get(URL, {"status": "draft"}).json()
    found = client.get(URL, {"q": "utkast"}).json()

    assert [d["id"] for d in everything] == [recorded.pk, draft.pk]
    assert [d["id"] for d in drafts] == [draft.pk]
    assert [d["id"] for d in found] == [draft.pk]
    assert client.get(URL, {"status": "okand"}).status_code == 422


def test_one_decision_shows_its_verdict_and_evidence(
    reorganise: Callable[..., Decision], director: User, today: datetime.date
) -> None:
    decision = reorganise(evidence=[("approval", "pfu", today, "PFU § 12")])
    client = api_client_of(director)

    body = client.get(f"{URL}/{decision.pk}").json()
    missing = client.get(f"{URL}/{decision.pk + 1}")
    elsewhere = client.get(f"/api/v1/bodies/blekinge/decisions/{decision.pk}")

    assert body["verdict"]["requirements"][0]["satisfied"] is True
    assert body["evidence"][0]["note"] == "PFU § 12"
    assert body["evidence"][0]["recorded_by"]["name"] == "Katarina Holmgren"
    assert body["position"] == "kommundirektor"
    assert body["report_due"] == decision.report_due.isoformat()
    assert missing.status_code == 404
    assert elsewhere.status_code == 403  # not a user of Region Blekinge


def test_unreported_decisions_per_organization(
    reorganise: Callable[..., Decision], director: User, secretary: User, today: datetime.date
) -> None:
    first = reorganise(title="Först", evidence=[("approval", "pfu", today, "")])
    second = reorganise(title="Sedan", evidence=[("approval", "pfu", today, "")])
    decision_report(actor=secretary, decisions=[first], reported_on=today, reported_in="KS § 3")
    client = api_client_of(director)

    to_the_board = client.get(f"{URL}/unreported", {"organization": "ks"})
    to_pfu = client.get(f"{URL}/unreported", {"organization": "pfu"})
    unknown = client.get(f"{URL}/unreported", {"organization": "finns-inte"})

    assert [d["id"] for d in to_the_board.json()] == [second.pk]
    assert to_pfu.json() == []
    assert unknown.status_code == 400
