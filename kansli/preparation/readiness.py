"""Is a case ready to go on an agenda? A pure function over plain facts about its preparation.

No ORM here: `selectors.case_readiness` gathers the facts, and this module says what is
missing, each item with a Swedish message that cites the rule it comes from.
"""

from dataclasses import dataclass

from django.utils.translation import gettext as _


@dataclass(frozen=True)
class Facts:
    """What is known about a case's preparation. `referred_from` is the name of the committee
    the case comes from, if it comes from another committee; `source` the citation of the
    body's rule for preparation: the case's route's, else the body's instruction (an empty one
    is cited as the director's instruction, no body's in particular)."""

    has_report: bool
    clauses: int
    has_rapporteur: bool
    referred_from: str | None = None
    has_referrer_statement: bool = False
    has_financing: bool = False
    source: str = ""


@dataclass(frozen=True)
class Missing:
    key: str  # report, clause, rapporteur, statement, financing
    label: str  # what is missing, in a word or two
    message: str  # what is missing, why, and the source


@dataclass(frozen=True)
class Readiness:
    missing: tuple[Missing, ...]

    @property
    def ready(self) -> bool:
        return not self.missing


def check(facts: Facts) -> Readiness:
    """What is missing before the case may go on an agenda: the officer's report, at least one
    resolution clause, a rapporteur and, for a case from another committee, that committee's
    statement and the financing of the proposals."""
    cite = {"source": facts.source or _("direktörens instruktion")}
    missing = []
    if not facts.has_report:
        missing.append(
            Missing(
                "report",
                _("Tjänsteskrivelse"),
                _(
                    "Tjänsteskrivelse saknas. Inför varje sammanträde ska det finnas adekvat "
                    "beslutsunderlag (%(source)s)."
                )
                % cite,
            )
        )
    if facts.clauses < 1:
        missing.append(
            Missing(
                "clause",
                _("Förslag till beslut"),
                _(
                    "Förslag till beslut saknas: ange minst en att-sats, t.ex. ”att anta "
                    "instruktionen” (%(source)s)."
                )
                % cite,
            )
        )
    if not facts.has_rapporteur:
        missing.append(
            Missing(
                "rapporteur",
                _("Föredragande"),
                _("Föredragande saknas: ange vem som föredrar ärendet (%(source)s).") % cite,
            )
        )
    if facts.referred_from:
        words = {**cite, "committee": facts.referred_from}
        if not facts.has_referrer_statement:
            missing.append(
                Missing(
                    "statement",
                    _("Yttrande från %(committee)s") % words,
                    _(
                        "Yttrande från %(committee)s saknas. Ärenden som kommer från en annan "
                        "nämnd ska vid behov kompletteras med yttrande och beslutsunderlag "
                        "(%(source)s)."
                    )
                    % words,
                )
            )
        if not facts.has_financing:
            missing.append(
                Missing(
                    "financing",
                    _("Finansiering"),
                    _(
                        "Finansieringen av förslagen saknas. Ärenden som kommer från en annan "
                        "nämnd ska kompletteras med beslutsunderlag, t.ex. finansiering av "
                        "förslagen (%(source)s)."
                    )
                    % words,
                )
            )
    return Readiness(tuple(missing))
