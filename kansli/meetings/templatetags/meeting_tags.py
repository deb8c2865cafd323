"""The meetings' parts of other apps' pages: `{% load meeting_tags %}`, then
`{% agenda_form organization as agenda_form %}` gives the form that puts a report on the
agenda of one of the organization's planned or called meetings (posted to
meetings:assignment_report_agenda), and `{% meetings_of_year organization year as meetings %}`
the organization's meetings of the year that were not cancelled. `{% council_flags meeting as
flags %}` gives what the law asks of a council meeting that was not done in time, and
`{% disqualification_law organization %}` the paragraph on jäv that applies in the organ."""

from django import template
from django.db.models import QuerySet
from django.utils import timezone

from kansli.meetings import rules, selectors
from kansli.meetings.forms import AgendaForm
from kansli.meetings.models import Meeting
from kansli.organisation.models import Organization

register = template.Library()


@register.simple_tag
def agenda_form(organization: Organization) -> AgendaForm:
    return AgendaForm(organization=organization)


@register.simple_tag
def meetings_of_year(organization: Organization | None, year: int) -> QuerySet[Meeting]:
    return Meeting.objects.filter(organization=organization, starts_at__year=year).exclude(
        status=Meeting.Status.CANCELLED
    )


@register.simple_tag
def council_flags(meeting: Meeting) -> list[str]:
    return selectors.council_flags(meeting=meeting, on=timezone.localdate())


@register.simple_tag
def disqualification_law(organization: Organization) -> str:
    return selectors.law_of(organization, rules.DISQUALIFICATION_LAW)
