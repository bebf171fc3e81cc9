from __future__ import annotations

import unicodedata

import pytest
from match_support import shipped_matcher

from monitor.match import Matcher
from monitor.match.normalize import Normalizer, normalize


@pytest.fixture(scope="module")
def matcher() -> Matcher:
    return shipped_matcher()


def test_case_folding_and_nfkc() -> None:
    assert normalize("TAJIKISTAN") == "tajikistan"
    assert normalize("ＰＡＮＪ") == "panj"  # full-width → ASCII via NFKC
    assert normalize("Ёлки") == "елки"


def test_arabic_letter_unification() -> None:
    assert normalize("تاجيكستان") == normalize("تاجیکستان")  # Arabic yeh/kaf → Persian
    assert normalize("ى") == "ی"
    assert normalize("افغانـــستان") == "افغانستان"  # tatweel removed
    assert normalize("مَرْزِ") == "مرز"  # harakat removed
    assert normalize("مرز\u200cها") == "مرزها"  # ZWNJ removed consistently


def test_hyphens_quotes_and_digits() -> None:
    assert normalize("Tajik–Afghan") == "tajik-afghan"
    assert normalize("Tajikistan’s") == "tajikistan's"
    assert normalize("«Ансаруллах»") == '"ансаруллах"'
    assert normalize("پایگاه ۲۰۱") == "پایگاه 201"


def test_offsets_identity_on_plain_text() -> None:
    norm = Normalizer().normalize("Panj River")
    assert norm.origin is None
    assert norm.original_span(0, 4) == (0, 4)


def test_offsets_map_back_through_removed_characters() -> None:
    text = "در مَرْزِ تاجیکستان"
    norm = Normalizer().normalize(text)
    start = norm.text.index("تاجیکستان")
    a, b = norm.original_span(start, start + len("تاجیکستان"))
    assert text[a:b] == "تاجیکستان"


def test_offsets_with_decomposed_letters() -> None:
    text = "Раҳмон и " + unicodedata.normalize("NFD", "Душанбе й")
    norm = Normalizer().normalize(text)
    assert "душанбе й" in norm.text


def test_hits_report_original_offsets(matcher: Matcher) -> None:
    title = "ＢＯＲＤＥＲ: مَرْزِ تاجيكستان و افغانستان"
    for hit in matcher.find_hits(title, "title"):
        assert title[hit.start : hit.end] == hit.text
    summary = "Clashes on the Tajik\u2013Afghan border near Khorog"
    hits = matcher.find_hits(summary, "summary")
    anchor = next(h for h in hits if h.term_id == "tajik-afghan-border")
    assert summary[anchor.start : anchor.end] == "Tajik\u2013Afghan border"
