"""Exporting a body's closed cases to the e-archive, as a zipped E-ARK SIP in FGS
Ärendehantering 2.0 (`sip`, `erms`)."""

import datetime
from typing import IO

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from kansli.archive import policy, selectors
from kansli.archive.sip import Package, write_package
from kansli.audit import services as audit
from kansli.audit.services import Actor
from kansli.organisation.models import Body


def archive_export(
    *, actor: Actor, body: Body, closed_before: datetime.date, out: IO[bytes]
) -> Package:
    """Write the body's cases closed before the day, with their documents and files, as a
    zipped SIP to `out`, and record the export in the event log. Refused (ValidationError on
    `closed_before`) when no case was closed before the day; a file that cannot be made PDF/A
    refuses the export with its reason."""
    policy.require_export(actor, body=body)
    cases = list(selectors.cases_to_export(body=body, closed_before=closed_before))
    if not cases:
        raise ValidationError(
            {
                "closed_before": _(
                    "Inga ärenden i %(body)s avslutades före %(day)s; det finns inget att "
                    "exportera."
                )
                % {"body": body.name, "day": closed_before.isoformat()}
            }
        )
    package = write_package(out, body=body, cases=cases, now=timezone.now())
    with transaction.atomic():
        audit.record(
            actor=actor,
            action=audit.action_name(body, "archive_export"),
            instance=body,
            after={
                "package": package.package_id,
                "closed_before": closed_before.isoformat(),
                "cases": [case.number for case in cases],
                "files": {packed.path: packed.sha256 for packed in package.files},
            },
        )
    return package
