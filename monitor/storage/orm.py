"""Database schema: SQLAlchemy 2.0 typed models, and their conversion to plain records.

No queries live here (see ``monitor.storage``); no class here leaves ``storage/``.
"""

from __future__ import annotations

from dataclasses import fields
from datetime import UTC, datetime
from typing import Any, ClassVar, TypeVar

from sqlalchemy import (
    JSON,
    Boolean,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship
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


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    type_annotation_map: ClassVar[dict[Any, Any]] = {
        datetime: UTCDateTime(),
        dict[str, Any]: JSON,
        list[Any]: JSON,
    }


class Feed(Base):
    """A feed and its fetch state. ``url`` is the effective URL (after permanent redirects)."""

    __tablename__ = "feeds"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(100), unique=True)
    origin: Mapped[str] = mapped_column(String(16), default="config")  # config | import
    config_url: Mapped[str] = mapped_column(Text)
    url: Mapped[str] = mapped_column(Text)
    title: Mapped[str | None] = mapped_column(Text)
    language: Mapped[str | None] = mapped_column(String(8))
    interval_seconds: Mapped[int | None] = mapped_column(Integer)
    enabled: Mapped[bool] = mapped_column(Boolean, default=True)
    disabled_reason: Mapped[str | None] = mapped_column(
        Text
    )  # e.g. "410 Gone"; not polled while set
    etag: Mapped[str | None] = mapped_column(Text)
    last_modified: Mapped[str | None] = mapped_column(Text)
    last_fetched_at: Mapped[datetime | None]
    last_ok_at: Mapped[datetime | None]
    last_status: Mapped[str | None] = mapped_column(String(16))  # ok | not_modified | error
    last_http_status: Mapped[int | None] = mapped_column(Integer)
    last_error: Mapped[str | None] = mapped_column(Text)
    consecutive_errors: Mapped[int] = mapped_column(Integer, default=0)
    next_due_at: Mapped[datetime | None] = mapped_column(index=True)
    claimed_until: Mapped[datetime | None]
    claimed_by: Mapped[str | None] = mapped_column(String(100))  # the daemon instance
    created_at: Mapped[datetime]
    updated_at: Mapped[datetime]

    entries: Mapped[list[Entry]] = relationship(back_populates="feed", passive_deletes=True)


class Entry(Base):
    """One item of a feed, stored once per (feed, identity)."""

    __tablename__ = "entries"
    __table_args__ = (
        UniqueConstraint("feed_id", "identity", name="uq_entries_feed_id_identity"),
        Index("ix_entries_fetched_at", "fetched_at"),
        Index("ix_entries_published_at", "published_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    feed_id: Mapped[int] = mapped_column(ForeignKey("feeds.id", ondelete="CASCADE"))
    identity: Mapped[str] = mapped_column(String(255))
    guid: Mapped[str | None] = mapped_column(Text)
    url: Mapped[str | None] = mapped_column(Text)  # canonical: no tracking parameters, no fragment
    link: Mapped[str | None] = mapped_column(Text)  # as the feed gave it
    title: Mapped[str] = mapped_column(Text, default="")
    summary: Mapped[str] = mapped_column(Text, default="")
    content: Mapped[str] = mapped_column(Text, default="")
    author: Mapped[str | None] = mapped_column(Text)
    language: Mapped[str | None] = mapped_column(String(8))
    published_at: Mapped[datetime | None]
    fetched_at: Mapped[datetime]

    feed: Mapped[Feed] = relationship(back_populates="entries")


class Match(Base):
    """An entry that scored at or above the threshold, with why."""

    __tablename__ = "matches"

    id: Mapped[int] = mapped_column(primary_key=True)
    entry_id: Mapped[int] = mapped_column(ForeignKey("entries.id", ondelete="CASCADE"), unique=True)
    score: Mapped[float] = mapped_column(Float, index=True)
    terms: Mapped[list[Any]]  # watchlist term names, in order of contribution
    term_ids: Mapped[list[Any]]
    explanation: Mapped[dict[str, Any]]  # hits with positions and the score breakdown
    status: Mapped[str] = mapped_column(String(16), default="new", index=True)
    status_note: Mapped[str | None] = mapped_column(Text)
    status_at: Mapped[datetime | None]
    matched_at: Mapped[datetime] = mapped_column(index=True)
    # Stories (0002): set when the match is grouped; NULL until then.
    story_id: Mapped[int | None] = mapped_column(
        ForeignKey("stories.id", ondelete="SET NULL"), index=True
    )
    event: Mapped[str | None] = mapped_column(String(16))
    severity: Mapped[int | None] = mapped_column(Integer)
    significance: Mapped[float | None] = mapped_column(Float)
    reading: Mapped[dict[str, Any] | None] = mapped_column(JSON)  # counts, cues, confidence
    grouping: Mapped[dict[str, Any] | None] = mapped_column(JSON)  # why it joined its story

    entry: Mapped[Entry] = relationship()


class Story(Base):
    """One event, however many outlets and languages report it (its matches point here).

    The figures are recomputed from the members whenever one joins. Which of its reports a
    channel delivered is known from ``digest_items`` of its matches.
    """

    __tablename__ = "stories"

    id: Mapped[int] = mapped_column(primary_key=True)
    event: Mapped[str] = mapped_column(String(16))
    severity: Mapped[int] = mapped_column(Integer)
    significance: Mapped[float] = mapped_column(Float, index=True)
    header: Mapped[str] = mapped_column(Text)
    first_seen: Mapped[datetime]
    last_seen: Mapped[datetime] = mapped_column(index=True)
    reports: Mapped[int] = mapped_column(Integer)
    outlets: Mapped[list[Any]]
    languages: Mapped[list[Any]]
    entities: Mapped[list[Any]]  # watchlist ids, most named first
    created_at: Mapped[datetime]
    updated_at: Mapped[datetime]


class StoryKey(Base):
    """A piece of evidence a story's reports offer a new one (an entity, a place it lies in,
    a word, a count kind): grouping loads only the stories sharing one with what it groups."""

    __tablename__ = "story_keys"

    key: Mapped[str] = mapped_column(Text, primary_key=True)
    story_id: Mapped[int] = mapped_column(
        ForeignKey("stories.id", ondelete="CASCADE"), primary_key=True, index=True
    )


class MatchMark(Base):
    """The history of reviewers' judgements of a match; the newest one is on the match."""

    __tablename__ = "match_marks"

    id: Mapped[int] = mapped_column(primary_key=True)
    match_id: Mapped[int] = mapped_column(ForeignKey("matches.id", ondelete="CASCADE"), index=True)
    status: Mapped[str] = mapped_column(String(16))
    note: Mapped[str | None] = mapped_column(Text)
    marked_at: Mapped[datetime]


class Digest(Base):
    """One run of a channel: the matches it holds and whether the channel accepted them.

    ``key`` is the idempotency key (webhook header, email Message-ID) reused on every resend.
    """

    __tablename__ = "digests"

    id: Mapped[int] = mapped_column(primary_key=True)
    channel: Mapped[str] = mapped_column(String(100), index=True)
    key: Mapped[str] = mapped_column(String(100), unique=True)
    status: Mapped[str] = mapped_column(String(16), default="pending")  # pending|sent|failed|empty
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    last_error: Mapped[str | None] = mapped_column(Text)
    period_start: Mapped[datetime | None]
    period_end: Mapped[datetime]
    created_at: Mapped[datetime]
    sent_at: Mapped[datetime | None]
    match_count: Mapped[int] = mapped_column(Integer, default=0)


class DigestItem(Base):
    """A match held by a digest. Delivered on a channel = held by a sent digest of it."""

    __tablename__ = "digest_items"
    __table_args__ = (Index("ix_digest_items_match_id", "match_id"),)

    digest_id: Mapped[int] = mapped_column(
        ForeignKey("digests.id", ondelete="CASCADE"), primary_key=True
    )
    match_id: Mapped[int] = mapped_column(
        ForeignKey("matches.id", ondelete="CASCADE"), primary_key=True
    )
    channel: Mapped[str] = mapped_column(String(100))
    delivered: Mapped[bool] = mapped_column(Boolean, default=False)


class ChannelState(Base):
    """Per-channel schedule state, so several daemons can claim digest runs in the database."""

    __tablename__ = "channel_state"

    name: Mapped[str] = mapped_column(String(100), primary_key=True)
    last_run_at: Mapped[datetime | None]
    next_run_at: Mapped[datetime | None]
    claimed_until: Mapped[datetime | None]
    claimed_by: Mapped[str | None] = mapped_column(String(100))


R = TypeVar("R")


_FIELDS: dict[type[Any], tuple[str, ...]] = {}


def to_record(cls: type[R], row: Base) -> R:
    """The plain record ``cls`` (a dataclass) of an ORM row: its same-named attributes."""
    names = _FIELDS.get(cls)
    if names is None:
        names = _FIELDS[cls] = tuple(f.name for f in fields(cls))  # type: ignore[arg-type]
    return cls(**{name: getattr(row, name) for name in names})
