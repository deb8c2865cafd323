"""Template filters that put the engine's rules into Swedish words, for the pages and the PDF."""

from collections.abc import Iterable

from django import template
from django.db.models import QuerySet
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from kansli.accounts.policy import Actor
from kansli.delegation import engine, labels, policy, reasons, selectors
from kansli.delegation.forms import DraftFileForm, DraftForm
from kansli.delegation.models import OrderDraft
from kansli.organisation.models import Body

register = template.Library()


@register.filter
def sek(amount: object) -> str:
    """1500000 → "1 500 000 kronor"."""
    return reasons.sek(amount)  # type: ignore[arg-type]


@register.filter
def before(requirements: Iterable[engine.Requirement]) -> list[engine.Requirement]:
    """What must happen before the decision: consultation, approval, notification (of a rule's
    requirements as written, or as a check applies them)."""
    return [requirement for requirement in requirements if requirement.when == "before"]


@register.filter
def after(requirements: Iterable[engine.Requirement]) -> list[engine.Requirement]:
    """What must happen after it: reporting, notifying."""
    return [requirement for requirement in requirements if requirement.when == "after"]


@register.filter
def requirement(requirement: engine.Requirement) -> str:
    """ "samråd med personal- och förhandlingsutskottet" """
    return labels.requirement(requirement)


@register.filter
def outcome(code: str) -> str:
    return str(labels.OUTCOMES[code])


@register.filter
def outcome_sentence(code: str) -> str:
    return str(labels.OUTCOME_SENTENCES[code])


@register.filter
def limits(limits: engine.Limits) -> list[str]:
    """The rule's limits and conditions as clauses: "högst 500 000 kronor", "när …"."""
    clauses = []
    if limits.max_amount is not None:
        clauses.append(_("högst %(amount)s") % {"amount": reasons.sek(limits.max_amount)})
    if limits.max_months is not None:
        clauses.append(
            ngettext("högst %(count)d månad", "högst %(count)d månader", limits.max_months)
            % {"count": limits.max_months}
        )
    clauses += [_("när %(condition)s") % {"condition": c.text} for c in limits.conditions]
    return clauses


@register.filter
def subdelegation(rule: engine.Rule) -> str:
    if not rule.subdelegation.allowed:
        return _("Får inte vidaredelegeras.")
    if not rule.subdelegation.to:
        return _("Får vidaredelegeras till en anställd.")
    names = ", ".join(party.name for party in rule.subdelegation.to)
    return _("Får vidaredelegeras till %(names)s.") % {"names": names}


@register.filter
def may_draft(user: Actor, body: Body) -> bool:
    """May the user draft a new version of the body's orders (and read the drafts)?"""
    return policy.may_draft(user, body)


@register.simple_tag
def drafts(body: Body) -> QuerySet[OrderDraft]:
    """The body's drafts not yet adopted."""
    return selectors.drafts_of(body=body)


@register.simple_tag
def draft_forms() -> tuple[DraftForm, DraftFileForm]:
    """The empty forms that start a draft: from an order, from a file."""
    return DraftForm(), DraftFileForm()
