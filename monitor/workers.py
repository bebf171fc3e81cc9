"""CPU-bound work of a poll pass (parsing, matching), runnable in a process pool.

Everything here takes and returns plain picklable data; the matcher is installed once per
worker process by :func:`init_worker`.
"""

from __future__ import annotations

import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from monitor.parse import ParsedEntry, ParsedFeed, parse


class MatchOutcome(Protocol):
    score: float
    relevant: bool
    language: str | None
    terms: list[str]
    term_ids: list[str]

    def to_explanation(self) -> dict[str, Any]: ...


class EntryMatcher(Protocol):
    def match(
        self, title: str, summary: str, content: str = "", language: str | None = None
    ) -> MatchOutcome: ...


@dataclass(frozen=True, slots=True)
class EntryVerdict:
    """What matching decided about one entry, ready to store."""

    language: str | None
    relevant: bool
    score: float
    terms: list[str]
    term_ids: list[str]
    explanation: dict[str, Any]


_matcher: EntryMatcher | None = None


def init_worker(matcher: EntryMatcher | None) -> None:
    global _matcher
    _matcher = matcher


def parse_job(
    content: bytes, headers: Mapping[str, str], max_text: int
) -> tuple[ParsedFeed, float]:
    """Parse feed bytes; returns the feed and the seconds it took. Raises ParseError."""
    start = time.perf_counter()
    parsed = parse(content, headers, max_text=max_text)
    return parsed, time.perf_counter() - start


def match_job(
    entries: Sequence[ParsedEntry], feed_language: str | None, matcher: EntryMatcher | None = None
) -> tuple[list[EntryVerdict], float]:
    """Match entries with the given matcher or the worker's; returns verdicts and seconds."""
    start = time.perf_counter()
    m = matcher or _matcher
    verdicts = [verdict(m, e, feed_language) for e in entries]
    return verdicts, time.perf_counter() - start


def verdict(matcher: EntryMatcher | None, entry: ParsedEntry, hint: str | None) -> EntryVerdict:
    language = entry.language or hint
    if matcher is None:
        return EntryVerdict(language, False, 0.0, [], [], {})
    r = matcher.match(entry.title, entry.summary, entry.content, language)
    return EntryVerdict(
        r.language, r.relevant, r.score, list(r.terms), list(r.term_ids), r.to_explanation()
    )
