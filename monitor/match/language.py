"""Offline language detection from the feed's hint, the script and tell-tale letters."""

from __future__ import annotations

import re
from functools import lru_cache

from monitor.units import language_code

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


_ASCII_LETTER = re.compile(r"[A-Za-z]")
_ASCII_LETTERS = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
# UTF-8 lead bytes: U+00C0–U+024F (Latin), U+0400–U+052F (Cyrillic), U+0600–U+06FF and
# U+0740–U+077F (Arabic script). Counting them counts characters, in C, without a regex.
_LATIN_LEADS = bytes(range(0xC3, 0xCA)) + _ASCII_LETTERS
_CYRILLIC_LEADS = bytes(range(0xD0, 0xD5))
_ARABIC_LEADS = bytes(range(0xD8, 0xDC)) + b"\xdd"


def _main_script(text: str) -> str | None:
    """The script with the most letters (Arabic-script digits count as Arabic script)."""
    if text.isascii():
        return "latin" if _ASCII_LETTER.search(text) else None
    data = text.encode("utf-8", "surrogatepass")
    size = len(data)
    counts = {
        "latin": size - len(data.translate(None, _LATIN_LEADS)),
        "cyrillic": size - len(data.translate(None, _CYRILLIC_LEADS)),
        "arabic": size - len(data.translate(None, _ARABIC_LEADS)),
    }
    script = max(counts, key=counts.__getitem__)
    return script if counts[script] else None


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


_EXPECTED_SCRIPT = {"en": "latin", "ru": "cyrillic", "tg": "cyrillic", "fa": "arabic"}


@lru_cache(maxsize=256)
def _hint_code(hint: str) -> str:
    """The ISO 639-1 code a feed's language hint stands for (``prs``/``dari`` → ``fa``)."""
    code = language_code(hint) or hint.strip().lower()  # "dari" is no ISO code, but a hint
    code = "fa" if code in ("prs", "per", "fas", "dari") else code
    return "tg" if code == "tj" else code


def detect_language(text: str, hint: str | None = None) -> str | None:
    """ISO 639-1 code of ``text``: the hint if the script agrees, else script + letters.

    Returns None for text without letters or in a script not covered.
    """
    script = _main_script(text)
    if hint:
        code = _hint_code(hint)
        expected = _EXPECTED_SCRIPT.get(code)
        if script is None or expected is None or expected == script:
            return code if code in _KNOWN or len(code) == 2 else None
    if script == "latin":
        return "en"
    if script == "cyrillic":
        return _cyrillic_language(text)
    if script == "arabic":
        return _arabic_language(text)
    return None
