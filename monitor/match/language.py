"""Offline language detection from the feed's hint, the script and tell-tale letters."""

from __future__ import annotations

import re
from collections import Counter

_TAJIK_LETTERS = set("ҳқғҷӣӯҲҚҒҶӢӮ")
_RUSSIAN_ONLY = set("ыщьъэЫЩЬЪЭ")  # э exists in Tajik but ы щ ь ъ do not
_UKRAINIAN = set("іїєґІЇЄҐ")
_KAZAKH = set("әұіңһӘҰІҢҺ")
_KYRGYZ = set("ңүөҢҮӨ")
_UZBEK_CYRILLIC = set("ўЎ")
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
    ["и", "в", "на", "с", "по", "не", "что", "это", "для", "из", "от", "как", "к", "за", "о", "при"]
)
_CYRILLIC_WORD = re.compile(r"[а-яёА-ЯЁ]+")
_KNOWN = frozenset(["en", "ru", "tg", "fa", "ps", "ur", "ar", "uz", "ky", "kk", "uk", "prs"])


_SCRIPT_PATTERNS = {
    "latin": re.compile(r"[A-Za-z\u00c0-\u024f]"),
    "cyrillic": re.compile(r"[\u0400-\u052f]"),
    "arabic": re.compile(r"[\u0620-\u064a\u066e-\u06d3\u06d5\u06fa-\u06ff\u0750-\u077f]"),
}


def _script_counts(text: str) -> Counter[str]:
    counts: Counter[str] = Counter()
    for script, pattern in _SCRIPT_PATTERNS.items():
        n = len(pattern.findall(text))
        if n:
            counts[script] = n
    return counts


def _cyrillic_language(text: str) -> str:
    chars = set(text)
    if chars & _TAJIK_LETTERS and not chars & _RUSSIAN_ONLY:
        return "tg"
    if chars & _UKRAINIAN and not chars & _TAJIK_LETTERS:
        return "uk"
    if chars & _KAZAKH - _KYRGYZ:
        return "kk"
    if chars & _KYRGYZ:
        return "ky"
    if chars & _UZBEK_CYRILLIC:
        return "uz"
    words = [w.lower() for w in _CYRILLIC_WORD.findall(text)]
    tajik = sum(w in _TAJIK_WORDS for w in words) + 2 * len(chars & _TAJIK_LETTERS)
    russian = sum(w in _RUSSIAN_WORDS for w in words) + 2 * len(chars & _RUSSIAN_ONLY)
    return "tg" if tajik > russian else "ru"


def _arabic_language(text: str) -> str:
    chars = set(text)
    if len(chars & _PASHTO) >= 2 or (chars & _PASHTO and not chars & _PERSIAN):
        return "ps"
    if chars & _URDU:
        return "ur"
    if chars & _ARABIC_ONLY and not chars & _PERSIAN and "ی" not in chars and "ک" not in chars:
        return "ar"
    return "fa"


def detect_language(text: str, hint: str | None = None) -> str | None:
    """ISO 639-1 code of ``text``: the hint if the script agrees, else script + letters.

    Returns None for text without letters or in a script not covered.
    """
    counts = _script_counts(text)
    script = counts.most_common(1)[0][0] if counts else None
    if hint:
        code = hint.strip().lower().replace("_", "-").split("-")[0]
        code = "fa" if code in ("prs", "per", "fas", "dari") else code
        if code == "tj":
            code = "tg"
        expected = {"en": "latin", "ru": "cyrillic", "tg": "cyrillic", "fa": "arabic"}.get(code)
        if script is None or expected is None or expected == script:
            return code if code in _KNOWN or len(code) == 2 else None
    if script == "latin":
        return "en"
    if script == "cyrillic":
        return _cyrillic_language(text)
    if script == "arabic":
        return _arabic_language(text)
    return None
