"""The background work of search, run by the task backend of Django's Tasks API
(django-tasks): making the index terms again."""

from django.utils.translation import ngettext

from kansli.observability import task
from kansli.search import index
from kansli.web.progress import run_finish, run_progress


@task()
def reindex(*, run: str | None, body: int | None = None) -> int:
    """Make the index terms of the body's entries (every body's if none) again, reporting how
    far it came to the run; how many entries."""
    done = index.reindex(
        body_id=body,
        report=lambda done, total: run_progress(run, done=done, total=total),
    )
    run_finish(
        run,
        summary=ngettext(
            "%(count)d handling är indexerad på nytt.",
            "%(count)d handlingar är indexerade på nytt.",
            done,
        )
        % {"count": done},
    )
    return done
