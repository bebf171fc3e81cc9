"""The poll pipeline in-process: one feed's fault is recorded on it, the others go on."""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from conftest import REPO
from sqlalchemy import text

from monitor.config import FeedSettings, Settings
from monitor.match import Matcher, load_watchlist
from monitor.pipeline.poll import FeedJob, StageTimes, StoreWriter, poll_feeds
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


def test_store_writer_groups_calls_and_retries_a_failed_group_one_by_one(tmp_path: Path) -> None:
    """Calls queued while the writer is busy share a transaction; when it fails, each call is
    retried in its own, so only the faulty one fails."""
    engine = db.open_database(f"sqlite:///{tmp_path / 'm.db'}")
    sessions = db.session_factory(engine)
    feeds = [FeedSettings(name=f"f{i}", url=f"http://127.0.0.1:9/{i}") for i in range(3)]
    with sessions.begin() as s:
        feed_store.sync_config_feeds(s, feeds, NOW)
    calls: list[str] = []
    busy = threading.Event()

    def title(name: str) -> Callable[[Any], str]:
        def write(session: Any) -> str:
            calls.append(name)
            session.execute(text("UPDATE feeds SET title = :t WHERE name = :t"), {"t": name})
            return name

        return write

    def broken(session: Any) -> None:
        calls.append("broken")
        raise ZeroDivisionError("a bug in one feed's store")

    async def run() -> list[Any]:
        writer = StoreWriter(sessions, StageTimes())
        try:
            blocker = asyncio.ensure_future(writer.run(lambda s: busy.wait(10)))
            await asyncio.sleep(0.05)  # the writer thread is now inside the blocker
            queued = [writer.run(title("f0")), writer.run(broken), writer.run(title("f2"))]
            waiting = asyncio.gather(*queued, return_exceptions=True)
            await asyncio.sleep(0.05)  # all three are queued behind it
            busy.set()
            await blocker
            return list(await waiting)
        finally:
            writer.close()

    results = asyncio.run(run())
    assert results[0] == "f0" and results[2] == "f2"
    assert isinstance(results[1], ZeroDivisionError)
    assert calls.count("f0") == 2  # once in the failed group, once alone
    with sessions() as s:
        titles = {f.name: f.title for f in feed_store.all_feeds(s)}
    assert titles == {"f0": "f0", "f1": None, "f2": "f2"}
    engine.dispose()
