"""Plain typed records that cross the storage boundary (no ORM object leaves ``storage/``).

Storage functions return and take these; use cases, the pipeline and the digest builder work
on them without a session. Frozen dataclasses, so a record is a value, not a live row.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Protocol


@dataclass(frozen=True, slots=True)
class ChannelRun:
    """A digest channel's schedule state: when it is next due, who holds its claim."""

    name: str
    next_run_at: datetime | None
    last_run_at: datetime | None
    claimed_by: str | None


@dataclass(frozen=True, slots=True)
class FeedRecord:
    """A feed and its fetch state. ``url`` is the effective URL (after permanent redirects)."""

    id: int
    name: str
    origin: str  # config | import
    config_url: str
    url: str
    title: str | None
    language: str | None
    interval_seconds: int | None
    enabled: bool
    disabled_reason: str | None  # e.g. "HTTP 410 Gone at …"; not polled while set
    etag: str | None
    last_modified: str | None
    last_fetched_at: datetime | None
    last_ok_at: datetime | None
    last_status: str | None  # ok | not_modified | error
    last_http_status: int | None
    last_error: str | None
    consecutive_errors: int
    next_due_at: datetime | None
    claimed_until: datetime | None  # a daemon is polling it until then

    @property
    def pollable(self) -> bool:
        """Enabled, and not disabled by the program (410 Gone, dropped from the config)."""
        return self.enabled and not self.disabled_reason

    @property
    def why_not_polled(self) -> str | None:
        return self.disabled_reason or (None if self.enabled else "disabled in config")


@dataclass(frozen=True, slots=True)
class FeedSync:
    """What syncing the config's feeds into the database changed, by feed name."""

    added: list[str]
    updated: list[str]
    retired: list[str]
    feeds: list[FeedRecord]  # every feed after the sync, by name (a poll needs no second SELECT)


@dataclass(frozen=True, slots=True)
class ImportedFeed:
    """A feed to add from an OPML import (name and URL already checked as new)."""

    name: str
    url: str
    title: str | None
    language: str | None


@dataclass(frozen=True, slots=True)
class FetchState:
    """What one fetch changes on a feed row."""

    status: str  # ok | not_modified | error
    fetched_at: datetime
    next_due_at: datetime
    http_status: int | None = None
    error: str | None = None
    etag: str | None = None
    last_modified: str | None = None
    new_url: str | None = None
    title: str | None = None
    gone: bool = False


class NewEntry(Protocol):
    """An entry to store: what storage reads of a parsed entry (the parser's type fits)."""

    @property
    def identity(self) -> str: ...
    @property
    def guid(self) -> str | None: ...
    @property
    def url(self) -> str | None: ...
    @property
    def link(self) -> str | None: ...
    @property
    def title(self) -> str: ...
    @property
    def summary(self) -> str: ...
    @property
    def content(self) -> str: ...
    @property
    def author(self) -> str | None: ...
    @property
    def published(self) -> datetime | None: ...


@dataclass(frozen=True, slots=True)
class EntryRecord:
    """One stored item of a feed."""

    id: int
    feed_id: int
    identity: str
    guid: str | None
    url: str | None  # canonical: no tracking parameters, no fragment
    link: str | None  # as the feed gave it
    title: str
    summary: str
    content: str
    author: str | None
    language: str | None
    published_at: datetime | None
    fetched_at: datetime


@dataclass(frozen=True, slots=True)
class NewMatch:
    """A match to store (or the new score and explanation of an existing one)."""

    entry_id: int
    score: float
    terms: list[str]
    term_ids: list[str]
    explanation: dict[str, Any]


@dataclass(frozen=True, slots=True)
class MatchRecord:
    """A stored match: an entry that scored at or above the threshold, with why."""

    id: int
    entry_id: int
    score: float
    terms: list[Any]  # watchlist term names, in order of contribution
    term_ids: list[Any]
    explanation: dict[str, Any]  # hits with positions and the score breakdown
    status: str
    status_note: str | None
    status_at: datetime | None
    matched_at: datetime
    story_id: int | None  # set when grouped into a story
    event: str | None
    severity: int | None
    significance: float | None
    reading: dict[str, Any] | None  # counts, cues, confidence
    grouping: dict[str, Any] | None  # why it joined its story


@dataclass(frozen=True, slots=True)
class MarkRecord:
    """One reviewer's judgement of a match."""

    status: str
    note: str | None
    marked_at: datetime


@dataclass(frozen=True, slots=True)
class ReviewRow:
    """A match with its entry, as review lists and shows it."""

    match: MatchRecord
    entry: EntryRecord
    feed: str
    feed_title: str | None
    language: str | None  # the entry's, else the feed's
    when: datetime  # published, else fetched


@dataclass(frozen=True)
class MatchFilter:
    """What ``list``, ``export`` and ``stats`` select. Empty tuples mean "any"."""

    since: datetime | None = None
    until: datetime | None = None
    feeds: tuple[str, ...] = ()
    terms: tuple[str, ...] = ()  # watchlist term ids or names
    languages: tuple[str, ...] = ()
    min_score: float | None = None
    statuses: tuple[str, ...] = ()
    limit: int | None = None

    def term_matches(self, term_ids: Sequence[Any], names: Sequence[Any]) -> bool:
        """Whether a match with these term ids and names passes the ``terms`` filter.

        Ids compare exactly; names compare case-insensitively.
        """
        if not self.terms:
            return True
        ids = {str(t) for t in term_ids or ()}
        folded = {str(n).casefold() for n in names or ()}
        return any(t in ids or t.casefold() in folded for t in self.terms)


@dataclass(frozen=True, slots=True)
class DigestRecord:
    """One run of a channel; ``key`` is the idempotency key reused on every resend."""

    id: int
    channel: str
    key: str
    status: str  # pending | sent | failed | empty
    attempts: int
    last_error: str | None
    period_start: datetime | None
    period_end: datetime
    created_at: datetime
    sent_at: datetime | None
    match_count: int


@dataclass(frozen=True, slots=True)
class FeedRow:
    """What a digest shows of a feed."""

    name: str
    title: str | None
    language: str | None


@dataclass(frozen=True, slots=True)
class EntryRow:
    """What a digest shows of an entry."""

    title: str
    summary: str
    content: str
    url: str | None
    link: str | None
    language: str | None
    published_at: datetime | None
    feed: FeedRow


@dataclass(frozen=True, slots=True)
class MatchRow:
    """A match with what a digest shows of its entry and feed."""

    id: int
    score: float
    terms: list[Any]
    explanation: dict[str, Any]
    matched_at: datetime
    entry: EntryRow
    story_id: int | None = None
    event: str | None = None
    severity: int | None = None
    significance: float | None = None


# ---- stories -------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class StoryReport:
    """A match as stories see it: its entry's text and outlet, and its story fields."""

    match_id: int
    story_id: int | None
    title: str
    summary: str  # the summary, else the start of the content
    link: str | None
    feed: str
    outlet: str  # the feed's title, else its name
    language: str | None
    published: datetime | None
    when: datetime  # published, else fetched
    score: float
    term_ids: list[str]
    status: str
    event: str | None
    severity: int | None
    significance: float | None
    reading: dict[str, Any] | None
    grouping: dict[str, Any] | None


@dataclass(frozen=True, slots=True)
class StoryFields:
    """What a story row says about its members (recomputed when one joins)."""

    event: str
    severity: int
    significance: float
    header: str
    first_seen: datetime
    last_seen: datetime
    reports: int
    outlets: list[str]
    languages: list[str]
    entities: list[str]


@dataclass(frozen=True, slots=True)
class StoryRow:
    id: int
    fields: StoryFields
    created_at: datetime
    updated_at: datetime


@dataclass(frozen=True, slots=True)
class StoryAssignment:
    """A match's story and what was read from it."""

    match_id: int
    story_id: int
    event: str
    severity: int
    significance: float
    reading: dict[str, Any]
    grouping: dict[str, Any]
