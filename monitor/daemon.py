"""``monitor run``: the scheduler ticks, the database decides what is due.

A polling thread claims feeds as they fall due, in batches sized to its free fetch slots
(:class:`~monitor.usecases.polling.FeedLoop`); an APScheduler 3 interval job sends the digests
of the channels the database says are due (claimed with conditional UPDATEs, 30 s leases
renewed while the send runs).
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
from apscheduler.schedulers.background import BackgroundScheduler

from monitor.errors import AlreadyRunningError, MonitorError
from monitor.usecases import digests, polling
from monitor.usecases.context import App
from monitor.usecases.instance import Instance

log = logging.getLogger(__name__)

STOP_CHECK = 0.2  # seconds between the main thread's looks at the stop event
# A digest run's claim: renewed every 10 s while the send runs (usecases.digests), so a killed
# sender's digest goes out within the lease, once.
DIGEST_LEASE = timedelta(seconds=30)


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
    """Polls feeds as they fall due and sends due digests (checked every ``tick``) until stopped."""

    def __init__(self, app: App, *, tick: timedelta = timedelta(seconds=30)) -> None:
        self.app = app
        self.tick = tick
        self.instance = Instance.current()
        self.owner = self.instance.id  # marks this process's claims
        self.stop_event = threading.Event()
        self._scheduler = BackgroundScheduler(
            executors={"default": ThreadPoolExecutor(max_workers=4)},
            job_defaults={"coalesce": True, "max_instances": 1},
            timezone=ZoneInfo("UTC"),
        )
        self._crashed: Exception | None = None
        self._poller = threading.Thread(target=self._poll, name="monitor-poll", daemon=True)

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
            else:  # only those of this host's daemons that are gone
                stale = polling.release_dead_claims(self.app, self.instance)
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
                self._poller.start()
                self._scheduler.start()
            # The main thread only waits, so a signal at any moment is handled the same way.
            while not self.stop_event.wait(STOP_CHECK):
                pass
        finally:
            if self._scheduler.running:
                # wait=True: the running jobs notice stop_event within a fraction of a second
                self._scheduler.shutdown(wait=True)
            if self._poller.is_alive():
                self._poller.join()
            for sig, handler in previous.items():
                signal.signal(sig, handler)
            if lock is not None:
                lock.release()
        log.info("monitor daemon stopped")
        if self._crashed is not None:
            raise MonitorError(f"polling failed: {self._crashed}") from self._crashed

    def stop(self) -> None:
        """Stop claiming work, abandon in-flight fetches, let running commits finish."""
        if self.stop_event.is_set():
            return
        self.stop_event.set()  # run() shuts the scheduler down and waits for the poll thread

    def _on_signal(self, signum: int, _frame: FrameType | None) -> None:
        log.info("received %s: stopping", signal.Signals(signum).name)
        self.stop()

    def _schedule_jobs(self) -> None:
        self._scheduler.add_job(
            self.send_due_digests,
            "interval",
            seconds=self.tick.total_seconds(),
            id="digests",
            next_run_time=self.app.clock(),
            misfire_grace_time=max(1, int(self.tick.total_seconds())),
        )

    # ---- jobs ---------------------------------------------------------------------------
    def _poll(self) -> None:
        """The polling thread: feeds are claimed and polled as they fall due until stopped."""
        try:
            polling.FeedLoop(self.app, self.owner, self.stop_event.is_set, self.tick).run()
        except Exception as exc:
            log.exception("polling stopped by an unexpected error: stopping the daemon")
            self._crashed = exc
            self.stop()

    def send_due_digests(self) -> None:
        """Send the digests of the channels the database says are due, one after another."""
        if self.stop_event.is_set():
            return
        for name in digests.claim_due_digests(self.app, self.owner, DIGEST_LEASE):
            if self.stop_event.is_set():
                digests.release_digest_claim(self.app, name, self.owner)
                continue
            outcome = digests.run_claimed_digest(self.app, name, self.owner)
            for line in outcome.lines() if outcome is not None else ():
                log.info("digest %s", line, extra={"channel": name})
