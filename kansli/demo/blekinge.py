"""Region Blekinge (formerly Landstinget Blekinge), as its director's instruction (seed 000)
describes it.

The organisation and its people are fictional; the instruction is the real one, written when
the region was still a county council, so it speaks of the landstingsdirektör.
"""

import datetime
from decimal import Decimal

from kansli.demo.seeds import BLEKINGE_HEADINGS, BLEKINGE_INSTRUCTION
from kansli.demo.spec import BodySpec, Document, Hire, Org, Period, Post, Seats, role_logins
from kansli.governance.models import GoverningDocument
from kansli.organisation.models import Body, Organization

K = Organization.Kind
date = datetime.date

STAFF = "regiondirektorens-stab"
ORGANIZATIONS = (
    Org("regionfullmaktige", K.COUNCIL, "Regionfullmäktige", short_name="RF"),
    Org("regionstyrelsen", K.EXECUTIVE_BOARD, "Regionstyrelsen", "regionfullmaktige", "RS"),
    Org("au", K.SUBCOMMITTEE, "Regionstyrelsens arbetsutskott", "regionstyrelsen", "AU"),
    Org(
        "beredningen-for-halsa-och-vard",
        K.PREPARATORY_COMMITTEE,
        "Beredningen för hälsa och vård",
        "regionstyrelsen",
    ),
    Org(
        "beredningen-for-regional-utveckling",
        K.PREPARATORY_COMMITTEE,
        "Beredningen för regional utveckling",
        "regionstyrelsen",
    ),
    Org("patientnamnden", K.COMMITTEE, "Patientnämnden", "regionfullmaktige"),
    Org("trafiknamnden", K.COMMITTEE, "Trafiknämnden", "regionfullmaktige"),
    Org("krisledningsnamnden", K.CRISIS_COMMITTEE, "Krisledningsnämnden", "regionfullmaktige"),
    Org(STAFF, K.DEPARTMENT, "Regiondirektörens stab", "regionstyrelsen"),
    Org("kanslienheten", K.UNIT, "Kanslienheten", STAFF),
    Org("ekonomienheten", K.UNIT, "Ekonomienheten", STAFF),
    Org("regional-krisledningsstab", K.STAFF_UNIT, "Regional krisledningsstab", STAFF),
    Org("landstingsservice", K.DEPARTMENT, "Landstingsservice", "regionstyrelsen"),
    Org(
        "blekingetrafiken-ab",
        K.COMPANY,
        "Blekingetrafiken AB",
        "regionstyrelsen",
        ownership=Decimal(100),
    ),
)

CURRENT = Period(
    assembly={"S": 19, "M": 12, "SD": 12, "KD": 4, "C": 3, "V": 3, "L": 2, "MP": 2},
    presidium_parties=("M", "KD", "S"),
    seats=(
        Seats("regionfullmaktige", members=57, substitutes=20, presidium_from=3),
        Seats("regionstyrelsen", members=15, substitutes=15),
        Seats("au", members=5, substitutes=3),
        Seats("krisledningsnamnden", members=5, substitutes=3),
        Seats("beredningen-for-halsa-och-vard", members=9, offset=4),
        Seats("beredningen-for-regional-utveckling", members=9, offset=8),
        Seats("patientnamnden", members=7, substitutes=7, offset=12),
        Seats("trafiknamnden", members=9, substitutes=5, offset=14),
    ),
)
PREVIOUS = Period(
    assembly={"S": 18, "M": 13, "SD": 11, "KD": 5, "C": 4, "V": 3, "L": 2, "MP": 1},
    presidium_parties=("S", "C", "M"),
    seats=(
        Seats("regionstyrelsen", members=15, substitutes=15, offset=1),
        Seats("au", members=5, substitutes=3, offset=1),
    ),
)

POSTS = (
    Post("regiondirektor", "Regiondirektör", STAFF, security_class=2, heads=True, director=True),
    Post(
        "forvaltningschef-landstingsservice",
        "Förvaltningschef, landstingsservice",
        "landstingsservice",
        heads=True,
    ),
    Post("enhetschef-kanslienheten", "Enhetschef, kanslienheten", "kanslienheten", heads=True),
    Post("landstingsjurist", "Landstingsjurist", "kanslienheten"),
    Post(
        "stabschef-regional-krisledningsstab",
        "Stabschef, regional krisledningsstab",
        "regional-krisledningsstab",
        heads=True,
    ),
    Post("vd-blekingetrafiken-ab", "VD, Blekingetrafiken AB", "blekingetrafiken-ab", heads=True),
    Post("registrator", "Registrator", "kanslienheten"),
    Post("namndsekreterare", "Nämndsekreterare", "kanslienheten"),
    Post("handlaggare", "Handläggare", "ekonomienheten"),
    Post("systemforvaltare", "Systemförvaltare", "kanslienheten"),
)

HIRES = (
    Hire("regiondirektor", "Göran", "Törnqvist", date(2013, 1, 1), end=date(2021, 3, 31)),
    Hire("regiondirektor", "Charlotte", "Brandt", date(2021, 4, 1)),
    Hire("forvaltningschef-landstingsservice", "Mikael", "Öberg", date(2019, 10, 1)),
    Hire("enhetschef-kanslienheten", "Lisa", "Granath", date(2020, 2, 1)),
    Hire("landstingsjurist", "Sanna", "Holmér", date(2017, 6, 1)),
    Hire("stabschef-regional-krisledningsstab", "Kjell", "Hammar", date(2019, 5, 1)),
    Hire("vd-blekingetrafiken-ab", "Martin", "Frisk", date(2022, 8, 15)),
    Hire("registrator", "Amina", "Hassan", date(2020, 11, 1)),
    Hire("namndsekreterare", "Ebba", "Sundqvist", date(2018, 9, 1)),
    Hire("handlaggare", "Filip", "Lindahl", date(2025, 3, 1)),
    Hire("systemforvaltare", "Tove", "Rask", date(2023, 1, 9)),
)

INSTRUCTION = Document(
    slug="instruktion-landstingsdirektor",
    kind=GoverningDocument.Kind.INSTRUCTION,
    name="Instruktion till landstingsdirektör",
    adopted_by="regionstyrelsen",
    owner="kanslienheten",
    seed=BLEKINGE_INSTRUCTION,
    version="1.0",
    headings=BLEKINGE_HEADINGS,
    metadata={
        "description": (
            "Förtydligar landstingsdirektörens roll som ytterst ansvarig tjänsteperson: "
            "verksamhet, relation till fullmäktige, styrelsen och nämnderna, arbetsgivaransvar, "
            "ekonomiskt ansvar och säkerhetsansvar."
        ),
        "responsible": "Landstingsjurist",
        "subject_area": "Styrning och ledning",
        "case_number": "2018/00051",
        "document_number": "2018/00051-1",
        "drawn_up_on": date(2018, 1, 11),
        "referenced_documents": ["Landstingsstyrelsens delegationsordning"],
        "review_by": date(2027, 12, 31),
    },
)

BLEKINGE = BodySpec(
    slug="blekinge",
    name="Region Blekinge",
    kind=Body.Kind.REGION,
    board="regionstyrelsen",
    organizations=ORGANIZATIONS,
    current=CURRENT,
    previous=PREVIOUS,
    posts=POSTS,
    hires=HIRES,
    documents=(INSTRUCTION,),
    logins=role_logins(prefix="blekinge-", director="regiondirektor"),
    orders=("blekinge-instruktion-landstingsdirektor.yaml",),
    names_from=1800,
)
