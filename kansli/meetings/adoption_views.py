"""The meetings' part of the page of a draft of a delegation order: putting it on the agenda of
the organization that adopts it (`services.order_draft_to_agenda`)."""

from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kansli.delegation.draft_views import draft_found, draft_page
from kansli.meetings import services
from kansli.meetings.forms import OrderDraftAgendaForm
from kansli.web.forms import form_written


@require_POST
def order_draft_agenda(request: HttpRequest, body: str, draft: int) -> HttpResponse:
    """Put the draft on the agenda; back to the draft's page, or that page with the form and
    its errors."""
    draft_ = draft_found(request, body, draft)
    form = OrderDraftAgendaForm(request.POST, organization=draft_.organization)

    def put(data: dict[str, Any]) -> None:
        services.order_draft_to_agenda(
            actor=request.user, draft=draft_, meeting=data["sammantrade"]
        )
        messages.success(request, _("Utkastet står på dagordningen."))

    written = form_written(
        form, put, done=redirect("delegation:order_draft", draft_.body.slug, draft_.pk)
    )
    if written.response is not None:
        return written.response
    return draft_page(request, draft_, status=written.status, agenda_form=form)
