from __future__ import annotations

import pytest
from match_support import term_ids

from monitor.match import Matcher


@pytest.mark.parametrize(
    "text",
    [
        "Punjab floods",
        "Panjab University",
        "Panjshir valley",
        "Panjsher province",
        "Наводнение в Пенджабе",
        "бои в Панджшере",
        "Обхезӣ дар Панҷоб",
        "муқовимат дар Панҷшер",
        "سیلاب در پنجاب",
        "مقاومت در پنجشیر",
        "پنج نفر کشته شدند",
        "Панҷ нафар захмӣ шуданд",
        "Ба гуфтаи онҳо панҷ нафар боздошт шуданд",
    ],
)
def test_panj_never_matches_inside_other_words_or_as_five(matcher: Matcher, text: str) -> None:
    assert "panj" not in term_ids(matcher, text)


@pytest.mark.parametrize(
    "text",
    [
        "Shots across the Panj",
        "the Pyanj river",
        "на реке Пяндж",
        "у Пянджа",
        "дар дарёи Панҷ",
        "дар соҳили Панҷ",
        "در کنار دریای پنج",
        "переправились через Пяндж",
        "утонул в реке Пяндж",
    ],
)
def test_panj_matches_the_river(matcher: Matcher, text: str) -> None:
    assert {"panj"} == term_ids(matcher, text) & {"panj", "panj-district"}


@pytest.mark.parametrize(
    "text",
    [
        "сокинони ноҳияи Панҷ",
        "Марзбонон дар Панҷ зери тир монданд",  # a capital after "дар": the town
        "Дар Панҷ аз тарафи Афғонистон тир холӣ карданд",
        "погранзастава в Пянджском районе",
        "на участке Пянджского погранотряда",
        "Пограничники изъяли в Пяндже свыше 300 кг гашиша",
        "seizure in Pyanj district",
        "تیراندازی بر پاسگاه مرزی در ولسوالی پنج",
        "د پنج ولسوالۍ په یوه سرحدي پوسته",
        "Tojikistonning Panj tumanidagi chegara zastavasi",
        "в городе Пяндже прошли учения",
        "жители поселка Пяндж",
    ],
)
def test_a_qualified_panj_is_the_district_not_the_river(matcher: Matcher, text: str) -> None:
    assert {"panj-district"} == term_ids(matcher, text) & {"panj", "panj-district"}


@pytest.mark.parametrize(
    "text",
    ["Дар панҷ рӯз се нафар боздошт шуданд", "Ӯ дар панҷ соат омад", "در پنج روز گذشته"],
)
def test_in_five_is_not_the_district(matcher: Matcher, text: str) -> None:
    assert not term_ids(matcher, text) & {"panj", "panj-district"}


def test_punjab_is_its_own_negative_term(matcher: Matcher) -> None:
    assert term_ids(matcher, "Punjab and پنجاب") == {"punjab"}


def test_longest_alias_wins(matcher: Matcher) -> None:
    ids = term_ids(matcher, "Tajik-Afghan border")
    assert ids == {"tajik-afghan-border"}


def test_word_start_boundary(matcher: Matcher) -> None:
    assert "iran" not in term_ids(matcher, "Tirana")
    assert "border" not in term_ids(matcher, "Mirzaborder")
    assert "border" not in term_ids(matcher, "میرزا")


@pytest.mark.parametrize(
    ("text", "term"),
    [
        ("ISIS-Khorasan claims attack", "iskp"),
        ("Gorno Badakhshan", "gbao"),
        ("Sher-Khan Bandar", "sher-khan-bandar"),
        ("Imam-Sahib district", "imam-sahib"),
    ],
)
def test_hyphen_and_space_variants(matcher: Matcher, text: str, term: str) -> None:
    assert term in term_ids(matcher, text)


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("یک خانواده با عبور از دریای پنج به تاجیکستان رسید", "panj"),  # crossing the river
        ("مهاجمان از آن سوی دریای پنج شلیک کردند", "panj"),  # from across the river
        ("Shots were fired from the Afghan side of the river", "afghan-bank"),
    ],
)
def test_a_phrase_ending_inside_a_place_does_not_swallow_it(
    matcher: Matcher, text: str, place: str
) -> None:
    assert place in term_ids(matcher, text)
    # Near-miss: a longer alias that holds the whole name still wins (Nizhny Panj, Panjshir).
    assert "panj" not in term_ids(matcher, "Пункт пропуска Нижний Пяндж закрыт")
