"""The decision register's pages: thin views over the decisions' services and selectors.

The body's own users read the register; who may record a decision, or complete a draft, is
`kansli.decisions.policy`'s answer, asked here to offer the forms and by the services again.
"""

from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST
from django.views.decorators.vary import vary_on_headers

from kansli.decisions import policy, selectors, services
from kansli.decisions.forms import (
    DecisionFilterForm,
    DecisionForm,
    EvidenceForm,
    QuestionForm,
    RecipientForm,
)
from kansli.decisions.models import Decision
from kansli.delegation.engine import Verdict
from kansli.htmx import HtmxHttpRequest
from kansli.organisation.models import Body, Person
from kansli.web.forms import add_errors, form_written


def readable_body(request: HttpRequest, slug: str) -> Body:
    """The body whose register, execution or assignments the page shows; refused (403) to all
    but its own users."""
    body = get_object_or_404(Body, slug=slug)
    policy.require_read(request.user, body)
    return body


@require_GET
def decision_list(request: HttpRequest, body: str) -> HttpResponse:
    body_ = readable_body(request, body)
    today = timezone.localdate()
    decision_types = selectors.decision_type_choices(body=body_, on=today)
    form = DecisionFilterForm(request.GET, decision_types=decision_types)
    filters = form.cleaned_data if form.is_valid() else {}
    decisions = selectors.decision_list(
        body=body_,
        status=filters.get("status"),
        decision_type=filters.get("beslutstyp"),
        q=filters.get("q"),
    )
    context = {
        "body": body_,
        "form": form,
        "decisions": selectors.decisions_found(request.user, decisions, filters.get("q")),
        "today": today,
        "may_record": policy.may_record_decision(request.user, body_),
    }
    return render(request, "decisions/decision_list.html", context)


def _question(question: QuestionForm, body: Body, person: Person) -> Verdict | None:
    """The engine's answer to the question so far, before anything is recorded."""
    if not question.is_valid():
        return None
    data = question.cleaned_data
    try:
        return selectors.decision_verdict(
            body=body,
            decision_type=data["beslutstyp"],
            decided_by=person,
            capacity=data["befattning"],
            concerning=data["organisation"],
            amount=data["belopp"],
            on=data["datum"],
        )
    except ValidationError as error:
        add_errors(question, error)
        return None


@require_http_methods(["GET", "POST"])
@vary_on_headers("HX-Request")
def decision_create(request: HtmxHttpRequest, body: str) -> HttpResponse:
    body_ = get_object_or_404(Body, slug=body)
    # The form is offered only to who may record in their own name; the reason why not else.
    policy.require_record_decision(request.user, body_, None)
    person = request.user.person if request.user.is_authenticated else None
    if person is None:
        # Refused just above already: only a signed-in user with a person records.
        raise PermissionDenied
    today = timezone.localdate()
    options: dict[str, Any] = {
        "body": body_,
        "person": person,
        "today": today,
        "decision_types": selectors.decision_type_choices(body=body_, on=today),
    }
    # A POST with "forhandsgranska" (the preview button, or htmx as the question changes) only
    # asks the engine; a GET may carry a question too ("?beslutstyp=…").
    posted = request.method == "POST" and "forhandsgranska" not in request.POST
    asked = request.POST if request.method == "POST" else request.GET or None
    question = QuestionForm(asked, **options)
    verdict = _question(question, body_, person)
    requirements = selectors.requirements_before(verdict)
    status = 200
    if posted:
        form = DecisionForm(request.POST, requirements=requirements, **options)
        if form.is_valid():
            try:
                decision = _record(request, body_, person, form)
            except PermissionDenied as error:
                form.add_error(None, str(error))
                status = 403
            except ValidationError as error:
                add_errors(form, error)
            else:
                return redirect("decisions:decision_detail", body_.slug, decision.pk)
    else:
        form = DecisionForm(initial=asked, requirements=requirements, **options)
    context = {**options, "form": form, "question": question, "verdict": verdict}
    partial = bool(request.htmx) and not request.htmx.history_restore_request
    template = "decisions/includes/question.html" if partial else "decisions/form.html"
    return render(request, template, context, status=status)


def _record(request: HttpRequest, body: Body, person: Person, form: DecisionForm) -> Decision:
    data = form.cleaned_data
    decision = services.decision_record(
        actor=request.user,
        body=body,
        decision_type=data["beslutstyp"],
        decided_by=person,
        capacity=data["befattning"],
        concerning=data["organisation"],
        amount=data["belopp"],
        decided_on=data["datum"],
        title=data["rubrik"],
        text=data["beslut"],
        case_reference=data["diarienummer"],
        evidence=form.evidence(),
    )
    _announce(request, decision)
    return decision


def _announce(request: HttpRequest, decision: Decision) -> None:
    if decision.is_draft:
        messages.warning(
            request,
            _(
                "Beslutet är sparat som utkast och är inte registrerat. Det registreras när "
                "kraven nedan är uppfyllda."
            ),
        )
    else:
        messages.success(request, _("Beslutet är registrerat."))


def _detail_context(request: HttpRequest, decision: Decision, **extra: Any) -> dict[str, Any]:
    today = timezone.localdate()
    requirements = selectors.decision_requirements(decision=decision)
    pending = [row for row in requirements if not row.satisfied]
    may_complete = decision.is_draft and policy.may_add_evidence(request.user, decision)
    context = {
        "body": decision.body,
        "decision": decision,
        "requirements": requirements,
        "source": selectors.decision_source(decision=decision),
        "today": today,
        "evidence_form": EvidenceForm(pending=pending, today=today)
        if may_complete and pending
        else None,
    }
    return context | extra


def _decision(request: HttpRequest, body: str, decision: int) -> Decision:
    return get_object_or_404(
        Decision.objects.select_related(
            "body", "decided_by", "position", "organization", "concerning", "report_to"
        ),
        body=readable_body(request, body),
        pk=decision,
    )


@require_GET
def decision_detail(request: HttpRequest, body: str, decision: int) -> HttpResponse:
    decision_ = _decision(request, body, decision)
    return render(request, "decisions/detail.html", _detail_context(request, decision_))


@require_POST
def evidence_create(request: HttpRequest, body: str, decision: int) -> HttpResponse:
    decision_ = _decision(request, body, decision)
    pending = [r for r in selectors.decision_requirements(decision=decision_) if not r.satisfied]
    form = EvidenceForm(request.POST, pending=pending, today=timezone.localdate())

    def add(data: dict[str, Any]) -> None:
        kind, party = form.requirement()
        completed = services.evidence_add(
            actor=request.user,
            decision=decision_,
            kind=kind,
            party=party,
            date=data["datum"],
            note=data["anteckning"],
            waived=data["behovdes_inte"],
        )
        _announce(request, completed)

    written = form_written(
        form, add, done=redirect("decisions:decision_detail", decision_.body.slug, decision_.pk)
    )
    if written.response is not None:
        return written.response
    context = _detail_context(request, decision_, evidence_form=form)
    return render(request, "decisions/detail.html", context, status=written.status)


@require_GET
def decisions_unreported(request: HttpRequest, body: str) -> HttpResponse:
    body_ = readable_body(request, body)
    form = RecipientForm(request.GET or None, body=body_)
    recipient = form.cleaned_data["organisation"] if form.is_valid() else None
    context = {
        "body": body_,
        "form": form,
        "recipient": recipient,
        "decisions": selectors.decisions_unreported(organization=recipient) if recipient else [],
        "today": timezone.localdate(),
    }
    return render(request, "decisions/unreported.html", context)
