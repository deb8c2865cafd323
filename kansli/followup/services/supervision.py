"""The board's supervision of committees and companies (uppsiktsplikt, KL 6 kap. 1 §; seed 002
5.2.2, seed 000 "uppsiktsplikt"): report templates per kind of organization, the reports each
owes per period, their filing, and the director's own initiatives under the duty, each a case
to the board."""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from kansli.audit import services as audit
from kansli.audit.services import Actor
from kansli.followup.models import ReportTemplate, SupervisionInitiative, SupervisionReport
from kansli.followup.policy import require_keep
from kansli.followup.selectors.supervision import periods
from kansli.followup.services.initiatives import board_case_open
from kansli.organisation.models import Body, Organization
from kansli.registry.models import Document


@transaction.atomic
def report_template_create(
    *,
    actor: Actor,
    body: Body,
    name: str,
    organization_kind: str,
    interval_months: int,
    due_days: int,
    contents: str,
) -> ReportTemplate:
    """What organizations of a kind report to the board, every `interval_months` months, at the
    latest `due_days` days after the period."""
    require_keep(actor, body)
    template = ReportTemplate(
        body=body,
        name=name.strip(),
        organization_kind=organization_kind,
        interval_months=interval_months,
        due_days=due_days,
        contents=contents.strip(),
    )
    return audit.create(actor=actor, instance=template)


@transaction.atomic
def supervision_reports_create(
    *, actor: Actor, template: ReportTemplate, year: int
) -> list[SupervisionReport]:
    """The reports owed in the year under the template: one per period for every organization
    of its kind that exists during the period. Those already made are left as they are."""
    require_keep(actor, template.body)
    existing = set(
        SupervisionReport.objects.filter(template=template, period_start__year=year).values_list(
            "organization", "period_start"
        )
    )
    organizations = list(
        Organization.objects.filter(body=template.body, kind=template.organization_kind)
    )
    owed = []
    for start, end in periods(year, template.interval_months):
        for organization in organizations:
            exists = (organization.established_on or start) <= end and (
                organization.dissolved_on or end
            ) >= start
            if exists and (organization.pk, start) not in existing:
                owed.append(
                    SupervisionReport(
                        template=template,
                        organization=organization,
                        period_start=start,
                        period_end=end,
                        due_on=end + datetime.timedelta(days=template.due_days),
                    )
                )
    return audit.create_many(actor=actor, instances=owed)


@transaction.atomic
def supervision_report_file(
    *,
    actor: Actor,
    report: SupervisionReport,
    filed_on: datetime.date,
    summary: str = "",
    document: Document | None = None,
) -> SupervisionReport:
    """Record that the report has come, with what it says and, if registered, the document."""
    body = report.template.body
    require_keep(actor, body)
    if report.filed_on is not None:
        raise ValidationError(
            _("Rapporten är redan lämnad (%(on)s).") % {"on": report.filed_on.isoformat()},
            code="conflict",
        )
    if filed_on < report.period_start:
        raise ValidationError(_("En rapport kan inte lämnas innan perioden har börjat."))
    if document is not None and document.case.organization.body_id != body.pk:
        raise ValidationError(_("Handlingen hör till en annan kommun eller region."))
    return audit.update(
        actor=actor, instance=report, filed_on=filed_on, summary=summary.strip(), document=document
    )


@transaction.atomic
def supervision_initiative_take(
    *, actor: Actor, organization: Organization, reason: str, taken_on: datetime.date
) -> SupervisionInitiative:
    """The director takes an initiative under the board's supervision duty: a case to the
    board, with the director as its officer."""
    body = organization.body
    require_keep(actor, body)
    if not reason.strip():
        raise ValidationError(_("Ange anledningen till initiativet."))
    case = board_case_open(
        actor=actor,
        body=body,
        title=_("Initiativ inom uppsiktsplikten: %(organization)s")
        % {"organization": organization.name},
        on=taken_on,
    )
    initiative = SupervisionInitiative(
        organization=organization, case=case, reason=reason.strip(), taken_on=taken_on
    )
    return audit.create(actor=actor, instance=initiative)
