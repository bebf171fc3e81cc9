"""Text normalization for matching, with a map back to offsets in the original text.

Every character is NFKC-normalized and case-folded; Arabic-script letters are unified
(ي ى → ی, ك → ک, أ إ آ ٱ → ا, ة → ه, ۀ → ه), harakat and other combining marks are dropped,
tatweel and ZWNJ/ZWJ are removed, ё → е, all Unicode decimal digits become ASCII, and
hyphen and quote variants become ``-``, ``'`` and ``"``. Each output character remembers
the index of the original character it came from.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

_LETTER_MAP = {
    "ي": "ی",
    "ى": "ی",
    "ئ": "ی",
    "ك": "ک",
    "أ": "ا",
    "إ": "ا",
    "آ": "ا",
    "ٱ": "ا",
    "ة": "ه",
    "ۀ": "ه",
    "ؤ": "و",
    "ё": "е",
    "ѐ": "е",
}
_DROPPED = {"\u0640", "\u200c", "\u200d", "\u200b", "\u00ad", "\u200e", "\u200f", "\ufeff"}
_HYPHENS = set("\u2010\u2011\u2012\u2013\u2014\u2015\u2212\u2043\ufe58\ufe63\uff0d")
_SINGLE_QUOTES = set("\u2018\u2019\u201a\u201b\u02bc\u02bb\u0060\u00b4\u2032")
_DOUBLE_QUOTES = set("\u201c\u201d\u201e\u201f\u00ab\u00bb\u2033")


# Characters that force the slow per-character path (they vanish or combine).
_SLOW = re.compile(
    "[\u0300-\u036f\u0483-\u0489\u0591-\u05c7\u0610-\u061a\u064b-\u065f\u0670"
    "\u06d6-\u06ed\u0640\u200b-\u200f\u00ad\ufeff]"
)


def _fast_table() -> dict[int, str]:
    """One-to-one replacements usable with str.translate after casefold."""
    table = {ord(k): v for k, v in _LETTER_MAP.items()}
    table.update({ord(c): "-" for c in _HYPHENS})
    table.update({ord(c): "'" for c in _SINGLE_QUOTES})
    table.update({ord(c): '"' for c in _DOUBLE_QUOTES})
    for start in (0x0660, 0x06F0, 0x0966):
        table.update({start + d: str(d) for d in range(10)})
    return table


_FAST_TABLE = _fast_table()


def normalize_char(char: str) -> str:
    """The normalized form of one character (possibly empty or several characters)."""
    if char in _DROPPED:
        return ""
    if char in _HYPHENS:
        return "-"
    if char in _SINGLE_QUOTES:
        return "'"
    if char in _DOUBLE_QUOTES:
        return '"'
    if unicodedata.combining(char):
        return ""
    if char.isdecimal() and not char.isascii():
        return str(unicodedata.decimal(char))
    out = []
    for c in unicodedata.normalize("NFKC", char).casefold():
        c = _LETTER_MAP.get(c, c)
        if c in _DROPPED or unicodedata.combining(c):
            continue
        out.append(c)
    return "".join(out)


@dataclass(frozen=True, slots=True)
class NormalizedText:
    """Normalized text plus, for each of its characters, the original index."""

    text: str
    origin: tuple[int, ...] | None  # None: identity mapping (nothing changed length)
    original_length: int

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        """Map a half-open span of the normalized text to one of the original text."""
        if self.origin is None:
            return start, end
        if start >= len(self.origin):
            return self.original_length, self.original_length
        first = self.origin[start]
        if end <= start:
            return first, first
        last = self.origin[end - 1] + 1
        if end < len(self.origin) and self.origin[end] > last:
            last = self.origin[end]  # take along dropped marks (harakat, ZWNJ) of the last letter
        elif end >= len(self.origin):
            last = self.original_length
        return first, last


class Normalizer:
    """Normalizes text; caches per-character results (instance-local, not global)."""

    def __init__(self) -> None:
        self._cache: dict[str, str] = {}

    def __getstate__(self) -> dict[str, object]:
        return {}

    def __setstate__(self, state: dict[str, object]) -> None:
        self._cache = {}

    def _char(self, char: str) -> str:
        out = self._cache.get(char)
        if out is None:
            out = normalize_char(char)
            if len(self._cache) < 20_000:
                self._cache[char] = out
        return out

    def normalize(self, text: str) -> NormalizedText:
        """Normalize ``text`` keeping an offset map to the original."""
        if not _SLOW.search(text) and unicodedata.is_normalized("NFC", text):
            # NFC input whose NFKC form has the same length maps one character to one
            # (NBSP → space, full-width → ASCII), so offsets stay the identity.
            compat = unicodedata.normalize("NFKC", text)
            folded = compat.casefold() if len(compat) == len(text) else ""
            if len(folded) == len(text):
                return NormalizedText(folded.translate(_FAST_TABLE), None, len(text))
        source = text
        composed_origin: list[int] | None = None
        if not unicodedata.is_normalized("NFC", text):
            source, composed_origin = _compose_with_origin(text)
        pieces = [self._char(c) for c in source]
        if composed_origin is None and all(len(p) == 1 for p in pieces):
            return NormalizedText("".join(pieces), None, len(text))
        origin: list[int] = []
        for i, piece in enumerate(pieces):
            where = composed_origin[i] if composed_origin is not None else i
            origin.extend([where] * len(piece))
        return NormalizedText("".join(pieces), tuple(origin), len(text))


def _compose_with_origin(text: str) -> tuple[str, list[int]]:
    """NFC-compose base+combining sequences, remembering each result's first original index."""
    out: list[str] = []
    origin: list[int] = []
    for i, char in enumerate(text):
        if out and unicodedata.combining(char):
            merged = unicodedata.normalize("NFC", out[-1] + char)
            if len(merged) == 1:
                out[-1] = merged
                continue
        out.append(char)
        origin.append(i)
    return "".join(out), origin


def normalize(text: str) -> str:
    """Normalized text without the offset map (for aliases and tests)."""
    return Normalizer().normalize(text).text
