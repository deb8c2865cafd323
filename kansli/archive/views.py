"""The archivist's page: what an export of the body's closed cases would hold, and the package
to download. Only those the archive's policy lets export see it."""

import tempfile

from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from kansli.archive import policy, selectors, services
from kansli.archive.forms import ExportForm
from kansli.organisation.models import Body
from kansli.registry.visibility import case_view
from kansli.web.forms import add_errors

FIELD = "avslutade_fore"


def _export_body(request: HttpRequest, slug: str) -> Body:
    body = get_object_or_404(Body, slug=slug)
    if not policy.may_export(request.user, body):
        raise PermissionDenied(
            _("Bara registratorer hos %(body)s exporterar ärenden till e-arkivet.")
            % {"body": body.name}
        )
    return body


def _page(request: HttpRequest, body: Body, form: ExportForm, status: int = 200) -> HttpResponse:
    rows = []
    if form.is_valid():
        cases = selectors.cases_to_export(body=body, closed_before=form.cleaned_data[FIELD])
        rows = [(case_view(request.user, case), case.documents.all()) for case in cases]
    context = {"body": body, "form": form, "rows": rows}
    return render(request, "archive/export.html", context, status=status)


@require_GET
def export_page(request: HttpRequest, body: str) -> HttpResponse:
    body_ = _export_body(request, body)
    form = ExportForm(request.GET or None)
    return _page(request, body_, form, status=400 if form.errors else 200)


@require_POST
def export_download(request: HttpRequest, body: str) -> HttpResponse | FileResponse:
    body_ = _export_body(request, body)
    form = ExportForm(request.POST)
    if not form.is_valid():
        return _page(request, body_, form, status=400)
    closed_before = form.cleaned_data[FIELD]
    out = tempfile.TemporaryFile(prefix="kansli-arkiv-")  # noqa: SIM115 (FileResponse closes it)
    try:
        package = services.archive_export(
            actor=request.user, body=body_, closed_before=closed_before, out=out
        )
    except ValidationError as error:
        out.close()
        add_errors(form, error, FIELD)
        return _page(request, body_, form, status=400)
    out.seek(0)
    return FileResponse(
        out,
        as_attachment=True,
        filename=f"arkiv-{body_.slug}-fore-{closed_before.isoformat()}-{package.package_id}.zip",
        content_type="application/zip",
    )
