"""Polling on demand: fetch every pollable feed (or the named ones) now."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable, Sequence

from monitor.errors import NotFoundError
from monitor.pipeline.poll import FeedJob, FeedReport, PollReport, poll_feeds
from monitor.usecases.context import App


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
