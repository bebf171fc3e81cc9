"""Parsing feed bytes into plain entries. Pure: no network, no database, no clock.

feedparser does the XML work (all RSS/Atom/RDF flavours, encodings, bozo recovery);
this module picks the fields, strips HTML and decides each entry's stable identity.
"""

from __future__ import annotations

import calendar
import hashlib
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import feedparser

from monitor.errors import ParseError
from monitor.text import html_to_text, one_line
from monitor.units import language_code
from monitor.urls import canonical_url

MAX_IDENTITY = 255
MAX_TITLE = 1_000


@dataclass(frozen=True, slots=True)
class ParsedEntry:
    identity: str
    guid: str | None
    link: str | None
    url: str | None
    title: str
    summary: str
    content: str
    author: str | None
    published: datetime | None
    language: str | None


@dataclass(frozen=True, slots=True)
class ParsedFeed:
    title: str | None
    link: str | None
    language: str | None
    ttl_minutes: int | None
    entries: list[ParsedEntry]
    problem: str | None  # feedparser's complaint about a malformed but usable feed


def parse(
    content: bytes, headers: Mapping[str, str] | None = None, *, max_text: int = 20_000
) -> ParsedFeed:
    """Parse a feed body. ``headers`` (lower-case names) help decide the encoding.

    Raises ParseError when the bytes are not a feed at all. A feed with problems that still
    yields entries is returned with ``problem`` set.
    """
    hdrs = {k.lower(): v for k, v in (headers or {}).items()}
    hdrs.setdefault("content-location", "")
    try:
        doc = feedparser.parse(
            content, response_headers=hdrs, sanitize_html=False, resolve_relative_uris=False
        )
    except Exception as exc:  # feedparser can raise on pathological input
        raise ParseError(f"feed could not be parsed: {type(exc).__name__}: {exc}") from exc
    problem = _problem(doc)
    if not doc.entries and not doc.get("version"):
        raise ParseError(f"not a feed{': ' + problem if problem else ''}")
    meta = doc.get("feed", {})
    language = language_code(meta.get("language"))
    entries = [_entry(e, language, max_text) for e in doc.entries]
    return ParsedFeed(
        title=one_line(meta.get("title") or "", 300) or None,
        link=meta.get("link"),
        language=language,
        ttl_minutes=_int(meta.get("ttl")),
        entries=_unique(entries),
        problem=problem,
    )


_BENIGN = (feedparser.NonXMLContentType, feedparser.CharacterEncodingOverride)


def _problem(doc: Any) -> str | None:
    if not doc.get("bozo"):
        return None
    exc = doc.get("bozo_exception")
    if isinstance(exc, _BENIGN) and (doc.entries or doc.get("version")):
        return None
    return one_line(f"{type(exc).__name__}: {exc}", 200) if exc else "malformed feed"


def _entry(e: Any, feed_language: str | None, max_text: int) -> ParsedEntry:
    title = html_to_text(e.get("title"), MAX_TITLE)
    summary = html_to_text(e.get("summary") or e.get("description"), max_text)
    contents = e.get("content") or []
    content = html_to_text(" ".join(c.get("value", "") for c in contents), max_text)
    if content == summary:
        content = ""
    link = (e.get("link") or "").strip() or None
    guid = (e.get("id") or e.get("guid") or "").strip() or None
    published = _time(
        e.get("published_parsed") or e.get("updated_parsed") or e.get("created_parsed")
    )
    author = one_line(e.get("author") or "", 200) or None
    language = language_code((e.get("title_detail") or {}).get("language")) or feed_language
    url = canonical_url(link)
    return ParsedEntry(
        identity=entry_identity(guid, url, title, published),
        guid=guid,
        link=link,
        url=url,
        title=title,
        summary=summary,
        content=content,
        author=author,
        published=published,
        language=language,
    )


def entry_identity(
    guid: str | None, link: str | None, title: str, published: datetime | None
) -> str:
    """A stable key for an entry within its feed: guid, else link, else a hash of title and date.

    Pass the canonical link, so a change of tracking parameters does not make a new entry.
    """
    key = guid or link
    if key is None:
        stamp = published.isoformat() if published else ""
        return "sha1:" + hashlib.sha1(f"{title}\x1f{stamp}".encode()).hexdigest()
    if len(key) > MAX_IDENTITY:
        return "sha1:" + hashlib.sha1(key.encode()).hexdigest()
    return key


def _unique(entries: list[ParsedEntry]) -> list[ParsedEntry]:
    seen: set[str] = set()
    out = []
    for entry in entries:
        if entry.identity not in seen:
            seen.add(entry.identity)
            out.append(entry)
    return out


def _time(value: Any) -> datetime | None:
    if not value:
        return None
    try:
        return datetime.fromtimestamp(calendar.timegm(value), UTC)
    except (TypeError, ValueError, OverflowError):
        return None


def _int(value: Any) -> int | None:
    try:
        return int(str(value).strip())
    except (TypeError, ValueError):
        return None
