from __future__ import annotations

import pytest

from monitor.match import detect_language


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Tajik border guards clash with smugglers", "en"),
        ("Пограничники задержали нарушителей на границе", "ru"),
        ("Сарҳадбонони тоҷик қочоқчиёнро боздошт карданд", "tg"),
        ("Дар марз ду нафар боздошт шуданд", "tg"),  # no tell-tale letter: function words
        ("مرزبانان تاجیک قاچاقچیان را بازداشت کردند", "fa"),
        ("د طالبانو ځواکونه پوله کې ګمارل شوي", "ps"),
        ("", None),
        ("12345", None),
    ],
)
def test_script_and_letters(text: str, expected: str | None) -> None:
    assert detect_language(text) == expected


def test_hint_first_when_script_agrees() -> None:
    assert detect_language("Граница", "tg") == "tg"
    assert detect_language("Border", "EN") == "en"
    assert detect_language("مرز", "prs") == "fa"


def test_hint_ignored_when_script_disagrees() -> None:
    assert detect_language("Пограничники задержали нарушителей", "en") == "ru"
