"""The delegation pages: who may decide a matter, what the signed-in user may decide, and the
delegation order as the table people know from paper, on screen and as a PDF."""

from collections.abc import Iterable
from dataclasses import dataclass

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET
from django.views.decorators.vary import vary_on_headers

from kansli import generated, pdf
from kansli.delegation import engine
from kansli.delegation import selectors as delegation
from kansli.delegation.forms import WhoDecidesForm
from kansli.delegation.models import DelegationOrder
from kansli.htmx import HtmxHttpRequest
from kansli.organisation.models import Body


@dataclass(frozen=True)
class RuleRow:
    """A rule with what its page shows beside it: its decision type's name, where it applies,
    the page of the section it cites, its requirements as a check applies them, and (for a
    person's powers) how it is held."""

    rule: engine.Rule
    decision_type: str
    scope: str
    source_url: str | None
    requirements: tuple[engine.Requirement, ...]
    way: str = "delegate"
    acting: str | None = None

    @property
    def by_law(self) -> list[engine.Requirement]:
        """The requirements the law adds to the rule as written, or makes due otherwise (an
        urgent decision reported at the organ's next meeting, KL 6 kap. 39 §)."""
        return [r for r in self.requirements if r not in self.rule.requirements]


def _rows(
    body: Body, rules: list[engine.Rule], powers: Iterable[engine.Power] = ()
) -> list[RuleRow]:
    links = delegation.section_links(body=body)
    names = {t.code: t.name for t in delegation.decision_types_of(body=body)}
    ways = {power.rule.id: power for power in powers}
    applied = delegation.requirements_applied(body=body, rules=rules)
    rows = []
    for rule, requirements in zip(rules, applied, strict=True):
        link = links.get((rule.source.document, rule.source.section))
        power = ways.get(rule.id)
        rows.append(
            RuleRow(
                rule=rule,
                requirements=requirements,
                decision_type=names.get(rule.decision_type, rule.decision_type),
                scope=delegation.describe_scope(body=body, rule=rule),
                source_url=None
                if link is None
                else reverse("governance:section_detail", args=[body.slug, *link]),
                way=power.way if power else "delegate",
                acting=power.acting if power else None,
            )
        )
    return rows


@require_GET
@vary_on_headers("HX-Request")
def who_decides(request: HtmxHttpRequest, body: str) -> HttpResponse:
    body_ = get_object_or_404(Body, slug=body)
    choices = [(t.code, t.name) for t in delegation.decision_types_of(body=body_)]
    form = WhoDecidesForm(request.GET or None, decision_types=choices)
    on = form.date()
    rules = []
    if form.asked():
        rules = delegation.rules_for(
            body=body_,
            on=on,
            decision_type=form.cleaned_data["beslutstyp"] or None,
            text=form.cleaned_data["q"] or None,
        )
    context = {
        "body": body_,
        "form": form,
        "on": on,
        "today": timezone.localdate(),
        "asked": form.asked(),
        "rows": _rows(body_, rules),
    }
    # A search made with htmx swaps in the results only; a history restore needs it all.
    partial = bool(request.htmx) and not request.htmx.history_restore_request
    template = "delegation/" + (
        "includes/who_decides_results.html" if partial else "who_decides.html"
    )
    return render(request, template, {**context, "partial": partial})


@require_GET
def my_powers(request: HttpRequest, body: str) -> HttpResponse:
    body_ = get_object_or_404(Body, slug=body)
    person = request.user.person if request.user.is_authenticated else None
    today = timezone.localdate()
    powers = []
    if person is not None and person.body_id == body_.pk:
        powers = delegation.powers_of(body=body_, person=person, on=today)
    rows = _rows(body_, [power.rule for power in powers], powers)
    context = {
        "body": body_,
        "person": person,
        "today": today,
        "groups": [
            (way, [row for row in rows if row.way == way])
            for way in ("delegate", "substitute", "subdelegate")
        ],
        "has_powers": bool(rows),
    }
    return render(request, "delegation/my_powers.html", context)


@require_GET
def order_list(request: HttpRequest, body: str) -> HttpResponse:
    body_ = get_object_or_404(Body, slug=body)
    context = {
        "body": body_,
        "orders": delegation.orders_of(body=body_),
        "today": timezone.localdate(),
    }
    return render(request, "delegation/order_list.html", context)


def _order(body: str, order: int) -> DelegationOrder:
    return get_object_or_404(
        delegation.orders_of(body=get_object_or_404(Body, slug=body)), pk=order
    )


def _order_context(order_: DelegationOrder) -> dict[str, object]:
    rules_and_duties = delegation.engine_order(order_)
    return {
        "body": order_.body,
        "order": order_,
        "rows": _rows(order_.body, list(rules_and_duties.rules)),
        "duties": rules_and_duties.duties,
    }


@require_GET
def order_detail(request: HttpRequest, body: str, order: int) -> HttpResponse:
    return render(request, "delegation/order.html", _order_context(_order(body, order)))


@require_GET
def order_pdf(request: HttpRequest, body: str, order: int) -> HttpResponse:
    """The delegation order as PDF, stored once per version of what it shows (`generated`) and
    served with its version as ETag (304 to a reader who holds it)."""
    order_ = _order(body, order)
    html = render_to_string("delegation/order_pdf.html", _order_context(order_), request=request)
    base_url = request.build_absolute_uri("/")
    stored = generated.stored(
        f"delegation/{order_.pk}",
        "delegationsordning",
        generated.digest(html),
        lambda: (pdf.write(pdf.render(html, base_url=base_url)), True),
    )
    return generated.serve(request, stored, f"{order_.key}.pdf", public=False)
