"""The preparation's pages, for the body's staff: a case officer's cases, the case page with its
preparation (readiness, status, statements), the report editor, and the body's routes.

Thin views over the preparation's services, selectors and policy. The case and its documents are
shown as the registry's visibility function lets the user see them.
"""

from typing import Any

from django.contrib import messages
from django.core.exceptions import BadRequest, PermissionDenied, ValidationError
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from kansli.organisation.models import Body, Person
from kansli.pagination import cursor_of, keyset, values_of
from kansli.preparation import policy as preparation_policy
from kansli.preparation import selectors as preparation_selectors
from kansli.preparation import services as preparation
from kansli.preparation.forms import ReportForm, RouteForm, StatementForm
from kansli.preparation.models import Preparation, Route
from kansli.registry import policy as registry_policy
from kansli.registry import selectors as registry_selectors
from kansli.registry.models import Case, Document
from kansli.registry.views import read_body
from kansli.registry.visibility import case_contents_masked, case_view
from kansli.web.forms import form_written


def _staff(request: HttpRequest, body: Body) -> Person | None:
    """The signed-in user's person, when it is staff of the body."""
    person = request.user.person if request.user.is_authenticated else None
    return person if person is not None and person.body_id == body.pk else None


# How many cases "Mina ärenden" shows a page; "Visa fler" leads to the next.
MY_CASES_PAGE = 50


@require_GET
def my_cases(request: HttpRequest, body: str) -> HttpResponse:
    body_ = read_body(request, body)
    person = _staff(request, body_)
    today = timezone.localdate()
    rows: list[preparation_selectors.OfficerCase] = []
    total, next_cursor = 0, None
    if person is not None:
        order = preparation_selectors.OFFICER_CASES_ORDER
        try:
            after = values_of(request.GET["efter"], order) if "efter" in request.GET else None
        except ValueError:
            raise BadRequest from None
        cases = preparation_selectors.officer_open_cases(officer=person)
        page, last = keyset(cases, order, after=after, size=MY_CASES_PAGE)
        rows = preparation_selectors.officer_case_rows(cases=page, today=today)
        total = cases.count()
        next_cursor = None if last is None else cursor_of(order, last)
    context = {
        "body": body_,
        "person": person,
        "rows": [(case_view(request.user, row.case), row) for row in rows],
        "total": total,
        "next_cursor": next_cursor,
        "later_page": "efter" in request.GET,
        "today": today,
        "may_register": registry_policy.may_use_registration(request.user, body_),
    }
    return render(request, "preparation/my_cases.html", context)


def _case(body: str, case: int) -> Case:
    return get_object_or_404(
        Case.objects.select_related("organization__body", "case_officer"),
        organization__body__slug=body,
        pk=case,
    )


def _case_context(request: HttpRequest, case: Case, **extra: Any) -> dict[str, Any]:
    body = case.organization.body
    prepared = preparation_selectors.preparation_of(case=case)
    documents = registry_selectors.documents_with_case(case.documents.prefetch_related("files"))
    may_prepare = preparation_policy.may_prepare(request.user, case)
    today = timezone.localdate()
    context = {
        "body": body,
        "case": case_view(request.user, case),
        "documents": registry_selectors.document_views(user=request.user, documents=documents),
        "preparation": prepared,
        "contents_masked": case_contents_masked(request.user, case),
        "readiness": preparation_selectors.case_readiness(case=case),
        "history": preparation_selectors.status_history(case=case),
        "may_register": registry_policy.may_register(
            request.user, case=case, direction=Document.Direction.DRAWN_UP
        ),
        "may_prepare": may_prepare,
        "statement_form": StatementForm(body=body, today=today) if may_prepare else None,
        "statuses": Preparation.Status,
    }
    return context | extra


@require_GET
def case_detail(request: HttpRequest, body: str, case: int) -> HttpResponse:
    read_body(request, body)
    case_ = _case(body, case)
    return render(request, "preparation/case_detail.html", _case_context(request, case_))


def _prepared_case(request: HttpRequest, body: str, case: int) -> Case:
    """The case whose preparation pages the user asks for: staff of its body only."""
    case_ = _case(body, case)
    if not preparation_policy.may_read(request.user, case_):
        raise PermissionDenied(
            _("Bara personal i %(body)s kan bereda ärenden.") % {"body": case_.organization.body}
        )
    return case_


@require_http_methods(["GET", "POST"])
def report_edit(request: HttpRequest, body: str, case: int) -> HttpResponse:
    case_ = _prepared_case(request, body, case)
    body_ = case_.organization.body
    today = timezone.localdate()
    if request.method == "POST":
        form = ReportForm(request.POST, request.FILES, body=body_, today=today)
        written = form_written(
            form,
            lambda data: _save_report(request, case_, form),
            done=redirect("preparation:case_detail", body_.slug, case_.pk),
        )
        if written.response is not None:
            messages.success(request, _("Tjänsteskrivelsen är sparad."))
            return written.response
        status = written.status
    else:
        # The form is offered only to those who may save it; the reason why not otherwise.
        preparation_policy.require_prepare(request.user, case_)
        if case_contents_masked(request.user, case_):
            raise PermissionDenied(
                _(
                    "Ärendet omfattas av sekretess som du inte får se igenom; dess "
                    "tjänsteskrivelse skrivs av handläggaren eller en registrator."
                )
            )
        prepared = preparation_selectors.preparation_of(case=case_)
        form = ReportForm(initial=ReportForm.initial_from(prepared), body=body_, today=today)
        status = 200
    context = {
        "body": body_,
        "case": case_view(request.user, case_),
        "form": form,
        "may_plan_routes": preparation_policy.may_plan_routes(request.user, body_),
    }
    return render(request, "preparation/report_form.html", context, status=status)


def _save_report(request: HttpRequest, case: Case, form: ReportForm) -> None:
    data = form.cleaned_data
    with transaction.atomic():
        preparation.preparation_plan(
            actor=request.user,
            case=case,
            route=data["arendegang"],
            organization=None if data["arendegang"] else data["behandlas_av"],
            referred_from=data["fran_namnd"],
            due_on=data["klart_senast"],
        )
        preparation.report_save(
            actor=request.user,
            case=case,
            text=data["tjansteskrivelse"],
            clauses=form.clauses(),
            economic_consequences=data["ekonomi"],
            financing=data["finansiering"],
            rapporteur=data["foredragande"],
        )
        if data["fil"]:
            preparation.report_upload(actor=request.user, case=case, upload=data["fil"])


@require_POST
def status_update(request: HttpRequest, body: str, case: int) -> HttpResponse:
    case_ = _prepared_case(request, body, case)
    try:
        if request.POST.get("atgard") == "nasta-organ":
            preparation.route_advance(actor=request.user, case=case_)
        else:
            preparation.status_change(
                actor=request.user, case=case_, status=request.POST.get("status", "")
            )
    except PermissionDenied as error:
        context = _case_context(request, case_, status_errors=[str(error)])
        return render(request, "preparation/case_detail.html", context, status=403)
    except ValidationError as error:
        context = _case_context(request, case_, status_errors=error.messages)
        return render(request, "preparation/case_detail.html", context, status=409)
    messages.success(request, _("Ärendets status är ändrad."))
    return redirect("preparation:case_detail", case_.organization.body.slug, case_.pk)


@require_POST
def statement_create(request: HttpRequest, body: str, case: int) -> HttpResponse:
    case_ = _prepared_case(request, body, case)
    body_ = case_.organization.body
    form = StatementForm(request.POST, body=body_, today=timezone.localdate())
    written = form_written(
        form,
        lambda data: preparation.statement_add(
            actor=request.user,
            case=case_,
            organization=data["organisation"],
            author=data["fran"],
            received_on=data["inkom"],
            summary=data["sammanfattning"],
        ),
        done=redirect("preparation:case_detail", body_.slug, case_.pk),
    )
    if written.response is not None:
        messages.success(request, _("Yttrandet är registrerat."))
        return written.response
    context = _case_context(request, case_, statement_form=form)
    return render(request, "preparation/case_detail.html", context, status=written.status)


# Routes (ärendegångar): the organs a kind of case passes, set up by the body's registry staff


def _route_planner(request: HttpRequest, body: str) -> Body:
    body_ = get_object_or_404(Body, slug=body)
    if not preparation_policy.may_plan_routes(request.user, body_):
        raise preparation_policy.refuse_planning_routes(body_)
    return body_


@require_http_methods(["GET", "POST"])
def route_list(request: HttpRequest, body: str) -> HttpResponse:
    """The body's routes with their organs in order, and a form for a new one."""
    body_ = _route_planner(request, body)
    form = RouteForm(request.POST or None, body=body_)
    status = 200
    if request.method == "POST":
        written = form_written(
            form,
            lambda data: preparation.route_create(
                actor=request.user, body=body_, **form.arguments()
            ),
            done=lambda route: redirect("preparation:route_list", body_.slug),
        )
        if written.response is not None:
            messages.success(request, _("Ärendegången är upplagd."))
            return written.response
        status = written.status
    routes = body_.routes.prefetch_related("steps__organization")
    context = {"body": body_, "routes": routes, "form": form}
    return render(request, "preparation/routes.html", context, status=status)


@require_http_methods(["GET", "POST"])
def route_edit(request: HttpRequest, body: str, route: int) -> HttpResponse:
    """One route: its name, its rule and its organs in order."""
    body_ = _route_planner(request, body)
    route_ = get_object_or_404(Route, body=body_, pk=route)
    status = 200
    if request.method == "POST":
        form = RouteForm(request.POST, body=body_)
        written = form_written(
            form,
            lambda data: preparation.route_update(
                actor=request.user, route=route_, **form.arguments()
            ),
            done=lambda _route: redirect("preparation:route_list", body_.slug),
        )
        if written.response is not None:
            messages.success(request, _("Ärendegången är ändrad."))
            return written.response
        status = written.status
    else:
        form = RouteForm(initial=RouteForm.initial_from(route_), body=body_)
    context = {"body": body_, "route": route_, "form": form}
    return render(request, "preparation/route_form.html", context, status=status)
