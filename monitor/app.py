"""Use cases behind the commands: each opens what it needs and returns plain data.

The CLI and the daemon call these; nothing here prints or configures logging.
"""

from __future__ import annotations

import asyncio
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

from monitor import db
from monitor.config import LoadedConfig, Settings
from monitor.errors import ConfigError, NotFoundError
from monitor.pipeline import FeedJob, FeedReport, PollReport, poll_feeds
from monitor.storage import feeds as feed_store
from monitor.units import format_utc

if TYPE_CHECKING:
    from monitor.match import Matcher


def utcnow() -> datetime:
    return datetime.now(UTC)


def build_matcher(settings: Settings) -> Matcher:
    """The matcher of the configured watchlist and threshold (raises ConfigError)."""
    from monitor.match import Matcher, load_watchlist

    return Matcher(load_watchlist(settings.watchlist), settings.matching.threshold)


@dataclass
class App:
    """An opened configuration: settings, database and (lazily) the matcher."""

    config: LoadedConfig
    engine: Engine
    clock: Callable[[], datetime] = field(default=utcnow)

    @classmethod
    def open(cls, config: LoadedConfig, *, auto_upgrade: bool = True) -> App:
        engine = db.open_database(config.settings.database.url, auto_upgrade=auto_upgrade)
        return cls(config, engine)

    @property
    def settings(self) -> Settings:
        return self.config.settings

    @cached_property
    def sessions(self) -> sessionmaker[Session]:
        return db.session_factory(self.engine)

    @cached_property
    def matcher(self) -> Matcher:
        return build_matcher(self.settings)

    def sync_feeds(self) -> feed_store.FeedSync:
        with self.sessions.begin() as session:
            return feed_store.sync_config_feeds(session, self.settings.feeds, self.clock())

    def close(self) -> None:
        self.engine.dispose()


def poll_once(
    app: App, names: Sequence[str] = (), on_feed: Callable[[FeedReport], None] | None = None
) -> PollReport:
    """Fetch every pollable feed (or the named ones) now, whatever their due times."""
    app.sync_feeds()
    default = app.settings.fetch.default_interval
    with app.sessions() as session:
        if names:
            feeds = feed_store.feeds_named(session, names)
            missing = sorted(set(names) - {f.name for f in feeds})
            if missing:
                raise NotFoundError(f"no feed named {', '.join(map(repr, missing))}")
        else:
            feeds = feed_store.all_feeds(session)
    jobs = [FeedJob.of(f, default) for f in feeds if f.pollable]
    skipped = [
        FeedReport(f.name, "disabled", error=f.why_not_polled) for f in feeds if not f.pollable
    ]
    report = asyncio.run(
        poll_feeds(
            app.sessions,
            app.settings,
            jobs,
            matcher=lambda: app.matcher,  # built only if some feed has entries to match
            clock=app.clock,
            on_feed=on_feed,
        )
    )
    report.feeds.extend(skipped)
    return report


_SLUG = re.compile(r"[^a-z0-9]+")


def feed_name_for(title: str, url: str, taken: set[str]) -> str:
    """A unique ``[a-z0-9_-]+`` feed name derived from a title or URL."""
    base = _SLUG.sub("-", (title or "").lower()).strip("-")
    if not base:
        base = _SLUG.sub("-", re.sub(r"^https?://(www\.)?", "", url.lower())).strip("-")
    base = base[:60].strip("-") or "feed"
    name, n = base, 2
    while name in taken:
        name, n = f"{base}-{n}", n + 1
    taken.add(name)
    return name


@dataclass(frozen=True)
class OpmlFeed:
    url: str
    title: str
    language: str | None


def read_opml(path: Path) -> list[OpmlFeed]:
    """The feed outlines of an OPML file, at any depth. Parsed with defusedxml."""
    from defusedxml import DefusedXmlException
    from defusedxml.ElementTree import ParseError as XmlParseError
    from defusedxml.ElementTree import parse as parse_xml

    try:
        tree = parse_xml(path)
    except FileNotFoundError:
        raise NotFoundError(f"{path}: no such file") from None
    except (XmlParseError, DefusedXmlException) as exc:
        raise ConfigError(f"{path}: not a valid OPML file: {exc}") from exc
    root = tree.getroot()
    if root.tag.lower() != "opml":
        raise ConfigError(f"{path}: not an OPML file (root element is <{root.tag}>)")
    out = []
    for outline in root.iter("outline"):
        url = (outline.get("xmlUrl") or outline.get("xmlurl") or "").strip()
        if not url:
            continue
        title = (outline.get("title") or outline.get("text") or "").strip()
        lang = (outline.get("language") or "").strip().lower()[:2] or None
        out.append(OpmlFeed(url, title, lang))
    return out


@dataclass(frozen=True)
class ImportReport:
    added: list[str]
    skipped: list[str]


def import_opml(app: App, path: Path) -> ImportReport:
    """Add the feeds of an OPML file to the database (origin ``import``); known URLs are skipped."""
    feeds = read_opml(path)
    app.sync_feeds()
    added: list[str] = []
    skipped: list[str] = []
    with app.sessions.begin() as session:
        taken = {f.name for f in feed_store.all_feeds(session)}
        for feed in feeds:
            name = feed_name_for(feed.title, feed.url, taken)
            ok = feed_store.add_imported_feed(
                session,
                name=name,
                url=feed.url,
                title=feed.title or None,
                language=feed.language,
                now=app.clock(),
            )
            (added if ok else skipped).append(name if ok else feed.url)
    return ImportReport(added, skipped)


def database_info(app: App) -> dict[str, Any]:
    return {
        "url": app.engine.url.render_as_string(hide_password=True),
        "backend": app.engine.dialect.name,
        "revision": db.current_revision(app.engine),
        "head": db.head_revision(app.engine),
    }


def status_report(app: App) -> dict[str, Any]:
    """The monitor's view of itself: feeds, digest channels, database."""
    from monitor.storage import status as status_store

    app.sync_feeds()
    now = app.clock()
    with app.sessions() as session:
        feeds = feed_store.all_feeds(session)
        counts = feed_store.entry_counts(session)
        channels = status_store.channel_summaries(session)
        totals = status_store.totals(session)
        configured = {c.name: c for c in app.settings.digests}
        undelivered = {
            name: status_store.undelivered_count(session, name)
            for name in set(configured) | set(channels)
        }
    feed_rows = [
        {
            "name": f.name,
            "url": f.url,
            "origin": f.origin,
            "enabled": f.pollable,
            "disabled_reason": f.why_not_polled,
            "last_fetch": format_utc(f.last_fetched_at),
            "last_ok": format_utc(f.last_ok_at),
            "result": f.last_status,
            "http_status": f.last_http_status,
            "error": f.last_error,
            "consecutive_errors": f.consecutive_errors,
            "next_due": format_utc(f.next_due_at),
            "overdue": bool(f.next_due_at and f.next_due_at < now),
            "entries": counts.get(f.id, 0),
        }
        for f in feeds
    ]
    digest_rows = []
    for name in sorted(set(configured) | set(channels)):
        info = channels.get(name, {})
        chan = configured.get(name)
        digest_rows.append(
            {
                "name": name,
                "type": chan.type if chan else None,
                "configured": chan is not None,
                "schedule": chan.schedule if chan else None,
                "timezone": chan.timezone if chan else None,
                "last_sent": format_utc(info.get("last_sent")),
                "last_status": info.get("last_status"),
                "last_error": info.get("last_error"),
                "next_run": format_utc(info.get("next_run")),
                "undelivered": undelivered[name],
            }
        )
    return {
        "generated": format_utc(now),
        "feeds": feed_rows,
        "digests": digest_rows,
        "database": {**database_info(app), **totals},
    }


@dataclass(frozen=True)
class FeedCheck:
    name: str
    url: str
    ok: bool
    http_status: int | None
    entries: int
    newest: str | None
    newest_age_hours: float | None
    title: str | None
    problem: str | None
    elapsed_ms: int


def check_feeds(app: App, names: Sequence[str] = ()) -> list[FeedCheck]:
    """Fetch and parse each configured feed once, storing nothing."""
    settings = app.settings
    feeds = [f for f in settings.feeds if not names or f.name in names]
    missing = sorted(set(names) - {f.name for f in feeds})
    if missing:
        raise NotFoundError(f"no feed named {', '.join(map(repr, missing))} in {app.config.path}")
    return asyncio.run(_check_all(settings, [(f.name, f.url) for f in feeds], app.clock))


async def _check_all(
    settings: Settings, feeds: Sequence[tuple[str, str]], clock: Callable[[], datetime]
) -> list[FeedCheck]:
    from monitor.errors import MonitorError
    from monitor.fetch import Fetched, Fetcher
    from monitor.parse import parse

    async def one(f: Fetcher, name: str, url: str) -> FeedCheck:
        start = clock()
        status: int | None = None
        try:
            result = await f.fetch(url)
            assert isinstance(result, Fetched)
            status = result.status
            parsed = parse(result.content, result.headers)
        except MonitorError as exc:
            ms = int((clock() - start).total_seconds() * 1000)
            status = getattr(exc, "status", status)
            return FeedCheck(name, url, False, status, 0, None, None, None, str(exc), ms)
        ms = int((clock() - start).total_seconds() * 1000)
        dates = [e.published for e in parsed.entries if e.published]
        newest = max(dates) if dates else None
        age = round((clock() - newest).total_seconds() / 3600, 1) if newest else None
        return FeedCheck(
            name,
            url,
            True,
            status,
            len(parsed.entries),
            format_utc(newest),
            age,
            parsed.title,
            parsed.problem,
            ms,
        )

    async with Fetcher(settings.fetch) as fetcher:
        return list(await asyncio.gather(*(one(fetcher, n, u) for n, u in feeds)))


def set_feed_enabled(app: App, name: str, enabled: bool) -> None:
    app.sync_feeds()
    with app.sessions.begin() as session:
        if not feed_store.set_feed_enabled(session, name, enabled, app.clock()):
            raise NotFoundError(f"no feed named {name!r}")
