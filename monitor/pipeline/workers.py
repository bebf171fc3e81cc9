"""CPU-bound work of a poll pass (parsing, matching), runnable in a process pool.

Everything here takes and returns plain picklable data. The matcher reaches the work one way:
:func:`install_matcher`, called once per worker process by the pool's initializer
(:func:`init_worker`, which also bounds the worker's memory), or once in the calling process
when a pass parses in-process. Results cross the process boundary as
named tuples (pickled as a class reference and a tuple: several times cheaper than
dataclasses with datetimes, and still read by name).
"""

from __future__ import annotations

import resource
import signal
import threading
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any, NamedTuple, Protocol

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
        from monitor.parse import ParsedEntry, ParsedFeed

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


def init_worker(matcher: EntryMatcher | None, memory: int = WORKER_MEMORY) -> None:
    """Set up a pool worker process: its matcher, and a bound on its memory."""
    install_matcher(matcher)
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
) -> Ingested:
    """Parse feed bytes and, with ``match``, match every entry right here (no second round trip:
    for a feed with nothing stored yet every entry is new).

    Raises ParseError.
    """
    from monitor.parse import parse  # preloaded by the forkserver; a no-op lookup here

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
