"""What one line of the duty dashboard shows: the evidence of a duty on a day, from a selector
of the data Kansli holds or from the duty's attestations."""

from collections.abc import Callable
from dataclasses import dataclass

from kansli.texts import StrOrPromise


@dataclass(frozen=True)
class Evidence:
    """What one duty's evidence shows today: green or red, in a sentence, with the number the
    sentence states (None when it states none) and the list behind it."""

    ok: bool  # green when True
    summary: str  # Swedish, e.g. "3 uppgifter är försenade"
    count: int | None  # the number the summary states (late items, missing reports...)
    url: str  # the list behind the line (a page of the followup app, filtered for the body)
    due_soon: bool = False  # an attestation due within 30 days


EvidenceSelector = Callable[..., Evidence]


def shortfall(count: int, *, found: StrOrPromise, none: StrOrPromise, url: str) -> Evidence:
    """The evidence of a duty kept while nothing is found: red with `found`, an
    `ngettext_lazy` numbered by "count", worded for the count; green with `none`."""
    summary = found % {"count": count} if count else none
    return Evidence(ok=count == 0, summary=str(summary), count=count, url=url)
