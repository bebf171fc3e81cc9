from __future__ import annotations

import unicodedata

from monitor.match import Matcher
from monitor.match.normalize import Normalizer, normalize


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
    assert "душанбе и" in norm.text  # й composed, then folded like Tajik ӣ


def test_hits_report_original_offsets(matcher: Matcher) -> None:
    title = "ＢＯＲＤＥＲ: مَرْزِ تاجيكستان و افغانستان"
    for hit in matcher.find_hits(title, "title"):
        assert title[hit.start : hit.end] == hit.text
    summary = "Clashes on the Tajik\u2013Afghan border near Khorog"
    hits = matcher.find_hits(summary, "summary")
    anchor = next(h for h in hits if h.term_id == "tajik-afghan-border")
    assert summary[anchor.start : anchor.end] == "Tajik\u2013Afghan border"


def test_tajik_letters_fold_for_matching_only(matcher: Matcher) -> None:
    assert normalize("Сарҳадбонони Тоҷикистон") == normalize("Сархадбонони Точикистон")
    assert normalize("тирпарронӣ") == normalize("тирпарронй") == "тирпаррони"
    result = matcher.match("Дар сархади Точикистону Афгонистон кочокбарон боздошт шуданд", "")
    assert result.relevant
    assert "tajik-afghan-border" in result.term_ids
    assert matcher.match("Сарҳади Тоҷикистон", "").language == "tg"  # detection sees ҳ ҷ


def test_panj_five_stays_lowercase_after_folding(matcher: Matcher) -> None:
    panj = {"panj", "panj-district"}
    assert not panj & {*matcher.match("Дар панч руз 3 нафар боздошт шуданд", "").term_ids}
    assert not panj & {*matcher.match("Панч нафар дар Панчакент захмӣ шуданд", "").term_ids}
    assert "panj-district" in matcher.match("Тирпаррони дар Панч", "").term_ids  # in Panj
    assert "panj" in matcher.match("Тирпаррони дар соҳили Панч", "").term_ids  # on its bank


def test_spaced_persian_suffix_joins_with_offsets(matcher: Matcher) -> None:
    assert normalize("مرزبان ها") == normalize("مرزبان\u200cها") == "مرزبانها"
    title = "مرزبان های تاجیک در اشکاشم"
    hits = matcher.find_hits(title, "title")
    for hit in hits:
        assert title[hit.start : hit.end] == hit.text
    assert any(h.text == "مرزبان های" for h in hits)


def test_fields_are_matched_in_one_pass_with_field_offsets(matcher: Matcher) -> None:
    title, summary = "Clash at Parkhar", "Пограничники Таджикистана у Пянджа"
    result = matcher.match(title, summary, "Панҷ")
    for hit in result.hits:
        source = {"title": title, "summary": summary, "content": "Панҷ"}[hit.field]
        assert source[hit.start : hit.end] == hit.text
    assert next(h.word for h in result.hits if h.field == "summary") == 0
    assert "panj" not in {h.term_id for h in result.hits if h.field == "content"}  # field start
