"""A body's classification plan from its shipped YAML file, for the tests of classes and
disposal."""

from kansli.organisation.models import Body
from kansli.registry import planfile
from kansli.registry.models import ClassificationPlan, PlanClass
from kansli.registry.plans import plan_import


def shipped_plan(body: Body, slug: str = "vanersborg") -> ClassificationPlan:
    path = planfile.DATA_DIR / f"{slug}.yaml"
    return plan_import(
        actor=None, body=body, text=path.read_text(encoding="utf-8"), source_name=path.name
    )


def process(body: Body, code: str) -> PlanClass:
    return PlanClass.objects.get(plan__body=body, code=code)
