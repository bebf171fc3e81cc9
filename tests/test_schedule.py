"""Pure scheduling decisions: next due time of a feed, next fire of a digest."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from itertools import pairwise

from monitor.pipeline.schedule import Outcome, next_digest_run, next_due, next_fire

NOW = datetime(2026, 3, 1, 12, 0, tzinfo=UTC)
DAY = timedelta(days=1)


def due(
    outcome: Outcome, errors: int = 0, interval: timedelta = timedelta(minutes=30)
) -> timedelta:
    return (
        next_due(
            name="f",
            interval=interval,
            outcome=outcome,
            consecutive_errors=errors,
            now=NOW,
            max_delay=DAY,
        )
        - NOW
    )


def test_interval_with_bounded_jitter() -> None:
    delay = due(Outcome(ok=True))
    assert timedelta(minutes=27) <= delay <= timedelta(minutes=33)
    assert due(Outcome(ok=True)) == delay  # deterministic for the same feed and time


def test_exponential_backoff_capped_at_a_day() -> None:
    delays = [due(Outcome(ok=False), errors=n) for n in (1, 2, 3, 4)]
    assert all(b > a for a, b in pairwise(delays))
    assert timedelta(minutes=100) < delays[2] < timedelta(minutes=140)
    assert due(Outcome(ok=False), errors=40) <= DAY * 1.1


def test_hints_lengthen_but_never_shorten() -> None:
    assert due(Outcome(ok=True, ttl_minutes=120)) >= timedelta(minutes=108)
    assert due(Outcome(ok=True, ttl_minutes=5)) <= timedelta(minutes=33)
    hinted = due(Outcome(ok=True, headers={"cache-control": "public, max-age=7200"}))
    assert hinted >= timedelta(minutes=108)
    expires = {"expires": "Sun, 01 Mar 2026 15:00:00 GMT"}
    assert due(Outcome(ok=True, headers=expires)) >= timedelta(hours=2.7)
    # caching hints are capped at six hours, Retry-After only by max_delay
    assert due(Outcome(ok=True, headers={"cache-control": "max-age=999999"})) <= timedelta(
        hours=6.6
    )
    retry = due(Outcome(ok=False, retry_after=timedelta(hours=10)), errors=1)
    assert retry >= timedelta(hours=9)
    assert due(Outcome(ok=False, retry_after=timedelta(days=30)), errors=1) <= DAY * 1.1


def test_next_fire_in_channel_timezone() -> None:
    # 07:00 in Dushanbe (UTC+5) is 02:00 UTC
    assert next_fire("0 7 * * *", "Asia/Dushanbe", NOW) == datetime(2026, 3, 2, 2, 0, tzinfo=UTC)
    assert next_fire("0 * * * *", "UTC", NOW) == datetime(2026, 3, 1, 13, 0, tzinfo=UTC)
    assert next_fire("*/5 * * * *", "UTC", NOW) == datetime(2026, 3, 1, 12, 5, tzinfo=UTC)


def test_next_digest_run_after_success_failure_and_near_schedule() -> None:
    daily = ("0 7 * * *", "Asia/Dushanbe")
    tomorrow = datetime(2026, 3, 2, 2, 0, tzinfo=UTC)
    retry = timedelta(minutes=15)
    assert next_digest_run(*daily, NOW, sent=True, retry_after=retry) == tomorrow
    assert next_digest_run(*daily, NOW, sent=False, retry_after=retry) == NOW + retry
    # a retry never waits past the next scheduled run
    late = datetime(2026, 3, 2, 1, 55, tzinfo=UTC)
    assert next_digest_run(*daily, late, sent=False, retry_after=retry) == tomorrow
