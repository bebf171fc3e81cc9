"""``monitor run``: the scheduler ticks, the database decides what is due.

One APScheduler 3 job polls the feeds the database says are due (claimed with a conditional
UPDATE); one cron job per digest channel sends that channel's digest. Schedule state lives in
the database, so a digest missed while the machine was down is sent once at start-up and a
restart after ``kill -9`` picks up where the last commit left off.
"""

from __future__ import annotations

import asyncio
import fcntl
import logging
import os
import signal
import socket
import threading
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path
from types import FrameType
from typing import IO, Any
from zoneinfo import ZoneInfo

from apscheduler.executors.pool import ThreadPoolExecutor
from apscheduler.schedulers.blocking import BlockingScheduler
from apscheduler.triggers.cron import CronTrigger
from sqlalchemy.engine import make_url

from monitor.errors import AlreadyRunningError, MonitorError
from monitor.pipeline.poll import FeedJob, pass_summary, poll_feeds
from monitor.pipeline.schedule import next_fire
from monitor.storage import claims as claim_store
from monitor.storage import feeds as feed_store
from monitor.usecases.context import App

log = logging.getLogger(__name__)

DIGEST_MISFIRE_GRACE = 6 * 3600  # a run late by up to 6 h (suspend, busy pool) still happens
DIGEST_LEASE = timedelta(minutes=30)


class SingleDaemonLock:
    """An exclusive lock file beside a SQLite database: one daemon per database file."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._fh: IO[str] | None = None

    def acquire(self) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fh = self.path.open("a+")
        try:
            fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            fh.seek(0)
            holder = fh.read().strip() or "another process"
            fh.close()
            raise AlreadyRunningError(
                f"another monitor daemon ({holder}) is already running on this database; "
                "SQLite allows one daemon per database file (use PostgreSQL to run several)"
            ) from None
        fh.seek(0)
        fh.truncate()
        fh.write(f"pid {os.getpid()} on {socket.gethostname()}\n")
        fh.flush()
        self._fh = fh

    def release(self) -> None:
        if self._fh is not None:
            fcntl.flock(self._fh, fcntl.LOCK_UN)
            self._fh.close()
            self._fh = None


def sqlite_lock_path(url: str) -> Path | None:
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite" or not parsed.database:
        return None
    if parsed.database == ":memory:":
        return None
    return Path(parsed.database + ".daemon.lock")


DigestSender = Callable[[App, str], Any]


class Daemon:
    """Polls due feeds every ``tick`` and sends digests on their schedules until stopped."""

    def __init__(
        self,
        app: App,
        *,
        tick: timedelta = timedelta(seconds=30),
        send_digest: DigestSender | None = None,
    ) -> None:
        self.app = app
        self.tick = tick
        self.owner = f"{socket.gethostname()}:{os.getpid()}"
        self.stop_event = threading.Event()
        self._send_digest = send_digest or _default_sender
        self._scheduler = BlockingScheduler(
            executors={"default": ThreadPoolExecutor(max_workers=4)},
            job_defaults={"coalesce": True, "max_instances": 1},
            timezone=ZoneInfo("UTC"),
        )
        settings = app.settings.fetch
        self.lease = max(timedelta(minutes=5), settings.deadline * 3)

    # ---- life cycle -------------------------------------------------------------------
    def run(self) -> None:
        """Block until SIGTERM/SIGINT (or :meth:`stop`); exit cleanly."""
        lock_path = sqlite_lock_path(self.app.settings.database.url)
        lock = SingleDaemonLock(lock_path) if lock_path else None
        if lock is not None:
            lock.acquire()
        previous = {
            sig: signal.signal(sig, self._on_signal) for sig in (signal.SIGTERM, signal.SIGINT)
        }
        try:
            self.app.matcher  # noqa: B018  a broken watchlist stops the start, not every tick
            self.app.sync_feeds()
            if lock is not None:  # we are the only daemon on this database file
                with self.app.sessions.begin() as session:
                    stale = claim_store.release_stale_claims(session)
                if stale:
                    log.info("released %d claims left by a daemon that did not stop cleanly", stale)
            self._schedule_jobs()
            with self.app.sessions() as session:
                known = feed_store.all_feeds(session)
            polled = [f for f in known if f.pollable]
            imported = sum(1 for f in polled if f.origin == "import")
            log.info(
                "monitor daemon started: %d feeds%s, %d digest channels, tick %gs",
                len(polled),
                f" ({imported} imported)" if imported else "",
                len(self.app.settings.digests),
                self.tick.total_seconds(),
            )
            if not self.stop_event.is_set():
                self._scheduler.start()
        finally:
            for sig, handler in previous.items():
                signal.signal(sig, handler)
            if lock is not None:
                lock.release()
        log.info("monitor daemon stopped")

    def stop(self) -> None:
        """Stop claiming work, abandon in-flight fetches, let running commits finish."""
        if self.stop_event.is_set():
            return
        self.stop_event.set()
        if self._scheduler.running:
            # wait=True: the running jobs notice stop_event within a fraction of a second
            threading.Thread(target=self._scheduler.shutdown, kwargs={"wait": True}).start()

    def _on_signal(self, signum: int, _frame: FrameType | None) -> None:
        log.info("received %s: stopping", signal.Signals(signum).name)
        self.stop()

    def _schedule_jobs(self) -> None:
        now = self.app.clock()
        self._scheduler.add_job(
            self.poll_due,
            "interval",
            seconds=self.tick.total_seconds(),
            id="poll",
            next_run_time=now,
            misfire_grace_time=max(1, int(self.tick.total_seconds())),
        )
        for channel in self.app.settings.digests:
            if not channel.enabled:
                continue
            with self.app.sessions.begin() as session:
                state = claim_store.ensure_channel_state(
                    session, channel.name, next_fire(channel.schedule, channel.timezone, now)
                )
                missed = state.next_run_at is not None and state.next_run_at <= now
            trigger = CronTrigger.from_crontab(
                channel.schedule, timezone=ZoneInfo(channel.timezone)
            )
            self._scheduler.add_job(
                self.run_digest,
                trigger,
                args=[channel.name],
                id=f"digest:{channel.name}",
                misfire_grace_time=DIGEST_MISFIRE_GRACE,
            )
            if missed:
                log.info("digest %s was due while the monitor was down: sending now", channel.name)
                self._scheduler.add_job(
                    self.run_digest,
                    "date",
                    run_date=now,
                    args=[channel.name],
                    id=f"catch-up:{channel.name}",
                    misfire_grace_time=None,
                )

    # ---- jobs ---------------------------------------------------------------------------
    def poll_due(self) -> None:
        """Claim the due feeds and poll them; one INFO line per pass."""
        if self.stop_event.is_set():
            return
        app = self.app
        now = app.clock()
        default = app.settings.fetch.default_interval
        with app.sessions.begin() as session:
            feeds = feed_store.claim_due_feeds(session, now, self.lease, default)
        if not feeds:
            return
        jobs = [FeedJob.of(f, default) for f in feeds]
        try:
            report = asyncio.run(self._poll(jobs))
        except asyncio.CancelledError:
            report = None
        finally:
            with app.sessions.begin() as session:
                released = claim_store.release_feed_claims(
                    session, [j.id for j in jobs], app.clock()
                )
            if released:
                log.info("stopped: %d claimed feeds given back unpolled", released)
        if report is None:
            return
        t = report.totals()
        if t["new_matches"]:
            from monitor.usecases.stories import group_new

            group_new(app)
        summary = pass_summary(report.feeds)  # every feed failed the same way: say why, once
        log.log(
            logging.WARNING if summary else logging.INFO,
            "poll pass: %d feeds, %d new entries, %d new matches, %d errors%s",
            t["feeds"],
            t["new_entries"],
            t["new_matches"],
            t["errors"],
            f" ({summary})" if summary else "",
            extra=t,
        )

    async def _poll(self, jobs: list[FeedJob]) -> Any:
        task = asyncio.create_task(
            poll_feeds(
                self.app.sessions,
                self.app.settings,
                jobs,
                matcher=lambda: self.app.matcher,  # built (once) when first needed
                clock=self.app.clock,
            )
        )
        while not task.done():
            if self.stop_event.is_set():
                task.cancel()
                break
            await asyncio.wait({task}, timeout=0.2)
        return await task

    def run_digest(self, name: str) -> None:
        """Send a channel's digest if the database says it is due and no one else claimed it."""
        if self.stop_event.is_set():
            return
        app = self.app
        channel = app.settings.channel(name)
        if channel is None:
            return
        now = app.clock()
        with app.sessions.begin() as session:
            if not claim_store.claim_channel_run(session, name, now, DIGEST_LEASE, self.owner):
                return
        ran = False
        try:
            self._send_digest(app, name)
            ran = True
        except MonitorError as exc:
            log.error("digest %s: %s", name, exc, extra={"channel": name})
        except Exception:
            log.exception("digest %s: failed", name)
        finally:
            finished = app.clock()
            with app.sessions.begin() as session:
                claim_store.finish_channel_run(
                    session,
                    name,
                    finished,
                    next_fire(channel.schedule, channel.timezone, finished)
                    if ran
                    else finished + min(timedelta(minutes=15), DIGEST_LEASE),
                    self.owner,
                    ran=ran,
                )


def _default_sender(app: App, name: str) -> Any:
    from monitor.usecases.digests import send_digest

    outcome = send_digest(app, name)
    log.info("digest %s: %s", name, outcome, extra={"channel": name})
    return outcome
