"""The Matcher: compile a watchlist once, then match and score entries."""

from __future__ import annotations

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
SEPARATOR = "\x00"  # joins the fields of an entry for one matching pass


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
        self._names = {e.id: e.name for e in reversed(watchlist.entries)}  # first id wins
        self._entry_fields = [
            (e.id, e.name, e.kind, e.role if e.status == "curated" else "candidate")
            for e in watchlist.entries
        ]

    def __reduce__(self) -> tuple[Any, ...]:
        return (Matcher, (self.watchlist, self.threshold, self.rules))

    def find_hits(self, text: str, field_name: Field) -> list[Hit]:
        """Every watchlist hit in one field, with offsets into ``text``."""
        return self._find_in_fields([(text, field_name)]) if text else []

    def _find_in_fields(self, fields: list[tuple[str, Field]]) -> list[Hit]:
        """Hits of several fields from one normalization and one automaton pass.

        The fields are joined with NUL (a word boundary no alias contains); each hit is then
        mapped back to its field, with offsets and word index relative to that field.
        """
        if len(fields) > 1 and any(SEPARATOR in text for text, _ in fields):
            return [hit for field in fields for hit in self._find_in_fields([field])]
        joined = SEPARATOR.join(text for text, _ in fields)
        norm = self._normalizer.normalize(joined)
        raw = self._automaton.find_tuples(norm, joined)
        if not raw:
            return []
        normalized = norm.text
        identity = norm.origin is None
        # Where each field starts, in the normalized and in the joined original text.
        norm_starts = [0]
        orig_starts = [0]
        for text, _ in fields[:-1]:
            norm_starts.append(normalized.index(SEPARATOR, norm_starts[-1]) + 1)
            orig_starts.append(orig_starts[-1] + len(text) + 1)
        entry_fields = self._entry_fields
        hits = []
        for index, alias, raw_start, raw_end in raw:
            which = bisect_right(norm_starts, raw_start) - 1 if len(fields) > 1 else 0
            text, field_name = fields[which]
            offset = orig_starts[which]
            start, end = (
                (raw_start, raw_end) if identity else norm.original_span(raw_start, raw_end)
            )
            start -= offset
            end -= offset
            word = normalized.count(" ", norm_starts[which], raw_start)  # whitespace → " "
            term_id, name, kind, role = entry_fields[index]
            hits.append(
                Hit(term_id, name, kind, role, alias, field_name, start, end, text[start:end], word)
            )
        return hits

    def match(
        self, title: str, summary: str, content: str = "", language: str | None = None
    ) -> MatchResult:
        """Match and score one entry; ``language`` is the feed's hint."""
        parts: list[tuple[str, Field]] = [(title, "title"), (summary, "summary")]
        parts.append((content, "content"))
        hits = self._find_in_fields([(text, name) for text, name in parts if text])
        sample = " ".join(part for part in (title, summary) if part) or content[:2000]
        detected = detect_language(sample, language)
        scored = score_hits(hits, self.watchlist, self.rules)
        names = [self._names.get(term_id, term_id) for term_id in scored.term_order]
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
