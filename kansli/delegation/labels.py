"""The Swedish words for the engine's codes, shared by the pages, the PDF and the commands."""

from django.utils.translation import gettext_lazy as _

OUTCOMES = {
    "allowed": _("Får beslutas"),
    "requirements_pending": _("Får beslutas när kraven är uppfyllda"),
    "denied": _("Får inte beslutas"),
}

REQUIREMENTS = {
    "consultation": _("samråd med"),
    "approval": _("godkännande av"),
    "notice": _("information till"),
    "report": _("anmälan till"),
}

WHEN = {"before": _("före beslutet"), "after": _("efter beslutet")}
