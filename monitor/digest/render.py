"""Render a digest with Jinja2: HTML (autoescaped), plain text and Markdown (escaped by filter).

Feed text is untrusted: in HTML it is always escaped by autoescaping, and highlights are
added by the template around already-separated text segments, never by string markup.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path
from typing import Literal

from jinja2 import Environment, FileSystemLoader, StrictUndefined

from monitor.digest.build import DigestContent, Segment
from monitor.text import one_line, strip_controls
from monitor.urls import link_target

Format = Literal["html", "text", "md"]
TEMPLATES = Path(__file__).resolve().parent / "templates"
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()<>#+!|~&\"])")
_SUFFIX: dict[Format, str] = {
    "html": "digest.html.j2",
    "text": "digest.txt.j2",
    "md": "digest.md.j2",
}


def md_escape(text: object) -> str:
    """Backslash-escape Markdown punctuation so feed text stays literal text (also raw HTML)."""
    return _MD_SPECIAL.sub(r"\\\1", one_line(str(text), 2000))


def md_url(url: object) -> str:
    """A URL safe inside ``<...>`` autolink brackets of Markdown (an http(s) URL, encoded so it
    cannot close the brackets; anything else becomes no link)."""
    return link_target(str(url)) or "about:blank"


def _finalize(value: object) -> object:
    """Every value a template prints loses its control characters (ESC, bidi overrides)."""
    return strip_controls(value) if isinstance(value, str) else value


def text_segments(segments: tuple[Segment, ...], mark: str = "") -> str:
    return "".join(f"{mark}{s.text}{mark}" if s.hit and mark else s.text for s in segments)


def md_segments(segments: tuple[Segment, ...]) -> str:
    """Segments as one Markdown line; hits in ``**bold**``, the spaces kept outside the stars."""
    out = []
    for s in segments:
        core = md_escape(s.text)
        lead = " " if s.text[:1].isspace() else ""
        trail = " " if s.text[-1:].isspace() else ""
        out.append(f"{lead}**{core}**{trail}" if s.hit and core else f"{lead}{core}{trail}")
    return re.sub(r" {2,}", " ", "".join(out)).strip()


@cache
def _env(autoescape: bool) -> Environment:
    env = Environment(
        loader=FileSystemLoader(str(TEMPLATES)),
        autoescape=autoescape,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        finalize=_finalize,
    )
    env.filters["md"] = md_escape
    env.filters["mdurl"] = md_url
    env.filters["md_segments"] = md_segments
    env.filters["text_segments"] = text_segments
    env.filters["one_line"] = one_line
    return env


def render(content: DigestContent, fmt: Format) -> str:
    """The digest as ``html``, ``text`` or ``md``."""
    template = _env(fmt == "html").get_template(_SUFFIX[fmt])
    return template.render(d=content, fmt=fmt)


def title(content: DigestContent) -> str:
    """A one-line title: channel, local date, count."""
    date = content.local(content.period_end, "%d %b %Y")
    if content.empty:
        return f"{content.channel} · {date} · all quiet"
    n = content.match_count
    return f"{content.channel} · {date} · {n} new match{'es' if n != 1 else ''}"
