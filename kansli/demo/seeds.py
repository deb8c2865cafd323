"""The two real director's instructions the demo is built from, as plain text."""

from pathlib import Path

SEEDS_DIR = Path(__file__).resolve().parent / "seeds"

VANERSBORG_INSTRUCTION = "vanersborg-kommundirektorsinstruktion"
BLEKINGE_INSTRUCTION = "blekinge-instruktion-landstingsdirektor"

# Seed 000 has no numbered headings: these lines of its text start its sections.
BLEKINGE_HEADINGS = (
    "Allmänt om landstingsdirektörens övergripande ansvar",
    "Verksamhetsansvar",
    "Landstingsdirektörens roll i landstingsfullmäktige",
    "Landstingsdirektörens roll i landstingsstyrelsen och i övriga nämnder",
    "Arbetsgivaransvar",
    "Ekonomiskt ansvar",
    "Delegerad beslutanderätt och uppdrag från landstingsstyrelsen",
    "Säkerhetsansvar",
    "Förslag till beslut",
)


def seed_text(name: str) -> str:
    return (SEEDS_DIR / f"{name}.txt").read_text(encoding="utf-8")
