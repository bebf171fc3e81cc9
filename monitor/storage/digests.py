"""Digests: undelivered matches per channel, digest rows and their items.

A match is delivered on a channel once a digest of that channel holding it is ``sent``.
Matches held by a ``pending`` digest (created, never confirmed) are reserved for its resend.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import Exists, Select, and_, delete, func, insert, select, update

from monitor.records import DigestRecord, EntryRow, FeedRecord, FeedRow, MatchRow
from monitor.storage.db import Session, in_batches
from monitor.storage.feeds import POLLABLE
from monitor.storage.tables import digest_items, digests, entries, feeds, matches, to_record

M, E, F, D, X = matches.c, entries.c, feeds.c, digests.c, digest_items.c

REJECTED = "irrelevant"  # a reviewer's "no": never delivered on any channel afterwards

_COLUMNS = (
    M.id, M.score, M.terms, M.explanation, M.matched_at,
    E.title, E.summary, E.content, E.url, E.link, E.language,
    E.published_at, F.name, F.title, F.language, M.story_id, M.event,
    M.severity, M.significance,
)  # fmt: skip


def _select() -> Select[Any]:
    return select(*_COLUMNS).join(entries, E.id == M.entry_id).join(feeds)


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
        select(X.match_id)
        .join(digests, D.id == X.digest_id)
        .where(
            X.match_id == M.id,
            X.channel == channel,
            (X.delivered.is_(True)) | (D.status == "pending"),
        )
        .exists()
    )


def undelivered_matches(session: Session, channel: str, min_score: float | None) -> list[MatchRow]:
    """Matches not delivered on ``channel``, not reserved by its pending digest and not
    rejected by a reviewer, best first."""
    query = _select().where(~_held(channel), M.status != REJECTED).order_by(M.score.desc(), M.id)
    if min_score is not None:
        query = query.where(M.score >= min_score)
    return _rows(session.execute(query))


def matches_by_id(session: Session, ids: Sequence[int]) -> list[MatchRow]:
    out: list[MatchRow] = []
    for batch in in_batches(ids):
        out.extend(_rows(session.execute(_select().where(M.id.in_(batch)))))
    return out


def failing_feeds(session: Session) -> list[FeedRecord]:
    """Enabled feeds whose last fetch failed, worst first."""
    query = (
        select(feeds)
        .where(F.last_status == "error", POLLABLE)
        .order_by(F.consecutive_errors.desc(), F.name)
    )
    return [to_record(FeedRecord, f) for f in session.execute(query)]


def last_sent_period_end(session: Session, channel: str) -> datetime | None:
    end: datetime | None = session.scalar(
        select(func.max(D.period_end)).where(D.channel == channel, D.status == "sent")
    )
    return end


def pending_digests(session: Session, channel: str) -> list[DigestRecord]:
    """Digests of ``channel`` created but never confirmed (a crash mid-send), oldest first."""
    query = select(digests).where(D.channel == channel, D.status == "pending").order_by(D.id)
    return [to_record(DigestRecord, d) for d in session.execute(query)]


def digest_match_ids(session: Session, digest_id: int) -> list[int]:
    return list(session.scalars(select(X.match_id).where(X.digest_id == digest_id)))


def drop_rejected(session: Session, digest_id: int) -> int:
    """Take matches rejected since a pending digest was made out of it; return how many remain.

    A digest with none left becomes ``empty``: there is nothing to resend.
    """
    rejected = select(M.id).where(M.status == REJECTED)
    session.execute(delete(digest_items).where(X.digest_id == digest_id, X.match_id.in_(rejected)))
    left = int(
        session.scalar(
            select(func.count()).select_from(digest_items).where(X.digest_id == digest_id)
        )
        or 0
    )
    values: dict[str, Any] = {"match_count": left}
    if not left:
        values["status"] = "empty"
    session.execute(update(digests).where(D.id == digest_id).values(**values))
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
    digest = session.execute(
        insert(digests)
        .values(
            channel=channel,
            key=key,
            status=status,
            attempts=0,
            period_start=period_start,
            period_end=period_end,
            created_at=now,
            match_count=len(match_ids),
        )
        .returning(*digests.c)
    ).one()
    if match_ids:
        session.execute(
            insert(digest_items),
            [
                {"digest_id": digest.id, "match_id": m, "channel": channel, "delivered": False}
                for m in match_ids
            ],
        )
    return to_record(DigestRecord, digest)


def mark_sent(session: Session, digest_id: int, now: datetime) -> None:
    """The channel accepted the digest: it is sent and its matches delivered on the channel."""
    session.execute(
        update(digests)
        .where(D.id == digest_id)
        .values(status="sent", sent_at=now, attempts=D.attempts + 1, last_error=None)
    )
    session.execute(update(digest_items).where(X.digest_id == digest_id).values(delivered=True))


def mark_failed(session: Session, digest_id: int, error: str) -> None:
    """The send failed: its matches stay undelivered and go into the next digest."""
    session.execute(
        update(digests)
        .where(D.id == digest_id)
        .values(status="failed", attempts=D.attempts + 1, last_error=error)
    )


def history(session: Session, channel: str | None, limit: int) -> list[DigestRecord]:
    query = select(digests).order_by(D.id.desc()).limit(limit)
    if channel is not None:
        query = query.where(D.channel == channel)
    return [to_record(DigestRecord, d) for d in session.execute(query)]


def delivered_match_ids(session: Session, channel: str) -> set[int]:
    query = select(X.match_id).where(and_(X.channel == channel, X.delivered.is_(True)))
    return set(session.scalars(query))
