"""A hit: one occurrence of a watchlist term in one field of an entry."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Literal

Field = Literal["title", "summary", "content"]


@dataclass(frozen=True, slots=True)
class Hit:
    """Offsets ``start``/``end`` index the ORIGINAL field string; ``text`` is that slice.

    ``word`` is the index of the word in the normalized field (used for proximity rules).
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
        return asdict(self)
