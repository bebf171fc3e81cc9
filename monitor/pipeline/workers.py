"""CPU-bound work of a poll pass (parsing, matching), runnable in a process pool.

Everything here takes and returns plain picklable data; the matcher is installed once per
worker process by :func:`init_worker`.
"""

from __future__ import annotations

import resource
import signal
import threading
import time
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any, Protocol

from monitor.errors import ParseError

if TYPE_CHECKING:  # imported on first use: a pass of 304s never loads feedparser
    from monitor.parse import ParsedEntry, ParsedFeed

# Address space one parse worker may grow by beyond its size at start (RLIMIT_AS): a feed that
# needs more is an error of that feed (MemoryError), not the machine's swap.
WORKER_MEMORY = 768 * 1024 * 1024


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


def init_worker(matcher: EntryMatcher | None, memory: int = WORKER_MEMORY) -> None:
    """Set up a worker process: the matcher, and a bound on its memory."""
    global _matcher
    _matcher = matcher
    if memory:
        _limit_memory(memory)


def _limit_memory(extra: int) -> None:
    try:
        with open("/proc/self/statm") as fh:
            size = int(fh.read().split()[0]) * resource.getpagesize()
        _, hard = resource.getrlimit(resource.RLIMIT_AS)
        soft = size + extra
        if hard != resource.RLIM_INFINITY:
            soft = min(soft, hard)
        resource.setrlimit(resource.RLIMIT_AS, (soft, hard))
    except (OSError, ValueError):
        pass  # not Linux, or not allowed: the parse runs unbounded, as in-process parsing does


class _Overrun(BaseException):
    """Raised by the parse timer. A BaseException, so no ``except Exception`` swallows it."""


@contextmanager
def deadline(seconds: float) -> Iterator[None]:
    """Interrupt the enclosed code after ``seconds`` of wall clock with a ParseError.

    Uses SIGALRM, so only in the main thread of a process (a worker process, or the CLI's
    in-process parsing); elsewhere it does nothing.
    """
    if seconds <= 0 or threading.current_thread() is not threading.main_thread():
        yield
        return

    def ring(signum: int, frame: object) -> None:
        raise _Overrun

    previous = signal.signal(signal.SIGALRM, ring)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    except _Overrun:
        raise ParseError(f"parsing took longer than the {seconds:g}s limit") from None
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def match_job(
    entries: Sequence[ParsedEntry], feed_language: str | None, matcher: EntryMatcher | None = None
) -> tuple[list[EntryVerdict], float]:
    """Match entries with the given matcher or the worker's; returns verdicts and seconds."""
    start = time.perf_counter()
    m = matcher or _matcher
    verdicts = [verdict(m, e, feed_language) for e in entries]
    return verdicts, time.perf_counter() - start


def verdict(matcher: EntryMatcher | None, entry: ParsedEntry, hint: str | None) -> EntryVerdict:
    """Match one entry (see :func:`packed_verdict`)."""
    return EntryVerdict(*packed_verdict(matcher, entry, hint))


def packed_verdict(
    matcher: EntryMatcher | None, entry: ParsedEntry, hint: str | None
) -> PackedVerdict:
    """Match one entry, as the fields of an :class:`EntryVerdict`.

    Only a relevant entry is stored with its terms and explanation, so only a relevant verdict
    carries them (the others get empty ones: the matcher never builds them, and they cost
    nothing to pickle).
    """
    language = entry.language or hint
    if matcher is None:
        return (language, False, 0.0, [], [], {})
    r = matcher.match(entry.title, entry.summary, entry.content, language)
    if not r.relevant:
        return (r.language, False, r.score, [], [], {})
    return (r.language, True, r.score, list(r.terms), list(r.term_ids), r.to_explanation())


# Results cross the process boundary as plain tuples: pickling dataclasses (a class lookup and
# a state dict per object) and datetimes costs several times more on both ends.
PackedEntry = tuple[
    str, str | None, str | None, str | None, str, str, str, str | None, float | None, str | None
]
PackedFeed = tuple[str | None, str | None, str | None, int | None, str | None]
PackedVerdict = tuple[str | None, bool, float, list[str], list[str], dict[str, Any]]
Ingested = tuple[PackedFeed, list[PackedEntry], list[PackedVerdict] | None, float, float]


def pack_entry(e: ParsedEntry) -> PackedEntry:
    stamp = e.published.timestamp() if e.published is not None else None
    return (
        e.identity, e.guid, e.link, e.url, e.title, e.summary, e.content, e.author, stamp,
        e.language,
    )  # fmt: skip


def unpack_entry(t: PackedEntry) -> ParsedEntry:
    from monitor.parse import ParsedEntry

    stamp = t[8]
    published = datetime.fromtimestamp(stamp, UTC) if stamp is not None else None
    return ParsedEntry(t[0], t[1], t[2], t[3], t[4], t[5], t[6], t[7], published, t[9])


def unpack(packed: Ingested) -> tuple[ParsedFeed, list[EntryVerdict] | None]:
    """The parsed feed (and verdicts, when matched) of an :func:`ingest_job` result."""
    from monitor.parse import ParsedFeed

    (title, link, language, ttl, problem), entries, verdicts, _, _ = packed
    feed = ParsedFeed(title, link, language, ttl, [unpack_entry(e) for e in entries], problem)
    return feed, None if verdicts is None else [EntryVerdict(*v) for v in verdicts]


def timed_ingest_job(seconds: float, *args: Any) -> Ingested:
    """:func:`ingest_job` within a deadline and with memory exhaustion reported as ParseError."""
    try:
        with deadline(seconds):
            return ingest_job(*args)
    except MemoryError:
        raise ParseError("parsing needed more memory than a parse worker may use") from None


def ingest_job(
    content: bytes,
    headers: Mapping[str, str],
    max_text: int,
    feed_language: str | None,
    match: bool,
    matcher: EntryMatcher | None = None,
) -> Ingested:
    """Parse feed bytes and, with ``match``, match every entry right here (no second round trip:
    for a feed with nothing stored yet every entry is new). Returns the packed feed, entries and
    verdicts (None without ``match``) and the seconds parsing and matching took.

    Raises ParseError.
    """
    from monitor.parse import parse  # imported before the fork; a no-op lookup here

    start = time.perf_counter()
    parsed = parse(content, headers, max_text=max_text)
    parsed_at = time.perf_counter()
    packed_verdicts: list[PackedVerdict] | None = None
    if match:
        m = matcher or _matcher
        packed_verdicts = [packed_verdict(m, e, feed_language) for e in parsed.entries]
    meta = (parsed.title, parsed.link, parsed.language, parsed.ttl_minutes, parsed.problem)
    entries = [pack_entry(e) for e in parsed.entries]
    return (
        meta,
        entries,
        packed_verdicts,
        parsed_at - start,
        time.perf_counter() - parsed_at if match else 0.0,
    )
