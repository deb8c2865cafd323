"""What every app's management commands share: the exit code of bad input, and the body a
command is given by its short name."""

from django.core.management.base import CommandError
from django.utils.translation import gettext as _

from kansli.organisation.models import Body

# Exit code 2 for bad input, as argparse gives for a bad option; 1 stays a command's "no".
BAD_INPUT = 2


def bad_input(message: str) -> CommandError:
    """The error that stops a command given an argument it cannot use (exit code 2)."""
    return CommandError(message, returncode=BAD_INPUT)


def body_named(slug: str) -> Body:
    """The body with the short name `slug`; for any other name an error that lists the short
    names there are, so that the user can correct the command."""
    body = Body.objects.filter(slug=slug).first()
    if body is not None:
        return body
    known = ", ".join(Body.objects.order_by("slug").values_list("slug", flat=True))
    raise bad_input(
        _("Det finns ingen kommun eller region med kortnamnet %(slug)s. Kortnamnen är: %(known)s.")
        % {"slug": slug, "known": known or "–"}
    )
