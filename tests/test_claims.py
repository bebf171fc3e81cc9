"""Claims in the database: two daemons never poll one feed or send one digest run twice."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import Connection

from monitor.config import FeedSettings
from monitor.storage import claims as claim_store
from monitor.storage import db
from monitor.storage import feeds as feed_store

NOW = datetime(2026, 5, 1, 8, 0, tzinfo=UTC)
LEASE = timedelta(minutes=5)
STEP = timedelta(minutes=30)


def seeded(url: str, n: int = 6):
    engine = db.open_database(url)
    sessions = db.session_factory(engine)
    with sessions.begin() as s:
        feeds = [FeedSettings(name=f"f{i}", url=f"http://127.0.0.1:9/{i}.xml") for i in range(n)]
        feed_store.sync_config_feeds(s, feeds, NOW)
        claim_store.ensure_channel_state(s, "daily", NOW - timedelta(minutes=1))
    return engine, sessions


@pytest.fixture(params=["sqlite", "postgresql"])
def url(request: pytest.FixtureRequest, tmp_path) -> str:
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'claims.db'}"
    return str(request.getfixturevalue("postgres_db"))


def test_a_claimed_feed_is_not_claimed_again_until_its_lease_ends(url: str) -> None:
    engine, sessions = seeded(url)
    try:
        with sessions.begin() as s:
            first = {f.name for f in feed_store.claim_due_feeds(s, NOW, LEASE, STEP, limit=4)}
        with sessions.begin() as s:
            second = {f.name for f in feed_store.claim_due_feeds(s, NOW, LEASE, STEP)}
        assert len(first) == 4 and len(second) == 2 and not first & second
        with sessions.begin() as s:
            assert feed_store.claim_due_feeds(s, NOW + timedelta(minutes=1), LEASE, STEP) == []
        # the claim moved each feed's next due time forward before any fetch
        with sessions() as s:
            assert all(f.next_due_at == NOW + STEP for f in feed_store.all_feeds(s))
    finally:
        engine.dispose()


def test_concurrent_claims_on_postgresql_skip_locked_rows(postgres_db: str) -> None:
    engine, sessions = seeded(postgres_db)
    try:
        a: Connection = sessions()
        b: Connection = sessions()
        with a.begin(), b.begin():
            got_a = {f.name for f in feed_store.claim_due_feeds(a, NOW, LEASE, STEP, limit=3)}
            # a's transaction is still open: b skips its locked rows instead of waiting
            got_b = {f.name for f in feed_store.claim_due_feeds(b, NOW, LEASE, STEP)}
        assert len(got_a) == 3 and len(got_b) == 3 and not got_a & got_b
        a.close()
        b.close()
    finally:
        engine.dispose()


def test_only_one_daemon_wins_a_digest_run(url: str) -> None:
    engine, sessions = seeded(url)
    try:
        with sessions.begin() as s:
            assert claim_store.claim_channel_run(s, "daily", NOW, LEASE, "host-a:1")
        with sessions.begin() as s:
            assert not claim_store.claim_channel_run(s, "daily", NOW, LEASE, "host-b:2")
        with sessions.begin() as s:
            claim_store.finish_channel_run(
                s, "daily", NOW, NOW + timedelta(days=1), "host-a:1", ran=True
            )
        with sessions.begin() as s:  # released, but not due until tomorrow
            assert not claim_store.claim_channel_run(s, "daily", NOW, LEASE, "host-b:2")
            state = claim_store.channel_run(s, "daily")
            assert state is not None and state.last_run_at == NOW
    finally:
        engine.dispose()
