"""Words, Swedish stems and highlighted snippets. Pure Python: no Django.

Both databases index the same Snowball Swedish stems (snowballstemmer 3), made here, so that
"beslut" finds "beslutet" and "besluten" on either. PostgreSQL's own `swedish` configuration
is not used for stemming: the Snowball version in PostgreSQL 15 leaves "beslutet" as it is.
Stop words, the Snowball Swedish list that PostgreSQL ships too, are neither indexed nor
searched for.

A snippet marks its matches with two private-use characters, which the search turns into
<mark> after escaping everything else; they are removed from indexed text so that no text can
carry them in.
"""

import re
from functools import cache, lru_cache

import snowballstemmer

START, STOP = "\ue000", "\ue001"
WORD = re.compile(r"\w+")

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


def stems(text: str) -> list[str]:
    """The stems of the text's words, in order, stop words left out."""
    return [s for s in map(stem, words(text)) if s]


def stemmed(text: str) -> str:
    """The text as its stems, one space apart: what the index holds."""
    return " ".join(stems(text))


def query_stems(query: str) -> list[str]:
    """The distinct stems a query asks for, in order."""
    return list(dict.fromkeys(stems(query)))


def snippet(text: str, wanted: set[str], *, width: int = 30) -> str:
    """About `width` words of the text around the first word whose stem is wanted, with every
    such word between START and STOP; the beginning of the text when none is."""
    tokens = list(WORD.finditer(text))
    if not tokens:
        return ""
    hits = {i for i, m in enumerate(tokens) if stem(m.group().lower()) in wanted}
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
