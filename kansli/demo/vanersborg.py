"""Vänersborgs kommun, as its kommundirektörsinstruktion (seed 002) describes it.

The organisation and its people are fictional; the instruction is the real one.
"""

import datetime
from decimal import Decimal

from kansli.demo.seeds import VANERSBORG_INSTRUCTION
from kansli.demo.spec import (
    BodySpec,
    Document,
    Hire,
    Org,
    Period,
    Post,
    Revised,
    Seats,
    role_logins,
)
from kansli.governance.models import GoverningDocument
from kansli.organisation.models import Body, Organization

K = Organization.Kind
date = datetime.date

ORGANIZATIONS = (
    Org("kf", K.COUNCIL, "Kommunfullmäktige", short_name="KF"),
    Org("ks", K.EXECUTIVE_BOARD, "Kommunstyrelsen", "kf", "KS"),
    Org("au", K.SUBCOMMITTEE, "Kommunstyrelsens arbetsutskott", "ks", "AU"),
    Org("pfu", K.SUBCOMMITTEE, "Personal- och förhandlingsutskottet", "ks", "PFU"),
    Org("barn-och-utbildningsnamnden", K.COMMITTEE, "Barn- och utbildningsnämnden", "kf", "BUN"),
    Org("socialnamnden", K.COMMITTEE, "Socialnämnden", "kf", "SN"),
    Org("samhallsbyggnadsnamnden", K.COMMITTEE, "Samhällsbyggnadsnämnden", "kf", "SBN"),
    Org("kultur-och-fritidsnamnden", K.COMMITTEE, "Kultur- och fritidsnämnden", "kf", "KFN"),
    Org("krisledningsnamnden", K.CRISIS_COMMITTEE, "Krisledningsnämnden", "kf"),
    Org("kommunstyrelseforvaltningen", K.DEPARTMENT, "Kommunstyrelseförvaltningen", "ks", "KSF"),
    Org("ekonomistaben", K.STAFF_UNIT, "Ekonomistaben", "kommunstyrelseforvaltningen"),
    Org("personalstaben", K.STAFF_UNIT, "Personalstaben", "kommunstyrelseforvaltningen"),
    Org("kanslistaben", K.STAFF_UNIT, "Kanslistaben", "kommunstyrelseforvaltningen"),
    Org("utvecklingsstaben", K.STAFF_UNIT, "Utvecklingsstaben", "kommunstyrelseforvaltningen"),
    Org(
        "sakerhets-och-beredskapsstaben",
        K.STAFF_UNIT,
        "Säkerhets- och beredskapsstaben",
        "kommunstyrelseforvaltningen",
    ),
    Org(
        "central-krisledningsstab",
        K.STAFF_UNIT,
        "Central krisledningsstab",
        "kommunstyrelseforvaltningen",
    ),
    Org(
        "barn-och-utbildningsforvaltningen",
        K.DEPARTMENT,
        "Barn- och utbildningsförvaltningen",
        "barn-och-utbildningsnamnden",
    ),
    Org("socialforvaltningen", K.DEPARTMENT, "Socialförvaltningen", "socialnamnden"),
    Org(
        "samhallsbyggnadsforvaltningen",
        K.DEPARTMENT,
        "Samhällsbyggnadsförvaltningen",
        "samhallsbyggnadsnamnden",
    ),
    Org(
        "kultur-och-fritidsforvaltningen",
        K.DEPARTMENT,
        "Kultur- och fritidsförvaltningen",
        "kultur-och-fritidsnamnden",
    ),
    # Wholly owned (seed 002 6.1 "Helägda bolag"), and one the municipality owns with its
    # neighbours (6.3.1 "delägda bolag").
    Org(
        "vanersborgs-bostads-ab", K.COMPANY, "Vänersborgs Bostads AB", "ks", ownership=Decimal(100)
    ),
    Org("vanersborgs-energi-ab", K.COMPANY, "Vänersborgs Energi AB", "ks", ownership=Decimal(100)),
    Org(
        "fyrstads-bredband-ab",
        K.COMPANY,
        "Fyrstads Bredband AB",
        "ks",
        ownership=Decimal(25),
    ),
    Org(
        "norra-alvsborgs-raddningstjanstforbund",
        K.FEDERATION,
        "Norra Älvsborgs Räddningstjänstförbund",
        "ks",
        "NÄRF",
    ),
)

CURRENT = Period(
    assembly={"S": 17, "SD": 11, "M": 9, "C": 4, "V": 3, "KD": 3, "L": 2, "MP": 2},
    presidium_parties=("S", "M", "SD"),
    seats=(
        Seats("kf", members=51, substitutes=20, presidium_from=5),
        Seats("ks", members=13, substitutes=13),
        Seats("au", members=5, substitutes=3),
        Seats("pfu", members=5, substitutes=3, offset=1),
        Seats("krisledningsnamnden", members=5, substitutes=3),
        Seats("barn-och-utbildningsnamnden", members=11, substitutes=7, offset=3),
        Seats("socialnamnden", members=11, substitutes=7, offset=6),
        Seats("samhallsbyggnadsnamnden", members=11, substitutes=7, offset=9),
        Seats("kultur-och-fritidsnamnden", members=9, substitutes=5, offset=12),
    ),
)
# The board of the previous period, led by another majority: the organisation over time.
PREVIOUS = Period(
    assembly={"S": 16, "M": 11, "SD": 10, "C": 5, "V": 3, "KD": 2, "L": 2, "MP": 2},
    presidium_parties=("M", "C", "S"),
    seats=(
        Seats("ks", members=13, substitutes=13, offset=1),
        Seats("au", members=5, substitutes=3, offset=1),
    ),
)

STAFF = "kommunstyrelseforvaltningen"
POSTS = (
    # Instruction 3.5: the director's and a deputy director's posts in security class 2 or higher.
    Post("kommundirektor", "Kommundirektör", STAFF, security_class=2, heads=True, director=True),
    Post("bitradande-kommundirektor", "Biträdande kommundirektör", STAFF, security_class=2),
    Post("stabschef-ekonomistaben", "Stabschef, ekonomistaben", "ekonomistaben", heads=True),
    Post("stabschef-personalstaben", "Stabschef, personalstaben", "personalstaben", heads=True),
    Post("stabschef-kanslistaben", "Stabschef, kanslistaben", "kanslistaben", heads=True),
    Post(
        "stabschef-utvecklingsstaben",
        "Stabschef, utvecklingsstaben",
        "utvecklingsstaben",
        heads=True,
    ),
    Post(
        "stabschef-sakerhets-och-beredskapsstaben",
        "Stabschef, säkerhets- och beredskapsstaben",
        "sakerhets-och-beredskapsstaben",
        heads=True,
    ),
    Post(
        "stabschef-central-krisledningsstab",
        "Stabschef, central krisledningsstab",
        "central-krisledningsstab",
        heads=True,
    ),
    Post(
        "forvaltningschef-barn-och-utbildningsforvaltningen",
        "Förvaltningschef, barn- och utbildningsförvaltningen",
        "barn-och-utbildningsforvaltningen",
        heads=True,
    ),
    Post(
        "forvaltningschef-socialforvaltningen",
        "Förvaltningschef, socialförvaltningen",
        "socialforvaltningen",
        heads=True,
    ),
    Post(
        "forvaltningschef-samhallsbyggnadsforvaltningen",
        "Förvaltningschef, samhällsbyggnadsförvaltningen",
        "samhallsbyggnadsforvaltningen",
        heads=True,
    ),
    Post(
        "forvaltningschef-kultur-och-fritidsforvaltningen",
        "Förvaltningschef, kultur- och fritidsförvaltningen",
        "kultur-och-fritidsforvaltningen",
        heads=True,
    ),
    Post(
        "vd-vanersborgs-bostads-ab",
        "VD, Vänersborgs Bostads AB",
        "vanersborgs-bostads-ab",
        heads=True,
    ),
    Post(
        "vd-vanersborgs-energi-ab", "VD, Vänersborgs Energi AB", "vanersborgs-energi-ab", heads=True
    ),
    Post("registrator", "Registrator", "kanslistaben"),
    Post("namndsekreterare", "Nämndsekreterare", "kanslistaben"),
    Post("handlaggare", "Handläggare", "utvecklingsstaben"),
    Post("systemforvaltare", "Systemförvaltare", "kanslistaben"),
)

HIRES = (
    Hire("kommundirektor", "Bengt", "Ahlström", date(2014, 3, 1), end=date(2020, 8, 31)),
    Hire("kommundirektor", "Katarina", "Holmgren", date(2020, 9, 1)),
    Hire("bitradande-kommundirektor", "Jesper", "Norén", date(2021, 2, 1)),
    Hire("stabschef-ekonomistaben", "Pia", "Strand", date(2018, 5, 1)),
    Hire("stabschef-personalstaben", "Ronny", "Ek", date(2019, 11, 1)),
    Hire("stabschef-kanslistaben", "Hanna", "Wennberg", date(2017, 8, 15)),
    Hire("stabschef-utvecklingsstaben", "Mats", "Dahlgren", date(2022, 1, 10)),
    Hire("stabschef-sakerhets-och-beredskapsstaben", "Yvonne", "Falk", date(2016, 4, 1)),
    Hire("stabschef-central-krisledningsstab", "Robert", "Sjögren", date(2020, 3, 16)),
    Hire(
        "forvaltningschef-barn-och-utbildningsforvaltningen",
        "Susanne",
        "Lövgren",
        date(2019, 8, 1),
    ),
    Hire(
        "forvaltningschef-socialforvaltningen",
        "Marianne",
        "Hedlund",
        date(2015, 1, 1),
        end=date(2026, 8, 31),
    ),
    Hire(
        "forvaltningschef-socialforvaltningen",
        "Kent",
        "Ahlberg",
        date(2026, 9, 1),
        acting=True,
    ),
    Hire("forvaltningschef-samhallsbyggnadsforvaltningen", "Thomas", "Rydén", date(2021, 5, 1)),
    Hire("forvaltningschef-kultur-och-fritidsforvaltningen", "Jessica", "Borg", date(2023, 3, 1)),
    Hire("vd-vanersborgs-bostads-ab", "Christer", "Wahlström", date(2018, 1, 1)),
    Hire("vd-vanersborgs-energi-ab", "Lotta", "Engdahl", date(2020, 6, 1)),
    Hire("registrator", "Nadia", "Karimi", date(2021, 9, 1)),
    Hire("namndsekreterare", "Johanna", "Ekström", date(2019, 2, 1)),
    Hire("handlaggare", "Oscar", "Malmberg", date(2024, 1, 15)),
    Hire("systemforvaltare", "Elsa", "Norberg", date(2022, 4, 1)),
)

INSTRUCTION = Document(
    slug="kommundirektorsinstruktion",
    kind=GoverningDocument.Kind.INSTRUCTION,
    name="Kommundirektörsinstruktion",
    adopted_by="ks",
    owner="kommunstyrelseforvaltningen",
    seed=VANERSBORG_INSTRUCTION,
    version="1.0",
    version_valid_from=date(2019, 1, 30),
    revisions=(Revised("ks", date(2019, 1, 30), "§ 20"),),
    metadata={
        "description": "Instruktion för kommundirektören enligt kommunallagen",
        "adopted_on": date(2017, 12, 20),
        "adopted_minute": "§ 248",
        "responsible": "Chefen för kommunkontoret",
        "valid_from": date(2019, 1, 30),
        "published_on": date(2018, 1, 15),
        "subject_area": "Styrning och ledning",
        "internal": False,
        "external": True,
        "referenced_documents": [
            "Delegeringsordning för kommunstyrelsen (KS 2017-12-20, § 246)",
            "Delegeringsordning rörande personal- och organisationsfrågor (KS 2017-12-20, § 247)",
            "Kommunens attestregler",
        ],
        "laws": [
            "Kommunallagen (2017:725, KL)",
            "Lag om kommuner och landstings åtgärder inför och vid extraordinära händelser "
            "i fredstid och höjd beredskap (2006:544, LEH)",
        ],
        "review_by": date(2026, 6, 30),
    },
)

VANERSBORG = BodySpec(
    slug="vanersborg",
    name="Vänersborgs kommun",
    kind=Body.Kind.MUNICIPALITY,
    board="ks",
    organizations=ORGANIZATIONS,
    current=CURRENT,
    previous=PREVIOUS,
    posts=POSTS,
    hires=HIRES,
    documents=(INSTRUCTION,),
    logins=role_logins(prefix="", director="kommundirektor"),
    orders=("vanersborg-kommundirektorsinstruktion.yaml",),
)
