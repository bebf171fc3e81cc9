"""When feeds and digests are next due: pure functions of state, outcome, now and config.

The times they compute are stored in the database, which alone says what is due.
"""

from __future__ import annotations

import random
import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from monitor.units import hint_seconds, http_date

JITTER = 0.1  # ± share of the delay, so feeds on one host drift apart
MAX_CACHE_HINT = timedelta(hours=6)  # max-age, Expires and ttl stretch an interval this far at most
_MAX_AGE = re.compile(r"(?:^|,)\s*(?:s-)?max-age\s*=\s*\"?(\d+)", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Outcome:
    """What a fetch told the scheduler."""

    ok: bool
    headers: Mapping[str, str] | None = None
    retry_after: timedelta | None = None
    ttl_minutes: int | None = None


def server_hint(outcome: Outcome, now: datetime) -> timedelta | None:
    """The longest delay the server asked for: Retry-After, Cache-Control max-age, Expires, ttl.

    Caching hints count for at most six hours; Retry-After (already clamped to a year when
    read) is capped by the caller. No hint, however absurd, can overflow.
    """
    hints: list[timedelta] = []
    headers = outcome.headers or {}
    cache = headers.get("cache-control", "")
    if m := _MAX_AGE.search(cache):
        hints.append(hint_seconds(m.group(1)))
    elif (expires := headers.get("expires")) and (when := http_date(expires)) is not None:
        hints.append(when - now)
    if outcome.ttl_minutes and outcome.ttl_minutes > 0:
        hints.append(min(timedelta(minutes=min(outcome.ttl_minutes, 10**6)), MAX_CACHE_HINT))
    hints = [min(h, MAX_CACHE_HINT) for h in hints]
    if outcome.retry_after is not None:
        hints.append(outcome.retry_after)
    return max(hints) if hints else None


def next_due(
    *,
    name: str,
    interval: timedelta,
    outcome: Outcome,
    consecutive_errors: int,
    now: datetime,
    max_delay: timedelta,
) -> datetime:
    """The next time to fetch a feed.

    The interval, stretched (never shortened) by the server's hints, doubled per consecutive
    error, all capped at ``max_delay``, then jittered by ±10 % (deterministic per feed and time).
    """
    delay = interval
    if not outcome.ok and consecutive_errors > 0:
        delay = interval * (2 ** min(consecutive_errors - 1, 20))
    hint = server_hint(outcome, now)
    if hint is not None and hint > delay:
        delay = hint
    delay = min(delay, max_delay)
    rng = random.Random(f"{name}|{now.isoformat()}")
    delay = delay * (1 + rng.uniform(-JITTER, JITTER))
    return now + max(delay, timedelta(seconds=1))


def next_fire(schedule: str, timezone: str, after: datetime) -> datetime:
    """The next time a five-field cron schedule fires after ``after`` (UTC-aware result)."""
    from apscheduler.triggers.cron import CronTrigger  # only the daemon and digests need it

    trigger = CronTrigger.from_crontab(schedule, timezone=ZoneInfo(timezone))
    fire = trigger.get_next_fire_time(None, after.astimezone(ZoneInfo(timezone)))
    if fire is None:  # a five-field cron schedule always fires again; no end date is set
        raise ValueError(f"cron schedule {schedule!r} never fires after {after.isoformat()}")
    when: datetime = fire.astimezone(ZoneInfo("UTC"))
    return when if when > after else next_fire(schedule, timezone, after + timedelta(seconds=1))


def next_digest_run(
    schedule: str, timezone: str, finished: datetime, *, sent: bool, retry_after: timedelta
) -> datetime:
    """When a channel's digest is next due after a run that finished at ``finished``.

    After a delivered (or empty) digest: the schedule's next time. After a failure: the retry
    time, unless the schedule comes earlier.
    """
    scheduled = next_fire(schedule, timezone, finished)
    return scheduled if sent else min(finished + retry_after, scheduled)
