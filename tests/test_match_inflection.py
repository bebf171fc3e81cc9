from __future__ import annotations

import pytest
from match_support import term_ids

from monitor.match import Matcher
from monitor.match.inflection import expand_alias, suffix_allowed


@pytest.mark.parametrize(
    ("text", "term"),
    [
        ("граждан Таджикистана", "tajikistan"),
        ("с Таджикистаном", "tajikistan"),
        ("на границе", "border"),
        ("границы", "border"),
        ("пограничники", "border"),
        ("у Пянджа", "panj"),
        ("афганцы", "afghanistan"),
        ("талибов", "taliban"),
        ("на таджикско-афганской границе", "tajik-afghan-border"),
        ("на таджикско-афганском участке", "tajik-afghan-border"),
        ("в Нижнем Пяндже", "nizhny-panj"),
        ("Рахмонов", "rahmon"),
    ],
)
def test_russian_case_endings(matcher: Matcher, text: str, term: str) -> None:
    assert term in term_ids(matcher, text)


@pytest.mark.parametrize(
    ("text", "term"),
    [
        ("Тоҷикистону Русия", "tajikistan"),
        ("сарҳади кишвар", "border"),
        ("посгоҳи сарҳадии", "border"),
        ("Толибонро", "taliban"),
        ("афғонҳо", "afghanistan"),
        ("ҷангҷӯён", "militants"),
        ("марзбонон", "border"),
        ("қочоқчиён", "smuggling"),
        ("наздисарҳадиро", "border"),
        ("Қӯшунҳои сарҳадии КДАМ", "border-troops"),
    ],
)
def test_tajik_suffixes(matcher: Matcher, text: str, term: str) -> None:
    assert term in term_ids(matcher, text)


@pytest.mark.parametrize(
    ("text", "term"),
    [
        ("مرزها", "border"),
        ("مرز\u200cهای شمالی", "border"),
        ("مرزی", "border"),
        ("مرزبانان", "border"),
        ("تاجیکستانی", "tajikistan"),
        ("افغان\u200cها", "afghanistan"),
        ("طالبان را", "taliban"),
        ("قاچاقچیان", "smuggling"),
    ],
)
def test_persian_affixes(matcher: Matcher, text: str, term: str) -> None:
    assert term in term_ids(matcher, text)


def test_english_plural_only() -> None:
    assert suffix_allowed("s", "latin")
    assert not suffix_allowed("ab", "latin")
    assert not suffix_allowed("шер", "cyrillic")
    assert suffix_allowed("ами", "cyrillic")
    assert suffix_allowed("های", "arabic")
    assert not suffix_allowed("اب", "arabic")


def test_tilde_expansion() -> None:
    forms = expand_alias("нижн~ пяндж")
    assert "нижнии пяндж" in forms  # endings are normalized like text (й → и)
    assert "нижнем пяндж" in forms
    assert expand_alias("Panj River") == ["Panj River"]
