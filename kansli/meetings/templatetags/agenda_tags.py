"""The meetings' part of another app's page: `{% load agenda_tags %}`, then
`{% agenda_form organization as agenda_form %}` gives the form that puts a report on the
agenda of one of the organization's planned or called meetings (posted to
meetings:assignment_report_agenda)."""

from django import template

from kansli.meetings.forms import AgendaForm
from kansli.organisation.models import Organization

register = template.Library()


@register.simple_tag
def agenda_form(organization: Organization) -> AgendaForm:
    return AgendaForm(organization=organization)
