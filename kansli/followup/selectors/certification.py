"""Certification rights (attesträtt, seed 002 5.1.1 and 5.1.5): who may certify payments for
which organization, up to which amount, and whether a payment may be certified: never by the
payee, only under a right in force that day and within its amount."""

import datetime
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Q, QuerySet
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from kansli.followup.evidence import Evidence
from kansli.followup.models import BudgetLine, Certification, CertificationRight
from kansli.organisation.models import Body, Organization, Person, Position
from kansli.organisation.selectors import director_of, holders_of


def administration_of(*, body: Body, on: datetime.date) -> list[Organization]:
    """The organizations in which the director appoints certifiers: the administration the
    director heads (kommunstyrelseförvaltningen) and every unit under it."""
    position = Position.objects.filter(
        body=body,
        heads_organization=True,
        organization__kind=Organization.Kind.DEPARTMENT,
        organization__parent__kind=Organization.Kind.EXECUTIVE_BOARD,
    ).first()
    if position is None or not holders_of(position=position, on=on).exists():
        return []
    children: dict[int | None, list[Organization]] = {}
    for organization in Organization.objects.filter(body=body).order_by("position", "name"):
        children.setdefault(organization.parent_id, []).append(organization)
    found, waiting = [], [position.organization]
    while waiting:
        organization = waiting.pop(0)
        found.append(organization)
        waiting.extend(children.get(organization.pk, []))
    return found


def in_force(on: datetime.date) -> Q:
    return Q(start__lte=on) & (Q(end__isnull=True) | Q(end__gte=on))


def certification_rights(*, body: Body) -> QuerySet[CertificationRight]:
    return CertificationRight.objects.filter(organization__body=body).select_related(
        "person", "organization", "appointed_by"
    )


def rights_expired(*, body: Body, on: datetime.date) -> QuerySet[CertificationRight]:
    return certification_rights(body=body).filter(end__lt=on)


@dataclass(frozen=True)
class Check:
    """The answer to "may this person certify this payment?": the right it would be certified
    under, or the reason it may not."""

    right: CertificationRight | None
    reason: str

    @property
    def allowed(self) -> bool:
        return self.right is not None


def _is_self(certifier: Person, payee: Person | None, payee_name: str) -> bool:
    return (payee is not None and payee.pk == certifier.pk) or (
        payee_name.strip().casefold() == certifier.name.casefold()
    )


def certification_check(
    *,
    certifier: Person,
    organization: Organization,
    amount: Decimal,
    on: datetime.date,
    payee: Person | None = None,
    payee_name: str = "",
) -> Check:
    if _is_self(certifier, payee, payee_name):
        return Check(None, _("Ingen får attestera en utbetalning till sig själv."))
    rights = list(
        CertificationRight.objects.filter(in_force(on), person=certifier, organization=organization)
    )
    if not rights:
        return Check(
            None,
            _("%(person)s har ingen attesträtt för %(organization)s den %(on)s.")
            % {"person": certifier.name, "organization": organization.name, "on": on.isoformat()},
        )
    widest = max(rights, key=lambda right: (right.max_amount is None, right.max_amount or 0))
    if widest.max_amount is not None and amount > widest.max_amount:
        return Check(
            None,
            _(
                "Beloppet %(amount)s kronor överstiger attesträtten för %(person)s, "
                "%(organization)s (högst %(limit)s kronor)."
            )
            % {
                "amount": amount,
                "person": certifier.name,
                "organization": organization.name,
                "limit": widest.max_amount,
            },
        )
    return Check(
        widest,
        _("Attesten är tillåten enligt attesträtten från %(start)s.")
        % {"start": widest.start.isoformat()},
    )


def certifications(*, body: Body) -> QuerySet[Certification]:
    return Certification.objects.filter(right__organization__body=body).select_related(
        "right__person", "right__organization", "payee"
    )


def certifications_outside_rights(*, body: Body) -> list[tuple[Certification, str]]:
    """Certifications that their right did not cover, each with the reason: made outside the
    right's dates, over its amount, or to the certifier."""
    found = []
    for row in certifications(body=body):
        check = certification_check(
            certifier=row.right.person,
            organization=row.right.organization,
            amount=row.amount,
            on=row.certified_on,
            payee=row.payee,
            payee_name=row.payee_name,
        )
        if not check.allowed:
            found.append((row, check.reason))
    return found


def organizations_without_right(*, body: Body, on: datetime.date) -> list[Organization]:
    """The organizations of the director's administration with a budget this year and no
    certification right in force."""
    budgeted = set(
        BudgetLine.objects.filter(organization__body=body, year=on.year).values_list(
            "organization", flat=True
        )
    )
    covered = set(
        certification_rights(body=body).filter(in_force(on)).values_list("organization", flat=True)
    )
    return [
        organization
        for organization in administration_of(body=body, on=on)
        if organization.pk in budgeted and organization.pk not in covered
    ]


def certification_rights_evidence(*, body: Body, on: datetime.date) -> Evidence:
    """Green when certifiers are appointed, every budgeted organization of the director's
    administration has one, and no payment was certified outside a right."""
    url = reverse("followup:certification", args=[body.slug])
    if director_of(body=body, on=on) is None or not (
        certification_rights(body=body).filter(in_force(on)).exists()
    ):
        return Evidence(ok=False, summary=_("Ingen attesträtt är utsedd."), count=None, url=url)
    missing = len(organizations_without_right(body=body, on=on))
    outside = len(certifications_outside_rights(body=body))
    count = missing + outside
    if count == 0:
        summary = _("Attesträtterna täcker budgeten och alla attester.")
    else:
        summary = ngettext(
            "%(count)d brist i attesträtterna (organisationer med budget utan attestant: "
            "%(missing)d, attester utan giltig attesträtt: %(outside)d).",
            "%(count)d brister i attesträtterna (organisationer med budget utan attestant: "
            "%(missing)d, attester utan giltig attesträtt: %(outside)d).",
            count,
        ) % {"count": count, "missing": missing, "outside": outside}
    return Evidence(ok=count == 0, summary=summary, count=count, url=url)
