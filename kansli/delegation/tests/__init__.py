"""Helpers for the delegation tests: the two demo bodies as plain directories (the demo's slugs,
a few of its people, and heads of organizations), the seed orders, and `ask`, which poses a
question the way `kansli authority check` takes it."""

import datetime
from decimal import Decimal

from kansli.delegation import orderfile
from kansli.delegation.engine import (
    Absence,
    Actor,
    Appointment,
    DecisionType,
    Directory,
    Engine,
    Membership,
    Order,
    OrderError,
    Organization,
    Party,
    Person,
    Position,
    Query,
    Rule,
    Source,
    Verdict,
    parse_done,
)
from kansli.delegation.reasons import problem_text, worded

date = datetime.date
TODAY = date(2025, 3, 12)

KATARINA, BENGT, JESPER, MARIANNE, PIA, OSCAR, SUSANNE = 1, 2, 3, 4, 5, 6, 7
LENA_KS_CHAIR, OMAR_KS_VICE, EVA_SN_CHAIR = 20, 21, 22
CHARLOTTE, MIKAEL, SANNA, FILIP = 31, 32, 33, 34
KARIN_RS_CHAIR, ALI_RS_MEMBER = 40, 41


def vanersborg(*, absences: tuple[Absence, ...] = ()) -> Directory:
    o = Organization
    return Directory(
        body="vanersborg",
        name="Vänersborgs kommun",
        organizations=(
            o("kf", "council", "Kommunfullmäktige"),
            o("ks", "executive_board", "Kommunstyrelsen", "kf"),
            o("au", "subcommittee", "Kommunstyrelsens arbetsutskott", "ks"),
            o("pfu", "subcommittee", "Personal- och förhandlingsutskottet", "ks"),
            o("socialnamnden", "committee", "Socialnämnden", "kf"),
            o("barn-och-utbildningsnamnden", "committee", "Barn- och utbildningsnämnden", "kf"),
            o("krisledningsnamnden", "crisis_committee", "Krisledningsnämnden", "kf"),
            o(
                "kommunstyrelseforvaltningen",
                "department",
                "Kommunstyrelseförvaltningen",
                "ks",
                head="kommundirektor",
            ),
            o(
                "ekonomistaben",
                "staff_unit",
                "Ekonomistaben",
                "kommunstyrelseforvaltningen",
                head="stabschef-ekonomistaben",
            ),
            o(
                "utvecklingsstaben",
                "staff_unit",
                "Utvecklingsstaben",
                "kommunstyrelseforvaltningen",
            ),
            o(
                "socialforvaltningen",
                "department",
                "Socialförvaltningen",
                "socialnamnden",
                head="forvaltningschef-socialforvaltningen",
            ),
            o(
                "barn-och-utbildningsforvaltningen",
                "department",
                "Barn- och utbildningsförvaltningen",
                "barn-och-utbildningsnamnden",
                head="forvaltningschef-barn-och-utbildningsforvaltningen",
            ),
            o(
                "vanersborgs-bostads-ab",
                "company",
                "Vänersborgs Bostads AB",
                "ks",
                head="vd-vanersborgs-bostads-ab",
                ownership=Decimal(100),
            ),
            o(
                "vanersborgs-energi-ab",
                "company",
                "Vänersborgs Energi AB",
                "ks",
                ownership=Decimal(100),
            ),
            o(
                "fyrstads-bredband-ab",
                "company",
                "Fyrstads Bredband AB",
                "ks",
                ownership=Decimal(25),
            ),
        ),
        positions=(
            Position("kommundirektor", "Kommundirektör", "kommunstyrelseforvaltningen"),
            Position(
                "bitradande-kommundirektor",
                "Biträdande kommundirektör",
                "kommunstyrelseforvaltningen",
            ),
            Position("stabschef-ekonomistaben", "Stabschef, ekonomistaben", "ekonomistaben"),
            Position("handlaggare", "Handläggare", "utvecklingsstaben"),
            Position(
                "forvaltningschef-socialforvaltningen",
                "Förvaltningschef, socialförvaltningen",
                "socialforvaltningen",
            ),
            Position(
                "forvaltningschef-barn-och-utbildningsforvaltningen",
                "Förvaltningschef, barn- och utbildningsförvaltningen",
                "barn-och-utbildningsforvaltningen",
            ),
            Position(
                "vd-vanersborgs-bostads-ab", "VD, Vänersborgs Bostads AB", "vanersborgs-bostads-ab"
            ),
        ),
        persons=(
            Person(KATARINA, "Katarina Holmgren"),
            Person(BENGT, "Bengt Ahlström"),
            Person(JESPER, "Jesper Norén"),
            Person(MARIANNE, "Marianne Hedlund"),
            Person(PIA, "Pia Strand"),
            Person(OSCAR, "Oscar Malmberg"),
            Person(SUSANNE, "Susanne Lövgren"),
            Person(LENA_KS_CHAIR, "Lena Berg"),
            Person(OMAR_KS_VICE, "Omar Said"),
            Person(EVA_SN_CHAIR, "Eva Lind"),
        ),
        appointments=(
            Appointment(BENGT, "kommundirektor", date(2014, 3, 1), date(2020, 8, 31)),
            Appointment(KATARINA, "kommundirektor", date(2020, 9, 1)),
            Appointment(JESPER, "bitradande-kommundirektor", date(2021, 2, 1)),
            # The deputy holds the director's post while she is on leave in July 2025.
            Appointment(JESPER, "kommundirektor", date(2025, 7, 1), date(2025, 7, 31), acting=True),
            Appointment(MARIANNE, "forvaltningschef-socialforvaltningen", date(2015, 1, 1)),
            Appointment(PIA, "stabschef-ekonomistaben", date(2018, 5, 1)),
            Appointment(OSCAR, "handlaggare", date(2024, 1, 15)),
            Appointment(
                SUSANNE, "forvaltningschef-barn-och-utbildningsforvaltningen", date(2019, 8, 1)
            ),
        ),
        memberships=(
            Membership(LENA_KS_CHAIR, "ks", "chair", date(2022, 10, 15)),
            Membership(OMAR_KS_VICE, "ks", "first_vice_chair", date(2022, 10, 15)),
            Membership(EVA_SN_CHAIR, "socialnamnden", "chair", date(2022, 10, 15)),
        ),
        absences=absences,
    )


def blekinge() -> Directory:
    o = Organization
    return Directory(
        body="blekinge",
        name="Region Blekinge",
        organizations=(
            o("regionfullmaktige", "council", "Regionfullmäktige"),
            o("regionstyrelsen", "executive_board", "Regionstyrelsen", "regionfullmaktige"),
            o("au", "subcommittee", "Regionstyrelsens arbetsutskott", "regionstyrelsen"),
            o(
                "beredningen-for-halsa-och-vard",
                "preparatory_committee",
                "Beredningen för hälsa och vård",
                "regionstyrelsen",
            ),
            o("trafiknamnden", "committee", "Trafiknämnden", "regionfullmaktige"),
            o(
                "krisledningsnamnden",
                "crisis_committee",
                "Krisledningsnämnden",
                "regionfullmaktige",
            ),
            o(
                "regiondirektorens-stab",
                "department",
                "Regiondirektörens stab",
                "regionstyrelsen",
                head="regiondirektor",
            ),
            o("kanslienheten", "unit", "Kanslienheten", "regiondirektorens-stab"),
            o("ekonomienheten", "unit", "Ekonomienheten", "regiondirektorens-stab"),
            o(
                "landstingsservice",
                "department",
                "Landstingsservice",
                "regionstyrelsen",
                head="forvaltningschef-landstingsservice",
            ),
            o("blekingetrafiken-ab", "company", "Blekingetrafiken AB", "regionstyrelsen"),
        ),
        positions=(
            Position("regiondirektor", "Regiondirektör", "regiondirektorens-stab"),
            Position(
                "forvaltningschef-landstingsservice",
                "Förvaltningschef, landstingsservice",
                "landstingsservice",
            ),
            Position("landstingsjurist", "Landstingsjurist", "kanslienheten"),
            Position("handlaggare", "Handläggare", "ekonomienheten"),
        ),
        persons=(
            Person(CHARLOTTE, "Charlotte Brandt"),
            Person(MIKAEL, "Mikael Öberg"),
            Person(SANNA, "Sanna Holmér"),
            Person(FILIP, "Filip Lindahl"),
            Person(KARIN_RS_CHAIR, "Karin Ström"),
            Person(ALI_RS_MEMBER, "Ali Nur"),
        ),
        appointments=(
            Appointment(CHARLOTTE, "regiondirektor", date(2021, 4, 1)),
            Appointment(MIKAEL, "forvaltningschef-landstingsservice", date(2019, 10, 1)),
            Appointment(SANNA, "landstingsjurist", date(2017, 6, 1)),
            Appointment(FILIP, "handlaggare", date(2025, 3, 1)),
        ),
        memberships=(
            Membership(KARIN_RS_CHAIR, "regionstyrelsen", "chair", date(2022, 10, 15)),
            Membership(ALI_RS_MEMBER, "regionstyrelsen", "member", date(2022, 10, 15)),
        ),
    )


DIRECTOR = Party("position", "kommundirektor", "kommundirektören")
DEPUTY = Party("position", "bitradande-kommundirektor", "biträdande kommundirektören")
PURCHASE = DecisionType("inkop", "Inköp")
ORDER_DOCUMENT = "Delegationsordning för kommunstyrelsen"


def rule(number: str = "1", *, delegate: Party = DIRECTOR, **fields: object) -> Rule:
    """A rule of a small delegation order for Vänersborg's board, purchases by default."""
    fields.setdefault("decision_type", PURCHASE.code)
    fields.setdefault("matter", "Inköp av varor och tjänster")
    return Rule(
        id=f"r{number}",
        number=number,
        delegate=delegate,
        source=Source(ORDER_DOCUMENT, number),
        **fields,  # type: ignore[arg-type]
    )


def order(*rules: Rule, **fields: object) -> Order:
    fields.setdefault("id", "ks-do-2024")
    fields.setdefault("valid_from", date(2024, 1, 1))
    fields.setdefault("decision_types", (PURCHASE,))
    return Order(
        body="vanersborg",
        organization="ks",
        document=ORDER_DOCUMENT,
        version="1",
        rules=rules,
        **fields,  # type: ignore[arg-type]
    )


def seed_orders() -> list[Order]:
    return orderfile.load_all()


def seed_engine() -> Engine:
    return Engine([vanersborg(), blekinge()], seed_orders())


def ask(
    engine: Engine,
    body: str,
    actor: str,
    decision: str,
    *,
    on: datetime.date = TODAY,
    concerning: str | None = None,
    amount: int | str | None = None,
    months: int | None = None,
    done: tuple[str, ...] = (),
    conditions: tuple[str, ...] = (),
    delegate_unavailable: bool = False,
    waived: tuple[str, ...] = (),
) -> Verdict:
    """Pose a question as the command does: actor "position:kommundirektor", "person:3" or
    "organization:pfu", done (and optional consultations waived) "approval:pfu"."""
    kind, _, ref = actor.partition(":")
    return worded(
        engine.check(
            Query(
                body=body,
                actor=Actor(kind, int(ref) if kind == "person" else ref),
                decision_type=decision,
                date=on,
                concerning=concerning,
                amount=None if amount is None else Decimal(amount),
                months=months,
                done=frozenset(parse_done(item) for item in done),
                waived=frozenset(parse_done(item) for item in waived),
                conditions=frozenset(conditions),
                delegate_unavailable=delegate_unavailable,
            )
        )
    )


def refusal(error: OrderError) -> str:
    """An order's problems in words, one a line, as the import shows them."""
    return "\n".join(problem_text(problem) for problem in error.problems)
