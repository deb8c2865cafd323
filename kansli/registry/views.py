"""The registry's pages. For the public: the registry list (postlista), its exports, and file
downloads. For staff (diariet): the case list, registering a document, search, a case officer's
cases, the case page with its preparation, and the report editor.

Thin views over the registry's, the preparation's and the search's services and selectors. What
anyone sees of a case, a document or a file goes through the registry's visibility function, so
the anonymous public sees secret documents masked and no files.
"""

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.storage import default_storage
from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from django.http import FileResponse, Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from kansli.exports import csv_response
from kansli.organisation.models import Body, Person
from kansli.preparation import policy as preparation_policy
from kansli.preparation import selectors as preparation_selectors
from kansli.preparation import services as preparation
from kansli.preparation.models import Preparation
from kansli.registry import policy as registry_policy
from kansli.registry import selectors
from kansli.registry import services as registry
from kansli.registry.case_list import case_page
from kansli.registry.duplicates import possible_duplicates
from kansli.registry.forms import (
    CaseListForm,
    RegisterForm,
    RegistryListForm,
    ReportForm,
    SearchForm,
    StatementForm,
)
from kansli.registry.models import Case, Document, File
from kansli.registry.visibility import (
    DocumentView,
    case_contents_masked,
    case_view,
    document_view,
)
from kansli.search.selectors import SearchFilters, search
from kansli.web.forms import add_errors, form_written


def _listed(request: HttpRequest, body: str) -> tuple[Body, RegistryListForm, list[DocumentView]]:
    """The body, the filter and the entries it lists; none when the filter has errors."""
    body_ = get_object_or_404(Body, slug=body)
    form = RegistryListForm(request.GET or None, body=body_)
    if form.errors:
        return body_, form, []
    start, end = form.period_bounds()
    documents = selectors.registry_list(body=body_, start=start, end=end, **form.filters())
    return body_, form, selectors.document_views(user=request.user, documents=documents)


@login_not_required
@require_GET
def registry_list(request: HttpRequest, body: str) -> HttpResponse:
    body_, form, entries = _listed(request, body)
    start, end = form.period_bounds()
    context = {
        "body": body_,
        "form": form,
        "entries": entries,
        "start": start,
        "end": end,
        "query": request.GET.urlencode(),
    }
    status = 400 if form.errors else 200
    return render(request, "registry/registry_list.html", context, status=status)


def _refused_filter(form: RegistryListForm) -> JsonResponse:
    """A download asked with a filter that has errors: a 400 with the API's error body."""
    return JsonResponse(
        {
            "detail": _("Kontrollera filtret."),
            "code": "invalid",
            "fields": {name: list(errors) for name, errors in form.errors.items()},
        },
        status=400,
        json_dumps_params={"ensure_ascii": False},
    )


CSV_COLUMNS = [
    ("number", _("Dokumentnummer")),
    ("registered_at", _("Registrerad")),
    ("date", _("Datum")),
    ("direction", _("Riktning")),
    ("counterpart", _("Avsändare/mottagare")),
    ("description", _("Beskrivning")),
    ("case_number", _("Diarienummer")),
    ("case_title", _("Ärendemening")),
    ("organization", _("Organisation")),
    ("secrecy_reference", _("Sekretess")),
]


@login_not_required
@require_GET
def registry_list_csv(request: HttpRequest, body: str) -> HttpResponse:
    body_, form, entries = _listed(request, body)
    if form.errors:
        return _refused_filter(form)
    start, end = form.period_bounds()
    return csv_response(
        f"postlista-{body_.slug}-{start}-{end}.csv",
        [heading for _name, heading in CSV_COLUMNS],
        (_csv_row(view) for view in entries),
    )


def _csv_row(view: DocumentView) -> list[object]:
    entry = view.entry()
    row = entry | {
        "registered_at": timezone.localtime(entry["registered_at"]).isoformat(timespec="minutes"),
        "direction": view.document.get_direction_display(),
        "case_number": entry["case"]["number"],
        "case_title": entry["case"]["title"],
    }
    return [row[name] for name, _heading in CSV_COLUMNS]


@login_not_required
@require_GET
def registry_list_json(request: HttpRequest, body: str) -> JsonResponse:
    body_, form, entries = _listed(request, body)
    if form.errors:
        return _refused_filter(form)
    start, end = form.period_bounds()
    data = {
        "body": body_.slug,
        "start": start,
        "end": end,
        "documents": [view.entry() for view in entries],
    }
    return JsonResponse(data, encoder=DjangoJSONEncoder, json_dumps_params={"ensure_ascii": False})


@require_GET
def file_download(request: HttpRequest, body: str, file: int) -> FileResponse:
    """A document's file, for those the visibility function lets see it; to anyone else the
    file does not exist."""
    file_ = get_object_or_404(
        File.objects.select_related("document"),
        pk=file,
        document__case__organization__body__slug=body,
    )
    document = selectors.documents_with_case(Document.objects.filter(pk=file_.document_id)).get()
    if not document_view(request.user, document).files_visible:
        raise Http404(_("Filen finns inte eller så har du inte rätt att se den."))
    return FileResponse(
        default_storage.open(file_.storage_name),
        as_attachment=True,
        filename=file_.original_name,
        content_type=file_.content_type,
    )


def _staff(request: HttpRequest, body: Body) -> Person | None:
    """The signed-in user's person, when it is staff of the body."""
    person = request.user.person
    return person if person is not None and person.body_id == body.pk else None


def _read_body(request: HttpRequest, body: str) -> Body:
    """The body whose registry the user reads as its staff; anyone else is refused."""
    body_ = get_object_or_404(Body, slug=body)
    if not registry_policy.may_read(request.user, body_):
        raise PermissionDenied(_("Bara personal i %(body)s läser diariet.") % {"body": body_.name})
    return body_


@require_GET
def case_list(request: HttpRequest, body: str) -> HttpResponse:
    body_ = _read_body(request, body)
    form = CaseListForm(request.GET or None, body=body_)
    filters = form.cleaned_data if form.is_valid() else {}
    page = case_page(
        user=request.user,
        body=body_,
        after=filters.get("efter"),
        organization=filters.get("organisation"),
        status=filters.get("status") or "",
    )
    context = {
        "body": body_,
        "form": form,
        "page": page,
        "search_form": SearchForm(body=body_),
        "may_register": registry_policy.may_use_registration(request.user, body_),
    }
    return render(request, "registry/case_list.html", context)


@require_http_methods(["GET", "POST"])
def document_create(request: HttpRequest, body: str) -> HttpResponse:
    body_ = _read_body(request, body)
    if not registry_policy.may_use_registration(request.user, body_):
        raise PermissionDenied(
            _("Du har inte behörighet att registrera handlingar i %(body)s.") % {"body": body_.name}
        )
    today = timezone.localdate()
    duplicates = []
    status = 200
    if request.method == "POST":
        form = RegisterForm(request.POST, request.FILES, body=body_, today=today)
        status = 400
        if form.is_valid():
            try:
                duplicates = _refused_or_duplicates(request, form)
                if not duplicates:
                    document = _register(request, form)
                    messages.success(
                        request,
                        _("Handlingen %(number)s är registrerad.") % {"number": document.number},
                    )
                    return redirect("registry:case_detail", body_.slug, document.case_id)
            except PermissionDenied as error:
                form.add_error(None, str(error))
                status = 403
            except ValidationError as error:
                add_errors(form, error)
    else:
        form = RegisterForm(body=body_, today=today, initial={"arende": request.GET.get("arende")})
    context = {
        "body": body_,
        "form": form,
        "duplicates": selectors.document_views(user=request.user, documents=duplicates),
    }
    return render(request, "registry/register.html", context, status=status)


def _refused_or_duplicates(request: HttpRequest, form: RegisterForm) -> list[Document]:
    """The documents the letter may duplicate, for the registrar to confirm; asked only once the
    user may register it, so that nobody else learns from them what a masked sender sent."""
    data = form.cleaned_data
    if not registry_policy.may_register_letter(
        request.user,
        case=data["arende"],
        organization=data["organisation"],
        case_officer=data["handlaggare"],
        direction=data["riktning"],
    ):
        raise PermissionDenied(_("Du har inte behörighet att registrera den här handlingen."))
    if not data["avsandare"] or data["bekrafta"]:
        return []
    return possible_duplicates(
        body=form.body, counterpart=data["avsandare"], description=data["beskrivning"]
    )


def _register(request: HttpRequest, form: RegisterForm) -> Document:
    """Open the case if it is new, register the document with its file, and index it."""
    data = form.cleaned_data
    with transaction.atomic():
        case = data["arende"] or registry.case_open(
            actor=request.user,
            organization=data["organisation"],
            title=data["ny_arendemening"] or data["beskrivning"],
            case_officer=data["handlaggare"],
        )
        document = registry.document_register(
            actor=request.user,
            case=case,
            direction=data["riktning"],
            date=data["datum"],
            counterpart=data["avsandare"],
            counterpart_is_private_person=data["privatperson"],
            description=data["beskrivning"],
            case_officer=data["handlaggare"],
            secrecy_reference=data["sekretess"],
            secrecy_reason=data["sekretess_skal"],
            counterpart_masked=data["dolj_avsandare"],
            description_masked=data["dolj_beskrivning"],
            files=[data["fil"]] if data["fil"] else [],
        )
    return document


@require_GET
def search_page(request: HttpRequest, body: str) -> HttpResponse:
    body_ = _read_body(request, body)
    form = SearchForm(request.GET or None, body=body_)
    results = None
    if form.is_valid() and form.cleaned_data["q"]:
        data = form.cleaned_data
        filters = SearchFilters(
            body=body_,
            organization=data["organisation"],
            year=data["ar"],
            classification=data["klassificering"].strip(),
            status=data["status"],
            date_from=data["fran"],
            date_to=data["till"],
            direction=data["riktning"],
        )
        results = search(
            user=request.user, query=data["q"], filters=filters, page=data["sida"] or 1
        )
    query = request.GET.copy()
    query.pop("sida", None)
    context = {"body": body_, "form": form, "results": results, "query": query.urlencode()}
    status = 400 if form.is_bound and not form.is_valid() else 200
    return render(request, "registry/search.html", context, status=status)


@require_GET
def my_cases(request: HttpRequest, body: str) -> HttpResponse:
    body_ = _read_body(request, body)
    person = _staff(request, body_)
    today = timezone.localdate()
    rows = preparation_selectors.officer_cases(officer=person, today=today) if person else []
    context = {
        "body": body_,
        "person": person,
        "rows": [(case_view(request.user, row.case), row) for row in rows],
        "today": today,
        "may_register": registry_policy.may_use_registration(request.user, body_),
    }
    return render(request, "registry/my_cases.html", context)


def _case(body: str, case: int) -> Case:
    return get_object_or_404(
        Case.objects.select_related("organization__body", "case_officer"),
        organization__body__slug=body,
        pk=case,
    )


def _case_context(request: HttpRequest, case: Case, **extra: Any) -> dict[str, Any]:
    body = case.organization.body
    prepared = preparation_selectors.preparation_of(case=case)
    documents = selectors.documents_with_case(case.documents.prefetch_related("files"))
    may_prepare = preparation_policy.may_prepare(request.user, case)
    today = timezone.localdate()
    context = {
        "body": body,
        "case": case_view(request.user, case),
        "documents": selectors.document_views(user=request.user, documents=documents),
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
    _read_body(request, body)
    case_ = _case(body, case)
    return render(request, "registry/case_detail.html", _case_context(request, case_))


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
            done=redirect("registry:case_detail", body_.slug, case_.pk),
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
    context = {"body": body_, "case": case_view(request.user, case_), "form": form}
    return render(request, "registry/report_form.html", context, status=status)


def _save_report(request: HttpRequest, case: Case, form: ReportForm) -> None:
    data = form.cleaned_data
    with transaction.atomic():
        preparation.preparation_plan(
            actor=request.user,
            case=case,
            route=data["arendegang"],
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
        return render(request, "registry/case_detail.html", context, status=403)
    except ValidationError as error:
        context = _case_context(request, case_, status_errors=error.messages)
        return render(request, "registry/case_detail.html", context, status=409)
    messages.success(request, _("Ärendets status är ändrad."))
    return redirect("registry:case_detail", case_.organization.body.slug, case_.pk)


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
        done=redirect("registry:case_detail", body_.slug, case_.pk),
    )
    if written.response is not None:
        messages.success(request, _("Yttrandet är registrerat."))
        return written.response
    context = _case_context(request, case_, statement_form=form)
    return render(request, "registry/case_detail.html", context, status=written.status)
