"""One poll pass: fetch feeds concurrently, parse and match in worker processes, store.

Fetching overlaps with parsing (a process pool, one worker per core) and with storing (one
writer thread, so SQLite sees one writer and the event loop never blocks on the database).
A feed's failure is recorded on that feed and never stops the others.
"""

from __future__ import annotations

import asyncio
import logging
import multiprocessing
import os
import queue
import time
from collections.abc import Callable, Sequence
from concurrent.futures import Executor, Future, ProcessPoolExecutor, ThreadPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import asdict, dataclass, field
from datetime import datetime, timedelta
from functools import cached_property
from typing import TYPE_CHECKING, Any, TypeVar

from monitor.config import Settings
from monitor.errors import FetchError, HttpStatusError, ParseError, StorageError, UsageError
from monitor.fetch import Fetched, Fetcher, FetchResult
from monitor.pipeline.schedule import Outcome, next_due
from monitor.pipeline.workers import (
    EntryMatcher,
    EntryVerdict,
    Ingested,
    MatcherSource,
    init_worker,
    install_matcher,
    match_job,
    timed_ingest_job,
)
from monitor.records import FeedRecord, FetchState, NewMatch
from monitor.storage import entries as entry_store
from monitor.storage import feeds as feed_store
from monitor.storage import matches as match_store
from monitor.storage.db import Session, Sessions, write_session

if TYPE_CHECKING:  # imported when a body arrives: a pass of 304s never loads feedparser
    from monitor.parse import ParsedEntry, ParsedFeed

log = logging.getLogger(__name__)
T = TypeVar("T")

# Below this many feeds a pass parses in-process: starting workers would cost more than it saves.
POOL_MIN_FEEDS = 8
# Most feeds one writer transaction stores (group commit: what queued while the last one ran).
STORE_BATCH = 64
# Seconds past the parse deadline after which the parent gives up on a worker and replaces it
# (the worker's own timer normally ends the parse first).
PARSE_GRACE = 5.0


@dataclass
class FeedReport:
    name: str
    status: str  # ok | not_modified | error | disabled
    new_entries: int = 0
    new_matches: int = 0
    error: str | None = None


_CAUSES = (  # (what the error text says, what it means), first match wins
    (("name or service not known", "name resolution", "nodename nor servname", "getaddrinfo"),
     "name resolution"),
    (("network is unreachable", "no route to host"), "network unreachable"),
    (("connection refused",), "connection refused"),
    (("all connection attempts failed",), "connection failed"),
    (("timed out", "timeout", "deadline"), "timeout"),
    (("ssl", "certificate", "tls"), "TLS"),
)  # fmt: skip
_OFFLINE = {"name resolution", "network unreachable"}


def failure_cause(error: str) -> str:
    """The kind of a feed's failure (``name resolution``, ``timeout``…), else the error itself."""
    low = error.lower()
    for needles, cause in _CAUSES:
        if any(n in low for n in needles):
            return cause
    return error


def pass_summary(feeds: Sequence[FeedReport]) -> str | None:
    """When every feed of a pass failed the same way: ``31 feeds failed: name resolution —
    is the network up?``; else None."""
    errors = [f.error or "" for f in feeds if f.status == "error"]
    if len(feeds) < 2 or len(errors) != len(feeds):
        return None
    causes = {failure_cause(e) for e in errors}
    if len(causes) != 1:
        return None
    cause = causes.pop()
    hint = " — is the network up?" if cause in _OFFLINE else ""
    return f"{len(errors)} feeds failed: {cause}{hint}"


@dataclass
class StageTimes:
    """Seconds spent per stage, summed over feeds (stages overlap, so they exceed wall time).

    fetch counts from the request's start (waits for a free connection included); parse and
    match are measured in the workers; store is the writer thread's busy time. stories is
    the grouping of the pass's new matches into stories, after the pass (not in wall).
    """

    fetch: float = 0.0
    parse: float = 0.0
    match: float = 0.0
    store: float = 0.0
    wall: float = 0.0
    stories: float = 0.0


@dataclass
class PollReport:
    feeds: list[FeedReport] = field(default_factory=list)
    timings: StageTimes = field(default_factory=StageTimes)

    def totals(self) -> dict[str, int]:
        return {
            "feeds": len(self.feeds),
            "new_entries": sum(f.new_entries for f in self.feeds),
            "new_matches": sum(f.new_matches for f in self.feeds),
            "errors": sum(f.status == "error" for f in self.feeds),
        }

    def to_json(self) -> dict[str, Any]:
        return {
            "feeds": [asdict(f) for f in self.feeds],
            "totals": self.totals(),
            "timings": {k: round(v, 4) for k, v in asdict(self.timings).items()},
        }


@dataclass(frozen=True)
class FeedJob:
    """What the fetch of one feed needs, detached from the database session."""

    id: int
    name: str
    url: str
    etag: str | None
    last_modified: str | None
    language: str | None
    interval: timedelta
    consecutive_errors: int
    # Never fetched successfully, so nothing stored: every entry is new and is matched right
    # after parsing, in the same worker job.
    unfetched: bool = False

    @classmethod
    def of(cls, feed: FeedRecord, default_interval: timedelta) -> FeedJob:
        interval = (
            timedelta(seconds=feed.interval_seconds) if feed.interval_seconds else default_interval
        )
        return cls(
            feed.id,
            feed.name,
            feed.url,
            feed.etag,
            feed.last_modified,
            feed.language,
            interval,
            feed.consecutive_errors,
            feed.last_ok_at is None,
        )


Clock = Callable[[], datetime]
Progress = Callable[[FeedReport], None]


def pool_context() -> multiprocessing.context.BaseContext:
    """How parse workers start: from a forkserver, never forked from this process.

    A poll pass runs beside other threads (the writer, asyncio's resolver, the daemon's
    scheduler and digest sends), and a fork copies whatever locks they hold at that instant
    (logging's, an SSL context's) into a child that can never release them; Python 3.12 warns
    about it and 3.14 no longer forks by default. The forkserver is a single-threaded process
    started once per process (it has imported the parser and the matcher); workers fork from
    it and get the matcher by pickle, once each (about 50 kB; rebuilding its automaton is the
    cost, paid in parallel). ``bench/pool_start.py`` measures it against fork and spawn.
    """
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(["monitor.pipeline.workers", "monitor.parse", "monitor.match"])
    return context


def parse_workers(requested: int | None, feeds: int) -> int:
    """How many parse processes a pass of ``feeds`` feeds gets (0: parse in-process)."""
    if feeds < POOL_MIN_FEEDS:
        return 0
    if requested is not None:
        return requested
    return min(os.cpu_count() or 1, 8) if (os.cpu_count() or 1) > 1 else 0


StoreFn = Callable[[Session], Any]
Record = tuple[int, FetchState]  # a feed's id and its fetch outcome
_Call = tuple[StoreFn | None, Record | None, asyncio.Future[Any]]


class StoreWriter:
    """One writer thread; store calls queued while a transaction runs share the next one.

    Per-feed transactions cost a session, BEGIN and COMMIT each; grouping them is most of the
    writer's saving on a cold pass. The fetch outcomes of a group are written by one
    executemany UPDATE per kind of outcome, after the group's other writes. When a grouped
    transaction fails, its calls are retried one transaction each, so one feed's fault never
    loses another feed's entries.

    An outcome with nothing else to store (a 304, a failed fetch) is deferred: all of them are
    written by :meth:`flush` at the end of the pass, in one transaction (a warm pass of 200
    feeds is one BEGIN, one executemany UPDATE, one COMMIT).
    """

    def __init__(self, sessions: Sessions, times: StageTimes) -> None:
        self.sessions = sessions
        self.times = times
        self._queue: queue.SimpleQueue[_Call] = queue.SimpleQueue()
        self._thread = ThreadPoolExecutor(max_workers=1, thread_name_prefix="monitor-store")
        self._deferred: list[Record] = []

    @property
    def deferred(self) -> int:
        """Outcomes waiting for :meth:`flush`."""
        return len(self._deferred)

    def defer(self, record: Record) -> None:
        """Write ``record`` with the pass's other deferred outcomes, at :meth:`flush`."""
        self._deferred.append(record)

    async def flush(self) -> list[tuple[Record, Exception]]:
        """Write the deferred outcomes in one transaction; returns the ones that failed.

        If that transaction fails, each outcome is retried alone (one bad row loses no other).
        """
        records, self._deferred = self._deferred, []
        if not records:
            return []
        try:
            await self.run(lambda s: feed_store.record_fetches(s, records))
            return []
        except StorageError:
            raise  # the database itself failed (locked, read-only, damaged): the pass stops
        except Exception:
            log.warning("recording %d fetch outcomes together failed; one by one", len(records))
        failures = []
        for record in records:
            try:
                await self.run(None, record)
            except StorageError:
                raise
            except Exception as exc:
                failures.append((record, exc))
        return failures

    def write_deferred_now(self) -> None:
        """Write what :meth:`flush` did not (a cancelled pass), in the calling thread."""
        records, self._deferred = self._deferred, []
        if not records:
            return
        try:
            with write_session(self.sessions) as session:
                feed_store.record_fetches(session, records)
        except StorageError as exc:  # their claims expire or are given back
            log.warning("could not record %d fetch outcomes: %s", len(records), exc)
        except Exception:
            log.exception("could not record %d fetch outcomes", len(records))

    async def run(self, fn: StoreFn | None, record: Record | None = None) -> Any:
        """``fn(session)`` then ``record`` (written with the group's), in one transaction."""
        loop = asyncio.get_running_loop()
        future: asyncio.Future[Any] = loop.create_future()
        self._queue.put((fn, record, future))
        self._thread.submit(self._drain, loop)
        return await future

    def close(self) -> None:
        self._thread.shutdown(wait=True)

    def _drain(self, loop: asyncio.AbstractEventLoop) -> None:
        batch: list[_Call] = []
        while len(batch) < STORE_BATCH:
            try:
                batch.append(self._queue.get_nowait())
            except queue.Empty:
                break
        if not batch:
            return  # an earlier drain took this call's work
        start = time.perf_counter()
        results: list[tuple[Any, Exception | None]]
        try:
            try:
                with write_session(self.sessions) as session:
                    results = self._write(session, batch)
            except Exception:
                if len(batch) == 1:
                    raise
                results = [self._alone(call) for call in batch]
        except Exception as exc:
            results = [(None, exc)]
        finally:
            self.times.store += time.perf_counter() - start
        for (_, _, future), (value, error) in zip(batch, results, strict=True):
            loop.call_soon_threadsafe(_settle, future, value, error)

    @staticmethod
    def _write(session: Session, batch: list[_Call]) -> list[tuple[Any, Exception | None]]:
        results: list[tuple[Any, Exception | None]] = [
            (fn(session) if fn is not None else None, None) for fn, _, _ in batch
        ]
        records = [record for _, record, _ in batch if record is not None]
        if records:
            feed_store.record_fetches(session, records)
        return results

    def _alone(self, call: _Call) -> tuple[Any, Exception | None]:
        try:
            with write_session(self.sessions) as session:
                return self._write(session, [call])[0]
        except Exception as exc:
            return None, exc


async def _within(job: Future[T], seconds: float) -> T:
    """The job's result; TimeoutError when it runs ``seconds`` without finishing.

    The clock starts when the job is running (handed to a worker), not when it was queued.
    """
    waiting = asyncio.wrap_future(job)
    loop = asyncio.get_running_loop()
    started: float | None = None
    while True:
        done, _ = await asyncio.wait({waiting}, timeout=0.1)
        if done:
            return waiting.result()
        if started is None and job.running():
            started = loop.time()
        if started is not None and loop.time() - started > seconds:
            waiting.cancel()
            raise TimeoutError


def _settle(future: asyncio.Future[Any], value: Any, error: Exception | None) -> None:
    if future.done():
        return
    if error is not None:
        future.set_exception(error)
    else:
        future.set_result(value)


class _Pass:
    """The executors and counters of one poll pass."""

    def __init__(
        self,
        sessions: Sessions,
        settings: Settings,
        matcher: MatcherSource,
        clock: Clock,
        workers: int,
    ) -> None:
        self.sessions = sessions
        self.settings = settings
        self._matcher_source = matcher
        self.clock = clock
        self.times = StageTimes()
        self.writer = StoreWriter(sessions, self.times)
        self.workers = workers
        self.pool: Executor | None = None
        if not workers:  # parsed here: the workers' one way to the matcher, in this process
            install_matcher(lambda: self.matcher)

    @cached_property
    def matcher(self) -> EntryMatcher | None:
        """Built (when given as a factory) on first use: a pass of 304s never builds it."""
        source = self._matcher_source
        return source() if callable(source) else source

    def close(self) -> None:
        if self.pool is not None:
            self.pool.shutdown(wait=False, cancel_futures=True)
        self.writer.close()
        self.writer.write_deferred_now()

    def start_pool(self) -> Executor:
        """The worker pool, started on first call by the forkserver (see :func:`pool_context`).

        Each worker gets the matcher once, through the pool's initializer.
        """
        if self.pool is None:
            self.pool = ProcessPoolExecutor(
                self.workers,
                mp_context=pool_context(),
                initializer=init_worker,
                initargs=(self.matcher,),
            )
        return self.pool

    def replace_pool(self, broken: Executor) -> None:
        """Kill the workers of ``broken`` (one is stuck or dead); the next job starts new ones."""
        if self.pool is not broken:
            return  # another feed already replaced it
        self.pool = None
        if isinstance(broken, ProcessPoolExecutor):
            for process in list((broken._processes or {}).values()):
                process.kill()
        broken.shutdown(wait=False, cancel_futures=True)

    async def ingest(self, *args: Any) -> Ingested:
        """Parse (and maybe match) one body within the parse deadline. Raises ParseError.

        A worker that overruns the deadline by :data:`PARSE_GRACE` (stuck where its own timer
        cannot reach) is killed with its pool; feeds whose parse died with it get one retry.
        The parent's clock starts when the job leaves the pool's queue for a worker, so time
        spent waiting behind other feeds (or for workers to start) is not held against it.
        """
        seconds = self.settings.fetch.parse_deadline.total_seconds()
        if not self.workers:
            return timed_ingest_job(seconds, *args)
        attempt = 0
        while True:
            attempt += 1
            pool = self.start_pool()
            job = pool.submit(timed_ingest_job, seconds, *args)
            try:
                return await _within(job, seconds + PARSE_GRACE)
            except TimeoutError:
                self.replace_pool(pool)
                raise ParseError(
                    f"parsing took longer than the {seconds:g}s limit (worker replaced)"
                ) from None
            except BrokenProcessPool:
                self.replace_pool(pool)
                if attempt == 2:
                    raise ParseError("the parse worker died (out of memory?)") from None

    async def cpu(self, fn: Callable[..., T], *args: Any) -> T:
        if not self.workers:
            return fn(*args)
        # Started by the first body unless started earlier: a pass of 304s never forks.
        pool = self.start_pool()
        return await asyncio.get_running_loop().run_in_executor(pool, fn, *args)

    async def process(self, job: FeedJob, result: FetchResult | FetchError) -> FeedReport:
        """Parse, match and store one fetch result; one transaction writes the feed's state."""
        parsed: ParsedFeed | None = None
        verdicts: list[EntryVerdict] | None = None
        error: FetchError | ParseError | None = result if isinstance(result, FetchError) else None
        if isinstance(result, Fetched):
            try:
                packed = await self.ingest(
                    result.content,
                    dict(result.headers),
                    self.settings.fetch.max_text,
                    job.language,
                    job.unfetched,
                )
                parsed, verdicts = packed.unpack()
                self.times.parse += packed.parse_seconds
                self.times.match += packed.match_seconds
            except ParseError as exc:
                error = exc
        now = self.clock()
        state = fetch_state(job, result, parsed, error, now, self.settings)
        if parsed is None:
            self.writer.defer((job.id, state))
            if error is not None:
                log.debug("feed %s: error: %s", job.name, error)  # the pass has one INFO line
                return FeedReport(job.name, "error", error=str(error))
            return FeedReport(job.name, "not_modified")
        fresh: list[ParsedEntry] = parsed.entries
        matched_verdicts: list[EntryVerdict] = verdicts or []
        if verdicts is None:  # not matched in the worker: match the entries not stored yet
            entries = parsed.entries
            known = await self.writer.run(
                lambda s: entry_store.known_identities(s, job.id, [e.identity for e in entries])
            )
            fresh = new_entries_of(entries, known)
            if fresh:
                matched_verdicts, took = await self.cpu(match_job, fresh, job.language)
                self.times.match += took
        added, matched = await self.writer.run(
            lambda s: store_entries(s, job.id, fresh, matched_verdicts, now), (job.id, state)
        )
        log.debug("feed %s: %d new entries, %d new matches", job.name, added, matched)
        return FeedReport(job.name, "ok", new_entries=added, new_matches=matched)


class Poller:
    """Polls feeds as they are handed in, sharing one HTTP client, parse pool and writer.

    A pass (:func:`poll_feeds`) hands in a list; the daemon hands in feeds as it claims them,
    for as long as it runs. A feed's fetch, parse or processing fault is recorded on that feed;
    a :class:`~monitor.errors.StorageError` (the database, not the feed, failed: unreachable,
    locked for longer than the busy timeout) is raised to the caller instead, and nothing is
    recorded on the feed (its claim expires or is released by the caller).
    """

    def __init__(
        self,
        sessions: Sessions,
        settings: Settings,
        *,
        matcher: MatcherSource,
        clock: Clock,
        workers: int,
        fetcher: Fetcher | None = None,
    ) -> None:
        self.settings = settings
        self.run = _Pass(sessions, settings, matcher, clock, workers)
        self._given = fetcher
        self._owned: Fetcher | None = None

    async def __aenter__(self) -> Poller:
        if self._given is None:
            self._owned = await Fetcher(self.settings.fetch).__aenter__()
        return self

    async def __aexit__(self, *exc: object) -> None:
        try:
            if self._owned is not None:
                await self._owned.__aexit__(None, None, None)
                self._owned = None
        finally:
            self.run.close()

    @property
    def times(self) -> StageTimes:
        return self.run.times

    def prefork(self) -> None:
        """Start the parse workers now, so their start (forkserver, matcher) overlaps the first
        fetches. Without workers, nothing to do."""
        if self.run.workers:
            pool = self.run.start_pool()
            for _ in range(self.run.workers):
                pool.submit(int)  # a process pool starts a worker per waiting task

    async def poll(self, job: FeedJob) -> FeedReport:
        """Fetch, parse, match and store one feed; its report line."""
        fetcher = self._given or self._owned
        if fetcher is None:
            raise RuntimeError("Poller.poll outside `async with`")
        run = self.run
        fetch_start = time.perf_counter()
        try:
            try:
                result: FetchResult | FetchError = await fetcher.fetch(
                    job.url, etag=job.etag, last_modified=job.last_modified
                )
            except FetchError as exc:
                result = exc
            finally:
                run.times.fetch += time.perf_counter() - fetch_start
            return await run.process(job, result)
        except (asyncio.CancelledError, UsageError, StorageError):
            # UsageError: a broken watchlist, met when the matcher is built (lazily);
            # StorageError: the database failed, not this feed
            raise
        except Exception as exc:  # a bug on one feed must not stop the rest
            log.exception("feed %s: processing failed", job.name)
            failure = FetchError(f"internal error: {type(exc).__name__}: {exc}")
            state = fetch_state(job, failure, None, failure, run.clock(), self.settings)
            # recorded like any failed fetch: shown in status, backed off, claim released
            run.writer.defer((job.id, state))
            return FeedReport(job.name, "error", error=str(failure))

    @property
    def deferred(self) -> int:
        """Outcomes waiting for :meth:`flush`."""
        return self.run.writer.deferred

    async def flush(self) -> list[tuple[Record, Exception]]:
        """Write the outcomes deferred so far (304s, failed fetches: one transaction).

        Returns the ones that could not be written; a StorageError is raised instead (the
        database failed: the caller pauses, the claims are given back later).
        """
        failures = await self.run.writer.flush()
        for _record, exc in failures:
            if isinstance(exc, StorageError):
                raise exc
        return failures


async def poll_feeds(
    sessions: Sessions,
    settings: Settings,
    jobs: Sequence[FeedJob],
    *,
    matcher: MatcherSource,
    clock: Clock,
    fetcher: Fetcher | None = None,
    on_feed: Progress | None = None,
    workers: int | None = None,
) -> PollReport:
    """Fetch and process ``jobs`` with bounded concurrency; one report line per feed."""
    report = PollReport()
    started = time.perf_counter()
    poller = Poller(
        sessions,
        settings,
        matcher=matcher,
        clock=clock,
        workers=parse_workers(workers, len(jobs)),
        fetcher=fetcher,
    )
    if any(job.unfetched for job in jobs):
        poller.prefork()  # a first poll of some feed: bodies are coming
    # Backpressure: a feed holds a slot from its fetch until it is stored, so fetched bodies
    # cannot pile up waiting for a parse worker (memory stays flat however many feeds).
    slots = asyncio.Semaphore(pass_slots(settings, poller.run.workers))

    async def one(job: FeedJob) -> None:
        async with slots:
            line = await poller.poll(job)
        report.feeds.append(line)
        if on_feed is not None:
            on_feed(line)

    async with poller:
        await asyncio.gather(*(one(job) for job in jobs))
        names = {job.id: job.name for job in jobs}
        for (feed_id, _), exc in await poller.flush():
            name = names[feed_id]
            log.error("feed %s: could not record the fetch: %s", name, exc)
            failed = FeedReport(name, "error", error=f"could not record the fetch: {exc}")
            report.feeds = [failed if r.name == name else r for r in report.feeds]
    order = {job.name: i for i, job in enumerate(jobs)}
    report.feeds.sort(key=lambda r: order.get(r.name, 0))
    poller.times.wall = time.perf_counter() - started
    report.timings = poller.times
    return report


def pass_slots(settings: Settings, workers: int) -> int:
    """Feeds in flight at once: the fetch concurrency, plus a couple queued per parse worker."""
    return settings.fetch.concurrency + 2 * max(workers, 1)


def fetch_state(
    job: FeedJob,
    result: FetchResult | FetchError,
    parsed: ParsedFeed | None,
    error: Exception | None,
    now: datetime,
    settings: Settings,
) -> FetchState:
    """The feed row's new state after a fetch: a pure function of the outcome and now."""
    outcome = _outcome(result, parsed, error)
    due = next_due(
        name=job.name,
        interval=job.interval,
        outcome=outcome,
        consecutive_errors=job.consecutive_errors + 1 if error else 0,
        now=now,
        max_delay=settings.fetch.max_backoff,
    )
    http_status = getattr(result, "status", None)
    if error is not None or isinstance(result, FetchError):
        failure = error if error is not None else result
        gone = isinstance(failure, HttpStatusError) and failure.gone
        return FetchState("error", now, due, http_status=http_status, error=str(failure), gone=gone)
    if parsed is None or not isinstance(result, Fetched):
        return FetchState("not_modified", now, due, http_status=304, new_url=result.permanent_url)
    return FetchState(
        "ok",
        now,
        due,
        http_status=http_status,
        etag=result.etag,
        last_modified=result.last_modified,
        new_url=result.permanent_url,
        title=parsed.title,
    )


def new_entries_of(entries: Sequence[ParsedEntry], known: set[str]) -> list[ParsedEntry]:
    """The entries whose identity the feed has not stored yet."""
    return [e for e in entries if e.identity not in known]


def store_entries(
    session: Session,
    feed_id: int,
    fresh: Sequence[ParsedEntry],
    verdicts: Sequence[EntryVerdict],
    now: datetime,
) -> tuple[int, int]:
    """Insert new entries and the matches among them. Returns (entries, matches) added.

    Identities are checked again inside the write transaction, so a concurrent poll of the
    same feed (say, `monitor poll` beside the daemon) cannot store an entry twice.
    """
    if not fresh:
        return 0, 0
    known = entry_store.known_identities(session, feed_id, [e.identity for e in fresh])
    pairs = [(e, v) for e, v in zip(fresh, verdicts, strict=True) if e.identity not in known]
    ids = entry_store.insert_entries(
        session, feed_id, [e for e, _ in pairs], [v.language for _, v in pairs], now
    )
    matches = [
        NewMatch(entry_id, v.score, v.terms, v.term_ids, v.explanation)
        for entry_id, (_, v) in zip(ids, pairs, strict=True)
        if v.relevant
    ]
    return len(ids), match_store.insert_matches(session, matches, now)


def _outcome(
    result: FetchResult | FetchError, parsed: ParsedFeed | None, error: Exception | None
) -> Outcome:
    if isinstance(result, FetchError):
        retry = result.retry_after if isinstance(result, HttpStatusError) else None
        headers = result.headers if isinstance(result, HttpStatusError) else None
        return Outcome(ok=False, headers=headers, retry_after=retry)
    return Outcome(
        ok=error is None,
        headers=result.headers,
        ttl_minutes=parsed.ttl_minutes if parsed else None,
    )
