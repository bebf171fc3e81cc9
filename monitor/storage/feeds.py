"""Feeds and their fetch state."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta
from functools import lru_cache
from typing import Any

from sqlalchemy import Update, and_, bindparam, func, insert, or_, select, update

from monitor.config import FeedSettings
from monitor.records import FeedRecord, FeedSync, FetchState, ImportedFeed
from monitor.storage.db import FEED_SYNC_LOCK, Session, exclusive, in_batches
from monitor.storage.tables import entries, feeds, to_record

F = feeds.c
NOT_IN_CONFIG = "not in config"
# The SQL form of FeedRecord.pollable: enabled, and not disabled by the program.
POLLABLE = and_(F.enabled.is_(True), F.disabled_reason.is_(None))


def sync_config_feeds(
    session: Session, configured: Sequence[FeedSettings], now: datetime
) -> FeedSync:
    """Make the feeds table agree with the config; feeds dropped from it are kept but disabled.

    Fetch state survives; a changed URL resets the effective URL and any 410 verdict. One
    SELECT reads every feed (its validators included); the result lists them all. Syncs are
    serialized (daemons started at once on an empty database would all insert the feeds).
    """
    exclusive(session, FEED_SYNC_LOCK)
    existing = {row.name: row for row in session.execute(select(feeds))}
    added, updated, retired = [], [], []
    new: list[dict[str, Any]] = []
    changes: dict[int, dict[str, Any]] = {}
    for fs in configured:
        interval = int(fs.interval.total_seconds()) if fs.interval else None
        feed = existing.get(fs.name)
        if feed is None:
            new.append(
                {"name": fs.name, "origin": "config", "config_url": fs.url, "url": fs.url,
                 "title": fs.title, "language": fs.language, "interval_seconds": interval,
                 "enabled": fs.enabled, "consecutive_errors": 0, "created_at": now,
                 "updated_at": now}
            )  # fmt: skip
            added.append(fs.name)
            continue
        values: dict[str, Any] = {}
        if feed.config_url != fs.url:
            values.update(config_url=fs.url, url=fs.url, etag=None, last_modified=None)
            values.update(disabled_reason=None, next_due_at=None)
        if feed.disabled_reason == NOT_IN_CONFIG:
            values["disabled_reason"] = None
        for attr, value in (
            ("origin", "config"),
            ("language", fs.language),
            ("interval_seconds", interval),
            ("enabled", fs.enabled),
            ("title", fs.title or feed.title),
        ):
            if getattr(feed, attr) != value:
                values[attr] = value
        if values:
            changes[feed.id] = {**values, "updated_at": now}
            updated.append(fs.name)
    names = {fs.name for fs in configured}
    for name, feed in existing.items():
        if feed.origin == "config" and name not in names and feed.disabled_reason != NOT_IN_CONFIG:
            changes[feed.id] = {"disabled_reason": NOT_IN_CONFIG, "updated_at": now}
            retired.append(name)
    for feed_id, values in changes.items():
        session.execute(update(feeds).where(F.id == feed_id).values(**values))
    if new:
        session.execute(insert(feeds), new)
    if changes or new:  # rare: read the feeds as they are now
        rows = list(session.execute(select(feeds).order_by(F.name)))
    else:
        rows = sorted(existing.values(), key=lambda f: f.name)
    return FeedSync(added, updated, retired, [to_record(FeedRecord, f) for f in rows])


def known_names_and_urls(session: Session) -> tuple[set[str], set[str]]:
    """Every feed name, and every URL a feed is known by (configured or effective)."""
    names: set[str] = set()
    urls: set[str] = set()
    for name, url, config_url in session.execute(select(F.name, F.url, F.config_url)):
        names.add(name)
        urls.update((url, config_url))
    return names, urls


def insert_imported_feeds(
    session: Session, imported: Sequence[ImportedFeed], now: datetime
) -> None:
    """Insert new imported feeds (names and URLs already checked), 500 rows a statement."""
    rows = [
        {"name": f.name, "origin": "import", "config_url": f.url, "url": f.url, "title": f.title,
         "language": f.language, "enabled": True, "consecutive_errors": 0, "created_at": now,
         "updated_at": now}
        for f in imported
    ]  # fmt: skip
    for batch in in_batches(rows):
        session.execute(insert(feeds), batch)


def all_feeds(session: Session) -> list[FeedRecord]:
    return [to_record(FeedRecord, f) for f in session.execute(select(feeds).order_by(F.name))]


def claim_due_feeds(
    session: Session,
    now: datetime,
    lease: timedelta,
    default_interval: timedelta,
    limit: int | None = None,
    owner: str | None = None,
) -> list[FeedRecord]:
    """Claim for ``owner`` (a daemon instance) the pollable feeds due by ``now``, for ``lease``.

    At most ``limit``, most overdue first. Each claim is a conditional UPDATE, so two daemons
    on one database never claim the same feed (on PostgreSQL the candidates are also read
    with SKIP LOCKED: a daemon skips the rows another is claiming instead of waiting). The
    claim moves the next due time forward by the feed's interval before it is fetched, so a
    crash mid-fetch cannot make a feed due again at once.
    """
    free = or_(F.claimed_until.is_(None), F.claimed_until <= now)
    due = (
        select(F.id, F.interval_seconds)
        .where(
            POLLABLE,
            or_(F.next_due_at.is_(None), F.next_due_at <= now),
            free,
        )
        .order_by(F.next_due_at.is_not(None), F.next_due_at)
        .limit(limit)
    )
    if session.dialect.name == "postgresql":
        due = due.with_for_update(skip_locked=True)
    claimed: list[int] = []
    for feed_id, interval in session.execute(due).all():
        step = timedelta(seconds=interval) if interval else default_interval
        result = session.execute(
            update(feeds)
            .where(F.id == feed_id, free)
            .values(claimed_until=now + lease, claimed_by=owner, next_due_at=now + step)
        )
        if result.rowcount:
            claimed.append(feed_id)
    if not claimed:
        return []
    query = select(feeds).where(F.id.in_(claimed)).order_by(F.name)
    return [to_record(FeedRecord, f) for f in session.execute(query)]


def record_fetches(session: Session, fetches: Sequence[tuple[int, FetchState]]) -> None:
    """Store fetch outcomes and release the feeds' claims: one executemany UPDATE per kind."""
    groups: dict[tuple[bool, tuple[str, ...]], list[dict[str, object]]] = {}
    for feed_id, state in fetches:
        values = _fetch_values(state)
        params = {f"b_{column}": value for column, value in values.items()}
        params["b_feed_id"] = feed_id
        groups.setdefault((state.status == "error", tuple(values)), []).append(params)
    for (error, columns), rows in groups.items():
        session.execute(_fetch_update(error, columns), rows)


def _fetch_values(state: FetchState) -> dict[str, object]:
    """The plain column values one fetch sets, by column name."""
    values: dict[str, object] = {
        "last_status": state.status,
        "last_fetched_at": state.fetched_at,
        "last_http_status": state.http_status,
        "next_due_at": state.next_due_at,
        "claimed_until": None,
        "claimed_by": None,
        "updated_at": state.fetched_at,
    }
    if state.status == "error":
        values["last_error"] = state.error  # and consecutive_errors + 1, in the statement
    else:
        values["last_error"] = None
        values["consecutive_errors"] = 0
        values["last_ok_at"] = state.fetched_at
    if state.status == "ok":
        values["etag"] = state.etag
        values["last_modified"] = state.last_modified
    if state.new_url:
        values["url"] = state.new_url
    if state.title:
        values["title"] = state.title  # only where the feed has none: coalesce, in the statement
    if state.gone:
        values["disabled_reason"] = f"HTTP 410 Gone at {state.fetched_at:%Y-%m-%d %H:%M} UTC"
    return values


@lru_cache(maxsize=64)
def _fetch_update(error: bool, columns: tuple[str, ...]) -> Update:
    """UPDATE feeds SET <columns from b_<column> parameters> WHERE id = :b_feed_id."""
    values: dict[str, Any] = {
        c: bindparam(f"b_{c}", type_=F[c].type) for c in columns if c != "title"
    }
    if "title" in columns:
        values["title"] = func.coalesce(F.title, bindparam("b_title", type_=F.title.type))
    if error:
        values["consecutive_errors"] = F.consecutive_errors + 1
    return update(feeds).where(F.id == bindparam("b_feed_id")).values(values)


def set_feed_enabled(session: Session, name: str, enabled: bool, now: datetime) -> bool:
    """Enable (clearing a 410 verdict) or disable a feed; False when it does not exist."""
    reason = session.execute(select(F.disabled_reason).where(F.name == name)).first()
    if reason is None:
        return False
    values: dict[str, Any] = {"enabled": enabled, "updated_at": now}
    if enabled and reason[0] != NOT_IN_CONFIG:
        values.update(disabled_reason=None, next_due_at=None)
    session.execute(update(feeds).where(F.name == name).values(**values))
    return True


def entry_counts(session: Session) -> dict[int, int]:
    rows = session.execute(select(entries.c.feed_id, func.count()).group_by(entries.c.feed_id))
    return {feed_id: count for feed_id, count in rows}
