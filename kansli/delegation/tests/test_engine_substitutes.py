"""Substitutes (ersättare för delegat) decide in order when the delegate is absent or
disqualified, and not otherwise."""

from kansli.delegation.engine import Absence, Engine, Party
from kansli.delegation.tests import (
    DEPUTY,
    JESPER,
    KATARINA,
    PIA,
    ask,
    date,
    order,
    rule,
    vanersborg,
)

CHIEF = Party("position", "stabschef-ekonomistaben", "stabschefen för ekonomistaben")
ON_LEAVE = date(2025, 3, 12)


def engine_with(*absences: Absence) -> Engine:
    purchases = order(rule(substitutes=(DEPUTY, CHIEF)))
    return Engine([vanersborg(absences=absences)], [purchases])


def test_the_first_substitute_decides_when_the_director_is_away():
    engine = engine_with(Absence(KATARINA, date(2025, 3, 10), date(2025, 3, 14)))

    verdict = ask(engine, "vanersborg", f"person:{JESPER}", "inkop", on=ON_LEAVE)

    assert verdict.outcome == "allowed"
    assert verdict.reasons[0] == (
        "Jesper Norén beslutar som ersättare för kommundirektören, som har förhinder: "
        "Inköp av varor och tjänster (Delegationsordning för kommunstyrelsen 1)."
    )


def test_a_substitute_may_not_decide_while_the_director_is_in():
    verdict = ask(engine_with(), "vanersborg", f"person:{JESPER}", "inkop", on=ON_LEAVE)

    assert verdict.outcome == "denied"
    assert verdict.reasons == (
        "Jesper Norén är ersättare och får besluta bara när kommundirektören har förhinder "
        "(Delegationsordning för kommunstyrelsen 1).",
    )


def test_a_disqualified_director_leaves_the_matter_to_the_substitute():
    verdict = ask(
        engine_with(),
        "vanersborg",
        "position:bitradande-kommundirektor",
        "inkop",
        delegate_unavailable=True,
    )

    assert verdict.outcome == "allowed"


def test_a_disqualified_director_may_not_decide_herself():
    verdict = ask(
        engine_with(), "vanersborg", f"person:{KATARINA}", "inkop", delegate_unavailable=True
    )

    assert verdict.outcome == "denied"
    assert verdict.reasons == (
        "Kommundirektören har förhinder och får inte besluta "
        "(Delegationsordning för kommunstyrelsen 1).",
    )


def test_the_second_substitute_only_when_the_first_is_away_too():
    director_away = Absence(KATARINA, date(2025, 3, 1), date(2025, 3, 31))
    deputy_away = Absence(JESPER, date(2025, 3, 1), date(2025, 3, 31))

    second_only = ask(engine_with(director_away), "vanersborg", f"person:{PIA}", "inkop")
    both_away = ask(engine_with(director_away, deputy_away), "vanersborg", f"person:{PIA}", "inkop")

    assert second_only.outcome == "denied"
    assert second_only.reasons == (
        "Biträdande kommundirektören går före Pia Strand som ersättare "
        "(Delegationsordning för kommunstyrelsen 1).",
    )
    assert both_away.outcome == "allowed"
