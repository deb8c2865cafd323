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

# KL 6 kap 38 §: the matters a committee may not delegate, by the engine's category code.
NON_DELEGABLE = {
    "mal-inriktning-omfattning-kvalitet": _(
        "verksamhetens mål, inriktning, omfattning eller kvalitet"
    ),
    "framstallning-till-fullmaktige": _(
        "framställningar eller yttranden till fullmäktige, eller yttranden med anledning av att "
        "beslut av nämnden i dess helhet eller av fullmäktige har överklagats"
    ),
    "myndighetsutovning-av-vikt": _(
        "myndighetsutövning mot enskilda av principiell beskaffenhet eller annars av större vikt"
    ),
    "medborgarforslag": _("ärenden som väckts genom medborgarförslag och överlämnats till nämnden"),
    "sarskild-foreskrift": _("ärenden som enligt särskilda föreskrifter inte får delegeras"),
}
