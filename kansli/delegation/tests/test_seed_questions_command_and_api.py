"""Real questions from both seed instructions, one or more for each section that confers a
power, asked through `kansli authority check --json` and through the API's check: both give
the same answer, citing the section."""

import json
from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import timezone

from kansli.accounts.tests.api_client import api_client
from kansli.organisation.models import Organization
from kansli.organisation.selectors import presidium

VANERSBORG = "vanersborg"
BLEKINGE = "blekinge"
KDI = "Kommundirektörsinstruktion"
ILD = "Instruktion till landstingsdirektör"
BOARD_ROLE = "Landstingsdirektörens roll i landstingsstyrelsen och i övriga nämnder"

# (body, actor, decision, context, outcome, document, section)
QUESTIONS = [
    (VANERSBORG, "organization:socialnamnden", "mal-och-ramar",
     {"concerning": "socialforvaltningen"}, "allowed", KDI, "2.1"),
    (VANERSBORG, "position:kommundirektor", "mal-och-ramar",
     {"concerning": "socialforvaltningen"}, "denied", KDI, "2.1"),
    (VANERSBORG, "organization:kf", "politisk-organisation", {}, "allowed", KDI, "2.1"),
    (VANERSBORG, "position:kommundirektor", "forslag-till-styrelsen", {}, "allowed", KDI, "3.1"),
    (VANERSBORG, "position:kommundirektor", "arbetsledning",
     {"concerning": "socialforvaltningen"}, "allowed", KDI, "3.1"),
    (VANERSBORG, "position:kommundirektor", "extern-representation",
     {"conditions": ["ej-politiskt-ansvar"]}, "allowed", KDI, "3.3"),
    (VANERSBORG, "position:kommundirektor", "mediekontakter",
     {"concerning": "personalstaben"}, "allowed", KDI, "3.4"),
    (VANERSBORG, "position:kommundirektor", "krisledning", {}, "denied", KDI, "3.5"),
    (VANERSBORG, "chair:ks", "arbetsmiljo-kommundirektor", {}, "allowed", KDI, "3.7"),
    (VANERSBORG, "organization:pfu", "arbetsmiljo-kommundirektor", {}, "allowed", KDI, "3.7"),
    (VANERSBORG, "position:kommundirektor", "utse-bitradande-kommundirektor",
     {"conditions": ["sakerhetsskyddsklass-2"]}, "requirements_pending", KDI, "3.8"),
    (VANERSBORG, "position:kommundirektor", "utse-bitradande-kommundirektor",
     {"conditions": ["sakerhetsskyddsklass-2"], "done": ["approval:ks-presidium"]},
     "allowed", KDI, "3.8"),
    (VANERSBORG, "position:kommundirektor", "foredragning", {"concerning": "au"},
     "allowed", KDI, "4.1.2"),
    (VANERSBORG, "position:kommundirektor", "narvaro-och-yttranderatt", {"concerning": "pfu"},
     "allowed", KDI, "4.1.3"),
    (VANERSBORG, "position:kommundirektor", "anstallning-stabschef",
     {"concerning": "ekonomistaben", "done": ["consultation:ks-ordforande"]},
     "allowed", KDI, "5.1.1"),
    (VANERSBORG, "position:kommundirektor", "organisationsforandring",
     {"concerning": "kanslistaben"}, "allowed", KDI, "5.1.2"),
    (VANERSBORG, "position:kommundirektor", "entledigande-stabschef",
     {"concerning": "ekonomistaben"}, "requirements_pending", KDI, "5.1.2"),
    (VANERSBORG, "position:kommundirektor", "lonesattning",
     {"concerning": "utvecklingsstaben"}, "allowed", KDI, "5.1.4"),
    (VANERSBORG, "position:kommundirektor", "narvaro-och-yttranderatt",
     {"concerning": "socialnamnden"}, "requirements_pending", KDI, "5.2.1"),
    (VANERSBORG, "position:kommundirektor", "anstallning-forvaltningschef",
     {"concerning": "socialforvaltningen",
      "done": ["consultation:socialnamnden-presidium", "consultation:pfu"]},
     "allowed", KDI, "5.2.2"),
    (VANERSBORG, "position:kommundirektor", "organisationsforandring",
     {"concerning": "socialforvaltningen"}, "requirements_pending", KDI, "5.2.3"),
    (VANERSBORG, "position:kommundirektor", "avgorande-verkstallighetsfraga",
     {"concerning": "socialforvaltningen", "conditions": ["olika-bedomningar"]},
     "allowed", KDI, "5.2.4"),
    (VANERSBORG, "position:kommundirektor", "lonesattning",
     {"concerning": "barn-och-utbildningsforvaltningen"}, "allowed", KDI, "5.2.5"),
    (VANERSBORG, "position:kommundirektor", "bereda-anstallning-vd",
     {"concerning": "vanersborgs-bostads-ab"}, "requirements_pending", KDI, "6.1.2"),
    (VANERSBORG, "organization:vanersborgs-bostads-ab", "lonerevision-vd",
     {"concerning": "vanersborgs-bostads-ab", "done": ["consultation:kommundirektor"]},
     "allowed", KDI, "6.1.2"),
    (BLEKINGE, "position:regiondirektor", "upplysningar-i-fullmaktige",
     {"concerning": "regionfullmaktige"}, "allowed", ILD,
     "Landstingsdirektörens roll i landstingsfullmäktige"),
    (BLEKINGE, "organization:regionstyrelsen", "utse-direktor", {}, "allowed", ILD, BOARD_ROLE),
    (BLEKINGE, "position:regiondirektor", "foredragning",
     {"concerning": "beredningen-for-halsa-och-vard"}, "allowed", ILD, BOARD_ROLE),
    (BLEKINGE, "position:regiondirektor", "anstallning-personal",
     {"concerning": "kanslienheten"}, "allowed", ILD, "Arbetsgivaransvar"),
    (BLEKINGE, "organization:regionstyrelsen", "anstallning-ledningsgrupp", {},
     "requirements_pending", ILD, "Arbetsgivaransvar"),
    (BLEKINGE, "position:regiondirektor", "initiativ-ekonomi",
     {"conditions": ["budgetavvikelse"]}, "allowed", ILD, "Ekonomiskt ansvar"),
    (BLEKINGE, "position:landstingsjurist", "anstallning-personal",
     {"concerning": "kanslienheten"}, "denied", ILD, "Arbetsgivaransvar"),
]  # fmt: skip


def command_arguments(body: str, actor: tuple[str, str], decision: str, context: dict) -> list:
    arguments = ["check", "--body", body, f"--{actor[0]}", actor[1], "--decision", decision]
    if "concerning" in context:
        arguments += ["--concerning", context["concerning"]]
    for option, values in (
        ("--done", context.get("done")),
        ("--condition", context.get("conditions")),
    ):
        if values:
            arguments += [option, *values]
    return [*arguments, "--json"]


def actor_of(body: str, actor: str) -> tuple[str, str]:
    """("position", slug), ("organization", slug), or the chair of an organization today as
    ("person", id)."""
    kind, _, slug = actor.partition(":")
    if kind != "chair":
        return kind, slug
    organ = Organization.objects.get(body__slug=body, slug=slug)
    chair = presidium(organization=organ, on=timezone.localdate()).first()
    return "person", str(chair.person_id)


@pytest.mark.parametrize(
    ("body", "actor", "decision", "context", "outcome", "document", "section"),
    QUESTIONS,
    ids=[f"{q[0]}-{q[6][:20]}-{q[2]}-{q[4]}" for q in QUESTIONS],
)
def test_the_command_and_the_api_answer_alike_citing_the_section(
    demo, body, actor, decision, context, outcome, document, section
):
    kind, ref = actor_of(body, actor)
    out = StringIO()
    call_command("authority", *command_arguments(body, (kind, ref), decision, context), stdout=out)
    from_command = json.loads(out.getvalue())

    response = api_client().post(
        f"/api/v1/bodies/{body}/delegation/check",
        {kind: int(ref) if kind == "person" else ref, "decision": decision, **context},
        content_type="application/json",
    )

    assert response.status_code == 200
    assert response.json() == from_command
    assert from_command["outcome"] == outcome
    assert {"document": document, "section": section} in [
        {"document": b["document"], "section": b["section"]} for b in from_command["basis"]
    ]
    assert any(f"({document} {section})" in reason for reason in from_command["reasons"])
