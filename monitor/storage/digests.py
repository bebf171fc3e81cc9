"""Digests: undelivered matches per channel, digest rows and their items.

A match is delivered on a channel once a digest of that channel holding it is ``sent``.
Matches held by a ``pending`` digest (created, never confirmed) are reserved for its resend.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import Exists, Select, and_, delete, func, insert, select, update
from sqlalchemy.orm import Session

from monitor.records import DigestRecord, EntryRow, FeedRecord, FeedRow, MatchRow
from monitor.storage.db import in_batches
from monitor.storage.feeds import POLLABLE
from monitor.storage.orm import Digest, DigestItem, Entry, Feed, Match, to_record

REJECTED = "irrelevant"  # a reviewer's "no": never delivered on any channel afterwards

_COLUMNS = (
    Match.id, Match.score, Match.terms, Match.explanation, Match.matched_at,
    Entry.title, Entry.summary, Entry.content, Entry.url, Entry.link, Entry.language,
    Entry.published_at, Feed.name, Feed.title, Feed.language, Match.story_id, Match.event,
    Match.severity, Match.significance,
)  # fmt: skip


def _select() -> Select[Any]:
    return select(*_COLUMNS).join(Entry, Entry.id == Match.entry_id).join(Feed)


def _rows(result: Any) -> list[MatchRow]:
    feeds: dict[str, FeedRow] = {}
    out = []
    for (mid, score, terms, expl, matched, title, summary, content, url, link, lang, published,
         fname, ftitle, flang, story_id, event, severity, significance) in result:  # fmt: skip
        feed = feeds.get(fname)
        if feed is None:
            feed = feeds[fname] = FeedRow(fname, ftitle, flang)
        entry = EntryRow(
            title or "", summary or "", content or "", url, link, lang, published, feed
        )
        expl = expl if isinstance(expl, dict) else {}
        out.append(
            MatchRow(
                mid,
                float(score),
                list(terms or []),
                expl,
                matched,
                entry,
                story_id,
                event,
                severity,
                significance,
            )
        )
    return out


def _held(channel: str) -> Exists:
    """Items of ``channel`` that are delivered or reserved by a pending digest."""
    return (
        select(DigestItem.match_id)
        .join(Digest, Digest.id == DigestItem.digest_id)
        .where(
            DigestItem.match_id == Match.id,
            DigestItem.channel == channel,
            (DigestItem.delivered.is_(True)) | (Digest.status == "pending"),
        )
        .exists()
    )


def undelivered_matches(session: Session, channel: str, min_score: float | None) -> list[MatchRow]:
    """Matches not delivered on ``channel``, not reserved by its pending digest and not
    rejected by a reviewer, best first."""
    query = (
        _select()
        .where(~_held(channel), Match.status != REJECTED)
        .order_by(Match.score.desc(), Match.id)
    )
    if min_score is not None:
        query = query.where(Match.score >= min_score)
    return _rows(session.execute(query))


def matches_by_id(session: Session, ids: Sequence[int]) -> list[MatchRow]:
    out: list[MatchRow] = []
    for batch in in_batches(ids):
        out.extend(_rows(session.execute(_select().where(Match.id.in_(batch)))))
    return out


def failing_feeds(session: Session) -> list[FeedRecord]:
    """Enabled feeds whose last fetch failed, worst first."""
    query = (
        select(Feed)
        .where(Feed.last_status == "error", POLLABLE)
        .order_by(Feed.consecutive_errors.desc(), Feed.name)
    )
    return [to_record(FeedRecord, f) for f in session.scalars(query)]


def last_sent_period_end(session: Session, channel: str) -> datetime | None:
    return session.scalar(
        select(func.max(Digest.period_end)).where(
            Digest.channel == channel, Digest.status == "sent"
        )
    )


def pending_digests(session: Session, channel: str) -> list[DigestRecord]:
    """Digests of ``channel`` created but never confirmed (a crash mid-send), oldest first."""
    query = (
        select(Digest)
        .where(Digest.channel == channel, Digest.status == "pending")
        .order_by(Digest.id)
    )
    return [to_record(DigestRecord, d) for d in session.scalars(query)]


def digest_match_ids(session: Session, digest_id: int) -> list[int]:
    return list(
        session.scalars(select(DigestItem.match_id).where(DigestItem.digest_id == digest_id))
    )


def drop_rejected(session: Session, digest_id: int) -> int:
    """Take matches rejected since a pending digest was made out of it; return how many remain.

    A digest with none left becomes ``empty``: there is nothing to resend.
    """
    rejected = select(Match.id).where(Match.status == REJECTED)
    session.execute(
        delete(DigestItem).where(
            DigestItem.digest_id == digest_id, DigestItem.match_id.in_(rejected)
        )
    )
    left = int(
        session.scalar(
            select(func.count()).select_from(DigestItem).where(DigestItem.digest_id == digest_id)
        )
        or 0
    )
    values: dict[str, Any] = {"match_count": left}
    if not left:
        values["status"] = "empty"
    session.execute(update(Digest).where(Digest.id == digest_id).values(**values))
    return left


def create_digest(
    session: Session,
    *,
    channel: str,
    key: str,
    status: str,
    period_start: datetime | None,
    period_end: datetime,
    match_ids: Sequence[int],
    now: datetime,
) -> DigestRecord:
    """Insert a digest row and its (undelivered) items."""
    digest = Digest(
        channel=channel, key=key, status=status, attempts=0, period_start=period_start,
        period_end=period_end, created_at=now, match_count=len(match_ids),
    )  # fmt: skip
    session.add(digest)
    session.flush()
    if match_ids:
        session.execute(
            insert(DigestItem),
            [
                {"digest_id": digest.id, "match_id": m, "channel": channel, "delivered": False}
                for m in match_ids
            ],
        )
    return to_record(DigestRecord, digest)


def mark_sent(session: Session, digest_id: int, now: datetime) -> None:
    """The channel accepted the digest: it is sent and its matches delivered on the channel."""
    session.execute(
        update(Digest)
        .where(Digest.id == digest_id)
        .values(status="sent", sent_at=now, attempts=Digest.attempts + 1, last_error=None)
    )
    session.execute(
        update(DigestItem).where(DigestItem.digest_id == digest_id).values(delivered=True)
    )


def mark_failed(session: Session, digest_id: int, error: str) -> None:
    """The send failed: its matches stay undelivered and go into the next digest."""
    session.execute(
        update(Digest)
        .where(Digest.id == digest_id)
        .values(status="failed", attempts=Digest.attempts + 1, last_error=error)
    )


def history(session: Session, channel: str | None, limit: int) -> list[DigestRecord]:
    query = select(Digest).order_by(Digest.id.desc()).limit(limit)
    if channel is not None:
        query = query.where(Digest.channel == channel)
    return [to_record(DigestRecord, d) for d in session.scalars(query)]


def delivered_match_ids(session: Session, channel: str) -> set[int]:
    query = select(DigestItem.match_id).where(
        and_(DigestItem.channel == channel, DigestItem.delivered.is_(True))
    )
    return set(session.scalars(query))
