"""Engine creation and migrations. SQLite gets WAL mode, a busy timeout and foreign keys.

Every engine turns the database faults a user can act on (locked, read-only, not a monitor
database, corrupt, unreachable) into :class:`~monitor.errors.StorageError` subclasses with a
one-line meaning, wherever the statement ran; other SQLAlchemy errors (bugs) pass unchanged.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from sqlalchemy import Connection, create_engine, event, inspect, text
from sqlalchemy import Engine as Engine  # the types callers above storage hold
from sqlalchemy.engine import ExceptionContext, make_url
from sqlalchemy.exc import ArgumentError, OperationalError, SQLAlchemyError

from monitor.errors import (
    ConfigError,
    DatabaseCorruptError,
    DatabaseLockedError,
    DatabaseReadOnlyError,
    NotMonitorDatabaseError,
    StorageError,
)
from monitor.files import packaged_data

if TYPE_CHECKING:
    from alembic.config import Config as AlembicConfig

SQLITE_BUSY_TIMEOUT_MS = 30_000
# The newest migration. Opening a database compares against this without importing Alembic
# (a third of the command's start-up); a test checks it equals Alembic's head.
SCHEMA_HEAD = "0004"
# pg_advisory_xact_lock keys: one transaction at a time migrates, or syncs the configured feeds.
MIGRATION_LOCK = 0x6D6F6E01
FEED_SYNC_LOCK = 0x6D6F6E02
STORY_GROUPING_LOCK = 0x6D6F6E03
# Execution option: open the transaction with BEGIN IMMEDIATE on SQLite (take the write lock
# first, waiting up to the busy timeout, instead of failing when a read turns into a write).
SQLITE_IMMEDIATE = "monitor_sqlite_immediate"


IN_BATCH = 500  # ids per IN (...) list: well under every backend's bound-parameter limit
T = TypeVar("T")


def in_batches(values: Sequence[T]) -> Iterator[list[T]]:
    """``values`` in lists of at most :data:`IN_BATCH`, one per ``IN (...)`` query."""
    for i in range(0, len(values), IN_BATCH):
        yield list(values[i : i + IN_BATCH])


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
    else:
        try:
            engine = create_engine(parsed, pool_pre_ping=True, **kwargs)
        except (ImportError, ArgumentError) as exc:
            raise ConfigError(f"database.url: cannot use {parsed.drivername!r}: {exc}") from exc
    event.listen(engine, "handle_error", _storage_error)
    return engine


def sqlite_file(engine: Engine) -> Path | None:
    """The database file of a SQLite engine; None for other databases and in-memory ones."""
    url = engine.url
    if url.get_backend_name() != "sqlite" or not url.database or url.database == ":memory:":
        return None
    return Path(url.database)


def describe(engine: Engine) -> str:
    """The database as a user names it: the SQLite file, else the URL without its password."""
    url = engine.url
    if url.get_backend_name() == "sqlite" and url.database:
        return url.database
    return url.render_as_string(hide_password=True)


# SQLSTATEs (PostgreSQL) and SQLite messages of the faults a user can act on.
_LOCKED = ("database is locked", "database table is locked", "lock timeout")
_LOCKED_STATES = frozenset({"55P03", "40P01"})  # lock_not_available, deadlock_detected
_READ_ONLY = ("readonly database", "read-only", "read only")
_READ_ONLY_STATES = frozenset({"25006"})  # read_only_sql_transaction
_CORRUPT = ("database disk image is malformed", "database corruption")
_CORRUPT_STATES = frozenset({"XX001", "XX002"})  # data_corrupted, index_corrupted
_MISSING = ("no such table", "no such column")
_MISSING_STATES = frozenset({"42P01", "42703"})  # undefined_table, undefined_column


def storage_error(orig: BaseException, where: str) -> StorageError | None:
    """The StorageError a DB-API exception means, or None when it is not a database fault."""
    message = " ".join(str(orig).split())
    text = message.lower()
    state = getattr(orig, "sqlstate", None) or getattr(orig, "pgcode", None)
    if any(m in text for m in _LOCKED) or state in _LOCKED_STATES:
        return DatabaseLockedError(
            f"database {where} is locked: another process kept it busy for over "
            f"{SQLITE_BUSY_TIMEOUT_MS / 1000:g} s "
            "(a long write, or a second daemon?); try again"
        )
    if any(m in text for m in _READ_ONLY) or state in _READ_ONLY_STATES:
        return DatabaseReadOnlyError(
            f"database {where} is read-only: the process cannot write it"
            " (SQLite also needs to write its folder, for the -wal and -shm files)"
        )
    if "file is not a database" in text:
        return NotMonitorDatabaseError(f"{where} is not a SQLite database: check database.url")
    if any(m in text for m in _CORRUPT) or state in _CORRUPT_STATES:
        return DatabaseCorruptError(
            f"database {where} is corrupt ({message}): restore it from a backup"
        )
    if any(m in text for m in _MISSING) or state in _MISSING_STATES:
        return NotMonitorDatabaseError(
            f"{where} is not a monitor database of this version ({message}): "
            "check database.url, or run `monitor db upgrade`"
        )
    if "unable to open database file" in text:
        return StorageError(f"cannot open database {where}: the file or its folder is not usable")
    return None


def _storage_error(context: ExceptionContext) -> None:
    """handle_error hook: raise the StorageError of a database fault (see :func:`storage_error`)."""
    if context.is_pre_ping or context.engine is None:
        return  # the pool reconnects on its own
    error = storage_error(context.original_exception, describe(context.engine))
    where = describe(context.engine)
    reason = " ".join(str(context.original_exception).split())[:200]
    refused = context.connection is None and isinstance(
        context.sqlalchemy_exception, OperationalError
    )  # the server refused the connection, or is gone: a fault of the database, one line
    if error is None and context.is_disconnect:
        error = StorageError(f"lost the connection to database {where}: {reason}")
    elif error is None and refused:
        error = StorageError(f"database {where} unreachable: {reason}")
    if error is not None:
        raise error from context.original_exception


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
    immediate = conn.get_execution_options().get(SQLITE_IMMEDIATE, False)
    conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


def exclusive(conn: Connection, key: int) -> None:
    """Serialize this transaction with every other one taking ``key``, until it ends.

    PostgreSQL: a transaction-level advisory lock. SQLite has one write lock per database:
    a transaction begun with :data:`SQLITE_IMMEDIATE` holds it from its start.
    """
    if conn.dialect.name == "postgresql":
        conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": key})


def alembic_config(engine: Engine) -> AlembicConfig:
    from alembic.config import Config as AlembicConfig

    cfg = AlembicConfig()
    cfg.set_main_option("script_location", str(alembic_dir()))
    cfg.set_main_option("sqlalchemy.url", engine.url.render_as_string(hide_password=False))
    return cfg


def current_revision(engine: Engine) -> str | None:
    """The database's schema revision; None for an empty database."""
    with engine.connect() as conn:
        return _revision(conn)


def _revision(conn: Connection) -> str | None:
    if not inspect(conn).has_table("alembic_version"):
        return None
    return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()


def database_info(engine: Engine) -> dict[str, str | None]:
    """The database's URL (no password), backend, schema revision and the head this code expects."""
    return {
        "url": engine.url.render_as_string(hide_password=True),
        "backend": engine.dialect.name,
        "revision": current_revision(engine),
        "head": SCHEMA_HEAD,  # checked against Alembic's head by a test
    }


def _schema_state(engine: Engine) -> tuple[str | None, bool]:
    """The schema revision, and whether the database has any table, from one listing.

    One statement sees both: another process's migration commits ``alembic_version`` with the
    tables, so a daemon starting beside it never sees its tables without its revision.
    """
    with engine.connect() as conn:
        names = inspect(conn).get_table_names()
        if "alembic_version" not in names:
            return None, bool(names)
        return conn.execute(text("SELECT version_num FROM alembic_version")).scalar(), True


def head_revision(engine: Engine) -> str | None:
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(alembic_config(engine)).get_current_head()


def upgrade(engine: Engine) -> tuple[str | None, str | None]:
    """Apply migrations up to head. Returns (revision before, revision after).

    One transaction, serialized with any other process migrating the same database (several
    daemons started at once on an empty one): the later ones find the schema current.
    """
    from alembic import command
    from alembic.util import CommandError

    cfg = alembic_config(engine)
    try:
        with engine.connect() as conn:
            conn.execution_options(**{SQLITE_IMMEDIATE: True})
            with conn.begin():
                exclusive(conn, MIGRATION_LOCK)
                before = _revision(conn)
                cfg.attributes["connection"] = conn
                command.upgrade(cfg, "head")
        return before, current_revision(engine)
    except CommandError as exc:  # e.g. a revision this version does not know
        raise StorageError(f"database {describe(engine)} cannot be upgraded: {exc}") from exc
    except OperationalError as exc:
        raise StorageError(f"database {describe(engine)}: {exc.orig}") from exc
    except SQLAlchemyError as exc:
        raise StorageError(f"database migration failed: {exc}") from exc


def open_database(url: str, *, auto_upgrade: bool = True, **kwargs: Any) -> Engine:
    """Open the database, upgrading it to the newest schema when ``auto_upgrade``.

    An outdated schema without auto-upgrade is a StorageError saying to run ``monitor db upgrade``.
    """
    engine = create_db_engine(url, **kwargs)
    try:
        current, has_tables = _schema_state(engine)
    except OperationalError as exc:
        raise StorageError(f"cannot open database {describe(engine)}: {exc.orig}") from exc
    if current is None and has_tables:
        raise NotMonitorDatabaseError(
            f"{describe(engine)} is not a monitor database (it has tables but no schema "
            "revision): check database.url"
        )
    if current != SCHEMA_HEAD:
        if not auto_upgrade:
            raise StorageError("database schema is outdated: run `monitor db upgrade`")
        upgrade(engine)
    return engine


Session = Connection  # what storage functions take: a connection, in its transaction


class Sessions:
    """What callers above storage hold to reach the database (SQLAlchemy Core connections).

    ``with sessions() as s`` reads (a transaction begins at the first statement and is rolled
    back at the end unless committed); ``with sessions.begin() as s`` is one transaction,
    committed at the end unless it raises.
    """

    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    def __call__(self) -> Session:
        return self.engine.connect()

    def begin(self) -> AbstractContextManager[Session]:
        return self.engine.begin()


@contextmanager
def write_session(sessions: Sessions) -> Iterator[Session]:
    """A transaction that writes. On SQLite it takes the write lock first (``BEGIN
    IMMEDIATE``, waiting up to the busy timeout): a deferred transaction whose read turns into
    a write fails at once with "database is locked" when another process wrote in between."""
    with sessions.engine.connect() as conn:
        conn.execution_options(**{SQLITE_IMMEDIATE: True})
        with conn.begin():
            yield conn


def session_factory(engine: Engine) -> Sessions:
    return Sessions(engine)
