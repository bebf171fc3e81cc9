"""Database schema: SQLAlchemy Core tables, and rows to plain records.

SQLAlchemy Core, not the ORM: storage returns plain records (monitor/records.py) anyway, and
the ORM's import and mapping were a sixth of every command's start-up. No queries live here
(see ``monitor.storage``); nothing here leaves ``storage/``. Migrations: alembic/versions.
"""

from __future__ import annotations

from dataclasses import fields
from datetime import UTC, datetime
from typing import Any, TypeVar

from sqlalchemy import (
    JSON,
    Boolean,
    Column,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
)
from sqlalchemy.engine import Dialect
from sqlalchemy.types import TypeDecorator

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class UTCDateTime(TypeDecorator[datetime]):
    """Timezone-aware UTC datetimes on every backend (SQLite stores them naive)."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to the database; use UTC-aware datetimes")
        value = value.astimezone(UTC)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


metadata = MetaData(naming_convention=NAMING_CONVENTION)


def _when(name: str, *, nullable: bool = True, index: bool | None = None) -> Column[datetime]:
    return Column(name, UTCDateTime(), nullable=nullable, index=index)


def _text(name: str, *, nullable: bool = True) -> Column[str]:
    return Column(name, Text, nullable=nullable)


def _json(name: str, *, nullable: bool = False) -> Column[Any]:
    return Column(name, JSON, nullable=nullable)


# A feed and its fetch state. ``url`` is the effective URL (after permanent redirects).
feeds = Table(
    "feeds",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("name", String(100), nullable=False, unique=True),
    Column("origin", String(16), nullable=False, default="config"),  # config | import
    _text("config_url", nullable=False),
    _text("url", nullable=False),
    _text("title"),
    Column("language", String(8)),
    Column("interval_seconds", Integer),
    Column("enabled", Boolean, nullable=False, default=True),
    _text("disabled_reason"),  # e.g. "410 Gone"; not polled while set
    _text("etag"),
    _text("last_modified"),
    _when("last_fetched_at"),
    _when("last_ok_at"),
    Column("last_status", String(16)),  # ok | not_modified | error
    Column("last_http_status", Integer),
    _text("last_error"),
    Column("consecutive_errors", Integer, nullable=False, default=0),
    _when("next_due_at", index=True),
    _when("claimed_until"),
    Column("claimed_by", String(100)),  # the daemon instance
    _when("created_at", nullable=False),
    _when("updated_at", nullable=False),
)

# One item of a feed, stored once per (feed, identity).
entries = Table(
    "entries",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("feed_id", Integer, ForeignKey("feeds.id", ondelete="CASCADE"), nullable=False),
    Column("identity", String(255), nullable=False),
    _text("guid"),
    _text("url"),  # canonical: no tracking parameters, no fragment
    _text("link"),  # as the feed gave it
    Column("title", Text, nullable=False, default=""),
    Column("summary", Text, nullable=False, default=""),
    Column("content", Text, nullable=False, default=""),
    _text("author"),
    Column("language", String(8)),
    _when("published_at"),
    _when("fetched_at", nullable=False),
    UniqueConstraint("feed_id", "identity", name="uq_entries_feed_id_identity"),
    Index("ix_entries_fetched_at", "fetched_at"),
    Index("ix_entries_published_at", "published_at"),
)

# An entry that scored at or above the threshold, with why.
matches = Table(
    "matches",
    metadata,
    Column("id", Integer, primary_key=True),
    Column(
        "entry_id",
        Integer,
        ForeignKey("entries.id", ondelete="CASCADE"),
        nullable=False,
        unique=True,
    ),
    Column("score", Float, nullable=False, index=True),
    _json("terms"),  # watchlist term names, in order of contribution
    _json("term_ids"),
    _json("explanation"),  # hits with positions and the score breakdown
    Column("status", String(16), nullable=False, default="new", index=True),
    _text("status_note"),
    _when("status_at"),
    _when("matched_at", nullable=False, index=True),
    # Stories (0002): set when the match is grouped; NULL until then.
    Column(
        "story_id",
        Integer,
        ForeignKey("stories.id", ondelete="SET NULL"),
        nullable=True,
        index=True,
    ),
    Column("event", String(16)),
    Column("severity", Integer),
    Column("significance", Float),
    _json("reading", nullable=True),  # counts, cues, confidence
    _json("grouping", nullable=True),  # why it joined its story
)

# One event, however many outlets and languages report it (its matches point here). The
# figures are recomputed from the members whenever one joins. Which of its reports a channel
# delivered is known from ``digest_items`` of its matches.
stories = Table(
    "stories",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("event", String(16), nullable=False),
    Column("severity", Integer, nullable=False),
    Column("significance", Float, nullable=False, index=True),
    _text("header", nullable=False),
    _when("first_seen", nullable=False),
    _when("last_seen", nullable=False, index=True),
    Column("reports", Integer, nullable=False),
    _json("outlets"),
    _json("languages"),
    _json("entities"),  # watchlist ids, most named first
    _when("created_at", nullable=False),
    _when("updated_at", nullable=False),
)

# The history of reviewers' judgements of a match; the newest one is on the match.
match_marks = Table(
    "match_marks",
    metadata,
    Column("id", Integer, primary_key=True),
    Column(
        "match_id",
        Integer,
        ForeignKey("matches.id", ondelete="CASCADE"),
        nullable=False,
        index=True,
    ),
    Column("status", String(16), nullable=False),
    _text("note"),
    _when("marked_at", nullable=False),
)

# One run of a channel: the matches it holds and whether the channel accepted them. ``key``
# is the idempotency key (webhook header, email Message-ID) reused on every resend.
digests = Table(
    "digests",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("channel", String(100), nullable=False, index=True),
    Column("key", String(100), nullable=False, unique=True),
    Column("status", String(16), nullable=False, default="pending"),  # pending|sent|failed|empty
    Column("attempts", Integer, nullable=False, default=0),
    _text("last_error"),
    _when("period_start"),
    _when("period_end", nullable=False),
    _when("created_at", nullable=False),
    _when("sent_at"),
    Column("match_count", Integer, nullable=False, default=0),
)

# A match held by a digest. Delivered on a channel = held by a sent digest of it.
digest_items = Table(
    "digest_items",
    metadata,
    Column("digest_id", Integer, ForeignKey("digests.id", ondelete="CASCADE"), primary_key=True),
    Column("match_id", Integer, ForeignKey("matches.id", ondelete="CASCADE"), primary_key=True),
    Column("channel", String(100), nullable=False),
    Column("delivered", Boolean, nullable=False, default=False),
    Index("ix_digest_items_match_id", "match_id"),
)

# Per-channel schedule state, so several daemons can claim digest runs in the database.
channel_state = Table(
    "channel_state",
    metadata,
    Column("name", String(100), primary_key=True),
    _when("last_run_at"),
    _when("next_run_at"),
    _when("claimed_until"),
    Column("claimed_by", String(100)),
)


R = TypeVar("R")

_FIELDS: dict[type[Any], tuple[str, ...]] = {}


def to_record(cls: type[R], row: Any) -> R:
    """The plain record ``cls`` (a dataclass) of a row (or a mapping): its same-named values."""
    names = _FIELDS.get(cls)
    if names is None:
        names = _FIELDS[cls] = tuple(f.name for f in fields(cls))  # type: ignore[arg-type]
    mapping = getattr(row, "_mapping", row)
    return cls(**{name: mapping[name] for name in names})
