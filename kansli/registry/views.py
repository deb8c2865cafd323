"""The registry's pages. For the public: the registry list (postlista), its exports, and file
downloads. For staff (diariet): the case list, opening a case, registering a document, search,
and a case's registry page: its documents and events, and the registrar's and case officer's
actions on it (edit, reassign, close, reopen, mark secret). The case page of its preparation is
the preparation app's.

Thin views over the registry's and the search's services and selectors. What anyone sees of a
case, a document or a file goes through the registry's visibility function, so the anonymous
public sees secret documents masked and no files.
"""

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from django.http import FileResponse, Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from kansli import generated
from kansli.exports import csv_response
from kansli.organisation.models import Body
from kansli.registry import policy as registry_policy
from kansli.registry import selectors
from kansli.registry import services as registry
from kansli.registry.case_list import case_page
from kansli.registry.duplicates import possible_duplicates
from kansli.registry.files import HeldFile, hold, release
from kansli.registry.forms import (
    CaseEditForm,
    CaseListForm,
    CaseOpenForm,
    CaseSecrecyForm,
    CloseForm,
    DocumentSecrecyForm,
    ReassignForm,
    RegisterForm,
    RegistryListForm,
    SearchForm,
)
from kansli.registry.models import Case, Document, File
from kansli.registry.visibility import DocumentView, case_view, document_view
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
def file_download(request: HttpRequest, body: str, file: int) -> FileResponse | HttpResponse:
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
    return generated.download(request, file_, public=False)


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
    held_file = None
    status = 200
    if request.method == "POST":
        form = RegisterForm(
            request.POST, request.FILES, body=body_, today=today, owner=request.user.pk
        )
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
        held_file = _held_file(request, form) if status != 403 else None
    else:
        form = RegisterForm(body=body_, today=today, initial={"arende": request.GET.get("arende")})
    context = {
        "body": body_,
        "form": form,
        "duplicates": selectors.document_views(user=request.user, documents=duplicates),
        "held_file": held_file,
    }
    return render(request, "registry/register.html", context, status=status)


def _held_file(request: HttpRequest, form: RegisterForm) -> HeldFile | None:
    """The file of a form shown again, held so that the user need not upload it again: a new
    file that passed its check, or the one held before."""
    if form.checked is not None:
        release(form.data.get("fil_sparad", ""), owner=request.user.pk)
        return hold(form.checked, owner=request.user.pk)
    if form.held_token:
        return HeldFile(token=form.held_token, name=form.cleaned_data["fil"].name)
    return None


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
        body=form.body,
        counterpart=data["avsandare"],
        description=data["beskrivning"],
        direction=data["riktning"],
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
    if form.held_token:
        release(form.held_token, owner=request.user.pk)
    return document


@require_http_methods(["GET", "POST"])
def case_open(request: HttpRequest, body: str) -> HttpResponse:
    """Open a case before any document of it is registered."""
    body_ = read_body(request, body)
    if not registry_policy.may_use_registration(request.user, body_):
        raise PermissionDenied(
            _("Du har inte behörighet att öppna ärenden i %(body)s.") % {"body": body_.name}
        )
    today = timezone.localdate()
    form = CaseOpenForm(request.POST or None, body=body_, today=today)
    status = 200
    if request.method == "POST":
        written = form_written(
            form,
            lambda data: registry.case_open(
                actor=request.user,
                organization=data["organisation"],
                title=data["arendemening"],
                case_officer=data["handlaggare"],
                secrecy_reference=data["sekretess"],
            ),
            done=lambda case: redirect("registry:case_manage", body_.slug, case.pk),
        )
        if written.response is not None:
            messages.success(request, _("Ärendet är öppnat."))
            return written.response
        status = written.status
    context = {"body": body_, "form": form}
    return render(request, "registry/case_open.html", context, status=status)


def _registry_case(request: HttpRequest, body: str, case: int) -> Case:
    """The case of the body's registry, for its staff."""
    read_body(request, body)
    return get_object_or_404(
        Case.objects.select_related("organization__body", "case_officer"),
        organization__body__slug=body,
        pk=case,
    )


def _case_page(
    request: HttpRequest,
    case: Case,
    *,
    status: int = 200,
    document_forms: dict[int, DocumentSecrecyForm] | None = None,
    **posted: Any,
) -> HttpResponse:
    """The case's registry page, with the forms of what the user may do to it; a form posted
    and refused is shown again with its errors (`posted` by name, `document_forms` by
    document)."""
    user = request.user
    view = case_view(user, case)
    is_open = case.status == Case.Status.OPEN
    may_edit = registry_policy.may_edit_case(user, case=case) and is_open
    may_close = registry_policy.may_close_case(user, case=case)
    documents = selectors.document_views(
        user=user,
        documents=selectors.documents_with_case(case.documents.prefetch_related("files")),
    )
    forms = {
        "edit_form": CaseEditForm(initial={"arendemening": case.title})
        if may_edit and not view.title_masked
        else None,
        "reassign_form": ReassignForm(case=case, today=timezone.localdate()) if may_edit else None,
        "close_form": CloseForm() if may_close and is_open else None,
        "secrecy_form": CaseSecrecyForm(case=case)
        if registry_policy.may_mark_secret(user, case=case)
        else None,
    } | posted
    document_forms = document_forms or {}
    context = {
        "body": case.organization.body,
        "case": view,
        "may_reopen": may_close and not is_open,
        "documents": [
            (
                document,
                document_forms.get(document.document.pk)
                or (
                    DocumentSecrecyForm(document=document.document)
                    if registry_policy.may_mark_secret(user, case=case, document=document.document)
                    else None
                ),
            )
            for document in documents
        ],
        "events": selectors.case_events(user=user, case=case),
        "may_register": registry_policy.may_register(
            user, case=case, direction=Document.Direction.DRAWN_UP
        ),
    } | forms
    return render(request, "registry/case_manage.html", context, status=status)


@require_GET
def case_manage(request: HttpRequest, body: str, case: int) -> HttpResponse:
    return _case_page(request, _registry_case(request, body, case))


def _case_written(
    request: HttpRequest,
    case: Case,
    form: Any,
    write: Callable[[dict[str, Any]], object],
    *,
    name: str,
    done: str,
) -> HttpResponse:
    """Give the posted form to its service; back to the case page with `done` said, or the page
    with the form and its errors (403 for a refusal, 400 otherwise)."""
    manage = redirect("registry:case_manage", case.organization.body.slug, case.pk)
    written = form_written(form, write, done=manage)
    if written.response is not None:
        messages.success(request, done)
        return written.response
    return _case_page(request, case, status=written.status, **{name: form})


@require_POST
def case_edit(request: HttpRequest, body: str, case: int) -> HttpResponse:
    case_ = _registry_case(request, body, case)
    return _case_written(
        request,
        case_,
        CaseEditForm(request.POST),
        lambda data: registry.case_edit(actor=request.user, case=case_, title=data["arendemening"]),
        name="edit_form",
        done=_("Ärendemeningen är ändrad."),
    )


@require_POST
def case_reassign(request: HttpRequest, body: str, case: int) -> HttpResponse:
    case_ = _registry_case(request, body, case)
    return _case_written(
        request,
        case_,
        ReassignForm(request.POST, case=case_, today=timezone.localdate()),
        lambda data: registry.case_reassign(
            actor=request.user, case=case_, case_officer=data["handlaggare"]
        ),
        name="reassign_form",
        done=_("Ärendet har fått en ny handläggare."),
    )


@require_POST
def case_close(request: HttpRequest, body: str, case: int) -> HttpResponse:
    case_ = _registry_case(request, body, case)
    return _case_written(
        request,
        case_,
        CloseForm(request.POST),
        lambda data: registry.case_close(actor=request.user, case=case_, note=data["anteckning"]),
        name="close_form",
        done=_("Ärendet är avslutat."),
    )


@require_POST
def case_reopen(request: HttpRequest, body: str, case: int) -> HttpResponse:
    case_ = _registry_case(request, body, case)
    try:
        registry.case_reopen(actor=request.user, case=case_)
    except PermissionDenied as error:
        messages.error(request, str(error))
        return _case_page(request, case_, status=403)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return _case_page(request, case_, status=400)
    messages.success(request, _("Ärendet är återupptaget."))
    return redirect("registry:case_manage", case_.organization.body.slug, case_.pk)


@require_POST
def case_secrecy(request: HttpRequest, body: str, case: int) -> HttpResponse:
    case_ = _registry_case(request, body, case)
    return _case_written(
        request,
        case_,
        CaseSecrecyForm(request.POST, case=case_),
        lambda data: registry.case_secrecy_set(
            actor=request.user, case=case_, secrecy_reference=data["sekretess"]
        ),
        name="secrecy_form",
        done=_("Ärendets sekretessmarkering är sparad."),
    )


@require_POST
def document_secrecy(request: HttpRequest, body: str, document_id: int) -> HttpResponse:
    read_body(request, body)
    document_ = get_object_or_404(
        selectors.documents_with_case(Document.objects.all()),
        case__organization__body__slug=body,
        pk=document_id,
    )
    form = DocumentSecrecyForm(request.POST, document=document_)
    case = document_.case
    manage = redirect("registry:case_manage", body, case.pk)
    written = form_written(
        form,
        lambda data: registry.document_secrecy_set(
            actor=request.user,
            document=document_,
            secrecy_reference=data["sekretess"],
            secrecy_reason=data["sekretess_skal"],
            counterpart_masked=data["dolj_avsandare"],
            description_masked=data["dolj_beskrivning"],
        ),
        done=manage,
    )
    if written.response is not None:
        messages.success(
            request,
            _("Sekretessmarkeringen av %(number)s är sparad.") % {"number": document_.number},
        )
        return written.response
    return _case_page(request, case, status=written.status, document_forms={document_.pk: form})


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
