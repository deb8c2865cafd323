"""The background work of the registry, run by the task backend of Django's Tasks API
(django-tasks): the removal of a disposal's stored files."""

import datetime
import logging

from django.core.files.storage import default_storage
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from kansli.observability import task
from kansli.registry.models import Disposal
from kansli.web.progress import run_enqueue, run_fail, run_finish, run_progress

logger = logging.getLogger(__name__)

# How often the removal of a file is tried before it is left for an operator, and how long the
# pause grows between tries (on a backend that can wait).
REMOVAL_ATTEMPTS = 5
REMOVAL_PAUSE = datetime.timedelta(minutes=1)
# How many files between two reports of progress.
REPORT_EVERY = 50


class FilesRemain(Exception):  # noqa: N818 - what is left, not an error of the code
    """Stored files that could not be removed after every attempt."""


@task()
def disposal_files_remove(
    *, run: str, disposal: int, names: list[str], total: int, attempt: int = 1
) -> int:
    """Remove the disposal's stored files `names` (the rest of `total` went in earlier
    attempts); how many of the total are gone. A file that cannot be removed is tried again
    in a new task, after a pause, until REMOVAL_ATTEMPTS; then the run fails with the count
    left, and the names are in the log for the operator."""
    gone_before = total - len(names)
    failed: list[str] = []
    for count, name in enumerate(names, 1):
        try:
            default_storage.delete(name)
        except Exception:  # any storage's error: the file is kept for the next attempt
            logger.exception("disposal %s: stored file %s not removed", disposal, name)
            failed.append(name)
        if count % REPORT_EVERY == 0 or count == len(names):
            run_progress(run, done=gone_before + count - len(failed), total=total)
    if not failed:
        found = Disposal.objects.select_related("body").get(pk=disposal)
        run_finish(
            run,
            summary=ngettext("%(count)d fil är borttagen.", "%(count)d filer är borttagna.", total)
            % {"count": total},
            link=reverse("registry:disposal_record", args=[found.body.slug, found.pk]),
        )
        return total
    if attempt >= REMOVAL_ATTEMPTS:
        run_fail(
            run,
            message=_(
                "%(count)d av %(total)d filer kunde inte tas bort efter %(attempts)d försök och "
                "ligger kvar i lagringen. Kontakta den som förvaltar Kansli."
            )
            % {"count": len(failed), "total": total, "attempts": attempt},
        )
        raise FilesRemain(f"disposal {disposal}: {len(failed)} stored files left: {failed}")
    run_fail(
        run,
        message=_(
            "%(count)d av %(total)d filer kunde inte tas bort än; de försöks igen (försök "
            "%(next)d av %(attempts)d)."
        )
        % {"count": len(failed), "total": total, "next": attempt + 1, "attempts": REMOVAL_ATTEMPTS},
    )
    again = disposal_files_remove
    if again.get_backend().supports_defer:
        again = again.using(run_after=timezone.now() + REMOVAL_PAUSE * attempt)
    run_enqueue(
        run_id=run, task=again, disposal=disposal, names=failed, total=total, attempt=attempt + 1
    )
    return total - len(failed)
