"""Offline language detection from the feed's hint, the script and tell-tale letters."""

from __future__ import annotations

import re
from functools import lru_cache
from itertools import islice

from monitor.units import language_code

_TAJIK_LETTERS = set("ҳқғҷӣӯҲҚҒҶӢӮ")
_RUSSIAN_ONLY = set("ыщьъэЫЩЬЪЭ")  # э exists in Tajik but ы щ ь ъ do not
_UKRAINIAN = set("іїєґІЇЄҐ")
_KAZAKH = set("әұіңһӘҰІҢҺ")
_KYRGYZ = set("ңүөҢҮӨ")
_UZBEK_CYRILLIC_LETTERS = set("ўЎ")
_PASHTO = set("ټډړږښګڼېۍځڅ")
_URDU = set("ٹڈڑںےھ")
_PERSIAN = set("پچژگ")
_ARABIC_ONLY = set("ةيىأإ")
_TAJIK_WORDS = frozenset(
    [
        "ва",
        "дар",
        "бо",
        "аз",
        "ба",
        "барои",
        "ки",
        "ин",
        "он",
        "шуд",
        "мешавад",
        "кард",
        "гуфт",
        "низ",
        "бо",
        "ҳам",
    ]
)
_RUSSIAN_WORDS = frozenset(
    [
        "и",
        "в",
        "на",
        "с",
        "по",
        "не",
        "что",
        "это",
        "для",
        "из",
        "от",
        "как",
        "к",
        "за",
        "о",
        "при",
    ]
)
_CYRILLIC_WORD = re.compile(r"[а-яёА-ЯЁ]+")
_TAJIK_ONLY = set("ҷӣӯҶӢӮ")  # Uzbek Cyrillic shares ҳ қ ғ but not these
_RUSSIAN_ONLY_TELLS = set("ыщЫЩ")  # neither Uzbek nor Tajik Cyrillic has them
_RUSSIAN_LETTERS = set("ыщьЫЩЬ")  # Tajik has ъ and э, but never these
# Uzbek Cyrillic tell-tales when neither ў nor a Tajik-only letter is there: its own function
# words and the genitive/locative-attributive suffixes -нинг/-даги (Tajik has neither).
_UZBEK_CYRILLIC = re.compile(
    r"(?i)\b(?:билан|учун|эса|бўйича|буйича|ҳамда|орқали|томонидан)\b|\w(?:нинг|даги)\b"
    r"|\b(?:тожик|чегара)"
)
# Uzbek Latin: the o'/g' letters (any apostrophe), its function words, its suffixes.
_UZBEK_LATIN = re.compile(
    r"(?i)\b[a-z]*[og]['ʻʼ‘’`][a-z]"  # o' g' (any apostrophe)
    r"|\b(?:va|bilan|uchun|esa|hamda|orqali|tomonidan|haqida|yilda|yangi|yaqinida|kishi|"
    r"tumani|tumanida|viloyati|viloyatida|shahri|hududida|daryosi|qilindi|qildi|etdi|berdi|"
    r"dedi|keldi|ochildi|yetib|maktab|hukumati|vaziri)\b"
    r"|\w(?:dagi|moqda|ishdi|lari|larni|larga|lardan)\b|\w{3}[^aeiouly\W]lar\b"
    r"|\b(?:tojik|chegara)|\w{3}iston|[^\W\de]x[aeiou]"  # Sherxon, Xorug', Xatlon
)
# Uzbek Latin text almost always has an o'/g' (in some apostrophe) or an -iston name; other
# Latin text without them is English without running the word votes.
_UZBEK_LATIN_MARK = re.compile("[ogOG]['ʻʼ‘’`]|iston")
_ENGLISH_WORDS = re.compile(
    r"(?i)\b(?:the|of|and|to|in|on|for|with|at|by|from|is|was|are|has|have|after|says?|"
    r"near|over|into|new|its|their|amid)\b"
)
VOTE_CHARS = 600
_ARABIC_WORD = re.compile(r"[\u0600-\u06ff]+")
# Function words: Pashto "د په کې ته چې سره" never stand alone in Persian.
_PASHTO_WORDS = frozenset(
    [
        "د",
        "په",
        "کې",
        "کښې",
        "ته",
        "چې",
        "سره",
        "څخه",
        "دي",
        "شوي",
        "وايي",
        "دې",
        "پر",
        "لپاره",
    ]
)
_PASHTO_WORD = re.compile(
    "(?<![\u0600-\u06ff])(?:"
    + "|".join(sorted(_PASHTO_WORDS, key=len, reverse=True))
    + ")(?![\u0600-\u06ff])"
)
_PERSIAN_WORDS = frozenset(
    ["در", "از", "را", "که", "این", "با", "است", "شد", "می", "برای", "کرد", "شده"]
)
_KNOWN = frozenset(["en", "ru", "tg", "fa", "ps", "ur", "ar", "uz", "ky", "kk", "uk", "prs"])


_ASCII_LETTER = re.compile(r"[A-Za-z]")
_ASCII_LETTERS = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
# UTF-8 lead bytes: U+00C0–U+024F (Latin), U+0400–U+052F (Cyrillic), U+0600–U+06FF and
# U+0740–U+077F (Arabic script). Counting them counts characters, in C, without a regex.
_LATIN_LEADS = bytes(range(0xC3, 0xCA)) + _ASCII_LETTERS
_CYRILLIC_LEADS = bytes(range(0xD0, 0xD5))
_ARABIC_LEADS = bytes(range(0xD8, 0xDC)) + b"\xdd"


def _lead_classes() -> bytes:
    """A byte table: UTF-8 lead bytes of each script → L, C or A; every other byte → ``.``."""
    table = bytearray(b"." * 256)
    for leads, mark in ((_LATIN_LEADS, b"L"), (_CYRILLIC_LEADS, b"C"), (_ARABIC_LEADS, b"A")):
        for byte in leads:
            table[byte] = mark[0]
    return bytes(table)


_LEAD_CLASSES = _lead_classes()


def _main_script(text: str) -> str | None:
    """The script with the most letters (Arabic-script digits count as Arabic script)."""
    if text.isascii():
        return "latin" if _ASCII_LETTER.search(text) else None
    classes = text.encode("utf-8", "surrogatepass").translate(_LEAD_CLASSES)
    latin, cyrillic, arabic = classes.count(b"L"), classes.count(b"C"), classes.count(b"A")
    if latin >= cyrillic and latin >= arabic:  # ties: the first of latin, cyrillic, arabic
        return "latin" if latin else None
    return "cyrillic" if cyrillic >= arabic else "arabic"


def _uzbek_cyrillic(text: str) -> bool:
    """Uzbek words or suffixes in Cyrillic text (a substring test first: most text is not)."""
    return bool(_UZBEK_CYRILLIC.search(text))


def _latin_language(text: str) -> str:
    """English unless Uzbek tell-tales outnumber English function words."""
    if not _UZBEK_LATIN_MARK.search(text):
        return "en"
    english = _count(_ENGLISH_WORDS, text, 3)
    if english >= 3:  # a lead with three English function words is English
        return "en"
    return "uz" if _count(_UZBEK_LATIN, text, english + 1) > english else "en"


def _count(pattern: re.Pattern[str], text: str, enough: int) -> int:
    """How many times ``pattern`` occurs in ``text`` (as findall counts), up to ``enough``.

    Only whether a count reaches a bound decides, and scanning stops there: the Uzbek pattern
    tries seven alternatives at every position, so most of its cost is in a full scan.
    """
    return sum(1 for _ in islice(pattern.finditer(text), enough))


def _letter_class(*letters: set[str]) -> re.Pattern[str]:
    return re.compile("[" + "".join(sorted(set().union(*letters))) + "]")


# Only these letters decide below: collecting them with a regex is several times cheaper than
# a set of every character (each non-Latin-1 character would become a new string object).
_CYRILLIC_TELLS = _letter_class(
    _TAJIK_LETTERS, _RUSSIAN_ONLY, _UKRAINIAN, _KAZAKH, _KYRGYZ, _UZBEK_CYRILLIC_LETTERS,
    _TAJIK_ONLY, _RUSSIAN_ONLY_TELLS, _RUSSIAN_LETTERS,
)  # fmt: skip
_PASHTO_LETTERS = _letter_class(_PASHTO)
_PERSIAN_LETTERS = _letter_class(_PERSIAN)
_URDU_LETTERS = _letter_class(_URDU)
_ARABIC_ONLY_LETTERS = _letter_class(_ARABIC_ONLY)


def _cyrillic_language(text: str) -> str:
    chars = set(_CYRILLIC_TELLS.findall(text))  # every set tested below is within these
    if chars & _UZBEK_CYRILLIC_LETTERS and not chars & _TAJIK_ONLY:
        return "uz"
    maybe_uzbek = not chars & _RUSSIAN_ONLY_TELLS and not chars & _TAJIK_ONLY
    if chars & _TAJIK_LETTERS and not chars & _RUSSIAN_ONLY:
        return "uz" if maybe_uzbek and _uzbek_cyrillic(text) else "tg"
    if chars & _UKRAINIAN and not chars & _TAJIK_LETTERS:
        return "uk"
    if chars & _KAZAKH - _KYRGYZ:
        return "kk"
    if chars & _KYRGYZ:
        return "ky"
    if maybe_uzbek and _uzbek_cyrillic(text):
        return "uz"
    if chars & _RUSSIAN_LETTERS and not chars & _TAJIK_LETTERS:
        return "ru"  # ы щ ь never occur in Tajik
    # lowering first gives the same words: only А-ЯЁ lower into the class, and they are in it
    words = _CYRILLIC_WORD.findall(text.lower())
    tajik = sum(map(_TAJIK_WORDS.__contains__, words)) + 2 * len(chars & _TAJIK_LETTERS)
    russian = sum(map(_RUSSIAN_WORDS.__contains__, words)) + 2 * len(chars & _RUSSIAN_ONLY)
    return "tg" if tajik > russian else "ru"


def _arabic_language(text: str) -> str:
    pashto_letters = set(_PASHTO_LETTERS.findall(text))
    persian = _PERSIAN_LETTERS.search(text) is not None
    if len(pashto_letters) >= 2 or (pashto_letters and not persian):
        return "ps"
    if _PASHTO_WORD.search(text):
        words = _ARABIC_WORD.findall(text)
        pashto = sum(w in _PASHTO_WORDS for w in words) + 2 * len(pashto_letters)
        if pashto > sum(w in _PERSIAN_WORDS for w in words):
            return "ps"
    if _URDU_LETTERS.search(text):
        return "ur"
    if _ARABIC_ONLY_LETTERS.search(text) and not persian and "ی" not in text and "ک" not in text:
        return "ar"
    return "fa"


_EXPECTED_SCRIPTS = {
    "en": ("latin",),
    "ru": ("cyrillic",),
    "tg": ("cyrillic",),
    "fa": ("arabic",),
    "ps": ("arabic",),
    "ar": ("arabic",),
    "ur": ("arabic",),
    "uz": ("latin", "cyrillic"),
    "ky": ("cyrillic",),
    "kk": ("cyrillic",),
    "uk": ("cyrillic",),
}


@lru_cache(maxsize=256)
def _hint_code(hint: str) -> str:
    """The ISO 639-1 code a feed's language hint stands for (``prs``/``dari`` → ``fa``)."""
    code = language_code(hint) or hint.strip().lower()  # "dari" is no ISO code, but a hint
    code = "fa" if code in ("prs", "per", "fas", "dari") else code
    return "tg" if code == "tj" else code


def detect_language(text: str, hint: str | None = None) -> str | None:
    """ISO 639-1 code of ``text``: the hint if the script agrees, else script + letters.

    Supported: en, ru, tg, fa (Dari/Persian), ps, uz (Latin and Cyrillic), ar; also
    recognised: ur, ky, kk, uk. Returns None for text without letters or in a script not
    covered.
    """
    script = _main_script(text)
    if hint:
        code = _hint_code(hint)
        expected = _EXPECTED_SCRIPTS.get(code)
        if script is None or expected is None or script in expected:
            return code if code in _KNOWN or len(code) == 2 else None
    sample = text[:VOTE_CHARS]  # letters and word votes settle within a lead
    if script == "latin":
        return _latin_language(sample)
    if script == "cyrillic":
        return _cyrillic_language(sample)
    if script == "arabic":
        return _arabic_language(sample)
    return None
