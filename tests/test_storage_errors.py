"""Database faults become StorageErrors with a one-line meaning (real SQLite files)."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import Monitor, one_error_line
from sqlalchemy import text

from monitor.errors import (
    DatabaseCorruptError,
    DatabaseLockedError,
    DatabaseReadOnlyError,
    NotMonitorDatabaseError,
    StorageError,
)
from monitor.storage import db


@pytest.fixture
def database(tmp_path: Path) -> Path:
    path = tmp_path / "monitor.db"
    db.open_database(f"sqlite:///{path}").dispose()
    return path


def test_locked_database(database: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(db, "SQLITE_BUSY_TIMEOUT_MS", 100)
    holder = sqlite3.connect(database, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    engine = db.create_db_engine(f"sqlite:///{database}")
    try:
        with pytest.raises(DatabaseLockedError, match="is locked"), engine.begin() as conn:
            conn.execute(text("UPDATE feeds SET name = name"))
    finally:
        holder.execute("ROLLBACK")
        holder.close()
        engine.dispose()


def test_read_only_database(database: Path) -> None:
    engine = db.create_db_engine(f"sqlite:///file:{database}?mode=ro&uri=true")
    try:
        with pytest.raises(DatabaseReadOnlyError, match="read-only"), engine.begin() as conn:
            conn.execute(text("UPDATE feeds SET name = name"))
        with engine.connect() as conn:  # reading still works
            assert conn.execute(text("SELECT count(*) FROM feeds")).scalar() == 0
    finally:
        engine.dispose()


def test_foreign_sqlite_database_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "other.db"
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE notes (body TEXT)")
    with pytest.raises(NotMonitorDatabaseError, match="not a monitor database"):
        db.open_database(f"sqlite:///{path}")
    with sqlite3.connect(path) as conn:  # no monitor tables were created in it
        names = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert names == {"notes"}


def test_missing_table_means_not_a_monitor_database(database: Path) -> None:
    with sqlite3.connect(database) as conn:
        conn.execute("DROP TABLE digest_items")
    engine = db.open_database(f"sqlite:///{database}")
    try:
        with pytest.raises(NotMonitorDatabaseError, match="no such table"), engine.connect() as c:
            c.execute(text("SELECT count(*) FROM digest_items"))
    finally:
        engine.dispose()


def test_other_sqlalchemy_errors_are_not_storage_errors(database: Path) -> None:
    from sqlalchemy.exc import IntegrityError

    engine = db.open_database(f"sqlite:///{database}")
    try:
        with pytest.raises(IntegrityError), engine.begin() as conn:  # a bug, not a fault
            conn.execute(text("INSERT INTO entries (feed_id) VALUES (NULL)"))
    finally:
        engine.dispose()


def _corrupt(path: Path) -> None:
    data = bytearray(path.read_bytes())
    data[4096:] = b"\x5a" * (len(data) - 4096)  # every page after the first
    path.write_bytes(bytes(data))


@pytest.mark.parametrize(
    ("damage", "error", "needle"),
    [
        (
            lambda p: p.write_text("not a database at all\n"),
            NotMonitorDatabaseError,
            "not a SQLite",
        ),
        (_corrupt, DatabaseCorruptError, "is corrupt"),
    ],
)
def test_damaged_file(
    database: Path, damage: Callable[[Path], object], error: type[StorageError], needle: str
) -> None:
    for extra in database.parent.glob("monitor.db-*"):
        extra.unlink()
    damage(database)
    with pytest.raises(error, match=needle) as info:
        db.open_database(f"sqlite:///{database}")
    assert isinstance(info.value, StorageError)


def test_cli_says_what_is_wrong_in_one_line(monitor: Monitor) -> None:
    monitor.write_config()
    monitor.db_path.write_text("just text\n")
    line = one_error_line(monitor.run("status"), "not a SQLite database", code=1)
    assert str(monitor.db_path) in line
    monitor.db_path.unlink()
    monitor.run("status", check=True)
    _corrupt(monitor.db_path)
    for extra in monitor.home.glob("monitor.db-*"):
        extra.unlink()
    one_error_line(monitor.run("matches", "list"), "is corrupt", "backup", code=1)


def test_a_migration_committed_while_opening_is_not_a_foreign_database(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Four daemons started at once: one migrates the empty database while another opens it.

    The other migration commits between the opener's first and second transactions; the opener
    must then find the schema current, not "tables but no schema revision".
    """
    from sqlalchemy import event

    url = f"sqlite:///{tmp_path / 'monitor.db'}"
    create = db.create_db_engine

    def racing_engine(url: str, **kwargs: object) -> object:
        engine = create(url, **kwargs)
        transactions = []

        @event.listens_for(engine, "before_cursor_execute")
        def other_daemon_migrates(_c: object, _cur: object, statement: str, *_: object) -> None:
            if statement == "BEGIN":
                transactions.append(statement)
            if statement == "BEGIN" and len(transactions) == 2:  # the opener's second look
                other = create(url)
                db.upgrade(other)
                other.dispose()

        return engine

    monkeypatch.setattr(db, "create_db_engine", racing_engine)
    engine = db.open_database(url)
    assert db.current_revision(engine) == db.SCHEMA_HEAD
    engine.dispose()
