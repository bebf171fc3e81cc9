"""All curated aliases of a watchlist compiled into one Aho-Corasick automaton (normalized)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, NamedTuple

import ahocorasick

from monitor.match.inflection import (
    Script,
    alias_script,
    expand_alias,
    proclitic_allowed,
    suffix_allowed,
)
from monitor.match.normalize import NormalizedText, normalize
from monitor.match.watchlist import Watchlist


@dataclass(frozen=True, slots=True)
class AliasRef:
    """What one normalized alias key stands for."""

    entry_index: int
    alias: str  # as written in the watchlist
    script: Script
    proper: bool  # only counts when the original text starts with a capital letter


_PLACES = frozenset({"place", "region"})
_ENDINGS_CACHE = 50_000  # distinct word rests remembered per automaton
_WORD_TAIL = re.compile(r"[^\W_]+")
_UZBEK_SIGN = re.compile(r"(?<=[og])'(?=[^\W\d_])")  # o' g' inside a word
# A Persian/Pashto compound written with ZWNJ after a final ه (خواجه‌غار, قلعه‌زال):
# normalization drops the ZWNJ, so the words meet.
_ZWNJ_JOIN = re.compile("(?<=ه) (?=[\u0620-\u064a\u066e-\u06d3])")


class RawHit(NamedTuple):
    """A hit in normalized coordinates (``end`` includes the inflectional ending)."""

    entry_index: int
    alias: str
    start: int
    end: int


class AliasAutomaton:
    """One automaton for every alias; ``find`` checks word boundaries and endings."""

    def __init__(self, watchlist: Watchlist) -> None:
        self._watchlist = watchlist
        self._automaton: Any = ahocorasick.Automaton()
        self._endings: dict[tuple[str, Script], bool] = {}  # word rest → allowed (a cache)
        self.size = 0
        # Places and regions: such a hit is kept even when a phrase of another kind ends
        # inside it ("آن سوی دریای" + "دریای پنج": across the river, the Panj river).
        self._places = [e.role in _PLACES for e in watchlist.entries]
        keys: dict[str, AliasRef] = {}
        for index, entry in enumerate(watchlist.entries):
            if entry.status == "candidate" or entry.role == "candidate":
                continue  # not curated yet: never matched, so it can neither score nor block
            plain = [(a, False) for a in [entry.name, *entry.aliases]]
            proper = [(a, True) for a in entry.proper_aliases]
            for alias, is_proper in plain + proper:
                for form in expand_alias(alias):
                    for key in spelling_variants(normalize(form).strip()):
                        if key and key not in keys:
                            keys[key] = AliasRef(index, alias, alias_script(key), is_proper)
        for key, ref in keys.items():
            # whether the key starts / ends with a letter or digit: the text does there too
            edges = (key[0].isalnum(), key[-1].isalnum())
            # a proper alias: where its name (last word) starts in the key, else -1
            name_at = _last_word(key) if ref.proper else -1
            value = (len(key), ref.entry_index, ref.alias, ref.script, name_at, *edges)
            self._automaton.add_word(key, value)
        self.size = len(keys)
        if keys:
            self._automaton.make_automaton()

    def __reduce__(self) -> tuple[Any, ...]:
        return (AliasAutomaton, (self._watchlist,))

    def find(self, norm: NormalizedText, original: str) -> list[RawHit]:
        """Every boundary-respecting, non-overlapping alias occurrence (longest wins)."""
        return [RawHit(*hit) for hit in self.find_tuples(norm, original)]

    def find_tuples(self, norm: NormalizedText, original: str) -> list[tuple[int, str, int, int]]:
        """Like ``find``, as plain ``(entry_index, alias, start, end)`` tuples (faster)."""
        if self.size == 0:
            return []
        text = norm.text
        length = len(text)
        tail = _WORD_TAIL.match
        endings = self._endings
        # (start, -end, -key length, entry, alias): sorts leftmost, longest, exact alias first
        found: list[tuple[int, int, int, int, str]] = []
        for last, value in self._automaton.iter(text):
            key_len, index, alias, script, proper, first_alnum, last_alnum = value
            start = last - key_len + 1
            if (
                first_alnum
                and start > 0
                and text[start - 1].isalnum()
                and (script != "arabic" or not _after_proclitic(text, start))
            ):
                continue
            end = last + 1
            if last_alnum and end < length and text[end].isalnum():
                rest = tail(text, end)
                word_end = rest.end() if rest else end
                ending = text[end:word_end]
                allowed = endings.get((ending, script))
                if allowed is None:
                    allowed = suffix_allowed(ending, script)
                    if len(endings) < _ENDINGS_CACHE:
                        endings[(ending, script)] = allowed
                if not allowed:
                    continue
                end = word_end
            if proper >= 0 and not _proper_noun_at(norm, original, start + proper, proper > 0):
                continue
            found.append((start, -end, -key_len, index, alias))
        found.sort()
        chosen: list[tuple[int, str, int, int]] = []
        reach = -1
        places = self._places
        last = -1  # the entry of the hit that reaches furthest
        for start, neg_end, _, index, alias in found:
            end = -neg_end
            if start >= reach or (end > reach and places[index] and not places[last]):
                # not overlapping, or a place that a phrase of another kind only begins
                chosen.append((index, alias, start, end))
                reach, last = end, index
        return chosen


def spelling_variants(key: str) -> list[str]:
    """Keys an alias is also published as.

    hyphen ↔ space in short names (ISIS-Khorasan / ISIS Khorasan, Gorno Badakhshan); the
    Uzbek Latin o'/g' also typed without its sign (Afg'oniston / Afgoniston); an Arabic-script
    word ending in ه joined to the next by ZWNJ instead of a space (خواجه‌غار / خواجه غار).
    (Tajik ӣ/и and the other Tajik letters, and the sign's many code points, are folded by
    normalization itself.)
    """
    keys = [key]
    if "'" in key and alias_script(key) == "latin":
        bare = _UZBEK_SIGN.sub("", key)
        if bare != key:
            keys.append(bare)
    for variant in list(keys):
        if "-" in variant:
            keys.append(variant.replace("-", " "))
        if " " in variant and variant.count(" ") <= 2:
            if alias_script(variant) != "arabic":
                keys.append(variant.replace(" ", "-"))
            elif (joined := _ZWNJ_JOIN.sub("", variant)) != variant:
                keys.append(joined)
    return keys


def _after_proclitic(text: str, start: int) -> bool:
    """Whether the letters of the word before ``start`` are Arabic proclitics (و ب ل ال…)."""
    first = start - 1
    while first > 0 and start - first < 4 and text[first - 1].isalnum():
        first -= 1
    if first > 0 and text[first - 1].isalnum():
        return False
    return proclitic_allowed(text[first:start])


def _last_word(key: str) -> int:
    """Where the last word of a normalized alias key starts (0 for one word)."""
    return key.rfind(" ") + 1


def _proper_noun_at(
    norm: NormalizedText, original: str, start: int, qualified: bool = False
) -> bool:
    """Capitalised in the original and not merely because it starts a sentence.

    ``qualified``: the name follows a word of its alias (Tajik ``дар Панҷ``, in Panj), so a
    capital is enough wherever the alias stands."""
    first, _ = norm.original_span(start, start + 1)
    if first >= len(original) or not original[first].isupper():
        return False
    if qualified:
        return True
    before = original[:first].rstrip(" \t\"'«“(")
    return bool(before) and before[-1] not in ".!?:;\n\x00"  # NUL: a field boundary
