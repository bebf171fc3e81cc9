"""Plain text from untrusted feed markup: strip HTML, unescape, normalize whitespace, cap length."""

from __future__ import annotations

import html
import re
import unicodedata

_DROP_BLOCKS = re.compile(
    r"<(script|style|noscript|template|iframe|object|svg|math)\b[^>]*>.*?</\1\s*>",
    re.IGNORECASE | re.DOTALL,
)
_COMMENTS = re.compile(r"<!--.*?(?:-->|$)|<!\[CDATA\[|\]\]>", re.DOTALL)
_BREAKS = re.compile(
    r"<\s*(?:br|/p|/div|/li|/h[1-6]|/tr|/blockquote|p|div|li|h[1-6])\b[^>]*>", re.I
)
_TAGS = re.compile(r"</?[a-zA-Z][^>]*>|</?[a-zA-Z][^>]*$")
_SPACE = re.compile(r"\s+")
# C0/C1 controls except tab/newline, plus bidi overrides and other invisible format marks that
# can spoof text; ZWNJ (U+200C) and ZWJ are kept: Persian spelling needs them.
_CONTROLS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ufeff]")


def strip_controls(text: str) -> str:
    """Remove control characters (keeps ordinary whitespace)."""
    return _CONTROLS.sub("", text)


def html_to_text(markup: str | None, max_chars: int = 20_000) -> str:
    """Return readable plain text of an HTML fragment, on one line, at most ``max_chars`` long.

    This is for storage and matching, not for display as HTML: callers still escape it.
    """
    if not markup:
        return ""
    text = markup
    if "<" in text:
        text = _DROP_BLOCKS.sub(" ", text)
        text = _COMMENTS.sub(" ", text)
        text = _BREAKS.sub(" ", text)
        text = _TAGS.sub("", text)
    if "&" in text:
        text = html.unescape(text)
    text = unicodedata.normalize("NFC", strip_controls(text))
    text = _SPACE.sub(" ", text).strip()
    return truncate(text, max_chars)


def truncate(text: str, max_chars: int) -> str:
    """Cut ``text`` to at most ``max_chars`` characters at a word boundary, with an ellipsis."""
    if len(text) <= max_chars:
        return text
    cut = text[: max_chars - 1]
    space = cut.rfind(" ")
    if space > max_chars * 0.8:
        cut = cut[:space]
    return cut.rstrip() + "…"


def one_line(text: str, max_chars: int = 300) -> str:
    """A single safe line (for mail headers, log lines): no control characters or line breaks."""
    return truncate(_SPACE.sub(" ", strip_controls(text).replace("\r", " ")).strip(), max_chars)
