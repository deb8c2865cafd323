"""Base forms and compound parts of Swedish words, from Debian's Swedish Hunspell dictionary
(`hunspell-sv`: /usr/share/hunspell/sv_SE.dic and .aff). Pure Python: no Django.

Hunspell stores a word once, as its root with flags naming the suffixes it takes ("revisor/
AEHvY": "revisorn", "revisorer", "revisorerna", …) and the places it may take in a compound
(X first, U middle, Y last; a suffix may make a form that only stands inside one, like the
linking s of "direktörs"). Read backwards, the same rules give a word's root ("revisorerna" →
"revisor") and the parts of a compound ("kommundirektörsinstruktion" → kommun, direktör,
instruktion), which is what Snowball's stemming alone cannot: it cuts "laddplats" to
"laddplat" but "laddplatser" to "laddplats", and knows no compounds.

The two files are read once per machine into a compact table (a pickle under the cache
folder, rebuilt when the dictionary changes) and once per process from it. Without the
dictionary, words are their own roots and nothing is split: search falls back to Snowball.
"""

import os
import pickle
import re
import tempfile
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

DICTIONARY = Path(os.environ.get("KANSLI_HUNSPELL_SV", "/usr/share/hunspell/sv_SE"))
CACHE = Path(os.environ.get("KANSLI_CACHE_DIR", Path(tempfile.gettempdir()) / "kansli-cache"))
FORMAT = 1

# A part of a compound is at least this long, so that "för", "över" and the like begin a
# compound, but two letters do not.
PART_MIN = 3
# A word the dictionary knows whole is split only if it is at least this long.
SPLIT_KNOWN_MIN = 7


@dataclass(frozen=True)
class Suffix:
    flag: str
    strip: str
    condition: re.Pattern[str] | None
    continuation: str


@dataclass(frozen=True)
class Affixes:
    begin: str
    middle: str
    end: str
    only_in_compound: str
    need_affix: str
    forbidden: str


@dataclass
class Dictionary:
    roots: dict[str, str]  # root -> its flags
    suffixes: dict[str, list[Suffix]]  # what a suffix adds -> the rules that add it
    flags: Affixes

    def forms(self, word: str) -> list[tuple[str, str]]:
        """Each (root, flags) that makes the word: the word itself if it is a root, and every
        root a suffix rule turns into it, with the root's flags and the rule's continuation."""
        found = []
        flags = self.roots.get(word)
        if flags is not None:
            found.append((word, flags))
        for cut in range(len(word)):
            added = word[len(word) - cut :]
            for rule in self.suffixes.get(added, ()):
                root = word[: len(word) - cut] + rule.strip
                root_flags = self.roots.get(root)
                if (
                    root_flags is not None
                    and rule.flag in root_flags
                    and (rule.condition is None or rule.condition.search(root))
                ):
                    found.append((root, root_flags + rule.continuation))
        return [(root, flags) for root, flags in found if self.flags.forbidden not in flags]

    def roots_of(self, word: str) -> list[str]:
        """The roots of the word standing alone (not only as part of a compound)."""
        alone = []
        for root, flags in self.forms(word):
            if self.flags.only_in_compound in flags:
                continue
            if root == word and self.flags.need_affix in flags:
                continue
            alone.append(root)
        return alone

    def _part(self, text: str, flag: str, *, last: bool) -> str | None:
        """The root of `text` as a part of a compound that the flag allows there."""
        roots = []
        for root, flags in self.forms(text):
            if flag not in flags or (root == text and self.flags.need_affix in flags):
                continue
            if last and self.flags.only_in_compound in flags:
                continue
            roots.append(root)
        return max(roots, key=len, default=None)

    def _rest(self, text: str) -> list[str] | None:
        """The fewest parts that make `text` as the middle and end of a compound."""
        end = self._part(text, self.flags.end, last=True)
        if end is not None:
            return [end]
        best: list[str] | None = None
        for cut in range(len(text) - PART_MIN, PART_MIN - 1, -1):
            middle = self._part(text[:cut], self.flags.middle, last=False)
            if middle is None:
                continue
            rest = self._rest(text[cut:])
            if rest is not None and (best is None or len(rest) + 1 < len(best)):
                best = [middle, *rest]
        return best

    def parts(self, word: str) -> list[str]:
        """The roots of the compound's parts, first to last; [] if the word is no compound."""
        if len(word) < 2 * PART_MIN:
            return []
        best: list[str] = []
        for cut in range(len(word) - PART_MIN, PART_MIN - 1, -1):
            first = self._part(word[:cut], self.flags.begin, last=False)
            if first is None:
                continue
            rest = self._rest(word[cut:])
            if rest is not None and (not best or len(rest) + 1 < len(best)):
                best = [first, *rest]
        return best


def _condition(text: str) -> re.Pattern[str] | None:
    return None if text == "." else re.compile(f"{text}$")


def parse(dic: str, aff: str) -> Dictionary:
    """The dictionary from the text of a Hunspell .dic and .aff file (suffixes only: the
    Swedish dictionary has no prefixes)."""
    settings: dict[str, str] = {}
    suffixes: dict[str, list[Suffix]] = {}
    for line in aff.splitlines():
        fields = line.split()
        if len(fields) == 2 and fields[0].isupper():
            settings[fields[0]] = fields[1]
        if len(fields) >= 5 and fields[0] == "SFX":
            flag, strip, add, condition = fields[1:5]
            added, _slash, continuation = add.partition("/")
            added = "" if added == "0" else added
            rule = Suffix(flag, "" if strip == "0" else strip, _condition(condition), continuation)
            suffixes.setdefault(added, []).append(rule)
    roots: dict[str, str] = {}
    for line in dic.splitlines()[1:]:
        word, _slash, word_flags = line.strip().partition("/")
        if word:
            roots[word.lower()] = roots.get(word.lower(), "") + word_flags
    affixes = Affixes(
        begin=settings.get("COMPOUNDBEGIN", "\0"),
        middle=settings.get("COMPOUNDMIDDLE", "\0"),
        end=settings.get("COMPOUNDEND", "\0"),
        only_in_compound=settings.get("ONLYINCOMPOUND", "\0"),
        need_affix=settings.get("NEEDAFFIX", "\0"),
        forbidden=settings.get("FORBIDDENWORD", "\0"),
    )
    return Dictionary(roots, suffixes, affixes)


def load(base: Path = DICTIONARY, cache_dir: Path = CACHE) -> Dictionary | None:
    """The dictionary at `base` (.dic and .aff), from the cached table when it is as new as
    the files; None when there is no dictionary."""
    dic, aff = base.with_suffix(".dic"), base.with_suffix(".aff")
    if not (dic.is_file() and aff.is_file()):
        return None
    stamp = (FORMAT, dic.stat().st_mtime_ns, dic.stat().st_size, aff.stat().st_mtime_ns)
    cached = cache_dir / f"{base.name}.pickle"
    try:
        with cached.open("rb") as kept:
            kept_stamp, dictionary = pickle.load(kept)  # noqa: S301 - our own file
        if kept_stamp == stamp and isinstance(dictionary, Dictionary):
            return dictionary
    except (OSError, pickle.UnpicklingError, EOFError, ValueError, TypeError):
        pass
    dictionary = parse(dic.read_text("utf-8"), aff.read_text("utf-8"))
    try:
        cache_dir.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile("wb", dir=cache_dir, delete=False) as file:
            pickle.dump((stamp, dictionary), file, protocol=pickle.HIGHEST_PROTOCOL)
        Path(file.name).replace(cached)
    except OSError:
        pass  # a read-only machine reads the files each time
    return dictionary


@cache
def dictionary() -> Dictionary | None:
    return load()


@lru_cache(maxsize=200_000)
def root(word: str) -> str:
    """The word's base form ("revisorerna" → "revisor"), the shortest if several ("beslutet"
    is a form of "beslut" and of "besluten"); the word itself if the dictionary does not
    know it."""
    found = dictionary()
    if found is None:
        return word
    roots = found.roots_of(word)
    if word in roots:
        return word
    return min(roots, key=lambda r: (len(r), r), default=word)


@lru_cache(maxsize=200_000)
def parts(word: str) -> tuple[str, ...]:
    """The roots of the parts of a compound ("kommundirektörsinstruktion" → kommun, direktör,
    instruktion); () for a word that is no compound, or one the dictionary knows whole and
    that is short."""
    found = dictionary()
    if found is None:
        return ()
    if len(word) < SPLIT_KNOWN_MIN and found.roots_of(word):
        return ()
    return tuple(found.parts(word))
