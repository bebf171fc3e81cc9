"""CPU-bound work of a poll pass (parsing, matching), runnable in a process pool.

Everything here takes and returns plain picklable data. The matcher reaches the work one way:
:func:`install_matcher`, called once per worker process by the pool's initializer
(:func:`init_worker`, which also bounds the worker's memory), or once in the calling process
when a pass parses in-process. Results cross the process boundary as
named tuples (pickled as a class reference and a tuple: several times cheaper than
dataclasses with datetimes, and still read by name).
:func:`init_worker` also cuts the worker loose from what it inherited (signal handlers, sockets)
and ties its life to its parent's (the forkserver, which exits when the daemon does).
"""

from __future__ import annotations

import contextlib
import ctypes
import os
import resource
import signal
import stat
import sys
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


PR_SET_PDEATHSIG = 1  # <linux/prctl.h>
PARENT_CHECK_SECONDS = 1.0


def detach_from_parent() -> None:
    """Make a worker its own process that dies with its parent (the pool's forkserver, which
    exits when the daemon does).

    * SIGTERM kills it (the default), instead of running the daemon's inherited handler;
      SIGINT (a terminal's Ctrl-C reaches the whole process group) is ignored: the parent
      shuts its pool down.
    * The kernel kills it when the parent dies (``PR_SET_PDEATHSIG`` on Linux); a thread
      watching the parent pid is the fallback elsewhere (and covers a parent that died
      before the prctl call).
    * Every inherited socket (the daemon's database connections, its HTTP connections) is
      replaced by /dev/null: the worker never uses them, and a worker outliving its parent
      must not keep the parent's connections open.
    """
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if sys.platform == "linux":
        with contextlib.suppress(OSError, AttributeError):
            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    parent = os.getppid()
    if parent == 1:  # the parent died before the prctl call
        os._exit(1)
    _release_forkserver()
    _drop_inherited_sockets()
    threading.Thread(target=_watch_parent, args=(parent,), daemon=True).start()


def _release_forkserver() -> None:
    """Close this worker's copy of the forkserver's "alive" pipe.

    A forkserver exits when that pipe's write ends are all closed, which is meant to happen
    when the daemon dies; but multiprocessing hands every child a copy, so a live worker would
    keep its forkserver (and so, through ``PR_SET_PDEATHSIG``, itself) alive for ever. A pool
    worker starts no processes of its own: it needs no forkserver.
    """
    from multiprocessing import forkserver

    server = forkserver._forkserver  # the module's one instance (no public handle)
    fd = getattr(server, "_forkserver_alive_fd", None)
    if fd is not None:
        with contextlib.suppress(OSError):
            os.close(fd)
        setattr(server, "_forkserver_alive_fd", None)  # noqa: B010  (untyped attribute)


def _watch_parent(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(PARENT_CHECK_SECONDS)
    os._exit(1)


def _drop_inherited_sockets() -> None:
    try:
        fds = [int(fd) for fd in os.listdir("/proc/self/fd")]
    except OSError:  # no /proc: leave them (they are never used here)
        return
    devnull = os.open(os.devnull, os.O_RDWR)
    try:
        for fd in fds:
            with contextlib.suppress(OSError):
                if fd != devnull and stat.S_ISSOCK(os.fstat(fd).st_mode):
                    # dup2, not close: the fd number stays taken, so a finaliser of the
                    # inherited connection object can never write into an unrelated file
                    os.dup2(devnull, fd)
    finally:
        os.close(devnull)


def init_worker(matcher: EntryMatcher | None, memory: int = WORKER_MEMORY) -> None:
    """Set up a pool worker process: its matcher, its detachment from its parent (see
    :func:`detach_from_parent`), and a bound on its memory."""
    install_matcher(matcher)
    detach_from_parent()
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
