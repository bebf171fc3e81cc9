"""Claims and due times in the database: digest channels' runs, and releasing feed claims.

The database is the one source of truth for when work is due; these conditional UPDATEs let
several daemons share it (feeds are claimed in :mod:`monitor.storage.feeds`).
"""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import or_, select, update
from sqlalchemy.orm import Session

from monitor.records import ChannelRun
from monitor.storage.orm import ChannelState, Feed


def channel_run(session: Session, name: str) -> ChannelRun | None:
    state = session.get(ChannelState, name)
    if state is None:
        return None
    return ChannelRun(state.name, state.next_run_at, state.last_run_at, state.claimed_by)


def ensure_channel_state(session: Session, name: str, next_run: datetime) -> datetime:
    """The channel's next run, at ``next_run`` at the latest; the row is created when missing.

    A stored time later than ``next_run`` (the schedule was moved earlier) is brought forward;
    an earlier one (a retry, a run missed while no daemon ran) is kept.
    """
    state = session.get(ChannelState, name)
    if state is None:
        session.add(ChannelState(name=name, next_run_at=next_run))
        session.flush()
        return next_run
    if state.next_run_at is None or state.next_run_at > next_run:
        state.next_run_at = next_run
        session.flush()
    return state.next_run_at


def due_channels(session: Session, names: list[str], now: datetime) -> list[str]:
    """Which of ``names`` are due at ``now`` and not claimed, by due time."""
    if not names:
        return []
    query = (
        select(ChannelState.name)
        .where(
            ChannelState.name.in_(names),
            ChannelState.next_run_at <= now,
            or_(ChannelState.claimed_until.is_(None), ChannelState.claimed_until <= now),
        )
        .order_by(ChannelState.next_run_at, ChannelState.name)
    )
    return list(session.scalars(query))


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


def release_channel_claim(session: Session, name: str, owner: str) -> None:
    """Give back a channel claim without running it: it stays due."""
    session.execute(
        update(ChannelState)
        .where(ChannelState.name == name, ChannelState.claimed_by == owner)
        .values(claimed_until=None, claimed_by=None)
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
