"""``monitor run``: the scheduler ticks, the database decides what is due.

Two APScheduler 3 interval jobs tick: one polls the feeds the database says are due, one sends
the digests of the channels the database says are due (both claimed with conditional UPDATEs).
Cron expressions only compute a channel's next due time, which is stored; so a digest missed
while the machine was down is sent at start-up, a failed one is retried at its retry time, and
a restart after ``kill -9`` picks up where the last commit left off.
"""

from __future__ import annotations

import fcntl
import logging
import os
import signal
import socket
import threading
from datetime import timedelta
from pathlib import Path
from types import FrameType
from typing import IO
from zoneinfo import ZoneInfo

from apscheduler.executors.pool import ThreadPoolExecutor
from apscheduler.schedulers.blocking import BlockingScheduler

from monitor.errors import AlreadyRunningError
from monitor.pipeline.poll import pass_summary
from monitor.usecases import digests, polling
from monitor.usecases.context import App

log = logging.getLogger(__name__)

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


class Daemon:
    """Polls due feeds and sends due digests every ``tick`` until stopped."""

    def __init__(self, app: App, *, tick: timedelta = timedelta(seconds=30)) -> None:
        self.app = app
        self.tick = tick
        self.owner = f"{socket.gethostname()}:{os.getpid()}"
        self.stop_event = threading.Event()
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
        db_file = self.app.sqlite_file
        lock = SingleDaemonLock(Path(f"{db_file}.daemon.lock")) if db_file else None
        if lock is not None:
            lock.acquire()
        previous = {
            sig: signal.signal(sig, self._on_signal) for sig in (signal.SIGTERM, signal.SIGINT)
        }
        try:
            self.app.matcher  # noqa: B018  a broken watchlist stops the start, not every tick
            self.app.sync_feeds()
            if lock is not None:  # we are the only daemon on this database file
                stale = polling.release_stale_claims(self.app)
                if stale:
                    log.info("released %d claims left by a daemon that did not stop cleanly", stale)
            for name in digests.schedule_digests(self.app):
                log.info("digest %s is overdue (missed or awaiting a retry): sending now", name)
            self._schedule_jobs()
            polled, imported = polling.pollable_counts(self.app)
            log.info(
                "monitor daemon started: %d feeds%s, %d digest channels, tick %gs",
                polled,
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
        seconds = self.tick.total_seconds()
        for job, job_id in ((self.poll_due, "poll"), (self.send_due_digests, "digests")):
            self._scheduler.add_job(
                job,
                "interval",
                seconds=seconds,
                id=job_id,
                next_run_time=self.app.clock(),
                misfire_grace_time=max(1, int(seconds)),
            )

    # ---- jobs ---------------------------------------------------------------------------
    def poll_due(self) -> None:
        """Poll the feeds the database says are due; one INFO line per pass."""
        if self.stop_event.is_set():
            return
        report = polling.poll_due(self.app, self.lease, self.stop_event.is_set)
        if report is None:
            return
        t = report.totals()
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

    def send_due_digests(self) -> None:
        """Send the digests of the channels the database says are due, one after another."""
        if self.stop_event.is_set():
            return
        for name in digests.claim_due_digests(self.app, self.owner, DIGEST_LEASE):
            if self.stop_event.is_set():
                digests.release_digest_claim(self.app, name, self.owner)
                continue
            outcome = digests.run_claimed_digest(self.app, name, self.owner)
            if outcome is not None:
                log.info("digest %s: %s", name, outcome, extra={"channel": name})
