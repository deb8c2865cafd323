"""Loading a classification plan from YAML: the shipped plans of both demo bodies, the plan
stored with its retention rules, a second load that changes nothing, and bad files refused
with every problem named by line and field."""

from collections.abc import Callable
from pathlib import Path

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management import CommandError, call_command

from kansli.accounts.models import Role, User
from kansli.audit.models import Event
from kansli.organisation.models import Body, Organization
from kansli.registry import planfile
from kansli.registry.models import PlanClass, RetentionRule
from kansli.registry.plans import plan_import
from kansli.registry.services import case_open
from kansli.registry.tests.plans import process, shipped_plan


@pytest.mark.parametrize("slug", ["vanersborg", "blekinge"])
def test_the_shipped_plans_read(slug: str) -> None:
    plan = planfile.load(planfile.DATA_DIR / f"{slug}.yaml")
    processes = [entry for entry in plan.classes if entry.code.count(".") == 2]
    # The demo's cases are in 1.1.2, 1.5.2 and 3.4.1.
    assert {"1.1.2", "1.5.2", "3.4.1"} <= {entry.code for entry in processes}
    assert all(entry.retention for entry in processes)


def test_the_plan_is_stored_with_its_rules(body: Body) -> None:
    plan = shipped_plan(body)
    assert plan.name == "Klassificeringsstruktur för Vänersborgs kommun"
    rule = process(body, "2.1.1").retention_rule
    assert rule == RetentionRule.objects.get(body=body, name="Förfrågningar och information")
    assert rule is not None
    assert rule.dispose_after_years == 2
    assert PlanClass.objects.get(plan=plan, code="2.1").retention_rule is None


def test_a_second_load_writes_nothing(body: Body) -> None:
    shipped_plan(body)
    events = Event.objects.count()
    shipped_plan(body)
    assert Event.objects.count() == events


def test_a_new_version_renames_adds_and_removes_classes(body: Body) -> None:
    shipped_plan(body)
    text = (planfile.DATA_DIR / "vanersborg.yaml").read_text(encoding="utf-8")
    text = text.replace("Hantera medborgarförslag", "Hantera medborgarförslag och e-förslag")
    text = text.replace(
        '          - code: "3.4.2"\n'
        "            name: Hantera synpunkter och klagomål\n"
        "            retention: Förfrågningar och information\n",
        "",
    )
    plan_import(actor=None, body=body, text=text, source_name="ny.yaml")
    assert process(body, "3.4.1").name == "Hantera medborgarförslag och e-förslag"
    assert not PlanClass.objects.filter(plan__body=body, code="3.4.2").exists()


BAD = """\
format: 1
plan: Trasig plan
retention:
  - name: Bevaras
    action: preserve
  - name: Gallras
    action: dispose
classes:
  - code: "1"
    name: Styra
    retention: Bevaras
    classes:
      - code: "2.1"
        name: Fel kod
      - code: "1.1"
        name: Grupp
        classes:
          - code: "1.1.1"
            name: Utan regel
          - code: "1.1.2"
            name: Okänd regel
            retention: Finns inte
"""


def test_every_problem_is_named_by_line_and_field(body: Body) -> None:
    with pytest.raises(ValidationError) as error:
        plan_import(actor=None, body=body, text=BAD, source_name="trasig.yaml")
    assert error.value.messages == [
        "trasig.yaml:6: retention[1].dispose_after_years: "
        "ange antal år, ett heltal, för det som gallras.",
        "trasig.yaml:11: classes[0].retention: bara processer har en gallringsregel.",
        "trasig.yaml:13: classes[0].classes[0].code: koden 2.1 ska vara 1.N.",
        "trasig.yaml:18: classes[0].classes[1].classes[0].retention: saknas.",
        "trasig.yaml:22: classes[0].classes[1].classes[1].retention: "
        "det finns ingen gallringsregel Finns inte i planen.",
    ]
    assert not PlanClass.objects.exists()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("format: 1\nplan: [trasig\n", "trasig.yaml:3: inte giltig YAML: expected ',' or ']'"),
        ("", "trasig.yaml:1: plan: ska vara en mappning med fält."),
        ("format: 9\nplan: P\nclasses: []\n", "trasig.yaml:1: format: formatet ska vara 1."),
    ],
)
def test_a_file_that_is_not_a_plan_is_refused_clearly(body: Body, text: str, expected: str) -> None:
    with pytest.raises(ValidationError) as error:
        plan_import(actor=None, body=body, text=text, source_name="trasig.yaml")
    assert error.value.messages[0].startswith(expected)


def test_a_class_with_cases_is_not_removed(body: Body, board: Organization) -> None:
    shipped_plan(body)
    case_open(actor=None, organization=board, title="Synpunkt", plan_class=process(body, "3.4.2"))
    text = (planfile.DATA_DIR / "vanersborg.yaml").read_text(encoding="utf-8")
    text = text.replace("3.4.2", "3.4.3")
    with pytest.raises(ValidationError, match=r"klassen 3\.4\.2 Hantera synpunkter"):
        plan_import(actor=None, body=body, text=text, source_name="ny.yaml")


def test_only_registrars_and_administrators_load_a_plan(
    body: Body, staff: Callable[..., User]
) -> None:
    text = (planfile.DATA_DIR / "vanersborg.yaml").read_text(encoding="utf-8")
    officer = staff("hanna", Role.CASE_OFFICER)
    with pytest.raises(PermissionDenied):
        plan_import(actor=officer, body=body, text=text, source_name="plan.yaml")
    assert not PlanClass.objects.exists()


def test_the_command_loads_a_plan_and_reports_a_bad_one(body: Body, tmp_path: Path) -> None:
    shipped = planfile.DATA_DIR / "vanersborg.yaml"
    call_command("classification", "import", "--body", "vanersborg", str(shipped))
    assert PlanClass.objects.filter(plan__body=body).count() == 23
    bad = tmp_path / "bad.yaml"
    bad.write_text(BAD, encoding="utf-8")
    with pytest.raises(CommandError, match=r"bad\.yaml:6: retention"):
        call_command("classification", "import", "--body", "vanersborg", str(bad))
