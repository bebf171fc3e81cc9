"""The same migrations and the same ingest on a real PostgreSQL server."""

from __future__ import annotations

from feedserver import FeedServer
from sqlalchemy import create_engine, inspect, text


def test_migrations_and_poll_on_postgres(
    monitor, feed_server: FeedServer, postgres_db: str
) -> None:
    feed_server.fixture("/rss2.xml", "rss2.xml")
    feed_server.fixture("/cp1251.xml", "cp1251.xml", "application/xml")
    monitor.write_config(
        [
            {"name": "wire", "url": feed_server.url("/rss2.xml")},
            {"name": "ru", "url": feed_server.url("/cp1251.xml")},
        ]
    )
    up = monitor.run("--db", postgres_db, "db", "upgrade", check=True)
    assert "upgraded" in up.stdout
    again = monitor.run("--db", postgres_db, "db", "upgrade", check=True)
    assert "up to date" in again.stdout

    engine = create_engine(postgres_db)
    try:
        tables = set(inspect(engine).get_table_names())
        assert {
            "feeds",
            "entries",
            "matches",
            "digests",
            "digest_items",
            "alembic_version",
        } <= tables
        first = monitor.json("--db", postgres_db, "poll", "--json")
        assert first["totals"]["new_entries"] == 8 and first["totals"]["errors"] == 0
        second = monitor.json("--db", postgres_db, "poll", "--json")
        assert second["totals"]["new_entries"] == 0
        with engine.connect() as conn:
            titles = set(conn.scalars(text("SELECT title FROM entries")))
            assert "Пограничники Таджикистана задержали нарушителей на Пяндже" in titles
            tz = conn.scalar(
                text("SELECT published_at FROM entries WHERE published_at IS NOT NULL LIMIT 1")
            )
            assert tz.tzinfo is not None
        status = monitor.json("--db", postgres_db, "status", "--json")
        assert status["database"]["backend"] == "postgresql"
        assert status["database"]["entries"] == 8
    finally:
        engine.dispose()
