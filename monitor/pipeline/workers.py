"""CPU-bound work of a poll pass (parsing, matching), runnable in a process pool.

Everything here takes and returns plain picklable data. The matcher reaches the work one way:
:func:`install_matcher`, called once per worker process by the pool's initializer, or once in
the calling process when a pass parses in-process. Results cross the process boundary as
named tuples (pickled as a class reference and a tuple: several times cheaper than
dataclasses with datetimes, and still read by name).
"""

from __future__ import annotations

import time
from collections.abc import Callable, Mapping, Sequence
from datetime import UTC, datetime
from typing import Any, NamedTuple, Protocol

from monitor.parse import ParsedEntry, ParsedFeed, parse


class MatchOutcome(Protocol):
    @property
    def score(self) -> float: ...
    @property
    def relevant(self) -> bool: ...
    @property
    def language(self) -> str | None: ...
    @property
    def terms(self) -> list[str]: ...
    @property
    def term_ids(self) -> list[str]: ...

    def to_explanation(self) -> dict[str, Any]: ...


class EntryMatcher(Protocol):
    def match(
        self, title: str, summary: str, content: str = "", language: str | None = None
    ) -> MatchOutcome: ...


# The matcher, or a function that builds it on first use (a pass of 304s never builds it).
MatcherSource = EntryMatcher | Callable[[], EntryMatcher | None] | None


class EntryVerdict(NamedTuple):
    """What matching decided about one entry, ready to store.

    Only a relevant entry is stored with its terms and explanation, so only a relevant
    verdict carries them (the others get empty ones, which cost nothing to pickle).
    """

    language: str | None
    relevant: bool
    score: float
    terms: list[str]
    term_ids: list[str]
    explanation: dict[str, Any]


class PackedEntry(NamedTuple):
    """A parsed entry on its way between processes: the time as a POSIX timestamp."""

    identity: str
    guid: str | None
    link: str | None
    url: str | None
    title: str
    summary: str
    content: str
    author: str | None
    published: float | None
    language: str | None


class Ingested(NamedTuple):
    """What :func:`ingest_job` returns: the feed, its entries, their verdicts and timings."""

    title: str | None
    link: str | None
    language: str | None
    ttl_minutes: int | None
    problem: str | None
    entries: list[PackedEntry]
    verdicts: list[EntryVerdict] | None  # None: not matched here
    parse_seconds: float
    match_seconds: float

    def unpack(self) -> tuple[ParsedFeed, list[EntryVerdict] | None]:
        """The parsed feed (entries with their datetimes back) and the verdicts."""
        entries = [
            ParsedEntry(
                *e[:8],
                datetime.fromtimestamp(e.published, UTC) if e.published is not None else None,
                e.language,
            )
            for e in self.entries
        ]
        feed = ParsedFeed(
            self.title, self.link, self.language, self.ttl_minutes, entries, self.problem
        )
        return feed, self.verdicts


_source: MatcherSource = None


def install_matcher(source: MatcherSource) -> None:
    """Make ``source`` this process's matcher (a pool initializer, or the in-process pass)."""
    global _source
    _source = source


def _matcher() -> EntryMatcher | None:
    """This process's matcher, built from its factory on first use."""
    global _source
    if callable(_source):
        _source = _source()
    return _source


def match_job(
    entries: Sequence[ParsedEntry], feed_language: str | None
) -> tuple[list[EntryVerdict], float]:
    """Match entries with this process's matcher; returns verdicts and seconds."""
    start = time.perf_counter()
    matcher = _matcher()
    verdicts = [verdict(matcher, e, feed_language) for e in entries]
    return verdicts, time.perf_counter() - start


def verdict(matcher: EntryMatcher | None, entry: ParsedEntry, hint: str | None) -> EntryVerdict:
    """Match one entry (no matcher: not relevant)."""
    language = entry.language or hint
    if matcher is None:
        return EntryVerdict(language, False, 0.0, [], [], {})
    r = matcher.match(entry.title, entry.summary, entry.content, language)
    if not r.relevant:
        return EntryVerdict(r.language, False, r.score, [], [], {})
    return EntryVerdict(
        r.language, True, r.score, list(r.terms), list(r.term_ids), r.to_explanation()
    )


def pack_entry(e: ParsedEntry) -> PackedEntry:
    stamp = e.published.timestamp() if e.published is not None else None
    return PackedEntry(
        e.identity, e.guid, e.link, e.url, e.title, e.summary, e.content, e.author, stamp,
        e.language,
    )  # fmt: skip


def ingest_job(
    content: bytes,
    headers: Mapping[str, str],
    max_text: int,
    feed_language: str | None,
    match: bool,
) -> Ingested:
    """Parse feed bytes and, with ``match``, match every entry right here (no second round trip:
    for a feed with nothing stored yet every entry is new).

    Raises ParseError.
    """
    start = time.perf_counter()
    parsed = parse(content, headers, max_text=max_text)
    parsed_at = time.perf_counter()
    verdicts: list[EntryVerdict] | None = None
    if match:
        matcher = _matcher()
        verdicts = [verdict(matcher, e, feed_language) for e in parsed.entries]
    return Ingested(
        parsed.title,
        parsed.link,
        parsed.language,
        parsed.ttl_minutes,
        parsed.problem,
        [pack_entry(e) for e in parsed.entries],
        verdicts,
        parsed_at - start,
        time.perf_counter() - parsed_at if match else 0.0,
    )
