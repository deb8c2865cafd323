"""Fictional elected representatives: common Swedish names, handed out to parties in order."""

from collections.abc import Iterator

GIVEN_NAMES = (
    "Anna", "Lars", "Maria", "Mikael", "Karin", "Anders", "Eva", "Johan", "Lena", "Per",
    "Kerstin", "Erik", "Ingrid", "Magnus", "Sara", "Fredrik", "Elisabeth", "Jonas", "Marie",
    "Mattias", "Birgitta", "Daniel", "Emma", "Stefan", "Malin", "Henrik", "Sofia", "Niklas",
    "Camilla", "Peter", "Linnea", "Ulf", "Jenny", "Björn", "Annika", "Göran", "Helena", "Tomas",
    "Cecilia", "Patrik", "Ulrika", "Andreas", "Therese", "Kristoffer", "Maja", "Håkan", "Elin",
    "Gunnar", "Louise", "Roger", "Ida", "Leif", "Frida", "Emil", "Agneta", "Oskar", "Åsa",
    "Viktor", "Monica", "Ali",
)  # fmt: skip
FAMILY_NAMES = (
    "Andersson", "Johansson", "Karlsson", "Nilsson", "Eriksson", "Larsson", "Olsson",
    "Persson", "Svensson", "Gustafsson", "Pettersson", "Jonsson", "Jansson", "Hansson",
    "Bengtsson", "Jönsson", "Lindberg", "Jakobsson", "Magnusson", "Olofsson", "Lindström",
    "Lindqvist", "Lindgren", "Axelsson", "Berg", "Bergström", "Lundberg", "Lundgren", "Lind",
    "Lundqvist", "Mattsson", "Berglund", "Fredriksson", "Sandberg", "Henriksson", "Forsberg",
    "Sjöberg", "Wallin", "Engström", "Eklund", "Danielsson", "Lundin", "Håkansson", "Björk",
    "Bergman", "Gunnarsson", "Holm", "Wikström", "Samuelsson", "Isaksson", "Fransson",
    "Bergqvist", "Nyström", "Holmberg", "Arvidsson", "Löfgren", "Söderberg", "Nyberg",
    "Blomqvist", "Claesson", "Mohammed",
)  # fmt: skip


def name_stream(exclude: set[tuple[str, str]], start: int = 0) -> Iterator[tuple[str, str]]:
    """Distinct (given, family) pairs in a fixed order from `start`, skipping those in `exclude`.

    61 family names is prime and coprime to the step, so the pairs repeat only after
    60 × 61 names.
    """
    for i in range(start, len(GIVEN_NAMES) * len(FAMILY_NAMES)):
        name = GIVEN_NAMES[i % len(GIVEN_NAMES)], FAMILY_NAMES[(i * 7) % len(FAMILY_NAMES)]
        if name not in exclude:
            yield name


class Roster:
    """Each party's list of candidates, grown from one name stream as organs ask for people.

    The same questions in the same order give the same names, which is what lets the demo
    loader find the people it made on an earlier run.
    """

    def __init__(self, exclude: set[tuple[str, str]], start: int = 0) -> None:
        self._names = name_stream(exclude, start)
        self._lists: dict[str, list[tuple[str, str]]] = {}

    def candidate(self, party: str, index: int) -> tuple[str, str]:
        names = self._lists.setdefault(party, [])
        while len(names) <= index:
            names.append(next(self._names))
        return names[index]
