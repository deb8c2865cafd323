"""Who may export to the e-archive.

The package holds every record of the cases in full, secret ones too: secrecy goes with the
records to the archive authority, flagged in the package (OSL 11 kap.). So only those who see
through secrecy in the whole registry of the body export it, the registrars by their role, as
the archivist's work of the secretariat. Another body's users are refused.
"""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy

from kansli.accounts.models import Role
from kansli.accounts.policy import Action, Actor, require
from kansli.organisation.models import Body

APP = "archive"

EXPORT = Action(
    APP,
    _lazy("exportera avslutade ärenden till e-arkivet (FGS Ärendehantering)"),
    (Role.REGISTRAR,),
)


def may_export(user: Actor, body: Body | int) -> bool:
    """May the user see what would be exported from the body and download the package?"""
    return EXPORT.allows(user, body)


def require_export(actor: Actor, *, body: Body) -> None:
    require(
        may_export(actor, body),
        actor,
        _("Bara registratorer hos %(body)s exporterar ärenden till e-arkivet.") % {"body": body},
    )
