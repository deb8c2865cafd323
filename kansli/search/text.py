"""Words, the terms the index holds for them, queries and highlighted snippets. Pure Python:
no Django.

Each word of a text is indexed as terms: first its base form's Snowball Swedish stem
(snowballstemmer 3; the base form from the Swedish dictionary, `kansli.search.swedish`:
"revisorerna" and "revisor" are both "revis", "laddplatser" and "laddplats" both "laddplat"),
then its own stem and the word as written where they differ, then the stems of its parts if it
is a compound, so that "direktör" finds "kommundirektörsinstruktion". Both databases index the
same terms, made here.
PostgreSQL's own `swedish` configuration is not used: the Snowball version in PostgreSQL 15
leaves "beslutet" as it is. Stop words, the Snowball Swedish list that PostgreSQL ships too,
are neither indexed nor searched for.

A query is words (each matched by its base form, or by all of its parts if it is a compound),
prefixes (`laddpl*`) and phrases in quotes (`"yttrande över budget"`: the words one after the
other, stop words aside); every one of them must match.

A snippet marks its matches with two private-use characters, which the search turns into
<mark> after escaping everything else; they are removed from indexed text so that no text can
carry them in.
"""

import re
from dataclasses import dataclass
from functools import cache, cached_property, lru_cache

import snowballstemmer

from kansli.search import swedish

START, STOP = "\ue000", "\ue001"
# Letters and digits; the underscore parts words, as it does for both databases' parsers.
WORD = re.compile(r"[^\W_]+")
QUERY = re.compile(r'"([^"]*)"?|([^\W_]+)\*|([^\W_]+)')
PREFIX_MIN = 2
# A phrase's quotes as a word processor or a phone types them, too.
QUOTES = str.maketrans("“”„«»", '"""""')

_STOPWORD_TEXT = """
och det att i en jag hon som han på den med var sig för så till är men ett om hade de av
icke mig du henne då sin nu har inte hans honom skulle hennes där min man ej vid kunde något
från ut när efter upp vi dem vara vad över än dig kan sina här ha mot alla under någon eller
allt mycket sedan ju denna själv detta åt utan varit hur ingen mitt ni bli blev oss din dessa
några deras blir mina samma vilken er sådan vår blivit dess inom mellan sådant varför varje
vilka ditt vem vilket sitta sådana vart dina vars vårt våra ert era vilkas"""
STOPWORDS = frozenset(_STOPWORD_TEXT.split())


@cache
def _stemmer() -> snowballstemmer.stemmer:
    return snowballstemmer.stemmer("swedish")


@lru_cache(maxsize=100_000)
def stem(word: str) -> str:
    """The stem of a lower-case word; empty for a stop word."""
    return "" if word in STOPWORDS else _stemmer().stemWord(word)


def clean(text: str) -> str:
    """The text without the snippet markers."""
    return text.replace(START, "").replace(STOP, "")


def words(text: str) -> list[str]:
    return WORD.findall(text.lower())


@lru_cache(maxsize=200_000)
def terms(word: str) -> tuple[str, ...]:
    """The index terms of a lower-case word: its base form's stem first, then its own stem
    and the word itself if different, then its parts' stems; () for a stop word. The word as
    written is there for prefixes: "socialstyrel*" finds "socialstyrelsen", whose stem is
    "socialstyr"."""
    if word in STOPWORDS:
        return ()
    found = [stem(swedish.root(word)), stem(word), word]
    found += [stem(part) for part in swedish.parts(word)]
    return tuple(t for t in dict.fromkeys(found) if t)


def analysed(text: str) -> list[tuple[str, ...]]:
    """The terms of the text's words, a tuple to a word, in order, stop words left out."""
    return [t for t in map(terms, words(text)) if t]


@dataclass(frozen=True)
class Word:
    """A word of a query: found by any of its alternatives, each a set of terms that must all
    be there (its base form's stem; the stems of its parts, if it is a compound)."""

    alternatives: tuple[tuple[str, ...], ...]


@dataclass(frozen=True)
class Prefix:
    """`laddpl*`: any term that begins so (a word as written, or a stem)."""

    text: str


@dataclass(frozen=True)
class Phrase:
    """`"yttrande över budget"`: base forms one after the other."""

    terms: tuple[str, ...]


@dataclass(frozen=True)
class Query:
    parts: tuple[Word | Prefix | Phrase, ...]

    def __bool__(self) -> bool:
        return bool(self.parts)

    @cached_property
    def _wanted(self) -> tuple[frozenset[str], tuple[str, ...]]:
        whole: set[str] = set()
        prefixes = []
        for part in self.parts:
            if isinstance(part, Word):
                whole.update(t for alternative in part.alternatives for t in alternative)
            elif isinstance(part, Phrase):
                whole.update(part.terms)
            else:
                prefixes.append(part.text)
        return frozenset(whole), tuple(prefixes)

    def marks(self, word: str) -> bool:
        """Whether a word of a text is one the query asks for (to be marked in a snippet)."""
        whole, prefixes = self._wanted
        found = terms(word.lower())
        return any(t in whole or t.startswith(prefixes) for t in found)


def _word(word: str) -> Word | None:
    found = terms(word)
    if not found:
        return None
    alternatives: list[tuple[str, ...]] = [(found[0],)]
    parts = tuple(dict.fromkeys(s for s in map(stem, swedish.parts(word)) if s))
    if len(parts) > 1:
        alternatives.append(parts)
    return Word(tuple(alternatives))


def _prefix(text: str) -> Prefix | Word | None:
    return Prefix(text) if len(text) >= PREFIX_MIN else _word(text)


def _phrase(text: str) -> Phrase | Word | None:
    found = [word for word in words(text) if terms(word)]
    if len(found) == 1:
        return _word(found[0])
    return Phrase(tuple(terms(word)[0] for word in found)) if found else None


def parse(query: str) -> Query:
    """The query's words, prefixes and phrases, in order, each once."""
    parts: list[Word | Prefix | Phrase] = []
    for match in QUERY.finditer(query.lower().translate(QUOTES)):
        quoted, prefix, word = match.groups()
        part: Word | Prefix | Phrase | None
        if quoted is not None:
            part = _phrase(quoted)
        elif prefix is not None:
            part = _prefix(prefix)
        else:
            part = _word(word)
        if part is not None and part not in parts:
            parts.append(part)
    return Query(tuple(parts))


def snippet(text: str, query: Query, *, width: int = 30) -> str:
    """About `width` words of the text around the first word the query asks for, with every
    such word between START and STOP; the beginning of the text when none is."""
    tokens = list(WORD.finditer(text))
    if not tokens:
        return ""
    hits = {i for i, m in enumerate(tokens) if query.marks(m.group())}
    first = max(0, min(hits, default=0) - width // 3)
    last = min(len(tokens), first + width) - 1
    marked, position = [], tokens[first].start()
    for i in range(first, last + 1):
        token = tokens[i]
        marked.append(text[position : token.start()])
        marked.append(f"{START}{token.group()}{STOP}" if i in hits else token.group())
        position = token.end()
    prefix = "… " if first > 0 else ""
    suffix = " …" if last < len(tokens) - 1 else ""
    return prefix + "".join(marked).strip() + suffix
