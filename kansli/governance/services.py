"""Writes to the governing documents: each one validated, saved and audited in one transaction."""

import datetime
from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from kansli.audit import services as audit
from kansli.audit.services import Actor
from kansli.governance.models import DocumentVersion, GoverningDocument, Revision, Section
from kansli.governance.policy import require_change
from kansli.governance.sections import split_sections
from kansli.organisation.models import Body, Organization


def document_create(
    *,
    actor: Actor,
    body: Body,
    slug: str,
    kind: str,
    name: str,
    adopted_by: Organization,
    owner: Organization,
    **metadata: object,
) -> GoverningDocument:
    """Create a governing document with the metadata of its header (see the model's fields)."""
    require_change(actor, body)
    document = GoverningDocument(
        body=body,
        slug=slug,
        kind=kind,
        name=name,
        adopted_by=adopted_by,
        owner=owner,
        **metadata,
    )
    return audit.create(actor=actor, instance=document)


def document_update(
    *, actor: Actor, document: GoverningDocument, **changes: object
) -> GoverningDocument:
    """Change a document's metadata. The body it belongs to never changes."""
    require_change(actor, document.body_id)
    if "body" in changes or "body_id" in changes:
        raise ValidationError(_("Ett styrdokument kan inte flyttas till en annan huvudman."))
    return audit.update(actor=actor, instance=document, **changes)


def revision_add(
    *,
    actor: Actor,
    document: GoverningDocument,
    decided_by: Organization,
    decided_on: datetime.date,
    minute: str = "",
) -> Revision:
    """Record a decision that revised the document ("Reviderad KS 2019-01-30, § 20")."""
    require_change(actor, document.body_id)
    revision = Revision(
        document=document, decided_by=decided_by, decided_on=decided_on, minute=minute
    )
    return audit.create(actor=actor, instance=revision)


@transaction.atomic
def version_add(
    *,
    actor: Actor,
    document: GoverningDocument,
    number: str,
    text: str,
    valid_from: datetime.date | None = None,
    headings: Iterable[str] | None = None,
) -> DocumentVersion:
    """Store a version's full text and its sections.

    A numbered document is split at its numbered headings; an unnumbered one at `headings`.
    """
    require_change(actor, document.body_id)
    parsed = split_sections(text, headings)
    if not parsed.sections:
        raise ValidationError(_("Texten har inga avsnitt: inga rubriker hittades."))
    version = audit.create(
        actor=actor,
        instance=DocumentVersion(
            document=document,
            number=number,
            valid_from=valid_from,
            preamble=parsed.preamble,
            text=text,
        ),
    )
    for section in parsed.sections:
        audit.create(
            actor=actor,
            instance=Section(
                version=version,
                key=section.key,
                number=section.number,
                heading=section.heading,
                level=section.level,
                order=section.order,
                text=section.text,
            ),
        )
    return version
