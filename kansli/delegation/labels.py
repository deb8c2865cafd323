"""The Swedish words for the engine's codes, shared by the pages, the PDF and the commands."""

from django.utils.translation import gettext_lazy as _

from kansli.delegation import engine

OUTCOMES = {
    "allowed": _("Får beslutas"),
    "requirements_pending": _("Får beslutas när kraven är uppfyllda"),
    "denied": _("Får inte beslutas"),
}
# The same outcomes as a sentence about one decision, as its page says it.
OUTCOME_SENTENCES = {
    "allowed": _("Beslutet får fattas."),
    "requirements_pending": _("Beslutet får fattas när kraven före beslutet är uppfyllda."),
    "denied": _("Beslutet får inte fattas av beslutsfattaren."),
}

# A requirement as a list, a checkbox or a command names it, by when it falls and its kind.
REQUIREMENTS = {
    "before": {
        "consultation": _("samråd med %(party)s"),
        "approval": _("godkännande av %(party)s"),
        "notification": _("information i förväg till %(party)s"),
        "report": _("anmälan i förväg till %(party)s"),
    },
    "after": {
        "consultation": _("samråd efteråt med %(party)s"),
        "approval": _("godkännande i efterhand av %(party)s"),
        "notification": _("information efteråt till %(party)s"),
        "report": _("anmälan till %(party)s"),
    },
}

# A consultation the order requires only as needed ("vid behov"): the decision maker records it
# held, or not needed and why.
OPTIONAL_CONSULTATION = _("samråd vid behov med %(party)s")
# Such a consultation the decision maker waived.
NOT_NEEDED = _("behövdes inte")
# KL 6 kap. 39 §: an urgent decision is reported at the organ's next meeting.
REPORT_AT_NEXT_MEETING = _("anmälan vid nästa sammanträde med %(party)s")

WHEN = {"before": _("före beslutet"), "after": _("efter beslutet")}

# A party the engine resolved for the organization concerned, by its relation to its
# organization (engine.RELATIONS); the relation "organization" is the organization itself.
RELATIONS = {
    "board": _("styrelsen för %(organization)s"),
    "chair": _("ordföranden i %(organization)s"),
    "presidium": _("presidiet i %(organization)s"),
    "head": _("chefen för %(organization)s"),
}


def relation_named(code: str, organization_name: str) -> str:
    """ "chefen för socialförvaltningen": the party in relation `code` to the organization."""
    if code == "organization":
        return organization_name
    return str(RELATIONS[code]) % {"organization": organization_name}


# The organ of a relative delegate before a check fills in the organization concerned: the
# committee whose chair decides an urgent matter "i respektive nämnd" (KL 6 kap. 39 §).
CONCERNED_ORGAN = _("berörd nämnd")


def party_name(party: engine.Party) -> str:
    """The party's name: its own, or worded from its relation to the organization concerned;
    a relative party the engine added without a name is the organ concerned."""
    if party.relation is not None:
        return relation_named(party.relation.code, party.relation.organization_name)
    if party.relative and not party.name:
        return str(CONCERNED_ORGAN)
    return party.name


def requirement(requirement: engine.Requirement) -> str:
    """ "godkännande av personal- och förhandlingsutskottet"; capfirst it to start a line."""
    party = party_name(requirement.party)
    if requirement.at_next_meeting:
        return str(REPORT_AT_NEXT_MEETING) % {"party": party}
    return requirement_named(
        requirement.when, requirement.kind, party, optional=requirement.optional
    )


def requirement_named(when: str, kind: str, party: str, *, optional: bool = False) -> str:
    """A requirement as stored with a decision (its kind and its party's name)."""
    if optional and (when, kind) == ("before", "consultation"):
        return str(OPTIONAL_CONSULTATION) % {"party": party}
    return str(REQUIREMENTS[when][kind]) % {"party": party}


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

# The organization kinds as a rule's scope names them ("förvaltningar utom …").
SCOPE_KINDS = {
    "council": _("fullmäktige"),
    "executive_board": _("styrelsen"),
    "committee": _("nämnder"),
    "subcommittee": _("utskott"),
    "preparatory_committee": _("beredningar"),
    "crisis_committee": _("krisledningsnämnden"),
    "department": _("förvaltningar"),
    "staff_unit": _("staber"),
    "division": _("avdelningar"),
    "unit": _("enheter"),
    "company": _("bolag"),
    "federation": _("kommunalförbund"),
    "foundation": _("stiftelser"),
    "association": _("föreningar"),
}
