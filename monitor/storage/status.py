"""Read-only summaries for ``monitor status``."""

from __future__ import annotations

from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from monitor.storage.orm import ChannelState, Digest, DigestItem, Entry, Feed, Match


def channel_summaries(session: Session) -> dict[str, dict[str, Any]]:
    """Per channel: the last sent digest, the newest digest's status and error, the next run."""
    out: dict[str, dict[str, Any]] = {}
    sent = session.execute(
        select(Digest.channel, func.max(Digest.sent_at))
        .where(Digest.status == "sent")
        .group_by(Digest.channel)
    )
    for channel, last in sent:
        out.setdefault(channel, {})["last_sent"] = last
    newest = (
        select(Digest.channel, func.max(Digest.id).label("id")).group_by(Digest.channel).subquery()
    )
    for digest in session.scalars(select(Digest).join(newest, Digest.id == newest.c.id)):
        info = out.setdefault(digest.channel, {})
        info["last_status"] = digest.status
        info["last_error"] = digest.last_error
    for state in session.scalars(select(ChannelState)):
        out.setdefault(state.name, {})["next_run"] = state.next_run_at
    return out


def undelivered_count(session: Session, channel: str) -> int:
    """Matches not yet delivered on ``channel`` (and not rejected: those never will be)."""
    delivered = select(DigestItem.match_id).where(
        DigestItem.channel == channel, DigestItem.delivered.is_(True)
    )
    query = (
        select(func.count())
        .select_from(Match)
        .where(Match.id.not_in(delivered), Match.status != "irrelevant")
    )
    return int(session.scalar(query) or 0)


def totals(session: Session) -> dict[str, int]:
    return {
        "feeds": int(session.scalar(select(func.count()).select_from(Feed)) or 0),
        "entries": int(session.scalar(select(func.count()).select_from(Entry)) or 0),
        "matches": int(session.scalar(select(func.count()).select_from(Match)) or 0),
    }
