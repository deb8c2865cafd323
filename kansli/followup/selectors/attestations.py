"""Reading the attestations of the duties done outside Kansli, who may attest them in the
director's place, and where each duty stands by its rhythm (`rhythm.py`)."""

import datetime

from django.db.models import QuerySet
from django.urls import reverse
from django.utils.module_loading import import_string
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from kansli.followup.evidence import Evidence
from kansli.followup.models import Attestation, AttestationDelegate
from kansli.followup.rhythm import Rhythm, Rule, Standing, standing
from kansli.meetings.models import Meeting
from kansli.organisation.models import Body, Organization


def attestations_of(*, body: Body, duty_key: str) -> QuerySet[Attestation]:
    """The duty's attestations, the latest first."""
    return Attestation.objects.filter(body=body, duty_key=duty_key).select_related(
        "document__case", "meeting__organization", "recorded_by"
    )


def delegates_of(*, body: Body, duty_key: str) -> QuerySet[AttestationDelegate]:
    """Whom the director has named to attest the duty."""
    return AttestationDelegate.objects.filter(body=body, duty_key=duty_key).select_related(
        "person", "named_by"
    )


def organ_of(*, body: Body, rule: Rule) -> Organization | None:
    """The organization whose meetings a duty per meeting is attested for: the named one, or
    the board."""
    organizations = body.organizations.all()
    if rule.organ is not None:
        return organizations.filter(slug=rule.organ).first()
    return organizations.filter(kind=Organization.Kind.EXECUTIVE_BOARD).first()


def occasions(*, body: Body, rule: Rule, since: datetime.date) -> list[datetime.date]:
    """The days after `since` of the meetings (held or planned, not cancelled) or the events
    the duty is attested for."""
    if rule.rhythm is Rhythm.PER_EVENT and rule.events is not None:
        return [day for day in import_string(rule.events)(body=body) if day > since]
    if rule.rhythm is not Rhythm.PER_MEETING:
        return []
    organ = organ_of(body=body, rule=rule)
    meetings = (
        Meeting.objects.filter(organization=organ, starts_at__date__gt=since)
        .exclude(status=Meeting.Status.CANCELLED)
        .values_list("starts_at", flat=True)
    )
    return sorted({starts_at.date() for starts_at in meetings})


def duty_standing(
    *, body: Body, duty_key: str, rule: Rule, start: datetime.date, on: datetime.date
) -> tuple[Attestation | None, Standing]:
    """The duty's latest attestation on the date and where the duty stands."""
    last = attestations_of(body=body, duty_key=duty_key).filter(attested_on__lte=on).first()
    since = last.attested_on if last is not None else start
    position = standing(
        rhythm=rule.rhythm,
        start=start,
        last=None if last is None else last.attested_on,
        occasions=occasions(body=body, rule=rule, since=since),
        on=on,
    )
    return last, position


def _uncovered(rule: Rule, count: int) -> str:
    if rule.rhythm is Rhythm.PER_MEETING:
        return ngettext(
            "%(count)d sammanträde utan attestering",
            "%(count)d sammanträden utan attestering",
            count,
        ) % {"count": count}
    return ngettext(
        "%(count)d händelse utan attestering", "%(count)d händelser utan attestering", count
    ) % {"count": count}


def _state(position: Standing) -> str:
    if position.due_on is None:
        return _("inget att attestera ännu")
    if position.overdue:
        return _("skulle ha attesterats senast %(due)s") % {"due": position.due_on}
    return _("nästa attestering senast %(due)s") % {"due": position.due_on}


def attestation_evidence(
    *, body: Body, duty_key: str, rule: Rule, start: datetime.date, on: datetime.date
) -> Evidence:
    """A duty done outside Kansli: green while attested in its rhythm, due soon within 30 days
    of its due day, red once past it."""
    last, position = duty_standing(body=body, duty_key=duty_key, rule=rule, start=start, on=on)
    if last is None:
        head = _("Inte attesterad")
    else:
        head = _("Attesterad per %(day)s av %(person)s") % {
            "day": last.attested_on,
            "person": last.recorded_by,
        }
    parts = [head]
    count = None
    if position.uncovered:
        count = position.uncovered
        parts.append(_uncovered(rule, count))
    parts.append(_state(position))
    return Evidence(
        ok=not position.overdue,
        summary="; ".join(parts),
        count=count,
        url=reverse("followup:duty_attestations", args=[body.slug, duty_key]),
        due_soon=position.due_soon,
    )
