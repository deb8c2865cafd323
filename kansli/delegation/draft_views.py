"""The pages where a new version of a delegation order is drafted: started from the version in
force or from an uploaded file, edited rule by rule, and shown against the version in force.
Only those who may draft (`policy.may_draft`) see the drafts. The draft goes before the
adopting organization from its page (`meetings:order_draft_agenda`); nothing here adopts it."""

import dataclasses
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_POST

from kansli.delegation import engine, labels, services
from kansli.delegation import selectors as delegation
from kansli.delegation.diff import OrderDiff, RuleDiff, order_diff
from kansli.delegation.forms import DraftFileForm, DraftForm, RuleForm
from kansli.delegation.models import DelegationOrder, OrderDraft
from kansli.delegation.policy import may_draft
from kansli.delegation.templatetags.delegation_tags import limits
from kansli.organisation.models import Body
from kansli.web.forms import form_written

# A rule's fields as the diff names them.
FIELD_LABELS = {
    "number": gettext_lazy("nummer"),
    "decision_type": gettext_lazy("beslutstyp"),
    "matter": gettext_lazy("ärende"),
    "delegate": gettext_lazy("delegat"),
    "source": gettext_lazy("avsnitt"),
    "substitutes": gettext_lazy("ersättare"),
    "scope": gettext_lazy("tillämpningsområde"),
    "limits": gettext_lazy("begränsningar"),
    "requirements": gettext_lazy("krav före och efter"),
    "subdelegation": gettext_lazy("vidaredelegering"),
    "legal_basis": gettext_lazy("lagrum"),
}


def drafting_body(request: HttpRequest, body: str) -> Body:
    """The body whose drafts the user may read and write, or a refusal."""
    body_ = get_object_or_404(Body, slug=body)
    if not may_draft(request.user, body_):
        raise PermissionDenied(
            _("Bara nämndsekreterarna och direktören ser utkasten till delegationsordningar.")
        )
    return body_


def draft_found(request: HttpRequest, body: str, draft: int) -> OrderDraft:
    return get_object_or_404(
        OrderDraft.objects.select_related("body", "organization", "based_on", "order"),
        body=drafting_body(request, body),
        pk=draft,
    )


@dataclass(frozen=True)
class Change:
    """One field of a changed rule, as it read and as it reads."""

    label: str
    before: str
    after: str


def _field_text(order: engine.Order, rule: engine.Rule, name: str) -> str:
    value = getattr(rule, name)
    if name == "decision_type":
        names = {t.code: t.name for t in order.decision_types}
        return names.get(value, value)
    if name == "delegate":
        return labels.party_name(value)
    if name == "source":
        return value.section
    if name == "substitutes":
        return ", ".join(labels.party_name(party) for party in value)
    if name == "requirements":
        return "; ".join(labels.requirement(requirement) for requirement in value)
    if name == "limits":
        return "; ".join(limits(value))
    if name == "legal_basis":
        return ", ".join(value)
    if name == "scope":
        return "; ".join(
            " ".join(f"{key}={item}" for key, item in scope.as_dict().items() if item)
            for scope in value
        )
    if name == "subdelegation":
        return _("tillåten") if value.allowed else _("inte tillåten")
    return str(value)


def _changes(before: engine.Order, after: engine.Order, diff: RuleDiff) -> list[Change]:
    assert diff.before is not None and diff.after is not None  # noqa: S101 - a change has both
    return [
        Change(
            str(FIELD_LABELS[name]),
            _field_text(before, diff.before, name),
            _field_text(after, diff.after, name),
        )
        for name in diff.changed
    ]


def _diff_context(draft: OrderDraft, order: engine.Order) -> dict[str, Any]:
    in_force = delegation.order_in_force(
        body=draft.body,
        organization=draft.organization,
        document=draft.document,
        on=timezone.localdate(),
    )
    base = delegation.engine_order(in_force) if in_force is not None else None
    diff: OrderDiff = order_diff(base, order)
    sections = [
        (
            section.section,
            [
                (rule, _changes(base, order, rule) if base is not None and rule.changed else [])
                for rule in section.rules
            ],
        )
        for section in diff.sections
    ]
    return {"in_force": in_force, "diff": diff, "diff_sections": sections}


def _context(draft: OrderDraft, **forms_: forms.Form) -> dict[str, Any]:
    order = delegation.draft_order(draft=draft)
    names = {t.code: t.name for t in order.decision_types}
    return {
        "body": draft.body,
        "draft": draft,
        "order": order,
        "rules": [
            (rule, names.get(rule.decision_type, rule.decision_type)) for rule in order.rules
        ],
        "draft_form": forms_.get("draft_form")
        or DraftForm(initial={"version": draft.version, "galler_fran": draft.valid_from}),
        "file_form": forms_.get("file_form") or DraftFileForm(),
        "agenda_form": forms_.get("agenda_form"),
        **_diff_context(draft, order),
    }


def draft_page(
    request: HttpRequest, draft: OrderDraft, *, status: int = 200, **forms_: forms.Form
) -> HttpResponse:
    """The draft's page, with the forms given in place of the empty ones (another app's too:
    `agenda_form`, posted to the meetings)."""
    return render(request, "delegation/draft.html", _context(draft, **forms_), status=status)


def _written(
    request: HttpRequest,
    draft: OrderDraft,
    form: forms.Form,
    name: str,
    write: Callable[[dict[str, Any]], object],
    done: str,
) -> HttpResponse:
    """Give the form to the service; back to the draft's page, or that page with the form and
    its errors."""

    def written(result: object) -> HttpResponse:
        messages.success(request, done)
        return redirect("delegation:order_draft", draft.body.slug, draft.pk)

    result = form_written(form, write, done=written)
    if result.response is not None:
        return result.response
    return draft_page(request, draft, status=result.status, **{name: form})


@require_http_methods(["GET", "POST"])
def order_draft(request: HttpRequest, body: str, draft: int) -> HttpResponse:
    """The draft: its rules, what it changes in the version in force, and (posted) its version
    and first day."""
    draft_ = draft_found(request, body, draft)
    if request.method == "GET":
        return draft_page(request, draft_)

    def set_(data: dict[str, Any]) -> None:
        services.order_draft_set(
            actor=request.user,
            draft=draft_,
            version=data["version"],
            valid_from=data["galler_fran"],
        )

    form = DraftForm(request.POST)
    return _written(request, draft_, form, "draft_form", set_, _("Utkastet är ändrat."))


@require_POST
def order_draft_file(request: HttpRequest, body: str, draft: int) -> HttpResponse:
    """Replace the draft's content with an uploaded order file."""
    draft_ = draft_found(request, body, draft)
    form = DraftFileForm(request.POST, request.FILES)

    def upload(data: dict[str, Any]) -> None:
        services.order_draft_upload(
            actor=request.user,
            body=draft_.body,
            text=data["text"],
            source_name=data["name"],
            draft=draft_,
        )

    return _written(request, draft_, form, "file_form", upload, _("Utkastet är ersatt av filen."))


@require_POST
def order_draft_create(request: HttpRequest, body: str, order: int) -> HttpResponse:
    """Start a draft of a new version of the order, a copy of it."""
    body_ = drafting_body(request, body)
    order_ = get_object_or_404(DelegationOrder.objects.select_related("body"), body=body_, pk=order)
    form = DraftForm(request.POST)
    written = form_written(
        form,
        lambda data: services.order_draft_create(
            actor=request.user,
            order=order_,
            version=data["version"],
            valid_from=data["galler_fran"],
        ),
        done=lambda made: redirect("delegation:order_draft", body_.slug, made.pk),
    )
    if written.response is not None:
        return written.response
    context = {"body": body_, "order": order_, "draft_form": form}
    return render(request, "delegation/draft_new.html", context, status=written.status)


@require_POST
def order_draft_upload(request: HttpRequest, body: str) -> HttpResponse:
    """A new draft from an uploaded order file."""
    body_ = drafting_body(request, body)
    form = DraftFileForm(request.POST, request.FILES)

    written = form_written(
        form,
        lambda data: services.order_draft_upload(
            actor=request.user, body=body_, text=data["text"], source_name=data["name"]
        ),
        done=lambda made: redirect("delegation:order_draft", body_.slug, made.pk),
    )
    if written.response is not None:
        return written.response
    context = {"body": body_, "order": None, "file_form": form}
    return render(request, "delegation/draft_new.html", context, status=written.status)


def _parties(body: Body, order: engine.Order) -> dict[str, engine.Party]:
    """Whom a rule of the draft may name: the order's parties, the body's posts and its
    organizations."""
    parties = {party.key: party for party in engine.named_parties(order)}
    for position in body.positions.order_by("title"):
        parties.setdefault(position.slug, engine.Party("position", position.slug, position.title))
    for organization in body.organizations.order_by("name"):
        party = engine.Party("organization", organization.slug, organization.name)
        parties.setdefault(party.key, party)
    return parties


def _rule_form(
    order: engine.Order, parties: dict[str, engine.Party], *args: Any, **kwargs: Any
) -> RuleForm:
    return RuleForm(
        *args,
        decision_types=[(t.code, t.name) for t in order.decision_types],
        parties=[(key, labels.party_name(party)) for key, party in parties.items()],
        **kwargs,
    )


def _initial(rule: engine.Rule) -> dict[str, Any]:
    return {
        "nummer": rule.number,
        "avsnitt": rule.source.section,
        "beslutstyp": rule.decision_type,
        "arende": rule.matter,
        "delegat": rule.delegate.key,
        "ersattare": [party.key for party in rule.substitutes],
        "hogsta_belopp": rule.limits.max_amount,
        "hogsta_antal_manader": rule.limits.max_months,
    }


def _edited(
    order: engine.Order,
    rule: engine.Rule | None,
    parties: dict[str, engine.Party],
    data: dict[str, Any],
) -> engine.Rule:
    """The rule as the form says, the rest of it (or of a new rule: nothing) as it was."""
    amount: Decimal | None = data["hogsta_belopp"]
    fields = {
        "number": data["nummer"].strip(),
        "decision_type": data["beslutstyp"],
        "matter": data["arende"].strip(),
        "delegate": parties[data["delegat"]],
        "source": engine.Source(order.document, data["avsnitt"].strip()),
        "substitutes": tuple(parties[key] for key in data["ersattare"]),
    }
    if rule is None:
        limits_ = engine.Limits(max_amount=amount, max_months=data["hogsta_antal_manader"])
        return engine.Rule(id="", limits=limits_, **fields)
    limits_ = dataclasses.replace(
        rule.limits, max_amount=amount, max_months=data["hogsta_antal_manader"]
    )
    return dataclasses.replace(rule, limits=limits_, **fields)


@require_http_methods(["GET", "POST"])
def order_draft_rule(
    request: HttpRequest, body: str, draft: int, rule: str | None = None
) -> HttpResponse:
    """A rule of the draft to change, or (no rule) a new one."""
    draft_ = draft_found(request, body, draft)
    order = delegation.draft_order(draft=draft_)
    found = None
    if rule is not None:
        found = next((other for other in order.rules if other.id == rule), None)
        if found is None:
            raise Http404(_("Utkastet har ingen sådan regel."))
    parties = _parties(draft_.body, order)
    if request.method == "GET":
        initial = _initial(found) if found is not None else {}
        form = _rule_form(order, parties, initial=initial)
        status = 200
    else:
        form = _rule_form(order, parties, request.POST)
        written = form_written(
            form,
            lambda data: services.order_draft_rule_save(
                actor=request.user,
                draft=draft_,
                rule=_edited(order, found, parties, data),
                replacing=rule,
            ),
            done=redirect("delegation:order_draft", draft_.body.slug, draft_.pk),
        )
        if written.response is not None:
            messages.success(request, _("Regeln är sparad i utkastet."))
            return written.response
        status = written.status
    context = {"body": draft_.body, "draft": draft_, "rule": found, "form": form}
    return render(request, "delegation/draft_rule.html", context, status=status)


@require_POST
def order_draft_rule_remove(request: HttpRequest, body: str, draft: int, rule: str) -> HttpResponse:
    draft_ = draft_found(request, body, draft)
    form = forms.Form(request.POST)
    return _written(
        request,
        draft_,
        form,
        "remove_form",
        lambda data: services.order_draft_rule_remove(actor=request.user, draft=draft_, rule=rule),
        _("Regeln är borttagen ur utkastet."),
    )
