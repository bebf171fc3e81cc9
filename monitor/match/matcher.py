"""The Matcher: compile a watchlist once, then match and score entries."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import partial
from typing import Any

from monitor.match.automaton import AliasAutomaton
from monitor.match.hit import Field, Hit, Located, Spot
from monitor.match.language import detect_language
from monitor.match.normalize import NormalizedText, Normalizer
from monitor.match.scoring import ScoringRules, Tier, score_hits, score_tier
from monitor.match.watchlist import Watchlist

EXPLANATION_VERSION = 1
SEPARATOR = "\x00"  # joins the fields of an entry for one matching pass


class MatchResult:
    """The outcome of matching one entry.

    ``hits``, ``terms``, ``term_ids`` and ``breakdown`` are computed on first use (most entries
    are not relevant, and only relevant ones are stored with them), from the hits and the
    matcher; the score was computed from where the hits are (``Spot``), which is all it needs.
    """

    __slots__ = (
        "_build", "_details", "_hits", "_matcher", "language", "relevant", "score", "threshold",
        "tier", "watchlist_version",
    )  # fmt: skip

    def __init__(
        self,
        score: float,
        relevant: bool,
        language: str | None,
        threshold: float,
        watchlist_version: str,
        hits: list[Hit] | None = None,
        terms: list[str] | None = None,
        term_ids: list[str] | None = None,
        breakdown: list[dict[str, Any]] | None = None,
        *,
        matcher: Matcher | None = None,
        tier: Tier | None = None,
        build: Callable[[], list[Hit]] | None = None,
    ) -> None:
        self.score = score
        self.tier = tier
        self.relevant = relevant
        self.language = language
        self.threshold = threshold
        self.watchlist_version = watchlist_version
        self._hits = hits if hits is not None or build is not None else []
        self._build = build
        self._matcher = matcher
        self._details: _Details | None = None
        if matcher is None:
            self._details = _Details(terms or [], term_ids or [], breakdown or [])

    @property
    def hits(self) -> list[Hit]:
        """Every hit, with offsets into its field (built on first use)."""
        if self._hits is None:
            self._hits = self._build() if self._build is not None else []
            self._build = None
        return self._hits

    @property
    def terms(self) -> list[str]:
        """Names of the contributing terms, most contributing first."""
        return self._explained().terms

    @property
    def term_ids(self) -> list[str]:
        return self._explained().term_ids

    @property
    def breakdown(self) -> list[dict[str, Any]]:
        """Each term's contribution and each rule that fired."""
        return self._explained().breakdown

    def _explained(self) -> _Details:
        if self._details is None:
            if self._matcher is None:
                raise ValueError("a match result without its matcher cannot explain itself")
            self._details = self._matcher.explain_hits(self.hits)
        return self._details

    def __reduce__(self) -> tuple[Any, ...]:
        return (
            _rebuild_result,
            (
                self.score, self.relevant, self.language, self.threshold, self.watchlist_version,
                self.hits, self.terms, self.term_ids, self.breakdown, self.tier,
            ),
        )  # fmt: skip

    def __repr__(self) -> str:
        return (
            f"MatchResult(score={self.score!r}, relevant={self.relevant!r}, "
            f"language={self.language!r}, tier={self.tier!r}, terms={self.terms!r})"
        )

    def to_explanation(self) -> dict[str, Any]:
        """A JSON-serialisable explanation of the score."""
        return {
            "version": EXPLANATION_VERSION,
            "language": self.language,
            "threshold": self.threshold,
            "score": self.score,
            "tier": self.tier,
            "hits": [h.to_dict() for h in self.hits],
            "breakdown": [dict(b) for b in self.breakdown],
            "watchlist_version": self.watchlist_version,
        }


def _rebuild_result(*args: Any) -> MatchResult:
    *fields, tier = args
    return MatchResult(*fields, tier=tier)


@dataclass(frozen=True, slots=True)
class _Details:
    """The human side of a score: contributing terms and the breakdown."""

    terms: list[str]
    term_ids: list[str]
    breakdown: list[dict[str, Any]]


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
        self._entry_ids = [e.id for e in watchlist.entries]

    def __reduce__(self) -> tuple[Any, ...]:
        return (Matcher, (self.watchlist, self.threshold, self.rules))

    def find_hits(self, text: str, field_name: Field) -> list[Hit]:
        """Every watchlist hit in one field, with offsets into ``text``."""
        return self._find_in_fields([(text, field_name)]) if text else []

    def _find_in_fields(self, fields: list[tuple[str, Field]]) -> list[Hit]:
        """Hits of several fields (distinct names) from one normalization and automaton pass."""
        return self._locate(fields)[1]()

    def _locate(
        self, fields: list[tuple[str, Field]]
    ) -> tuple[Sequence[Located], Callable[[], list[Hit]]]:
        """Where every hit is (term, field, word index), and a function building the hits.

        The fields are joined with NUL (a word boundary no alias contains); each hit is then
        mapped back to its field, with word index (and, when built, offsets) relative to it.
        """
        if len(fields) > 1 and any(SEPARATOR in text for text, _ in fields):
            hits = [hit for field in fields for hit in self._find_in_fields([field])]
            return hits, hits.copy
        joined = SEPARATOR.join(text for text, _ in fields)
        norm = self._normalizer.normalize(joined)
        raw = self._automaton.find_tuples(norm, joined)
        if not raw:
            return (), list
        normalized = norm.text
        # Where each field starts, in the normalized text.
        norm_starts = [0]
        for _ in fields[:-1]:
            norm_starts.append(normalized.index(SEPARATOR, norm_starts[-1]) + 1)
        norm_starts.append(len(normalized) + 1)  # no field starts there: the last one's end
        entry_ids = self._entry_ids
        count = normalized.count
        new = tuple.__new__  # a named tuple without its Python-level __new__ (a hot loop)
        spots: list[Spot] = []
        # Word indices by counting spaces (whitespace is " ") since the previous hit: the raw
        # hits come in text order, so the whole text is counted once.
        counted_to = words = 0
        field_name = fields[0][1]
        next_field = norm_starts[1]
        for index, _, raw_start, _ in raw:
            if raw_start >= next_field:  # the hit is in a later field
                which = bisect_right(norm_starts, raw_start) - 1
                counted_to, words, next_field = norm_starts[which], 0, norm_starts[which + 1]
                field_name = fields[which][1]
            words += count(" ", counted_to, raw_start)
            counted_to = raw_start
            spots.append(new(Spot, (entry_ids[index], field_name, words)))
        return spots, partial(self._hits, fields, norm, raw, spots)

    def _hits(
        self,
        fields: list[tuple[str, Field]],
        norm: NormalizedText,
        raw: list[tuple[int, str, int, int]],
        spots: list[Spot],
    ) -> list[Hit]:
        """The hits at ``spots``, with offsets into their field of the original text."""
        where: dict[str, tuple[str, int]] = {}
        offset = 0
        for text, field_of in fields:
            where[field_of] = (text, offset)
            offset += len(text) + 1
        span = None if norm.origin is None else norm.original_span
        entry_fields = self._entry_fields
        new = tuple.__new__
        hits: list[Hit] = []
        for (index, alias, raw_start, raw_end), (_, field_name, word) in zip(
            raw, spots, strict=True
        ):
            text, offset = where[field_name]
            start, end = (raw_start, raw_end) if span is None else span(raw_start, raw_end)
            start -= offset
            end -= offset
            term_id, name, kind, role = entry_fields[index]
            row = (term_id, name, kind, role, alias, field_name, start, end, text[start:end], word)
            hits.append(new(Hit, row))
        return hits

    def match(
        self, title: str, summary: str, content: str = "", language: str | None = None
    ) -> MatchResult:
        """Match and score one entry; ``language`` is the feed's hint.

        Only the score is computed here; the breakdown and term names wait until asked for.
        """
        fields: list[tuple[str, Field]] = []
        if title:
            fields.append((title, "title"))
        if summary:
            fields.append((summary, "summary"))
        if content:
            fields.append((content, "content"))
        spots, build = self._locate(fields) if fields else ((), list)
        sample = f"{title} {summary}" if title and summary else title or summary or content[:2000]
        detected = detect_language(sample, language)
        score, tier = score_tier(spots, self.watchlist, self.rules)
        return MatchResult(
            score,
            score >= self.threshold,
            detected,
            self.threshold,
            self.watchlist.version,
            None,
            matcher=self if spots else None,
            tier=tier,
            build=build,
        )

    def explain_hits(self, hits: list[Hit]) -> _Details:
        """Contributing terms (most first) and the score's breakdown, for ``hits``."""
        scored = score_hits(hits, self.watchlist, self.rules)
        names = [self._names.get(term_id, term_id) for term_id in scored.term_order]
        return _Details(names, list(scored.term_order), scored.breakdown)
