"""One poll pass: fetch feeds concurrently, parse, store new entries, match them.

A feed's failure is recorded on that feed and never stops the others.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from datetime import datetime, timedelta
from typing import Any, Protocol

from sqlalchemy.orm import Session, sessionmaker

from monitor.config import Settings
from monitor.errors import FetchError, ParseError
from monitor.fetch import Fetched, Fetcher, FetchResult, HttpStatusError
from monitor.models import Feed
from monitor.parse import ParsedEntry, ParsedFeed, parse
from monitor.schedule import Outcome, next_due
from monitor.storage import entries as entry_store
from monitor.storage import feeds as feed_store
from monitor.storage import matches as match_store

log = logging.getLogger(__name__)


class MatchOutcome(Protocol):
    score: float
    relevant: bool
    language: str | None
    terms: list[str]
    term_ids: list[str]

    def to_explanation(self) -> dict[str, Any]: ...


class EntryMatcher(Protocol):
    def match(
        self, title: str, summary: str, content: str = "", language: str | None = None
    ) -> MatchOutcome: ...


@dataclass
class FeedReport:
    name: str
    status: str  # ok | not_modified | error | disabled
    new_entries: int = 0
    new_matches: int = 0
    error: str | None = None


@dataclass
class PollReport:
    feeds: list[FeedReport] = field(default_factory=list)

    def totals(self) -> dict[str, int]:
        return {
            "feeds": len(self.feeds),
            "new_entries": sum(f.new_entries for f in self.feeds),
            "new_matches": sum(f.new_matches for f in self.feeds),
            "errors": sum(f.status == "error" for f in self.feeds),
        }

    def to_json(self) -> dict[str, Any]:
        return {"feeds": [asdict(f) for f in self.feeds], "totals": self.totals()}


@dataclass(frozen=True)
class FeedJob:
    """What the fetch of one feed needs, detached from the database session."""

    id: int
    name: str
    url: str
    etag: str | None
    last_modified: str | None
    language: str | None
    interval: timedelta
    consecutive_errors: int

    @classmethod
    def of(cls, feed: Feed, default_interval: timedelta) -> FeedJob:
        interval = (
            timedelta(seconds=feed.interval_seconds) if feed.interval_seconds else default_interval
        )
        return cls(
            feed.id,
            feed.name,
            feed.url,
            feed.etag,
            feed.last_modified,
            feed.language,
            interval,
            feed.consecutive_errors,
        )


Clock = Callable[[], datetime]
Progress = Callable[[FeedReport], None]


async def poll_feeds(
    sessions: sessionmaker[Session],
    settings: Settings,
    jobs: Sequence[FeedJob],
    *,
    matcher: EntryMatcher | None,
    clock: Clock,
    fetcher: Fetcher | None = None,
    on_feed: Progress | None = None,
) -> PollReport:
    """Fetch and process ``jobs`` with bounded concurrency; one report line per feed."""
    report = PollReport()

    async def one(job: FeedJob, f: Fetcher) -> None:
        try:
            result: FetchResult | FetchError = await f.fetch(
                job.url, etag=job.etag, last_modified=job.last_modified
            )
        except FetchError as exc:
            result = exc
        try:
            line = process_result(sessions, settings, job, result, matcher=matcher, now=clock())
        except Exception as exc:  # a bug or a database fault on one feed must not stop the rest
            log.exception("feed %s: processing failed", job.name)
            line = FeedReport(
                job.name, "error", error=f"internal error: {type(exc).__name__}: {exc}"
            )
        report.feeds.append(line)
        if on_feed is not None:
            on_feed(line)

    if fetcher is not None:
        await asyncio.gather(*(one(job, fetcher) for job in jobs))
    else:
        async with Fetcher(settings.fetch) as f:
            await asyncio.gather(*(one(job, f) for job in jobs))
    order = {job.name: i for i, job in enumerate(jobs)}
    report.feeds.sort(key=lambda r: order.get(r.name, 0))
    return report


def process_result(
    sessions: sessionmaker[Session],
    settings: Settings,
    job: FeedJob,
    result: FetchResult | FetchError,
    *,
    matcher: EntryMatcher | None,
    now: datetime,
) -> FeedReport:
    """Parse a fetch result, store what is new and the feed's new state, in one transaction."""
    parsed: ParsedFeed | None = None
    error: FetchError | ParseError | None = result if isinstance(result, FetchError) else None
    if isinstance(result, Fetched):
        try:
            parsed = parse(result.content, result.headers, max_text=settings.fetch.max_text)
        except ParseError as exc:
            error = exc
    outcome = _outcome(result, parsed, error)
    errors = job.consecutive_errors + 1 if error else 0
    due = next_due(
        name=job.name,
        interval=job.interval,
        outcome=outcome,
        consecutive_errors=errors,
        now=now,
        max_delay=settings.fetch.max_backoff,
    )
    http_status = getattr(result, "status", None)
    new_url = None if isinstance(result, FetchError) else result.permanent_url
    with sessions.begin() as session:
        if error is not None:
            gone = isinstance(error, HttpStatusError) and error.gone
            feed_store.record_fetch(
                session,
                job.id,
                feed_store.FetchState(
                    "error", now, due, http_status=http_status, error=str(error), gone=gone
                ),
            )
            log.info("feed %s: error: %s", job.name, error)
            return FeedReport(job.name, "error", error=str(error))
        if parsed is None:
            feed_store.record_fetch(
                session,
                job.id,
                feed_store.FetchState("not_modified", now, due, http_status=304, new_url=new_url),
            )
            return FeedReport(job.name, "not_modified")
        assert isinstance(result, Fetched)
        new_entries, new_matches = store_entries(
            session,
            job,
            parsed.entries,
            matcher=matcher,
            threshold=settings.matching.threshold,
            now=now,
        )
        feed_store.record_fetch(
            session,
            job.id,
            feed_store.FetchState(
                "ok",
                now,
                due,
                http_status=http_status,
                etag=result.etag,
                last_modified=result.last_modified,
                new_url=new_url,
                title=parsed.title,
            ),
        )
    log.debug("feed %s: %d new entries, %d new matches", job.name, new_entries, new_matches)
    return FeedReport(job.name, "ok", new_entries=new_entries, new_matches=new_matches)


def new_entries_of(entries: Sequence[ParsedEntry], known: set[str]) -> list[ParsedEntry]:
    """The entries whose identity the feed has not stored yet."""
    return [e for e in entries if e.identity not in known]


def store_entries(
    session: Session,
    job: FeedJob,
    entries: Sequence[ParsedEntry],
    *,
    matcher: EntryMatcher | None,
    threshold: float,
    now: datetime,
) -> tuple[int, int]:
    """Insert the new entries of a feed and their matches. Returns (entries, matches) added."""
    known = entry_store.known_identities(session, job.id, [e.identity for e in entries])
    fresh = new_entries_of(entries, known)
    if not fresh:
        return 0, 0
    results = [
        matcher.match(e.title, e.summary, e.content, e.language or job.language)
        if matcher
        else None
        for e in fresh
    ]
    languages = [
        r.language if r else (e.language or job.language)
        for e, r in zip(fresh, results, strict=True)
    ]
    ids = entry_store.insert_entries(session, job.id, fresh, languages, now)
    matches = [
        match_store.NewMatch(entry_id, r.score, list(r.terms), list(r.term_ids), r.to_explanation())
        for entry_id, r in zip(ids, results, strict=True)
        if r is not None and r.relevant
    ]
    return len(ids), match_store.insert_matches(session, matches, now)


def _outcome(
    result: FetchResult | FetchError, parsed: ParsedFeed | None, error: Exception | None
) -> Outcome:
    if isinstance(result, FetchError):
        retry = result.retry_after if isinstance(result, HttpStatusError) else None
        headers = result.headers if isinstance(result, HttpStatusError) else None
        return Outcome(ok=False, headers=headers, retry_after=retry)
    return Outcome(
        ok=error is None,
        headers=result.headers,
        ttl_minutes=parsed.ttl_minutes if parsed else None,
    )
