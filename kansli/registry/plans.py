"""Writes to the classification plan: importing a body's plan from its YAML file, and putting a
case in one of its processes. Each in one audited transaction."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import QuerySet
from django.utils.translation import gettext as _

from kansli.audit import services as audit
from kansli.audit.services import Actor
from kansli.organisation.models import Body
from kansli.registry import planfile, policy
from kansli.registry.models import Case, ClassificationPlan, PlanClass, RetentionRule


@transaction.atomic
def plan_import(*, actor: Actor, body: Body, text: str, source_name: str) -> ClassificationPlan:
    """Store the plan a YAML file describes (docs/classification-plan-format.md), replacing the
    body's plan: classes and retention rules are matched by code and by name, new ones made,
    changed ones updated, and classes the file no longer has removed. A class that classifies
    a case may not be removed, and a retention rule in use may not change what it says."""
    policy.require_change_settings(actor, body=body)
    try:
        read = planfile.loads(text, filename=source_name)
    except planfile.PlanFileError as error:
        raise ValidationError(error.problems) from error
    rules = {rule.name: _rule(actor, body, rule) for rule in read.retention}
    plan = ClassificationPlan.objects.filter(body=body).first()
    if plan is None:
        plan = audit.create(actor=actor, instance=ClassificationPlan(body=body, name=read.name))
    elif plan.name != read.name:
        plan = audit.update(actor=actor, instance=plan, name=read.name)
    existing = {found.code: found for found in plan.classes.all()}
    for entry in read.classes:
        rule = rules[entry.retention] if entry.retention else None
        found = existing.pop(entry.code, None)
        if found is None:
            audit.create(
                actor=actor,
                instance=PlanClass(
                    plan=plan, code=entry.code, name=entry.name, retention_rule=rule
                ),
            )
        elif (found.name, found.retention_rule) != (entry.name, rule):
            audit.update(actor=actor, instance=found, name=entry.name, retention_rule=rule)
    for gone in sorted(existing.values(), key=lambda found: found.code, reverse=True):
        if gone.cases.exists():
            raise ValidationError(
                _("%(file)s: klassen %(class)s har ärenden och kan inte tas bort.")
                % {"file": source_name, "class": gone}
            )
        audit.delete(actor=actor, instance=gone)
    return plan


def _rule(actor: Actor, body: Body, read: planfile.Retention) -> RetentionRule:
    found = RetentionRule.objects.filter(body=body, name=read.name).first()
    if found is None:
        return audit.create(
            actor=actor,
            instance=RetentionRule(
                body=body,
                name=read.name,
                action=read.action,
                dispose_after_years=read.dispose_after_years,
            ),
        )
    if (found.action, found.dispose_after_years) != (read.action, read.dispose_after_years):
        if found.plan_classes.exists() or found.documents.exists() or found.disposals.exists():
            raise ValidationError(
                _("Gallringsregeln %(name)s används och kan inte ändras; ge den ett nytt namn.")
                % {"name": read.name}
            )
        return audit.update(
            actor=actor,
            instance=found,
            action=read.action,
            dispose_after_years=read.dispose_after_years,
        )
    return found


def process_for(body: Body, plan_class: PlanClass | None) -> PlanClass | None:
    """The class, checked to be a process of the body's plan: only a process classifies a
    case."""
    if plan_class is None:
        return None
    if plan_class.plan.body_id != body.pk:
        raise ValidationError(_("Klassen hör till en annan kommuns eller regions plan."))
    if not plan_class.is_process:
        raise ValidationError(
            _("Välj en process (t.ex. 1.2.3), inte ett verksamhetsområde eller en processgrupp.")
        )
    return plan_class


def case_classify(*, actor: Actor, case: Case, plan_class: PlanClass) -> Case:
    """Put the case in a process of its body's plan; its classification code follows, and so
    does the retention rule its documents are disposed of by. Who may: those who may open the
    body's cases, or the case's officer."""
    policy.require_classify(actor, case=case)
    process_for(case.organization.body, plan_class)
    with transaction.atomic():
        locked = Case.objects.select_for_update().get(pk=case.pk)
        return audit.update(
            actor=actor,
            instance=locked,
            plan_class=plan_class,
            classification=plan_class.code,
        )


def processes_of(body: Body) -> QuerySet[PlanClass]:
    """The processes of the body's plan, the classes a case may be in, by code."""
    return PlanClass.objects.filter(plan__body=body, code__regex=r"^\d+\.\d+\.\d+$").order_by(
        "code"
    )
