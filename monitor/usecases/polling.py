"""Polling: every pollable feed (or the named ones) now, or the daemon's continuous polling."""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any, TypeVar

from monitor.errors import MonitorError, NotFoundError, StorageError
from monitor.pipeline.poll import (
    POOL_MIN_FEEDS,
    FeedJob,
    FeedReport,
    Poller,
    PollReport,
    parse_workers,
    pass_slots,
    pass_summary,
    poll_feeds,
)
from monitor.storage import claims as claim_store
from monitor.storage import feeds as feed_store
from monitor.storage.db import write_session
from monitor.usecases.context import App
from monitor.usecases.instance import Instance, pid_alive

log = logging.getLogger(__name__)
T = TypeVar("T")


def poll_once(
    app: App, names: Sequence[str] = (), on_feed: Callable[[FeedReport], None] | None = None
) -> PollReport:
    """Fetch every pollable feed (or the named ones) now, whatever their due times."""
    feeds = app.sync_feeds().feeds  # the one SELECT of the feeds and their validators
    default = app.settings.fetch.default_interval
    if names:
        wanted = set(names)
        missing = sorted(wanted - {f.name for f in feeds})
        if missing:
            raise NotFoundError(f"no feed named {', '.join(map(repr, missing))}")
        feeds = [f for f in feeds if f.name in wanted]
    jobs = [FeedJob.of(f, default) for f in feeds if f.pollable]
    skipped = [
        FeedReport(f.name, "disabled", error=f.why_not_polled) for f in feeds if not f.pollable
    ]
    report = asyncio.run(
        poll_feeds(
            app.sessions,
            app.settings,
            jobs,
            matcher=lambda: app.matcher,  # built only if some feed has entries to match
            clock=app.clock,
            on_feed=on_feed,
        )
    )
    report.feeds.extend(skipped)
    if report.totals()["new_matches"]:
        from monitor.usecases.stories import group_new

        started = time.perf_counter()
        group_new(app)
        report.timings.stories = time.perf_counter() - started
    return report


# ---- the daemon's polling ---------------------------------------------------------------------

# A feed claim lasts this long and is renewed every third of it while the feed is in flight, so
# a dead daemon's feeds are free again within a minute, whatever the fetch deadline.
FEED_LEASE = timedelta(seconds=60)
REPORT_EVERY = 60.0  # seconds between "poll pass" lines while feeds keep falling due
STOP_CHECK = 0.2  # seconds: how soon a stop request is noticed while waiting
FLUSH_EVERY = 2.0  # seconds: deferred fetch outcomes (304s, errors) are written at least this often
MIN_SLEEP = 0.05  # seconds: the shortest wait for a due feed (another daemon may be claiming it)
OUTAGE_RETRY = (1.0, 30.0)  # seconds between database retries in an outage: first, at most


def release_dead_claims(app: App, me: Instance) -> int:
    """Give back the claims of this host's daemons that died without doing so (``kill -9``)."""
    with app.sessions.begin() as session:
        dead = me.dead_predecessors(claim_store.claim_owners(session), pid_alive)
        return claim_store.release_claims_of(session, dead, app.clock())


def release_stale_claims(app: App) -> int:
    """Drop every feed and channel claim: only when no other daemon can be alive."""
    with app.sessions.begin() as session:
        return claim_store.release_stale_claims(session)


@dataclass
class _Tally:
    feeds: int = 0
    new_entries: int = 0
    new_matches: int = 0
    errors: int = 0
    failures: list[FeedReport] = field(default_factory=list)

    def add(self, line: FeedReport) -> None:
        if line.status == "error":
            self.failures.append(line)
        self.feeds += 1
        self.new_entries += line.new_entries
        self.new_matches += line.new_matches
        self.errors += line.status == "error"


class FeedLoop:
    """The daemon's polling: claim due feeds in batches as fetch slots free up, and poll them.

    One event loop, one HTTP client, one parse pool and one writer for the daemon's life. A
    claim takes at most the free slots (SKIP LOCKED on PostgreSQL), so several daemons share
    the due feeds instead of the first one to look taking them all; when nothing is due the
    loop sleeps until the database's next due time (at most ``tick``), so a feed is fetched
    when it falls due, not at the next tick. Claims carry the daemon's id and are renewed
    while in flight. A database outage is one warning line; when the database is back, the
    claims of feeds whose results could not be stored are given back (due at once).
    """

    def __init__(
        self,
        app: App,
        owner: str,
        should_stop: Callable[[], bool],
        tick: timedelta,
        lease: timedelta = FEED_LEASE,
    ) -> None:
        self.app = app
        self.owner = owner
        self.should_stop = should_stop
        self.tick = tick.total_seconds()
        self.lease = lease
        self.in_flight: dict[int, asyncio.Task[None]] = {}
        self.tally = _Tally()
        self._reported: float | None = None
        self._started = time.monotonic()
        self._caught_up = False  # a claim found fewer due feeds than free slots
        self._ungrouped = 0  # new matches not grouped into stories yet
        self._outage_since: float | None = None
        self._retry = OUTAGE_RETRY[0]
        self._lost = False  # results not stored during an outage: claims to give back
        self._grouping: asyncio.Task[None] | None = None
        self._flushing: asyncio.Task[None] | None = None
        self._flushed = time.monotonic()
        self._regroup = False

    def run(self) -> None:
        asyncio.run(self._main())

    async def _main(self) -> None:
        settings = self.app.settings
        workers = parse_workers(None, POOL_MIN_FEEDS)
        capacity = pass_slots(settings, workers)
        batch = max(1, capacity // 4)
        poller = Poller(
            self.app.sessions,
            settings,
            matcher=lambda: self.app.matcher,  # built (once) when first needed
            clock=self.app.clock,
            workers=workers,
        )
        async with poller:
            renewer = asyncio.create_task(self._renew_claims())
            try:
                while not self.should_stop():
                    free = capacity - len(self.in_flight)
                    if free < batch:  # claim when a batch of slots is free
                        await self._wait(poller, self.tick, for_slot=True)
                        continue
                    claimed = await self._database(self._claim, free)
                    if claimed is None:  # the database is down: wait, then try again
                        await self._wait(poller, self._retry)
                        continue
                    for job in claimed:
                        self.in_flight[job.id] = asyncio.create_task(self._poll(poller, job))
                    self._caught_up = self._caught_up or len(claimed) < free
                    if len(claimed) == free:  # more may be due: claim again when slots free up
                        await self._wait(poller, self.tick, for_slot=True)
                        continue
                    wake = await self._database(self._next_due)
                    await self._wait(poller, self._retry if wake is None else max(wake, MIN_SLEEP))
            finally:
                renewer.cancel()
                await self._give_back()
                if self._flushing is not None:
                    await self._flushing
                self._report(force=True)
                if self._grouping is not None:
                    await self._grouping

    # ---- steps ---------------------------------------------------------------------------
    def _claim(self, free: int) -> list[FeedJob]:
        app = self.app
        default = app.settings.fetch.default_interval
        with write_session(app.sessions) as session:
            feeds = feed_store.claim_due_feeds(
                session, app.clock(), self.lease, default, limit=free, owner=self.owner
            )
        return [FeedJob.of(f, default) for f in feeds]

    def _next_due(self) -> float:
        """Seconds until the next feed falls due (at most the tick)."""
        now = self.app.clock()
        with self.app.sessions() as session:
            due = claim_store.next_feed_due(session, now)
        if due is None:
            return self.tick
        return min(self.tick, max(0.0, (due - now).total_seconds()))

    def _renew(self, ids: list[int]) -> None:
        with write_session(self.app.sessions) as session:
            until = self.app.clock() + self.lease
            claim_store.renew_feed_claims(session, ids, self.owner, until)

    def _release(self, keep: list[int]) -> int:
        with write_session(self.app.sessions) as session:
            return claim_store.release_claims_of(session, [self.owner], self.app.clock(), keep)

    async def _poll(self, poller: Poller, job: FeedJob) -> None:
        try:
            line = await poller.poll(job)
        except StorageError as exc:
            self._outage(exc)
            self._lost = True
        except MonitorError as exc:  # a watchlist broken since start-up: the feed stays claimed
            log.error("feed %s: %s", job.name, exc)
        else:
            self.tally.add(line)
            self._ungrouped += line.new_matches
        finally:
            self.in_flight.pop(job.id, None)
            if not self.in_flight:
                self._flush_if_due(poller)
                self._report()

    def _flush_if_due(self, poller: Poller) -> None:
        """Write the deferred fetch outcomes (304s, errors: they release those feeds' claims)
        when the in-flight feeds drain, or every :data:`FLUSH_EVERY` seconds."""
        if not poller.deferred or (self._flushing is not None and not self._flushing.done()):
            return
        if self.in_flight and time.monotonic() - self._flushed < FLUSH_EVERY:
            return
        self._flushed = time.monotonic()
        self._flushing = asyncio.get_running_loop().create_task(self._flush(poller))

    async def _flush(self, poller: Poller) -> None:
        try:
            failures = await poller.flush()
        except StorageError as exc:
            self._outage(exc)
            self._lost = True
            return
        for (feed_id, _state), error in failures:
            log.error("feed #%d: could not record the fetch: %s", feed_id, error)

    async def _renew_claims(self) -> None:
        every = self.lease.total_seconds() / 3
        while True:
            await asyncio.sleep(every)
            if self.in_flight:
                await self._database(self._renew, list(self.in_flight))

    async def _database(self, fn: Callable[..., T], *args: Any) -> T | None:
        """``fn(*args)`` in a thread (the event loop keeps fetching); None in an outage."""
        try:
            result = await asyncio.to_thread(fn, *args)
        except StorageError as exc:
            self._outage(exc)
            return None
        if self._outage_since is not None:
            await self._recovered()
        return result

    def _outage(self, exc: StorageError) -> None:
        if self._outage_since is None:
            self._outage_since = time.monotonic()
            log.warning("database unavailable, polling paused until it is back: %s", exc)
            log.debug("database fault", exc_info=exc)
        else:
            self._retry = min(self._retry * 2, OUTAGE_RETRY[1])

    async def _recovered(self) -> None:
        since, self._outage_since, self._retry = self._outage_since, None, OUTAGE_RETRY[0]
        released = 0
        if self._lost:
            self._lost = False
            released = await self._database(self._release, list(self.in_flight)) or 0
        log.info(
            "database available again after %.0fs; %d claims given back",
            time.monotonic() - (since or 0.0),
            released,
        )

    async def _wait(self, poller: Poller, seconds: float, *, for_slot: bool = False) -> None:
        """Sleep up to ``seconds``; sooner when stopping, or (``for_slot``) when a feed ends."""
        end = time.monotonic() + seconds
        while not self.should_stop() and (left := end - time.monotonic()) > 0:
            pending = set(self.in_flight.values()) if for_slot else set()
            if pending:
                done, _ = await asyncio.wait(
                    pending, timeout=min(STOP_CHECK, left), return_when=asyncio.FIRST_COMPLETED
                )
                if done:
                    return
            else:
                await asyncio.sleep(min(STOP_CHECK, left))
            self._flush_if_due(poller)
            self._report()

    async def _give_back(self) -> None:
        """Stopping: abandon in-flight fetches and give their claims back, due at once."""
        tasks = list(self.in_flight.values())
        ids = list(self.in_flight)
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
        if not ids:
            return
        try:
            with write_session(self.app.sessions) as session:
                released = claim_store.release_feed_claims(session, ids, self.app.clock())
        except StorageError as exc:
            log.warning("could not give back %d claims (they expire): %s", len(ids), exc)
            return
        if released:
            log.info("stopped: %d claimed feeds given back unpolled", released)

    def _report(self, *, force: bool = False) -> None:
        """A "poll pass" line: when every feed due at start-up has been polled (however many
        claims that took), then at most once a minute."""
        t = self.tally
        if self._ungrouped and not self.in_flight:
            self._ungrouped = 0
            self._group_stories()
        if not t.feeds:
            return
        since = time.monotonic() - (self._reported or self._started)
        first = self._reported is None and not self.in_flight and self._caught_up
        if not (force or first or since >= REPORT_EVERY):
            return
        totals = {
            "feeds": t.feeds,
            "new_entries": t.new_entries,
            "new_matches": t.new_matches,
            "errors": t.errors,
        }
        # every feed failed the same way (offline): say why, once
        summary = pass_summary(t.failures) if t.errors == t.feeds else None
        log.log(
            logging.WARNING if summary else logging.INFO,
            "poll pass: %d feeds, %d new entries, %d new matches, %d errors%s",
            t.feeds,
            t.new_entries,
            t.new_matches,
            t.errors,
            f" ({summary})" if summary else "",
            extra=totals,
        )
        self.tally = _Tally()
        self._reported = time.monotonic()
        if self._ungrouped:  # busy for a minute without draining: group what is there
            self._ungrouped = 0
            self._group_stories()

    def _group_stories(self) -> None:
        """Group the new matches into stories, in a thread, one grouping at a time."""
        if self._grouping is not None and not self._grouping.done():
            self._regroup = True  # matches stored since it started: group again after it
            return
        from monitor.usecases.stories import group_new

        async def group() -> None:
            await self._database(group_new, self.app)
            if self._regroup:
                self._regroup = False
                await self._database(group_new, self.app)

        self._grouping = asyncio.get_running_loop().create_task(group())


def pollable_counts(app: App) -> tuple[int, int]:
    """How many feeds the daemon polls (config and database), and how many of them were
    added with ``feeds add``/``feeds import``."""
    with app.sessions() as session:
        polled = [f for f in feed_store.all_feeds(session) if f.pollable]
    return len(polled), sum(1 for f in polled if f.origin == "import")
