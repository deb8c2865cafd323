"""Managers acknowledging governing documents (seed 000 "Verksamhetsansvar": documents
"fastställda och kända")."""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from kansli.audit import services as audit
from kansli.audit.services import Actor
from kansli.followup.models import Acknowledgement
from kansli.followup.policy import own_person, require_acknowledge
from kansli.governance.models import GoverningDocument


@transaction.atomic
def document_acknowledge(
    *, actor: Actor, document: GoverningDocument, at: datetime.datetime | None = None
) -> Acknowledgement:
    """The signed-in manager acknowledges, in their own name, that they know the document's
    current version."""
    at = at or timezone.now()
    require_acknowledge(actor, document, timezone.localdate(at))
    person = own_person(actor, document.body)
    version = document.current_version
    if version is None:
        raise ValidationError(_("Styrdokumentet har ingen version att kvittera."), code="conflict")
    if Acknowledgement.objects.filter(version=version, person=person).exists():
        raise ValidationError(
            _("Du har redan kvitterat version %(version)s.") % {"version": version.number},
            code="conflict",
        )
    acknowledgement = Acknowledgement(version=version, person=person, acknowledged_at=at)
    return audit.create(actor=actor, instance=acknowledgement)
