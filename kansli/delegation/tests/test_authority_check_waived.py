"""A check can say that an optional ("vid behov") consultation was found not needed:
`kansli authority check --waived KIND:PARTY` (written as --done is) and the API's check with
`waived`. Blekinge's Arbetsgivaransvar 6 asks the chair "vid behov"; waiving it lets the
decision be made, and the answer says it was not needed. A requirement that is not "vid
behov" cannot be waived: a question that cannot be asked, exit code 2 and one Swedish line,
400 through the API."""

import json
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.test import Client

from kansli.accounts.tests.api_client import api_client
from kansli.audit.models import Event

POWERS = [
    "check", "--body", "blekinge", "--position", "regiondirektor",
    "--decision", "befogenheter-och-ansvar", "--concerning", "landstingsservice",
]  # fmt: skip
CHAIR = "consultation:regionstyrelsen-ordforande"
NOT_WAIVABLE = (
    "Samråd med regiondirektören krävs enligt Instruktion till landstingsdirektör "
    "Arbetsgivaransvar och kan inte avstås; bara ett samråd vid behov kan registreras som inte "
    "behövt."
)


def authority(*arguments: str, out: StringIO | None = None) -> str:
    out = out if out is not None else StringIO()
    call_command("authority", *arguments, stdout=out)
    return out.getvalue()


@pytest.fixture
def api(demo) -> Client:
    return api_client()


def test_without_a_waiver_the_consultation_vid_behov_is_pending(demo):
    text = authority(*POWERS)

    assert text.splitlines()[:3] == [
        "Får beslutas när kraven är uppfyllda.",
        "Grund: Instruktion till landstingsdirektör Arbetsgivaransvar, regel Arbetsgivaransvar 6",
        "[ ] samråd vid behov med ordföranden i regionstyrelsen (före beslutet)",
    ]


def test_a_waived_consultation_vid_behov_lets_the_decision_be_made_and_says_so(demo):
    text = authority(*POWERS, "--waived", CHAIR)

    lines = text.splitlines()
    assert lines[0] == "Får beslutas."
    assert (
        "[x] samråd vid behov med ordföranden i regionstyrelsen (före beslutet): behövdes inte"
        in lines
    )
    assert (
        "- Samråd med ordföranden i regionstyrelsen behövdes inte, med angivet skäl "
        "(Instruktion till landstingsdirektör Arbetsgivaransvar)." in lines
    )


def test_the_waiver_is_in_the_json_answer(demo):
    verdict = json.loads(authority(*POWERS, "--waived", CHAIR, "--json"))

    assert verdict["outcome"] == "allowed"
    assert [(r["optional"], r["satisfied"], r["waived"]) for r in verdict["requirements"]] == [
        (True, True, True)
    ]


def test_waiving_a_required_consultation_exits_with_2_and_writes_nothing(demo):
    out, events = StringIO(), Event.objects.count()

    with pytest.raises(CommandError) as refused:
        authority(
            "check", "--body", "blekinge", "--organization", "regionstyrelsen",
            "--decision", "anstallning-ledningsgrupp", "--waived", "consultation:regiondirektor",
            out=out,
        )  # fmt: skip

    assert refused.value.returncode == 2
    assert str(refused.value) == NOT_WAIVABLE
    assert out.getvalue() == ""
    assert Event.objects.count() == events


def test_a_waiver_not_written_kind_colon_party_exits_with_2(demo):
    with pytest.raises(CommandError) as refused:
        authority(*POWERS, "--waived", "regionstyrelsen-ordforande")

    assert refused.value.returncode == 2
    assert str(refused.value) == (
        "”regionstyrelsen-ordforande” ska skrivas SLAG:PART, där SLAG är consultation, approval, "
        "notification, report."
    )


def test_the_api_check_takes_the_waiver(api):
    answer = api.post(
        "/api/v1/bodies/blekinge/delegation/check",
        {
            "position": "regiondirektor",
            "decision": "befogenheter-och-ansvar",
            "concerning": "landstingsservice",
            "waived": [CHAIR],
        },
        content_type="application/json",
    )

    assert answer.status_code == 200
    assert answer.json()["outcome"] == "allowed"
    assert answer.json()["requirements"][0]["waived"] is True


def test_the_api_refuses_to_waive_a_required_consultation(api):
    answer = api.post(
        "/api/v1/bodies/blekinge/delegation/check",
        {
            "organization": "regionstyrelsen",
            "decision": "anstallning-ledningsgrupp",
            "waived": ["consultation:regiondirektor"],
        },
        content_type="application/json",
    )

    assert answer.status_code == 400
    assert answer.json()["detail"] == NOT_WAIVABLE
