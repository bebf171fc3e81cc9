"""The monitor's view of itself: feeds, digest channels, database."""

from __future__ import annotations

from typing import Any

from monitor.storage import db
from monitor.storage import feeds as feed_store
from monitor.units import format_utc
from monitor.usecases.context import App


def status_report(app: App) -> dict[str, Any]:
    """The monitor's view of itself: feeds, digest channels, database."""
    from monitor.storage import status as status_store

    app.sync_feeds()
    now = app.clock()
    with app.sessions() as session:
        feeds = feed_store.all_feeds(session)
        counts = feed_store.entry_counts(session)
        channels = status_store.channel_summaries(session)
        totals = status_store.totals(session)
        configured = {c.name: c for c in app.settings.digests}
        undelivered = {
            name: status_store.undelivered_count(session, name)
            for name in set(configured) | set(channels)
        }
    feed_rows = [
        {
            "name": f.name,
            "url": f.url,
            "origin": f.origin,
            "enabled": f.pollable,
            "disabled_reason": f.why_not_polled,
            "last_fetch": format_utc(f.last_fetched_at),
            "last_ok": format_utc(f.last_ok_at),
            "result": f.last_status,
            "http_status": f.last_http_status,
            "error": f.last_error,
            "consecutive_errors": f.consecutive_errors,
            # never polled yet (just added or imported): due at the next pass
            "next_due": format_utc(f.next_due_at or (now if f.pollable else None)),
            "overdue": bool(f.next_due_at and f.next_due_at < now),
            "entries": counts.get(f.id, 0),
        }
        for f in feeds
    ]
    digest_rows = []
    for name in sorted(set(configured) | set(channels)):
        info = channels.get(name, {})
        chan = configured.get(name)
        digest_rows.append(
            {
                "name": name,
                "type": chan.type if chan else None,
                "configured": chan is not None,
                "schedule": chan.schedule if chan else None,
                "timezone": chan.timezone if chan else None,
                "last_sent": format_utc(info.get("last_sent")),
                "last_status": info.get("last_status"),
                "last_error": info.get("last_error"),
                "next_run": format_utc(info.get("next_run")),
                "undelivered": undelivered[name],
            }
        )
    return {
        "generated": format_utc(now),
        "config": str(app.config.path),
        "feeds": feed_rows,
        "digests": digest_rows,
        "database": {**db.database_info(app.engine), **totals},
    }
