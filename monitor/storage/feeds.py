"""Feeds and their fetch state."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta
from functools import lru_cache
from typing import Any, cast

from sqlalchemy import Table, Update, and_, bindparam, func, insert, or_, select, update
from sqlalchemy.orm import Session

from monitor.config import FeedSettings
from monitor.records import FeedRecord, FeedSync, FetchState, ImportedFeed
from monitor.storage.db import in_batches
from monitor.storage.orm import Entry, Feed, to_record

NOT_IN_CONFIG = "not in config"
# The SQL form of FeedRecord.pollable: enabled, and not disabled by the program.
POLLABLE = and_(Feed.enabled.is_(True), Feed.disabled_reason.is_(None))


def sync_config_feeds(session: Session, feeds: Sequence[FeedSettings], now: datetime) -> FeedSync:
    """Make the feeds table agree with the config; feeds dropped from it are kept but disabled.

    Fetch state survives; a changed URL resets the effective URL and any 410 verdict. One
    SELECT reads every feed (its validators included); the result lists them all.
    """
    existing = {f.name: f for f in session.scalars(select(Feed))}
    added, updated, retired = [], [], []
    new: list[Feed] = []
    for fs in feeds:
        interval = int(fs.interval.total_seconds()) if fs.interval else None
        feed = existing.get(fs.name)
        if feed is None:
            feed = Feed(
                name=fs.name,
                origin="config",
                config_url=fs.url,
                url=fs.url,
                title=fs.title,
                language=fs.language,
                interval_seconds=interval,
                enabled=fs.enabled,
                consecutive_errors=0,
                created_at=now,
                updated_at=now,
            )
            session.add(feed)
            new.append(feed)
            added.append(fs.name)
            continue
        changed = False
        if feed.config_url != fs.url:
            feed.config_url = feed.url = fs.url
            feed.etag = feed.last_modified = None
            feed.disabled_reason = None
            feed.next_due_at = None
            changed = True
        if feed.disabled_reason == NOT_IN_CONFIG:
            feed.disabled_reason = None
            changed = True
        for attr, value in (
            ("origin", "config"),
            ("language", fs.language),
            ("interval_seconds", interval),
            ("enabled", fs.enabled),
            ("title", fs.title or feed.title),
        ):
            if getattr(feed, attr) != value:
                setattr(feed, attr, value)
                changed = True
        if changed:
            feed.updated_at = now
            updated.append(fs.name)
    names = {fs.name for fs in feeds}
    for name, feed in existing.items():
        if feed.origin == "config" and name not in names and feed.disabled_reason != NOT_IN_CONFIG:
            feed.disabled_reason = NOT_IN_CONFIG
            feed.updated_at = now
            retired.append(name)
    session.flush()
    current = sorted([*existing.values(), *new], key=lambda f: f.name)
    return FeedSync(added, updated, retired, [to_record(FeedRecord, f) for f in current])


def known_names_and_urls(session: Session) -> tuple[set[str], set[str]]:
    """Every feed name, and every URL a feed is known by (configured or effective)."""
    names: set[str] = set()
    urls: set[str] = set()
    for name, url, config_url in session.execute(select(Feed.name, Feed.url, Feed.config_url)):
        names.add(name)
        urls.update((url, config_url))
    return names, urls


def insert_imported_feeds(session: Session, feeds: Sequence[ImportedFeed], now: datetime) -> None:
    """Insert new imported feeds (names and URLs already checked), 500 rows a statement."""
    rows = [
        {"name": f.name, "origin": "import", "config_url": f.url, "url": f.url, "title": f.title,
         "language": f.language, "enabled": True, "consecutive_errors": 0, "created_at": now,
         "updated_at": now}
        for f in feeds
    ]  # fmt: skip
    for batch in in_batches(rows):
        session.execute(insert(cast(Table, Feed.__table__)), batch)


def all_feeds(session: Session) -> list[FeedRecord]:
    return [to_record(FeedRecord, f) for f in session.scalars(select(Feed).order_by(Feed.name))]


def claim_due_feeds(
    session: Session,
    now: datetime,
    lease: timedelta,
    default_interval: timedelta,
    limit: int | None = None,
) -> list[FeedRecord]:
    """Claim the pollable feeds whose next due time has passed, for ``lease``.

    Each claim is a conditional UPDATE, so two daemons on one database never claim the same
    feed (on PostgreSQL the candidates are also read with SKIP LOCKED). The claim moves the
    next due time forward by the feed's interval before it is fetched, so a crash mid-fetch
    cannot make a feed due again at once.
    """
    free = or_(Feed.claimed_until.is_(None), Feed.claimed_until <= now)
    due = (
        select(Feed.id, Feed.interval_seconds)
        .where(
            POLLABLE,
            or_(Feed.next_due_at.is_(None), Feed.next_due_at <= now),
            free,
        )
        .order_by(Feed.next_due_at.is_not(None), Feed.next_due_at)
        .limit(limit)
    )
    if session.get_bind().dialect.name == "postgresql":
        due = due.with_for_update(skip_locked=True)
    claimed: list[int] = []
    for feed_id, interval in session.execute(due).all():
        step = timedelta(seconds=interval) if interval else default_interval
        result = session.execute(
            update(Feed)
            .where(Feed.id == feed_id, free)
            .values(claimed_until=now + lease, next_due_at=now + step)
        )
        if result.rowcount:  # type: ignore[attr-defined]
            claimed.append(feed_id)
    if not claimed:
        return []
    query = select(Feed).where(Feed.id.in_(claimed)).order_by(Feed.name)
    return [to_record(FeedRecord, f) for f in session.scalars(query)]


def record_fetches(session: Session, fetches: Sequence[tuple[int, FetchState]]) -> None:
    """Store fetch outcomes and release the feeds' claims: one executemany UPDATE per kind.

    A Core UPDATE on the session's connection: Feed objects already loaded in ``session`` are
    not refreshed (the poll's writer sessions load none).
    """
    groups: dict[tuple[bool, tuple[str, ...]], list[dict[str, object]]] = {}
    for feed_id, state in fetches:
        values = _fetch_values(state)
        params = {f"b_{column}": value for column, value in values.items()}
        params["b_feed_id"] = feed_id
        groups.setdefault((state.status == "error", tuple(values)), []).append(params)
    connection = session.connection()
    for (error, columns), rows in groups.items():
        connection.execute(_fetch_update(error, columns), rows)


def _fetch_values(state: FetchState) -> dict[str, object]:
    """The plain column values one fetch sets, by column name."""
    values: dict[str, object] = {
        "last_status": state.status,
        "last_fetched_at": state.fetched_at,
        "last_http_status": state.http_status,
        "next_due_at": state.next_due_at,
        "claimed_until": None,
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
    table = cast(Table, Feed.__table__)
    values: dict[str, Any] = {
        c: bindparam(f"b_{c}", type_=table.c[c].type) for c in columns if c != "title"
    }
    if "title" in columns:
        values["title"] = func.coalesce(
            table.c.title, bindparam("b_title", type_=table.c.title.type)
        )
    if error:
        values["consecutive_errors"] = table.c.consecutive_errors + 1
    return update(table).where(table.c.id == bindparam("b_feed_id")).values(values)


def set_feed_enabled(session: Session, name: str, enabled: bool, now: datetime) -> bool:
    """Enable (clearing a 410 verdict) or disable a feed; False when it does not exist."""
    feed = session.scalar(select(Feed).where(Feed.name == name))
    if feed is None:
        return False
    feed.enabled = enabled
    if enabled and feed.disabled_reason != NOT_IN_CONFIG:
        feed.disabled_reason = None
        feed.next_due_at = None
    feed.updated_at = now
    return True


def entry_counts(session: Session) -> dict[int, int]:
    rows = session.execute(select(Entry.feed_id, func.count()).group_by(Entry.feed_id))
    return {feed_id: count for feed_id, count in rows}
