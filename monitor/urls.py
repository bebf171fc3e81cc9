"""Canonical URLs: the same article behind different tracking links compares equal."""

from __future__ import annotations

import re
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

_TRACKING_PREFIXES = ("utm_", "mc_", "pk_", "hsa_", "at_", "oly_", "vero_")
_TRACKING = frozenset(
    {
        "fbclid",
        "gclid",
        "dclid",
        "gbraid",
        "wbraid",
        "msclkid",
        "yclid",
        "igshid",
        "twclid",
        "ttclid",
        "li_fat_id",
        "mkt_tok",
        "_ga",
        "_gl",
        "_hsenc",
        "_hsmi",
        "cmpid",
        "ocid",
        "ncid",
        "sr_share",
        "ref",
        "ref_src",
        "ref_url",
        "spm",
        "smid",
        "fromrss",
        "rss_source",
        "s_cid",
        "icid",
        "__twitter_impression",
    }
)
_DEFAULT_PORTS = {"http": 80, "https": 443}


def canonical_url(url: str | None) -> str | None:
    """Lower-case scheme and host, drop default port, fragment and tracking parameters.

    Keeps the path and every other query parameter in order; does not follow redirects.
    """
    if not url:
        return None
    url = url.strip()
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError:
        return url
    scheme = parts.scheme.lower()
    if scheme not in ("http", "https"):
        return url
    host = (parts.hostname or "").lower()
    if port and port != _DEFAULT_PORTS.get(scheme):
        host = f"{host}:{port}"
    if parts.username:
        host = f"{parts.username}@{host}"
    query = ""
    if parts.query:  # most feed links have none: skip parsing and re-encoding
        query = urlencode(
            [
                (k, v)
                for k, v in parse_qsl(parts.query, keep_blank_values=True)
                if k.lower() not in _TRACKING and not k.lower().startswith(_TRACKING_PREFIXES)
            ],
            doseq=True,
        )
    return urlunsplit((scheme, host, parts.path or "/", query, ""))


def host_of(url: str) -> str:
    """The host part of a URL, lower-cased; ``""`` for local files."""
    try:
        return (urlsplit(url).hostname or "").lower()
    except ValueError:
        return ""


def origin(url: str) -> str:
    """Scheme, host and port only (``https://hooks.example.com:443``): for logs and messages,
    where a URL's path or query may be a secret."""
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError:
        return "(invalid URL)"
    scheme = parts.scheme.lower() or "http"
    port = port or _DEFAULT_PORTS.get(scheme)
    return f"{scheme}://{(parts.hostname or '').lower()}{f':{port}' if port else ''}"


# Characters that could end or break a link in chat markup (Slack ``<url|text>``, Markdown
# ``[text](url)``), whitespace and controls: percent-encoded in a link target.
_LINK_UNSAFE = re.compile(
    r"[\x00-\x20\x7f-\x9f<>|()\[\]\"'`{}\\^\u2028\u2029\u202a-\u202e\u2066-\u2069]"
)


def link_target(url: str | None) -> str | None:
    """``url`` made safe as a link target in chat or Markdown, or None when it is no http(s)
    URL (``javascript:``, ``data:``, relative ...) and must not be linked at all."""
    if not url:
        return None
    url = url.strip()
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return None
    return _LINK_UNSAFE.sub(lambda m: "".join(f"%{b:02X}" for b in m.group().encode()), url)
