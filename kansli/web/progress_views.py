"""The page of a background task's progress (`web:task_progress`): how far the work a user
started has come (kansli.web.progress), to that user and no one else."""

import uuid

from django.http import HttpResponse
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_GET

from kansli.htmx import HtmxHttpRequest
from kansli.web.models import TaskRun
from kansli.web.progress import run_state


@require_GET
def task_progress(request: HtmxHttpRequest, run: uuid.UUID) -> HttpResponse:
    """The whole page, or, asked by htmx every two seconds until the task has finished, the
    part that shows it. Anyone but the user who started the run gets 404, as if it were not
    there; the anonymous visitor is sent to sign in."""
    found = get_object_or_404(TaskRun, pk=run, user=request.user)
    context = {"state": run_state(found)}
    if request.htmx:
        return render(request, "web/includes/task_progress.html", context)
    return render(request, "web/task_progress.html", context)
