"""A hit: one occurrence of a watchlist term in one field of an entry."""

from __future__ import annotations

from typing import Literal, NamedTuple

Field = Literal["title", "summary", "content"]


class Hit(NamedTuple):
    """Offsets ``start``/``end`` index the ORIGINAL field string; ``text`` is that slice.

    ``word`` is the index of the word in the normalized field (used for proximity rules).
    A named tuple: immutable and cheap to build (matching makes many).
    """

    term_id: str
    name: str
    kind: str
    role: str
    alias: str
    field: Field
    start: int
    end: int
    text: str
    word: int = 0

    def to_dict(self) -> dict[str, object]:
        """JSON-serialisable form."""
        return dict(self._asdict())


class Spot(NamedTuple):
    """Where a hit is, as scoring sees it: its term, field and word index.

    ``Matcher.match`` scores these and builds the full hits only when asked for them.
    """

    term_id: str
    field: Field
    word: int


Located = Hit | Spot  # what scoring takes: it reads term_id, field and word only
