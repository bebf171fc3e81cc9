"""Plain text from untrusted feed markup: parse HTML, drop hidden parts, clean characters, cap.

HTML goes through a real HTML parser (libxml2's, via lxml: an HTML5 tokenizer since 2.14):
linear in the input whatever its shape (unclosed tags, ``>`` inside attributes, an unclosed
``<script>``, a million nested ``<div>``: libxml2 stops nesting at depth 256), and the text of
attributes, comments, scripts and styles never becomes text.
"""

from __future__ import annotations

import html
import re
import unicodedata
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # imported on first use: commands that only print text stay fast to start
    pass

# Elements whose content is never readable text (an unclosed one runs to the end: dropped too).
_HIDDEN = ("script", "style", "noscript", "template", "iframe", "object", "svg", "math", "head")
# Elements that break words: a space goes around them, so "<p>a</p><p>b</p>" is "a b".
_BLOCKS = frozenset(
    [
        "br",
        "p",
        "div",
        "li",
        "ul",
        "ol",
        "dd",
        "dt",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "tr",
        "td",
        "th",
        "blockquote",
        "pre",
        "section",
        "article",
        "header",
        "footer",
        "figure",
        "figcaption",
        "hr",
        "table",
        "aside",
        "nav",
        "address",
    ]
)
_SPACE = re.compile(r"\s+")
# C0/C1 controls except tab/newline; bidi embeddings, overrides and isolates; invisible marks
# that only hide text (zero-width space, word joiner, BOM, LRM/RLM/ALM, invisible operators).
# ZWNJ (U+200C) and ZWJ (U+200D) are handled by _JOINERS: Persian and Pashto spelling needs them.
_CONTROLS = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u061c\u200b\u200e\u200f\u202a-\u202e"
    "\u2060-\u2064\u2066-\u2069\ufeff\ufff9-\ufffb]"
)
# A joiner is kept only between two letters (or marks), where a script uses it; elsewhere it
# only hides text ("ab\u200cc" keeps, " \u200d" and "\u200c\u200c" go).
_JOINERS = re.compile(r"(?<![^\W\d_])[\u200c\u200d]|[\u200c\u200d](?![^\W\d_])")


# What a terminal would act on or a reader could not see: C0/C1 controls (ESC starts escape
# sequences) and bidi embeddings, overrides and isolates (they reorder what follows).
_UNPRINTABLE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def printable(text: str) -> str:
    """``text`` for a terminal: each control or bidi-override character becomes U+FFFD, one for
    one, so offsets into the text (highlights) still fit."""
    return _UNPRINTABLE.sub("\ufffd", text)


def strip_controls(text: str) -> str:
    """Remove control characters and invisible marks (keeps ordinary whitespace and the
    zero-width joiners a script needs between letters)."""
    text = _CONTROLS.sub("", text)
    if "\u200c" in text or "\u200d" in text:
        text = _JOINERS.sub("", text)
    return text


def html_to_text(markup: str | None, max_chars: int = 20_000) -> str:
    """Return readable plain text of an HTML fragment, on one line, at most ``max_chars`` long.

    This is for storage and matching, not for display as HTML: callers still escape it.
    """
    if not markup:
        return ""
    if "<" in markup:
        text = _parsed_text(markup)
    else:
        text = html.unescape(markup) if "&" in markup else markup
    text = unicodedata.normalize("NFC", strip_controls(text))
    text = _SPACE.sub(" ", text).strip()
    return truncate(text, max_chars)


def _parsed_text(markup: str) -> str:
    from lxml import etree

    parser = etree.HTMLParser(
        encoding="utf-8", remove_comments=True, remove_pis=True, no_network=True
    )
    try:
        root = etree.fromstring(markup.encode("utf-8", "replace"), parser)
    except etree.LxmlError:
        return ""
    if root is None:  # nothing but markup that makes no element
        return ""
    etree.strip_elements(root, *_HIDDEN, with_tail=False)
    parts: list[str] = []
    for event, node in etree.iterwalk(root, events=("start", "end")):
        if not isinstance(node.tag, str):
            continue
        if event == "start":
            if node.tag in _BLOCKS:
                parts.append(" ")
            if node.text:
                parts.append(node.text)
        else:
            if node.tag in _BLOCKS:
                parts.append(" ")
            if node.tail and node is not root:
                parts.append(node.tail)
    return "".join(parts)


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
