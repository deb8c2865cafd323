"""A decision's title and text in a template as the signed-in user may see them
(`kansli.decisions.selectors.decision_view`): `{% load decision_tags %}`, then
`{% decision_title decision %}` and `{% decision_text decision %}`."""

from typing import Any

from django import template

from kansli.decisions.models import Decision
from kansli.decisions.selectors import decision_view

register = template.Library()


@register.simple_tag(takes_context=True)
def decision_title(context: template.Context, decision: Decision) -> str:
    return decision_view(_user(context), decision).title


@register.simple_tag(takes_context=True)
def decision_text(context: template.Context, decision: Decision) -> str:
    return decision_view(_user(context), decision).text


def _user(context: template.Context) -> Any:
    return context["request"].user
