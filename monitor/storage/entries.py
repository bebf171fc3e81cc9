"""Entries: the seen-check, batched inserts, and reading them back for a rescan."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from datetime import datetime
from typing import cast

from sqlalchemy import Table, insert, select
from sqlalchemy.orm import Session

from monitor.records import EntryRecord, NewEntry
from monitor.storage.db import in_batches
from monitor.storage.orm import Entry, to_record


def known_identities(session: Session, feed_id: int, identities: Sequence[str]) -> set[str]:
    """Which of ``identities`` the feed already has: one indexed query per batch of 500."""
    known: set[str] = set()
    for batch in in_batches(identities):
        known.update(
            session.scalars(
                select(Entry.identity).where(Entry.feed_id == feed_id, Entry.identity.in_(batch))
            )
        )
    return known


def insert_entries(
    session: Session,
    feed_id: int,
    entries: Sequence[NewEntry],
    languages: Sequence[str | None],
    fetched_at: datetime,
) -> list[int]:
    """Insert new entries in one statement; returns their ids in order."""
    if not entries:
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
        for e, lang in zip(entries, languages, strict=True)
    ]
    # A Core insert on the session's connection: the ORM bulk path costs about as much again
    # per row and adds nothing for plain rows.
    table = cast(Table, Entry.__table__)
    stmt = insert(table).returning(table.c.id, sort_by_parameter_order=True)
    return list(session.connection().execute(stmt, rows).scalars())


def iter_entries(
    session: Session, since: datetime | None = None, batch: int = 1000
) -> Iterator[list[EntryRecord]]:
    """Stored entries fetched at or after ``since``, in id order, ``batch`` at a time."""
    last = 0
    while True:
        query = select(Entry).where(Entry.id > last).order_by(Entry.id).limit(batch)
        if since is not None:
            query = query.where(Entry.fetched_at >= since)
        rows = [to_record(EntryRecord, e) for e in session.scalars(query)]
        if not rows:
            return
        yield rows
        last = rows[-1].id
