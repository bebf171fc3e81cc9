"""Entries: the seen-check, batched inserts, and reading them back for a rescan."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from datetime import datetime

from sqlalchemy import insert, select

from monitor.records import EntryRecord, NewEntry
from monitor.storage.db import Session, in_batches
from monitor.storage.tables import entries, to_record

E = entries.c


def known_identities(session: Session, feed_id: int, identities: Sequence[str]) -> set[str]:
    """Which of ``identities`` the feed already has: one indexed query per batch of 500."""
    known: set[str] = set()
    for batch in in_batches(identities):
        known.update(
            session.scalars(select(E.identity).where(E.feed_id == feed_id, E.identity.in_(batch)))
        )
    return known


def insert_entries(
    session: Session,
    feed_id: int,
    new: Sequence[NewEntry],
    languages: Sequence[str | None],
    fetched_at: datetime,
) -> list[int]:
    """Insert new entries in one statement; returns their ids in order."""
    if not new:
        return []
    rows = [
        {
            "feed_id": feed_id,
            "identity": e.identity,
            "guid": e.guid,
            "url": e.url,
            "link": e.link,
            "title": e.title,
            "summary": e.summary,
            "content": e.content,
            "author": e.author,
            "language": lang,
            "published_at": e.published,
            "fetched_at": fetched_at,
        }
        for e, lang in zip(new, languages, strict=True)
    ]
    stmt = insert(entries).returning(E.id, sort_by_parameter_order=True)
    return list(session.execute(stmt, rows).scalars())


def iter_entries(
    session: Session, since: datetime | None = None, batch: int = 1000
) -> Iterator[list[EntryRecord]]:
    """Stored entries fetched at or after ``since``, in id order, ``batch`` at a time."""
    last = 0
    while True:
        query = select(entries).where(E.id > last).order_by(E.id).limit(batch)
        if since is not None:
            query = query.where(E.fetched_at >= since)
        rows = [to_record(EntryRecord, e) for e in session.execute(query)]
        if not rows:
            return
        yield rows
        last = rows[-1].id
