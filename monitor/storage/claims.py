"""Digest run claims: per-channel schedule state that several daemons can share."""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import or_, update
from sqlalchemy.orm import Session

from monitor.storage.orm import ChannelState, Feed


def channel_state(session: Session, name: str) -> ChannelState | None:
    return session.get(ChannelState, name)


def ensure_channel_state(session: Session, name: str, next_run: datetime) -> ChannelState:
    """The channel's state row, created with ``next_run`` when missing."""
    state = session.get(ChannelState, name)
    if state is None:
        state = ChannelState(name=name, next_run_at=next_run)
        session.add(state)
        session.flush()
    return state


def claim_channel_run(
    session: Session, name: str, now: datetime, lease: timedelta, owner: str
) -> bool:
    """Claim the channel's due run: a conditional UPDATE that only one daemon can win."""
    result = session.execute(
        update(ChannelState)
        .where(
            ChannelState.name == name,
            ChannelState.next_run_at <= now,
            or_(ChannelState.claimed_until.is_(None), ChannelState.claimed_until <= now),
        )
        .values(claimed_until=now + lease, claimed_by=owner)
    )
    return bool(result.rowcount)  # type: ignore[attr-defined]


def finish_channel_run(
    session: Session, name: str, now: datetime, next_run: datetime, owner: str, *, ran: bool
) -> None:
    """Release a claim and set the next run; ``ran`` records the run time."""
    values: dict[str, object] = {"claimed_until": None, "claimed_by": None, "next_run_at": next_run}
    if ran:
        values["last_run_at"] = now
    session.execute(
        update(ChannelState)
        .where(ChannelState.name == name, ChannelState.claimed_by == owner)
        .values(**values)
    )


def release_feed_claims(session: Session, feed_ids: list[int], now: datetime) -> int:
    """Give back claims of feeds that were claimed but not processed (e.g. at shutdown).

    They become due at once, so nothing claimed is skipped.
    """
    if not feed_ids:
        return 0
    result = session.execute(
        update(Feed)
        .where(Feed.id.in_(feed_ids), Feed.claimed_until.is_not(None))
        .values(claimed_until=None, next_due_at=now)
    )
    return int(result.rowcount)  # type: ignore[attr-defined]


def release_stale_claims(session: Session) -> int:
    """Drop every feed and channel claim: only when no other daemon can be alive (SQLite lock).

    After ``kill -9`` the dead daemon's claims would otherwise block its work until they expire.
    """
    feeds = session.execute(
        update(Feed).where(Feed.claimed_until.is_not(None)).values(claimed_until=None)
    )
    channels = session.execute(
        update(ChannelState)
        .where(ChannelState.claimed_until.is_not(None))
        .values(claimed_until=None, claimed_by=None)
    )
    return int(feeds.rowcount) + int(channels.rowcount)  # type: ignore[attr-defined]
