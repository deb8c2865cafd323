"""The registry's pages. For the public: the registry list (postlista), its exports, and file
downloads. For staff (diariet): the case list, registering a document and search; the case page
and its preparation are the preparation app's pages.

Thin views over the registry's and the search's services and selectors. What anyone sees of a
case, a document or a file goes through the registry's visibility function, so the anonymous
public sees secret documents masked and no files.
"""

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
from django.views.decorators.http import require_GET, require_http_methods

from kansli.exports import csv_response
from kansli.organisation.models import Body
from kansli.registry import policy as registry_policy
from kansli.registry import selectors
from kansli.registry import services as registry
from kansli.registry.case_list import case_page
from kansli.registry.duplicates import possible_duplicates
from kansli.registry.forms import (
    CaseListForm,
    RegisterForm,
    RegistryListForm,
    SearchForm,
)
from kansli.registry.models import Document, File
from kansli.registry.visibility import DocumentView, document_view
from kansli.search.selectors import SearchFilters, search
from kansli.web.forms import add_errors


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


def read_body(request: HttpRequest, body: str) -> Body:
    """The body whose registry the user reads as its staff; anyone else is refused. The
    preparation's pages, which show a case of the registry, ask it too."""
    body_ = get_object_or_404(Body, slug=body)
    if not registry_policy.may_read(request.user, body_):
        raise PermissionDenied(_("Bara personal i %(body)s läser diariet.") % {"body": body_.name})
    return body_


@require_GET
def case_list(request: HttpRequest, body: str) -> HttpResponse:
    body_ = read_body(request, body)
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
        "may_dispose": registry_policy.may_dispose(request.user, body_),
    }
    return render(request, "registry/case_list.html", context)


@require_http_methods(["GET", "POST"])
def document_create(request: HttpRequest, body: str) -> HttpResponse:
    body_ = read_body(request, body)
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
                    return redirect("preparation:case_detail", body_.slug, document.case_id)
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
            plan_class=data["klass"],
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
    body_ = read_body(request, body)
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
            secret=data["sekretess"],
        )
        results = search(
            user=request.user, query=data["q"], filters=filters, page=data["sida"] or 1
        )
    query = request.GET.copy()
    query.pop("sida", None)
    context = {"body": body_, "form": form, "results": results, "query": query.urlencode()}
    status = 400 if form.is_bound and not form.is_valid() else 200
    return render(request, "registry/search.html", context, status=status)
