"""Text normalization for matching, with a map back to offsets in the original text.

Every character is NFKC-normalized and case-folded; Arabic-script letters are unified
(ي ى → ی, ك → ک, أ إ آ ٱ → ا, ة → ه, ۀ → ه; Pashto ګ → گ, ې ۍ → ی), harakat and other
combining marks are dropped,
tatweel and ZWNJ/ZWJ are removed, ё → е, Tajik letters are folded to their Russian
look-alikes (ҳ қ ғ ҷ ӣ ӯ → х к г ч и у, and й → и: outlets often type Tajik without them),
all Unicode decimal digits become ASCII, whitespace becomes a space, and hyphen and quote
variants become ``-``, ``'`` and ``"``. A Persian plural written apart (``مرزبان ها``) is
joined like one written with ZWNJ. Each output character remembers the index of the
original character it came from; the common case (nothing changes length) keeps the
identity map and never builds one.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
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
    # Pashto letters that outlets and keyboards also write with their Persian look-alikes
    "ګ": "گ",
    "ې": "ی",
    "ۍ": "ی",
    "ё": "е",
    "ѐ": "е",
    # Tajik letters typed without their marks (Сарҳадбонони Тоҷикистон / Сархадбонони Точикистон)
    "ҳ": "х",
    "қ": "к",
    "ғ": "г",
    "ҷ": "ч",
    "ӣ": "и",
    "ӯ": "у",
    "ҹ": "ч",
    "ў": "у",
    "й": "и",  # Tajik ӣ is also typed й (тирпарронй); applied to aliases and endings alike
}
_SPACES = "\t\n\r\x0b\x0c\x1c\x1d\x1e\x1f\x85\u2028\u2029"
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
    table.update({ord(c): " " for c in _SPACES})
    for start in (0x0660, 0x06F0, 0x0966):
        table.update({start + d: str(d) for d in range(10)})
    return table


_FAST_TABLE = _fast_table()
_ASCII_TABLE = {k: v for k, v in _FAST_TABLE.items() if k < 128}
_ASCII_SPACE = re.compile("[\t\n\r\x0b\x0c\x1c-\x1f]")

# A Persian plural/possessive suffix written after a space instead of ZWNJ (مرزبان ها). The
# pattern starts with the space (a literal the regex engine scans for quickly); the letter
# before it is checked by a lookbehind over "letter + space".
_SPACED_SUFFIX = re.compile(
    r" (?=های?(?:ی|ش|شان|مان|تان|م|ت)?(?!\w))(?<=[\u0620-\u064a\u066e-\u06d3] )"
)


def normalize_char(char: str) -> str:
    """The normalized form of one character (possibly empty or several characters)."""
    if char in _DROPPED:
        return ""
    if char in _SPACES:
        return " "
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


_GONE = "\uffff"  # a noncharacter: marks a character that normalization removes
_GONE_RUNS = re.compile(_GONE + "+")


def _dropping_table() -> tuple[dict[int, str], re.Pattern[str] | None]:
    """The fast table plus removed characters → ``_GONE``; and the characters it cannot do."""
    table = dict(_FAST_TABLE)
    unsafe = []
    for code in range(0x10000):
        char = chr(code)
        if _SLOW.match(char):
            out = normalize_char(char)
            if len(out) <= 1:
                table[code] = out or _GONE
            else:
                unsafe.append(re.escape(char))
    return table, re.compile(f"[{''.join(unsafe)}]") if unsafe else None


_DROPPING_TABLE, _UNSAFE = _dropping_table()
_DROPPING_CHARS = {chr(k): v for k, v in _DROPPING_TABLE.items()}
# str.translate looks every character up in a dict (slow for Cyrillic/Arabic); replacing only
# the few distinct characters that need it is 2-4x faster.
_NEEDS_CHANGE = re.compile("[" + "".join(map(re.escape, sorted(_DROPPING_CHARS))) + "]")


def _translate(text: str) -> str:
    for char in set(_NEEDS_CHANGE.findall(text)):
        text = text.replace(char, _DROPPING_CHARS[char])
    return text


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
        if text.isascii():
            lowered = text.lower()
            if "`" in lowered or _ASCII_SPACE.search(lowered):
                lowered = lowered.translate(_ASCII_TABLE)
            return NormalizedText(lowered, None, len(text))
        norm = self._unjoined(text)
        if " ه" in norm.text:
            norm = _join_spaced_suffixes(norm)
        return norm

    def _unjoined(self, text: str) -> NormalizedText:
        if unicodedata.is_normalized("NFC", text) and not (_UNSAFE and _UNSAFE.search(text)):
            # NFC input whose NFKC form has the same length maps one character to one
            # (NBSP → space, full-width → ASCII); removed characters (ZWNJ, harakat,
            # tatweel) become _GONE, so the offset map is a few ranges, built in C.
            compat = unicodedata.normalize("NFKC", text)
            folded = compat.casefold() if len(compat) == len(text) else ""
            if len(folded) == len(text):
                out = _translate(folded)
                if _GONE not in out:
                    return NormalizedText(out, None, len(text))
                origin: list[int] = []
                kept = 0
                for gone in _GONE_RUNS.finditer(out):
                    origin.extend(range(kept, gone.start()))
                    kept = gone.end()
                origin.extend(range(kept, len(out)))
                return NormalizedText(out.replace(_GONE, ""), tuple(origin), len(text))
        source = text
        composed_origin: list[int] | None = None
        if not unicodedata.is_normalized("NFC", text):
            source, composed_origin = _compose_with_origin(text)
        pieces = [self._char(c) for c in source]
        if composed_origin is None and all(len(p) == 1 for p in pieces):
            return NormalizedText("".join(pieces), None, len(text))
        origin = []
        for i, piece in enumerate(pieces):
            where = composed_origin[i] if composed_origin is not None else i
            origin.extend([where] * len(piece))
        return NormalizedText("".join(pieces), tuple(origin), len(text))


def _join_spaced_suffixes(norm: NormalizedText) -> NormalizedText:
    """Drop the space before a detached Persian suffix, keeping the offset map right.

    Slices and ranges, not a per-character loop: Persian news has several such plurals in
    most summaries.
    """
    text = norm.text
    drops = [m.start() for m in _SPACED_SUFFIX.finditer(text)]
    if not drops:
        return norm
    pieces: list[str] = []
    origin: list[int] = []
    source: Sequence[int] = norm.origin if norm.origin is not None else range(len(text))
    kept = 0
    for drop in drops:
        pieces.append(text[kept:drop])
        origin.extend(source[kept:drop])
        kept = drop + 1
    pieces.append(text[kept:])
    origin.extend(source[kept:])
    return NormalizedText("".join(pieces), tuple(origin), norm.original_length)


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
