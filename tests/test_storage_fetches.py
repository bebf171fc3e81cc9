"""Batched fetch records: one executemany UPDATE per kind of outcome, right for each kind."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import insert, select

from monitor.records import FetchState
from monitor.storage import db
from monitor.storage.feeds import record_fetches
from monitor.storage.tables import feeds

NOW = datetime(2026, 1, 2, 3, 4, 5, tzinfo=UTC)
LATER = NOW + timedelta(minutes=30)

STATES = [
    FetchState("ok", NOW, LATER, http_status=200, etag='"a"', last_modified="x", title="T0"),
    FetchState("not_modified", NOW, LATER, http_status=304),
    FetchState("error", NOW, LATER, http_status=500, error="HTTP 500"),
    FetchState("error", NOW, LATER, http_status=410, error="HTTP 410 Gone", gone=True),
    FetchState("not_modified", NOW, LATER, http_status=304, new_url="https://moved/feed"),
    FetchState("ok", NOW, LATER, http_status=200, etag=None, title="Not used: has a title"),
    FetchState("error", NOW, LATER, error="timed out"),
]


def _feeds_after(path: Path) -> list[dict[str, Any]]:
    engine = db.open_database(f"sqlite:///{path}", auto_upgrade=True)
    sessions = db.session_factory(engine)
    with sessions.begin() as session:
        for i, _ in enumerate(STATES):
            session.execute(
                insert(feeds).values(
                    name=f"f{i}",
                    origin="config",
                    config_url=f"https://f{i}/",
                    url=f"https://f{i}/",
                    title="Has a title" if i == 5 else None,
                    enabled=True,
                    consecutive_errors=i,
                    etag='"old"',
                    created_at=NOW,
                    updated_at=NOW,
                )
            )
    with sessions.begin() as session:
        ids = list(session.scalars(select(feeds.c.id).order_by(feeds.c.name)))
        pairs = list(zip(ids, STATES, strict=True))
        record_fetches(session, pairs)
    with sessions() as session:
        rows = [dict(f._mapping) for f in session.execute(select(feeds).order_by(feeds.c.name))]
    engine.dispose()
    return rows


def test_batched_records_set_each_kind_of_outcome(tmp_path: Path) -> None:
    batched = _feeds_after(tmp_path / "a.db")
    ok, not_modified, error, gone, moved, titled, timeout = batched
    assert ok["etag"] == '"a"' and ok["title"] == "T0" and ok["consecutive_errors"] == 0
    assert not_modified["etag"] == '"old"' and not_modified["last_ok_at"] == NOW
    assert error["consecutive_errors"] == 3 and error["last_error"] == "HTTP 500"
    assert gone["disabled_reason"].startswith("HTTP 410 Gone") and gone["consecutive_errors"] == 4
    assert moved["url"] == "https://moved/feed" and moved["claimed_until"] is None
    assert titled["title"] == "Has a title" and titled["etag"] is None
    assert timeout["last_http_status"] is None and timeout["consecutive_errors"] == 7
