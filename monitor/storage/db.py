"""Engine creation and migrations. SQLite gets WAL mode, a busy timeout and foreign keys."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import Engine, create_engine, event, inspect, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, OperationalError, SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

from monitor.errors import ConfigError, StorageError
from monitor.files import packaged_data

if TYPE_CHECKING:
    from alembic.config import Config as AlembicConfig

SQLITE_BUSY_TIMEOUT_MS = 30_000
# The newest migration. Opening a database compares against this without importing Alembic
# (a third of the command's start-up); a test checks it equals Alembic's head.
SCHEMA_HEAD = "0002"


def alembic_dir() -> Path:
    return packaged_data("alembic")


def create_db_engine(url: str, **kwargs: Any) -> Engine:
    """Create an engine; for SQLite make the parent folder and set pragmas on each connection."""
    try:
        parsed = make_url(url)
    except ArgumentError as exc:
        raise ConfigError(f"database.url: invalid database URL {url!r}") from exc
    if parsed.get_backend_name() == "sqlite":
        db = parsed.database
        if db and db != ":memory:" and not db.startswith("file:"):
            Path(db).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(
            parsed, connect_args={"timeout": SQLITE_BUSY_TIMEOUT_MS / 1000}, **kwargs
        )
        event.listen(engine, "connect", _sqlite_pragmas)
        event.listen(engine, "begin", _sqlite_begin)
        return engine
    try:
        return create_engine(parsed, pool_pre_ping=True, **kwargs)
    except (ImportError, ArgumentError) as exc:
        raise ConfigError(f"database.url: cannot use {parsed.drivername!r}: {exc}") from exc


def _sqlite_pragmas(dbapi_conn: Any, _record: Any) -> None:
    # Let SQLAlchemy emit BEGIN itself (see _sqlite_begin), so transactions really start
    # when the session starts and BEGIN IMMEDIATE can be used by writers.
    dbapi_conn.isolation_level = None
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.close()


def _sqlite_begin(conn: Any) -> None:
    conn.exec_driver_sql("BEGIN")


def alembic_config(engine: Engine) -> AlembicConfig:
    from alembic.config import Config as AlembicConfig

    cfg = AlembicConfig()
    cfg.set_main_option("script_location", str(alembic_dir()))
    cfg.set_main_option("sqlalchemy.url", engine.url.render_as_string(hide_password=False))
    return cfg


def current_revision(engine: Engine) -> str | None:
    """The database's schema revision; None for an empty database."""
    with engine.connect() as conn:
        if not inspect(conn).has_table("alembic_version"):
            return None
        return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()


def head_revision(engine: Engine) -> str | None:
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(alembic_config(engine)).get_current_head()


def upgrade(engine: Engine) -> tuple[str | None, str | None]:
    """Apply migrations up to head. Returns (revision before, revision after)."""
    from alembic import command

    cfg = alembic_config(engine)
    try:
        before = current_revision(engine)
        with engine.begin() as conn:
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, "head")
        return before, current_revision(engine)
    except OperationalError as exc:
        raise StorageError(f"database {engine.url!r}: {exc.orig}") from exc
    except SQLAlchemyError as exc:
        raise StorageError(f"database migration failed: {exc}") from exc


def open_database(url: str, *, auto_upgrade: bool = True, **kwargs: Any) -> Engine:
    """Open the database, upgrading it to the newest schema when ``auto_upgrade``.

    An outdated schema without auto-upgrade is a StorageError saying to run ``monitor db upgrade``.
    """
    engine = create_db_engine(url, **kwargs)
    try:
        current = current_revision(engine)
    except OperationalError as exc:
        raise StorageError(f"cannot open database {engine.url!r}: {exc.orig}") from exc
    if current != SCHEMA_HEAD:
        if not auto_upgrade:
            raise StorageError("database schema is outdated: run `monitor db upgrade`")
        upgrade(engine)
    return engine


def session_factory(engine: Engine) -> sessionmaker[Session]:
    return sessionmaker(engine, expire_on_commit=False)
