"""The public registry list (postlista), its exports, and file downloads: each one through the
visibility function, so the anonymous public sees secret documents masked and no files."""

from django.contrib.auth.decorators import login_not_required
from django.core.files.storage import default_storage
from django.core.serializers.json import DjangoJSONEncoder
from django.http import FileResponse, Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from kansli.exports import csv_response
from kansli.organisation.models import Body
from kansli.registry import selectors
from kansli.registry.forms import RegistryListForm
from kansli.registry.models import Document, File
from kansli.registry.visibility import DocumentView, document_view


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
