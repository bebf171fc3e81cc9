"""Polling on demand: fetch every pollable feed (or the named ones) now."""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Sequence

from monitor.errors import NotFoundError
from monitor.pipeline.poll import FeedJob, FeedReport, PollReport, poll_feeds
from monitor.storage import feeds as feed_store
from monitor.usecases.context import App


def poll_once(
    app: App, names: Sequence[str] = (), on_feed: Callable[[FeedReport], None] | None = None
) -> PollReport:
    """Fetch every pollable feed (or the named ones) now, whatever their due times."""
    app.sync_feeds()
    default = app.settings.fetch.default_interval
    with app.sessions() as session:
        if names:
            feeds = feed_store.feeds_named(session, names)
            missing = sorted(set(names) - {f.name for f in feeds})
            if missing:
                raise NotFoundError(f"no feed named {', '.join(map(repr, missing))}")
        else:
            feeds = feed_store.all_feeds(session)
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

        group_new(app)
    return report
