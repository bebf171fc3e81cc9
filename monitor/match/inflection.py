"""Which word endings may follow an alias, per script class, and ``~`` expansion.

An alias matches at the start of a word; the rest of that word (the letters after the alias)
must be empty or one of the endings allowed for the alias's script:

* Latin: plural ``s``/``es`` (possessive ``'s`` is outside the word anyway).
* Cyrillic: Russian case/number endings of nouns and adjectives, optionally after a
  derivational ``-ск-``/``-ик-``/``-ец``/``-ц-`` (таджикский, пограничники, афганцы),
  and Tajik plural/izafa/object/possessive suffixes (-ҳо, -он, -и, -ӣ, -ро, -у, -аш…).
* Latin, Uzbek: plural ``-lar``, agent/abstract ``-chi``/``-lik``, then up to two case or
  possessive suffixes (``-ning -ni -ga -da -dan -dagi -i -si``): ``chegarachilar``,
  ``Afg'onistondan``, ``chegarasidagi``. Cyrillic Uzbek alike (``-лар -нинг -да -дан -даги``).
* Arabic script (Dari/Persian): plural ها/ان/یان, izafa/indefinite ی/یی/ای, را, pronoun
  suffixes ش/شان/مان/تان, copula ست — after ZWNJ removal they are written attached.
  Pashto: oblique/plural ې (folded to ی), و, ه, ونه, انو, گانو, یانو; Arabic: ة (folded to
  ه), یه, ین, ون, ات, یین, یون.
* Arabic proclitics before an Arabic-script alias (``و ف ب ل ک`` and the article ``ال`` with
  them: والحدود, بافغانستان, للحدود) are checked by ``proclitic_allowed``.

A non-final alias word ending in ``~`` (``нижн~ пяндж``) is expanded at compile time into
every ending of its script, so phrases inflect inside as well as at the end.
"""

from __future__ import annotations

import re
from itertools import product
from typing import Literal

from monitor.match.normalize import normalize

Script = Literal["latin", "cyrillic", "arabic", "other"]


def _endings(text: str) -> tuple[str, ...]:
    """Space-separated endings, normalized like the text they are checked against (ё → е)."""
    return tuple(normalize(e) for e in text.split())


_RU_ENDINGS = _endings(
    "а я о е и ы у ю ь й ом ем ой ей ою ею ам ям ами ями ах ях ов ев ый ий ая яя ое ее ые ие "
    "ого его ому ему ым им ых их ую юю ыми ими ся сь ись ась ось"  # + reflexive verbs
)
_TG_ENDINGS = _endings(
    "и ӣ ии ро ву у ю аш ам ат ашон амон атон мон тон шон ест аст анд ем ед ҳо ҳои ҳоро ҳояш"
)
_TG_PLURALS = _endings("он ён гон ҳо иҳо ӣ ия")  # гон: гуреза → гурезагон
_RU_DERIVATIONS = _endings("йск ск цк ник ик ец ц")  # йск: Хамадонийский, Дустийский
_FA_ENDINGS = _endings("ی یی ای ش شان مان تان را ست اش ها های هایی و ه یه")
_FA_PLURALS = _endings("ها ان یان گان ی ونه انو گانو یانو ات ین ون یین یون")
# Uzbek (Latin and Cyrillic): derivation, plural, then up to two case/possessive suffixes.
_UZ_LATIN_DERIVATIONS = ("chi", "lik")
_UZ_LATIN_ENDINGS = ("ning", "ni", "ga", "ka", "qa", "da", "dan", "dagi", "i", "si", "dir")
_UZ_CYRILLIC_DERIVATIONS = _endings("чи лик")
_UZ_CYRILLIC_ENDINGS = _endings("нинг ни га ка қа да дан даги и си дир")
# Arabic proclitics written attached to the next word (conjunction, prepositions, article).
ARABIC_PROCLITICS = frozenset(
    normalize(p)
    for p in [
        "و",
        "ف",
        "ب",
        "ل",
        "ک",
        "ال",
        "وال",
        "بال",
        "فال",
        "کال",
        "لل",
        "ولل",
        "فلل",
        "وب",
        "ول",
        "فب",
        "فل",
        "وک",
    ]
)


def _alternation(endings: tuple[str, ...]) -> str:
    return "|".join(sorted(set(endings), key=len, reverse=True))


_RU = _alternation(_RU_ENDINGS)
_TG = _alternation(_TG_ENDINGS)
_FA = _alternation(_FA_ENDINGS)

SUFFIX_PATTERNS: dict[Script, re.Pattern[str]] = {
    "latin": re.compile(
        rf"(?:s|es|(?:{_alternation(_UZ_LATIN_DERIVATIONS)})?(?:lar)?"
        rf"(?:{_alternation(_UZ_LATIN_ENDINGS)}){{0,2}})"
    ),
    "cyrillic": re.compile(
        rf"(?:(?:{_alternation(_RU_DERIVATIONS)})?(?:{_RU})?"
        rf"|(?:{_alternation(_TG_PLURALS)})?(?:{_TG}){{0,2}}"
        rf"|(?:{_alternation(_UZ_CYRILLIC_DERIVATIONS)})?(?:лар)?"
        rf"(?:{_alternation(_UZ_CYRILLIC_ENDINGS)}){{0,2}})"
    ),
    "arabic": re.compile(rf"(?:{_alternation(_FA_PLURALS)})?(?:{_FA}){{0,2}}"),
    "other": re.compile(r""),
}

_EXPANSIONS: dict[Script, tuple[str, ...]] = {
    "latin": ("", "s"),
    "cyrillic": ("", *_RU_ENDINGS, *_TG_ENDINGS),
    "arabic": ("", "ی", "های", "ها"),
    "other": ("",),
}


def script_of(char: str) -> Script:
    """The script class of one (normalized) character."""
    code = ord(char)
    if char.isascii() or 0x00C0 <= code <= 0x024F:
        return "latin"
    if 0x0400 <= code <= 0x052F:
        return "cyrillic"
    if 0x0600 <= code <= 0x06FF or 0x0750 <= code <= 0x077F or 0xFB50 <= code <= 0xFEFF:
        return "arabic"
    return "other"


def alias_script(alias: str) -> Script:
    """The script of the last letter of an alias (which decides its allowed endings)."""
    for char in reversed(alias):
        if char.isalpha():
            return script_of(char)
    return "other"


def suffix_allowed(rest: str, script: Script) -> bool:
    """Whether ``rest`` (the letters after an alias up to the word end) is an allowed ending."""
    return not rest or SUFFIX_PATTERNS[script].fullmatch(rest) is not None


def proclitic_allowed(prefix: str) -> bool:
    """Whether the letters before an Arabic-script alias, within its word, are proclitics."""
    return prefix in ARABIC_PROCLITICS


def expand_alias(alias: str) -> list[str]:
    """Expand non-final words ending in ``~`` into all inflected forms of their script."""
    if "~" not in alias:
        return [alias]
    words = alias.split(" ")
    choices: list[tuple[str, ...]] = []
    for i, word in enumerate(words):
        if word.endswith("~"):
            stem = word[:-1]
            if i == len(words) - 1:
                choices.append((stem,))  # the final word inflects through the suffix check
            else:
                choices.append(tuple(stem + e for e in _EXPANSIONS[alias_script(stem)]))
        else:
            choices.append((word,))
    return sorted({" ".join(combo) for combo in product(*choices)})
