"""Claims and due times in the database: digest channels' runs, and releasing feed claims.

The database is the one source of truth for when work is due; these conditional UPDATEs let
several daemons share it (feeds are claimed in :mod:`monitor.storage.feeds`).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta

from sqlalchemy import func, insert, or_, select, update
from sqlalchemy.exc import IntegrityError

from monitor.records import ChannelRun
from monitor.storage.db import Session
from monitor.storage.tables import channel_state, feeds

C = channel_state.c
F = feeds.c


def channel_run(session: Session, name: str) -> ChannelRun | None:
    query = select(C.name, C.next_run_at, C.last_run_at, C.claimed_by).where(C.name == name)
    row = session.execute(query).first()
    return None if row is None else ChannelRun(*row)


def ensure_channel_state(session: Session, name: str, next_run: datetime) -> datetime:
    """The channel's next run, at ``next_run`` at the latest; the row is created when missing.

    A stored time later than ``next_run`` (the schedule was moved earlier) is brought forward;
    an earlier one (a retry, a run missed while no daemon ran) is kept.
    """
    state = channel_run(session, name)
    if state is None:
        session.execute(insert(channel_state).values(name=name, next_run_at=next_run))
        return next_run
    if state.next_run_at is None or state.next_run_at > next_run:
        session.execute(update(channel_state).where(C.name == name).values(next_run_at=next_run))
        return next_run
    return state.next_run_at


def due_channels(session: Session, names: list[str], now: datetime) -> list[str]:
    """Which of ``names`` are due at ``now`` and not claimed, by due time."""
    if not names:
        return []
    query = (
        select(C.name)
        .where(
            C.name.in_(names),
            C.next_run_at <= now,
            or_(C.claimed_until.is_(None), C.claimed_until <= now),
        )
        .order_by(C.next_run_at, C.name)
    )
    return list(session.scalars(query))


def claim_channel_run(
    session: Session, name: str, now: datetime, lease: timedelta, owner: str
) -> bool:
    """Claim the channel's due run: a conditional UPDATE that only one daemon can win."""
    result = session.execute(
        update(channel_state)
        .where(
            C.name == name,
            C.next_run_at <= now,
            or_(C.claimed_until.is_(None), C.claimed_until <= now),
        )
        .values(claimed_until=now + lease, claimed_by=owner)
    )
    return bool(result.rowcount)


def finish_channel_run(
    session: Session, name: str, now: datetime, next_run: datetime, owner: str, *, ran: bool
) -> None:
    """Release a claim and set the next run; ``ran`` records the run time."""
    values: dict[str, object] = {"claimed_until": None, "claimed_by": None, "next_run_at": next_run}
    if ran:
        values["last_run_at"] = now
    session.execute(
        update(channel_state).where(C.name == name, C.claimed_by == owner).values(**values)
    )


def hold_channel(
    session: Session, name: str, now: datetime, lease: timedelta, owner: str, next_run: datetime
) -> bool:
    """Take, or renew for its holder, the claim to send the channel's digest, for ``lease``.

    False when another sender holds it. The channel's row is created (due at ``next_run``)
    when missing: a send from the command line before any daemon ran.
    """
    if channel_run(session, name) is None:
        try:
            with session.begin_nested():
                session.execute(insert(channel_state).values(name=name, next_run_at=next_run))
        except IntegrityError:
            pass  # another sender created it first
    result = session.execute(
        update(channel_state)
        .where(
            C.name == name,
            or_(
                C.claimed_until.is_(None),
                C.claimed_until <= now,
                C.claimed_by == owner,
            ),
        )
        .values(claimed_until=now + lease, claimed_by=owner)
    )
    return bool(result.rowcount)


def channel_holder(session: Session, name: str, now: datetime) -> str | None:
    """Who holds an unexpired claim on the channel, if anyone."""
    row = session.execute(select(C.claimed_until, C.claimed_by).where(C.name == name)).first()
    if row is None or row.claimed_until is None or row.claimed_until <= now:
        return None
    return str(row.claimed_by) if row.claimed_by is not None else None


def release_channel_claim(session: Session, name: str, owner: str) -> None:
    """Give back a channel claim without running it: it stays due."""
    session.execute(
        update(channel_state)
        .where(C.name == name, C.claimed_by == owner)
        .values(claimed_until=None, claimed_by=None)
    )


def release_feed_claims(session: Session, feed_ids: list[int], now: datetime) -> int:
    """Give back claims of feeds that were claimed but not processed (e.g. at shutdown).

    They become due at once, so nothing claimed is skipped.
    """
    if not feed_ids:
        return 0
    result = session.execute(
        update(feeds)
        .where(F.id.in_(feed_ids), F.claimed_until.is_not(None))
        .values(claimed_until=None, claimed_by=None, next_due_at=now)
    )
    return int(result.rowcount)


def renew_feed_claims(
    session: Session, feed_ids: Sequence[int], owner: str, until: datetime
) -> int:
    """Extend ``owner``'s claims on these feeds to ``until``; returns how many it still held."""
    if not feed_ids:
        return 0
    result = session.execute(
        update(feeds)
        .where(F.id.in_(list(feed_ids)), F.claimed_by == owner)
        .values(claimed_until=until)
    )
    return int(result.rowcount)


def release_claims_of(
    session: Session, owners: Sequence[str], now: datetime, keep: Sequence[int] = ()
) -> int:
    """Give back every feed and channel claim of ``owners`` (feeds due at once), except the
    feeds in ``keep`` (still being polled)."""
    if not owners:
        return 0
    owned = F.claimed_by.in_(list(owners))
    released = session.execute(
        update(feeds)
        .where(owned, F.id.not_in(list(keep)) if keep else owned)
        .values(claimed_until=None, claimed_by=None, next_due_at=now)
    )
    channels = session.execute(
        update(channel_state)
        .where(C.claimed_by.in_(list(owners)))
        .values(claimed_until=None, claimed_by=None)
    )
    return int(released.rowcount) + int(channels.rowcount)


def claim_owners(session: Session) -> set[str]:
    """Everyone holding a feed or channel claim now (expired or not)."""
    of_feeds = select(F.claimed_by).where(F.claimed_by.is_not(None)).distinct()
    of_channels = select(C.claimed_by).where(C.claimed_by.is_not(None)).distinct()
    return {o for o in session.scalars(of_feeds.union(of_channels)) if o}


def next_feed_due(session: Session, now: datetime) -> datetime | None:
    """When the next pollable, unclaimed feed falls due (``now`` if one already is)."""
    free = or_(F.claimed_until.is_(None), F.claimed_until <= now)
    pollable = (F.enabled.is_(True), F.disabled_reason.is_(None), free)
    if session.scalar(select(F.id).where(*pollable, F.next_due_at.is_(None)).limit(1)):
        return now
    due: datetime | None = session.scalar(select(func.min(F.next_due_at)).where(*pollable))
    return due


def release_stale_claims(session: Session) -> int:
    """Drop every feed and channel claim: only when no other daemon can be alive (SQLite lock).

    After ``kill -9`` the dead daemon's claims would otherwise block its work until they expire.
    """
    released = session.execute(
        update(feeds)
        .where(F.claimed_until.is_not(None))
        .values(claimed_until=None, claimed_by=None)
    )
    channels = session.execute(
        update(channel_state)
        .where(C.claimed_until.is_not(None))
        .values(claimed_until=None, claimed_by=None)
    )
    return int(released.rowcount) + int(channels.rowcount)
