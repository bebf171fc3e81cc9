"""The poll pipeline in-process: one feed's fault is recorded on it, the others go on."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from conftest import REPO

from monitor.config import FeedSettings, Settings
from monitor.match import Matcher, load_watchlist
from monitor.pipeline.poll import FeedJob, poll_feeds
from monitor.storage import db
from monitor.storage import feeds as feed_store

FIXTURES = REPO / "tests" / "fixtures" / "feeds"
NOW = datetime(2026, 5, 1, 8, 0, tzinfo=UTC)


class Exploding:
    """The real matcher, with a bug that only shows on one outlet's text."""

    def __init__(self) -> None:
        self.real = Matcher(load_watchlist(REPO / "config" / "watchlist.yaml"), 0.5)

    def match(
        self, title: str, summary: str, content: str = "", language: str | None = None
    ) -> Any:
        if "Moscow" in title:
            raise RuntimeError(f"cannot score {title[:20]!r}")
        return self.real.match(title, summary, content, language)


def test_a_bug_on_one_feed_is_recorded_as_its_error(tmp_path: Path) -> None:
    engine = db.open_database(f"sqlite:///{tmp_path / 'm.db'}")
    sessions = db.session_factory(engine)
    feeds = [
        FeedSettings(name="atom", url=(FIXTURES / "atom.xml").as_uri()),
        FeedSettings(name="rdf", url=(FIXTURES / "rdf.xml").as_uri()),
    ]
    settings = Settings(feeds=feeds)
    with sessions.begin() as s:
        feed_store.sync_config_feeds(s, feeds, NOW)
        jobs = [FeedJob.of(f, settings.fetch.default_interval) for f in feed_store.all_feeds(s)]
    report = asyncio.run(
        poll_feeds(sessions, settings, jobs, matcher=Exploding(), clock=lambda: NOW)
    )
    lines = {f.name: f for f in report.feeds}
    assert lines["rdf"].status == "ok" and lines["rdf"].new_entries == 3
    assert lines["atom"].status == "error"
    assert "internal error: RuntimeError" in (lines["atom"].error or "")
    with sessions() as s:
        atom = next(f for f in feed_store.all_feeds(s) if f.name == "atom")
        assert atom.last_status == "error" and atom.consecutive_errors == 1
        assert atom.claimed_until is None and atom.next_due_at is not None
        assert "RuntimeError" in (atom.last_error or "")
    engine.dispose()
