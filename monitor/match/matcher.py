"""The Matcher: compile a watchlist once, then match and score entries."""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from typing import Any

from monitor.match.automaton import AliasAutomaton
from monitor.match.hit import Field, Hit
from monitor.match.language import detect_language
from monitor.match.normalize import Normalizer
from monitor.match.scoring import ScoringRules, score_hits
from monitor.match.watchlist import Watchlist

EXPLANATION_VERSION = 1
_SPACE = re.compile(r"\s")


@dataclass
class MatchResult:
    """The outcome of matching one entry."""

    score: float
    relevant: bool
    language: str | None
    threshold: float
    watchlist_version: str
    hits: list[Hit] = field(default_factory=list)
    terms: list[str] = field(default_factory=list)
    term_ids: list[str] = field(default_factory=list)
    breakdown: list[dict[str, Any]] = field(default_factory=list)

    def to_explanation(self) -> dict[str, Any]:
        """A JSON-serialisable explanation of the score."""
        return {
            "version": EXPLANATION_VERSION,
            "language": self.language,
            "threshold": self.threshold,
            "score": self.score,
            "hits": [h.to_dict() for h in self.hits],
            "breakdown": [dict(b) for b in self.breakdown],
            "watchlist_version": self.watchlist_version,
        }


class Matcher:
    """Matches entries against a compiled watchlist. Picklable (rebuilds the automaton)."""

    def __init__(
        self, watchlist: Watchlist, threshold: float, rules: ScoringRules | None = None
    ) -> None:
        self.watchlist = watchlist
        self.threshold = threshold
        self.rules = rules or ScoringRules()
        self._automaton = AliasAutomaton(watchlist)
        self._normalizer = Normalizer()

    def __reduce__(self) -> tuple[Any, ...]:
        return (Matcher, (self.watchlist, self.threshold, self.rules))

    def find_hits(self, text: str, field_name: Field) -> list[Hit]:
        """Every watchlist hit in one field, with offsets into ``text``."""
        if not text:
            return []
        norm = self._normalizer.normalize(text)
        raw = self._automaton.find(norm, text)
        if not raw:
            return []
        spaces = [m.start() for m in _SPACE.finditer(norm.text)]
        hits = []
        for r in raw:
            entry = self.watchlist.entries[r.entry_index]
            start, end = norm.original_span(r.start, r.end)
            hits.append(
                Hit(
                    term_id=entry.id,
                    name=entry.name,
                    kind=entry.kind,
                    role=entry.role if entry.status == "curated" else "candidate",
                    alias=r.alias,
                    field=field_name,
                    start=start,
                    end=end,
                    text=text[start:end],
                    word=bisect_right(spaces, r.start),
                )
            )
        return hits

    def match(
        self, title: str, summary: str, content: str = "", language: str | None = None
    ) -> MatchResult:
        """Match and score one entry; ``language`` is the feed's hint."""
        hits = [
            *self.find_hits(title or "", "title"),
            *self.find_hits(summary or "", "summary"),
            *self.find_hits(content or "", "content"),
        ]
        sample = " ".join(part for part in (title, summary) if part) or content[:2000]
        detected = detect_language(sample, language)
        scored = score_hits(hits, self.watchlist, self.rules)
        names = []
        for term_id in scored.term_order:
            entry = self.watchlist.get(term_id)
            names.append(entry.name if entry else term_id)
        return MatchResult(
            score=scored.score,
            relevant=scored.score >= self.threshold,
            language=detected,
            threshold=self.threshold,
            watchlist_version=self.watchlist.version,
            hits=hits,
            terms=names,
            term_ids=list(scored.term_order),
            breakdown=scored.breakdown,
        )
