"""Feed autodiscovery: is a body an HTML page, and which feeds does the page advertise?

Pages name their feeds with ``<link rel="alternate" type="application/rss+xml" href="…">`` (or
``application/atom+xml``) in their head, as feed readers expect. The page goes through a real
HTML parser (libxml2's, via lxml), never a regular expression.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urljoin

FEED_TYPES = {"application/rss+xml": "RSS", "application/atom+xml": "Atom"}
_MAX_PAGE = 2_000_000  # the head comes first; a feed link further down is not worth more


@dataclass(frozen=True)
class Advertised:
    url: str
    title: str | None
    kind: str  # RSS or Atom


def is_html(content: bytes, content_type: str | None = None) -> bool:
    """Whether a body is an HTML page (by its Content-Type, else by how it starts)."""
    ctype = (content_type or "").split(";")[0].strip().lower()
    if ctype in ("text/html", "application/xhtml+xml"):
        return True
    head = content[:1024].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    return head.startswith((b"<!doctype html", b"<html"))


def advertised_feeds(content: bytes, base_url: str | None = None) -> list[Advertised]:
    """The feeds an HTML page advertises, in page order, as absolute http(s) URLs.

    Relative links resolve against ``base_url`` (the page's URL) or the page's ``<base href>``.
    """
    from lxml import etree

    parser = etree.HTMLParser(no_network=True, recover=True, remove_comments=True)
    try:
        root = etree.fromstring(content[:_MAX_PAGE], parser)
    except (etree.ParserError, ValueError):
        return []
    if root is None:
        return []
    base = base_url or ""
    for tag in root.iter("base"):
        if tag.get("href"):
            base = urljoin(base, tag.get("href", "").strip())
            break
    out: list[Advertised] = []
    for link in root.iter("link"):
        rel = (link.get("rel") or "").lower().split()
        kind = FEED_TYPES.get((link.get("type") or "").split(";")[0].strip().lower())
        href = (link.get("href") or "").strip()
        if "alternate" not in rel or kind is None or not href:
            continue
        url = urljoin(base, href)
        if url.lower().startswith(("http://", "https://")) and url not in {a.url for a in out}:
            title = " ".join((link.get("title") or "").split())[:200] or None
            out.append(Advertised(url, title, kind))
    return out


def html_problem(content: bytes, content_type: str | None, base_url: str | None) -> str:
    """What to say about an HTML page where a feed was expected, naming what it advertises."""
    found = advertised_feeds(content, base_url)
    if not found:
        return "an HTML page, not a feed (and the page advertises no feed)"
    named = ", ".join(a.url for a in found[:3])
    return f"an HTML page, not a feed; it advertises {named}"
