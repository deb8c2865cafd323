"""Who started which background task, and how far it has come.

The task backend of Django's Tasks API (django-tasks) holds a task's state: queued, running,
finished or failed. It knows neither who asked for the work nor how far a long run has come,
so a `TaskRun` keeps those beside the backend's result id: the page that shows a task's
progress reads the state from the backend and the rest from here (kansli.web.progress)."""

import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class TaskRun(models.Model):
    # Not a sequence: a run's address says nothing about the others.
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    # Who started it; a run started by the system (a command) has none and no page.
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("startad av"),
    )
    title = models.CharField(_("uppgift"), max_length=300)
    backend = models.CharField(max_length=100)
    # Empty until the task is queued, once the transaction that asked for it has committed.
    result_id = models.CharField(max_length=64, blank=True)
    # The state the backend gave when the task was queued, for a backend that cannot be asked
    # again (the immediate one, which has run the task by then); otherwise empty.
    status_at_enqueue = models.CharField(max_length=10, blank=True)
    done = models.PositiveIntegerField(_("klart"), default=0)
    total = models.PositiveIntegerField(_("totalt"), null=True, blank=True)
    summary = models.TextField(_("resultat"), blank=True)
    link = models.CharField(_("länk"), max_length=500, blank=True)
    # Why it failed, in words for the user: never a traceback.
    failure = models.TextField(_("fel"), blank=True)
    created_at = models.DateTimeField(_("startad"), default=timezone.now)

    class Meta:
        verbose_name = _("bakgrundsuppgift")
        verbose_name_plural = _("bakgrundsuppgifter")
        indexes = [models.Index(fields=["result_id"], name="web_taskrun_result")]

    def __str__(self) -> str:
        return self.title
