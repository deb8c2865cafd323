"""The background work of follow-up, run by the task backend of Django's Tasks API
(django-tasks): the import of a ledger file the user has sent and Kansli has checked."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils.translation import ngettext

from kansli.accounts.models import User
from kansli.followup.services import economy
from kansli.observability import task
from kansli.organisation.models import Body
from kansli.web.progress import run_fail, run_finish, run_progress


@task()
def ledger_import(
    *, run: str, actor: int | None, body: int, text: str, source: str, budget: bool
) -> int:
    """Import the budget (or the outcome) of the file for the user `actor` (the system if
    none), who is asked again; how many rows. A file the ledger no longer takes (an
    organization removed since it was checked) fails the run with its lines named."""
    user = User.objects.get(pk=actor) if actor is not None else None
    found = Body.objects.get(pk=body)
    try:
        if budget:
            rows = len(economy.budget_import(actor=user, body=found, text=text))
            summary = ngettext(
                "%(count)d budgetrad inläst.", "%(count)d budgetrader inlästa.", rows
            ) % {"count": rows}
        else:
            imported = economy.outcomes_import(actor=user, body=found, text=text, source=source)
            rows = len(imported.outcomes)
            summary = (
                ngettext("%(count)d utfallsrad inläst.", "%(count)d utfallsrader inlästa.", rows)
                % {"count": rows}
                + " "
                + ngettext(
                    "%(count)d nytt initiativ till styrelsen.",
                    "%(count)d nya initiativ till styrelsen.",
                    len(imported.initiatives),
                )
                % {"count": len(imported.initiatives)}
            )
    except ValidationError as error:
        run_fail(run, message=" ".join(error.messages))
        raise
    except PermissionDenied as error:
        run_fail(run, message=str(error))
        raise
    run_progress(run, done=rows, total=rows)
    run_finish(run, summary=summary, link=reverse("followup:economy", args=[found.slug]))
    return rows
