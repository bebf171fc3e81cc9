"""Polling: every pollable feed (or the named ones) now, or the feeds the database says are due."""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Callable, Sequence
from datetime import timedelta

from monitor.errors import NotFoundError
from monitor.pipeline.poll import FeedJob, FeedReport, PollReport, poll_feeds
from monitor.storage import claims as claim_store
from monitor.storage import feeds as feed_store
from monitor.usecases.context import App

log = logging.getLogger(__name__)


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


def poll_due(app: App, lease: timedelta, should_stop: Callable[[], bool]) -> PollReport | None:
    """Claim the feeds the database says are due and poll them; None when none was due.

    When ``should_stop()`` turns true the pass is abandoned (in-flight fetches cancelled) and
    the claims of the feeds not stored yet are given back, due at once.
    """
    now = app.clock()
    default = app.settings.fetch.default_interval
    with app.sessions.begin() as session:
        feeds = feed_store.claim_due_feeds(session, now, lease, default)
    if not feeds:
        return None
    jobs = [FeedJob.of(f, default) for f in feeds]

    async def watched() -> PollReport | None:
        task = asyncio.create_task(
            poll_feeds(
                app.sessions,
                app.settings,
                jobs,
                matcher=lambda: app.matcher,  # built (once) when first needed
                clock=app.clock,
            )
        )
        while not task.done():
            if should_stop():
                task.cancel()
                break
            await asyncio.wait({task}, timeout=0.2)
        try:
            return await task
        except asyncio.CancelledError:
            return None

    try:
        report = asyncio.run(watched())
        if report is not None and report.totals()["new_matches"]:
            from monitor.usecases.stories import group_new

            started = time.perf_counter()
            group_new(app)
            report.timings.stories = time.perf_counter() - started
        return report
    finally:
        with app.sessions.begin() as session:
            released = claim_store.release_feed_claims(session, [j.id for j in jobs], app.clock())
        if released:
            log.info("stopped: %d claimed feeds given back unpolled", released)


def release_stale_claims(app: App) -> int:
    """Drop every feed and channel claim: only when no other daemon can be alive."""
    with app.sessions.begin() as session:
        return claim_store.release_stale_claims(session)


def pollable_counts(app: App) -> tuple[int, int]:
    """How many feeds the daemon polls (config and database), and how many of them were
    added with ``feeds add``/``feeds import``."""
    with app.sessions() as session:
        polled = [f for f in feed_store.all_feeds(session) if f.pollable]
    return len(polled), sum(1 for f in polled if f.origin == "import")
