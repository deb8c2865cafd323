"""The director's duties in the body's instruction, each with the evidence that shows, on a
given day, whether it is being fulfilled."""

from dataclasses import dataclass


@dataclass(frozen=True)
class Evidence:
    """What one duty's evidence shows today: green or red, in a sentence, with the number
    behind it and the list that number counts."""

    ok: bool  # green when True
    summary: str  # Swedish, e.g. "3 uppgifter är försenade"
    count: int  # the number behind the line (late items, missing reports...)
    url: str  # the list behind the line (a page of the followup app, filtered for the body)
