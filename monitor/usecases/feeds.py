"""Feed use cases: import an OPML file, check feeds without storing, enable and disable."""

from __future__ import annotations

import asyncio
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from monitor.config import LoadedConfig, Settings
from monitor.errors import ConfigError, NotFoundError, ParseError, UsageError
from monitor.records import ImportedFeed
from monitor.storage import feeds as feed_store
from monitor.text import one_line
from monitor.units import format_utc, language_code, slug
from monitor.usecases.context import App, utcnow

if TYPE_CHECKING:  # parsing is imported when a command needs it
    from monitor.parse import ParsedFeed

_SLUG = re.compile(r"[^a-z0-9]+")
_UNSAFE_URL_CHARS = re.compile(r"[\x00-\x20\x7f-\x9f]")


def feed_name_for(
    title: str, url: str, taken: set[str], counters: dict[str, int] | None = None
) -> str:
    """A unique ``[a-z0-9_-]+`` feed name derived from a title or URL.

    ``counters`` (base name: next suffix to try) keeps naming many feeds of one title linear.
    """
    base = slug(title or "") or slug(re.sub(r"^https?://(www\.)?", "", url.lower()))
    base = base[:60].strip("-") or "feed"
    counters = {} if counters is None else counters
    name, n = base, counters.get(base, 2)
    while name in taken:
        name, n = f"{base}-{n}", n + 1
    counters[base] = n
    taken.add(name)
    return name


def import_url_problem(url: str) -> str | None:
    """Why an imported feed URL is refused (None: it is fine). Only absolute http(s) URLs are
    imported: a file: URL, a local path, javascript: or gopher: in an OPML file someone sent
    would read local files or other services. A local file is added by the user, in the
    config."""
    if _UNSAFE_URL_CHARS.search(url):
        return "has spaces or control characters"
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018  (raises on a bad port)
    except ValueError:
        return "is not a valid URL"
    if parts.scheme.lower() not in ("http", "https"):
        return "is not an http(s) URL (local files go in the config)"
    if not parts.hostname:
        return "has no host"
    return None


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
        out.append(OpmlFeed(url, title, language_code(outline.get("language"))))
    return out


@dataclass(frozen=True)
class ImportReport:
    added: list[str]
    skipped: list[str]
    rejected: list[tuple[str, str]] = field(default_factory=list)  # URL, why


def import_opml(app: App, path: Path) -> ImportReport:
    """Add the feeds of an OPML file to the database (origin ``import``); known URLs are
    skipped, URLs that are not absolute http(s) rejected. One read of the known feeds and
    batched inserts: linear in the number of outlines."""
    feeds = read_opml(path)
    app.sync_feeds()
    report = ImportReport([], [])
    with app.sessions.begin() as session:
        taken, known = feed_store.known_names_and_urls(session)
        counters: dict[str, int] = {}
        new: list[ImportedFeed] = []
        for feed in feeds:
            problem = import_url_problem(feed.url)
            if problem:
                report.rejected.append((feed.url, problem))
                continue
            if feed.url in known:
                report.skipped.append(feed.url)
                continue
            known.add(feed.url)
            name = feed_name_for(feed.title, feed.url, taken, counters)
            title = one_line(feed.title, 300) or None
            new.append(ImportedFeed(name, feed.url, title, feed.language))
            report.added.append(name)
        feed_store.insert_imported_feeds(session, new, app.clock())
    return report


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


def check_feeds(
    config: LoadedConfig,
    names: Sequence[str] = (),
    clock: Callable[[], datetime] = utcnow,
    *,
    imported: Sequence[tuple[str, str]] = (),
) -> list[FeedCheck]:
    """Fetch and parse each feed once, stores nothing: the configured ones and ``imported``
    (name, URL) pairs (feeds added with ``feeds import`` or ``feeds add``, from the database)."""
    settings = config.settings
    known = [(f.name, f.url) for f in settings.feeds]
    known += [(n, u) for n, u in imported if n not in {k for k, _ in known}]
    feeds = [(n, u) for n, u in known if not names or n in names]
    missing = sorted(set(names) - {n for n, _ in feeds})
    if missing:
        raise NotFoundError(
            f"no feed named {', '.join(map(repr, missing))} in {config.path} or the database"
        )
    return asyncio.run(_check_all(settings, feeds, clock))


def imported_feeds(app: App) -> list[tuple[str, str]]:
    """(name, URL) of the feeds that live in the database, not in the config."""
    with app.sessions() as session:
        return [(f.name, f.url) for f in feed_store.all_feeds(session) if f.origin != "config"]


async def _check_all(
    settings: Settings, feeds: Sequence[tuple[str, str]], clock: Callable[[], datetime]
) -> list[FeedCheck]:
    from monitor.errors import FetchError, MonitorError
    from monitor.fetch import Fetched, Fetcher
    from monitor.parse import parse

    async def one(f: Fetcher, name: str, url: str) -> FeedCheck:
        start = clock()
        status: int | None = None
        try:
            result = await f.fetch(url)
            if not isinstance(result, Fetched):  # no validators were sent: a broken server
                raise FetchError("answered 304 Not Modified to a request without validators")
            status = result.status
            parsed = parse(result.content, {**result.headers, "content-location": url})
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


@dataclass(frozen=True)
class AddedFeed:
    name: str
    url: str
    page: str | None  # the HTML page the feed was discovered on, if any
    title: str | None
    language: str | None
    entries: int


def require_http_url(url: str) -> str:
    """An http(s) URL as given; anything else (no scheme, a path, ``ftp:``) is a UsageError."""
    url = url.strip()
    scheme = re.match(r"^([a-zA-Z][a-zA-Z0-9+.-]*):", url)
    if scheme is None or "://" not in url:
        guess = f"; did you mean 'https://{url}'?" if re.match(r"^[\w-]+(\.[\w-]+)+", url) else ""
        raise UsageError(f"URL: {url!r} has no scheme (give an http:// or https:// URL){guess}")
    if scheme.group(1).lower() not in ("http", "https"):
        raise UsageError(f"URL: {url!r}: only http:// and https:// feeds can be added")
    problem = import_url_problem(url)
    if problem:
        raise UsageError(f"URL: {url!r} {problem}")
    return url


def add_feed(app: App, url: str, name: str | None = None, language: str | None = None) -> AddedFeed:
    """Fetch ``url``; if it is an HTML page, the feed it advertises (as feed readers do). Store
    that feed in the database (origin ``import``), due at the next pass.

    Raises UsageError for a bad URL, name or language, a known feed, or a page with no feed;
    a FetchError when the URL cannot be fetched.
    """
    from monitor.config import FeedSettings, problems_in

    url = require_http_url(url)
    found = problems_in({"name": name or "x", "url": url, "language": language}, FeedSettings)
    if found:
        raise UsageError(f"--name/--language: {found[0].text}")
    feed_url, page, parsed = asyncio.run(_discover(app.settings, url))
    app.sync_feeds()
    with app.sessions.begin() as session:
        known = feed_store.all_feeds(session)
        for f in known:
            if feed_url in (f.url, f.config_url) or f.name == name:
                raise UsageError(f"{feed_url} is already known as feed {f.name!r}")
        chosen = name or feed_name_for(parsed.title or "", feed_url, {f.name for f in known})
        new = ImportedFeed(chosen, feed_url, parsed.title, language or parsed.language)
        feed_store.insert_imported_feeds(session, [new], app.clock())
    return AddedFeed(
        chosen, feed_url, page, parsed.title, language or parsed.language, len(parsed.entries)
    )


async def _discover(settings: Settings, url: str) -> tuple[str, str | None, ParsedFeed]:
    from monitor.discover import advertised_feeds, is_html
    from monitor.fetch import Fetched, Fetcher
    from monitor.parse import parse

    async with Fetcher(settings.fetch) as fetcher:
        result = await fetcher.fetch(url)
        if not isinstance(result, Fetched):
            raise UsageError(f"{url}: the server sent no body")
        headers = {**result.headers, "content-location": url}
        try:
            return url, None, parse(result.content, headers)
        except ParseError as exc:
            if not is_html(result.content, headers.get("content-type")):
                raise UsageError(f"{url}: {exc}") from None
            found = advertised_feeds(result.content, url)
            if not found:
                raise UsageError(f"{url}: {exc}") from None
        feed = await fetcher.fetch(found[0].url)
        if not isinstance(feed, Fetched):
            raise UsageError(f"{found[0].url}: the server sent no body")
        try:
            parsed = parse(feed.content, {**feed.headers, "content-location": found[0].url})
        except ParseError as exc:
            raise UsageError(f"{found[0].url} (advertised by {url}): {exc}") from None
        return found[0].url, url, parsed
