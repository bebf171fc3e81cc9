"""Parsing feed bytes into plain entries. Pure: no network, no database, no clock.

feedparser does the XML work (all RSS/Atom/RDF flavours, encodings, bozo recovery);
this module picks the fields, strips HTML and decides each entry's stable identity.
"""

from __future__ import annotations

import calendar
import codecs
import hashlib
import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import feedparser

from monitor.discover import html_problem, is_html
from monitor.errors import ParseError
from monitor.text import html_to_text, one_line, strip_controls
from monitor.units import language_code
from monitor.urls import canonical_url

MAX_IDENTITY = 255
MAX_TITLE = 1_000
# Most characters the internal entities a feed declares in its own DTD may expand to, in all.
MAX_ENTITY_EXPANSION = 1_000_000
_ENTITY_DECL = re.compile(
    r"<!ENTITY\s+(%\s+)?([^\s%;&<>\"']+)\s+(?:\"([^\"]*)\"|'([^']*)'|SYSTEM|PUBLIC)", re.I
)
_FIRST_ELEMENT = re.compile(r"<[^\s?!/<>]")
_REFERENCE = re.compile(r"[&%]([^\s%;&<>\"']+);")
_ENTITY_BYTES = re.compile(rb"<!ENTITY", re.I)
_WIDE_BOMS = (codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)


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
    check_entities(content)
    try:
        doc = feedparser.parse(
            content, response_headers=hdrs, sanitize_html=False, resolve_relative_uris=False
        )
    except Exception as exc:  # feedparser can raise on pathological input
        raise ParseError(f"feed could not be parsed: {type(exc).__name__}: {exc}") from exc
    problem = _problem(doc)
    if not doc.entries and not doc.get("version"):
        if is_html(content, hdrs.get("content-type")):
            base = hdrs.get("content-location") or None
            raise ParseError(html_problem(content, hdrs.get("content-type"), base))
        raise ParseError(f"not a feed{': ' + problem if problem else ''}")
    meta = doc.get("feed", {})
    language = language_code(meta.get("language"))
    entries = [_entry(e, language, max_text) for e in doc.entries]
    return ParsedFeed(
        title=one_line(meta.get("title") or "", 300) or None,
        link=_web_link(meta.get("link")),
        language=language,
        ttl_minutes=_int(meta.get("ttl")),
        entries=_unique(entries),
        problem=problem,
    )


def check_entities(content: bytes, limit: int = MAX_ENTITY_EXPANSION) -> None:
    """Refuse a feed whose own DTD declares entities that would expand past ``limit`` characters.

    The XML parser expands internal entities (``<!ENTITY e "…2 MB…">`` used a thousand times
    makes gigabytes from a small body); this counts what they would produce before any parser
    runs: each entity's expanded length (nested references included, a cycle refused) times
    the references to it. External entities are never fetched (feedparser turns that off).
    """
    wide = content.startswith(_WIDE_BOMS) or b"\0" in content[:4]
    if not wide and not _ENTITY_BYTES.search(content):
        return  # nearly every feed: no declaration anywhere
    text = _as_text(content, wide)
    head_end = _FIRST_ELEMENT.search(text)
    head = text[: head_end.start()] if head_end else text
    if "<!ENTITY" not in head.upper():
        return
    values: dict[str, str] = {}
    for m in _ENTITY_DECL.finditer(head):
        values.setdefault(m.group(2), m.group(3) or m.group(4) or "")
    sizes: dict[str, int] = {}

    def size(name: str, seen: frozenset[str]) -> int:
        if name in seen:
            raise ParseError(f"feed refused: its DTD declares a recursive entity {name!r}")
        if name not in sizes:
            value = values[name]
            refs = [r for r in _REFERENCE.findall(value) if r in values]
            sizes[name] = len(value) + sum(size(r, seen | {name}) for r in refs)
            if sizes[name] > limit:
                raise _too_much(limit)
        return sizes[name]

    total = 0
    for m in _REFERENCE.finditer(text, len(head) if head_end else 0):
        if m.group(1) in values:
            total += size(m.group(1), frozenset())
            if total > limit:
                raise _too_much(limit)
    for name in values:  # parameter entities and values used inside the DTD itself
        size(name, frozenset())


def _too_much(limit: int) -> ParseError:
    return ParseError(
        f"feed refused: entities declared in its DTD would expand past {limit:,} characters"
    )


def _as_text(content: bytes, wide: bool) -> str:
    """The body as text, good enough to find DTD declarations (UTF-16/32 included)."""
    if wide:
        for codec in ("utf-32", "utf-16", "utf-16-le", "utf-16-be"):
            try:
                return content.decode(codec)
            except UnicodeDecodeError:
                continue
    return content.decode("latin-1")


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
    link = _web_link(e.get("link"))
    guid = strip_controls(e.get("id") or e.get("guid") or "").strip() or None
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


def _web_link(value: Any) -> str | None:
    """An http(s) link without control characters; any other scheme (``javascript:``,
    ``data:``) or a relative path is no link a reader could follow."""
    if not isinstance(value, str):
        return None
    link = strip_controls(value).strip()
    return link if link.lower().startswith(("http://", "https://")) else None


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
