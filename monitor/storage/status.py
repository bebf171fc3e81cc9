"""Read-only summaries for ``monitor status``."""

from __future__ import annotations

from typing import Any

from sqlalchemy import func, select

from monitor.storage.db import Session
from monitor.storage.tables import channel_state, digest_items, digests, entries, feeds, matches

D = digests.c


def channel_summaries(session: Session) -> dict[str, dict[str, Any]]:
    """Per channel: the last sent digest, the newest digest's status and error, the next run."""
    out: dict[str, dict[str, Any]] = {}
    sent = session.execute(
        select(D.channel, func.max(D.sent_at)).where(D.status == "sent").group_by(D.channel)
    )
    for channel, last in sent:
        out.setdefault(channel, {})["last_sent"] = last
    newest = select(D.channel, func.max(D.id).label("id")).group_by(D.channel).subquery()
    query = select(D.channel, D.status, D.last_error).join(newest, D.id == newest.c.id)
    for digest in session.execute(query):
        info = out.setdefault(digest.channel, {})
        info["last_status"] = digest.status
        info["last_error"] = digest.last_error
    for name, next_run in session.execute(
        select(channel_state.c.name, channel_state.c.next_run_at)
    ):
        out.setdefault(name, {})["next_run"] = next_run
    return out


def undelivered_count(session: Session, channel: str) -> int:
    """Matches not yet delivered on ``channel`` (and not rejected: those never will be)."""
    items = digest_items.c
    delivered = select(items.match_id).where(items.channel == channel, items.delivered.is_(True))
    query = (
        select(func.count())
        .select_from(matches)
        .where(matches.c.id.not_in(delivered), matches.c.status != "irrelevant")
    )
    return int(session.scalar(query) or 0)


def totals(session: Session) -> dict[str, int]:
    return {
        "feeds": int(session.scalar(select(func.count()).select_from(feeds)) or 0),
        "entries": int(session.scalar(select(func.count()).select_from(entries)) or 0),
        "matches": int(session.scalar(select(func.count()).select_from(matches)) or 0),
    }
