"""Stories: event types of real coverage (session 10, read11).

Who is fought decides the type (violence against smugglers is smuggling); quote marks inside
a cue of several words; Russian verb cues in their person forms; demining is aid, not a blast;
food parcels are aid; assurances of no threat in the future tense. Hard negatives beside each.
"""

from __future__ import annotations

import pytest
from story_support import read


@pytest.mark.parametrize(
    "title",
    [
        "В Хамадони в перестрелке с афганскими наркокурьерами погиб офицер-пограничник",
        "Tajik border commander killed in clash with Afghan smugglers",
        "کشته شدن یک افسر مرزبانی تاجیکستان در درگیری با قاچاقبران مواد مخدر",
        "Дар Ҳамадонӣ як афсари марзбон дар задухӯрд бо қочоқчиён кушта шуд",
        "د تاجکستان پوله ساتو سره په نښته کې درې قاچاقبر ووژل شول",
        "Таджикистан: На границе с Афганистаном застрелены двое наркокурьеров",
    ],
)
def test_violence_against_smugglers_is_smuggling(title: str) -> None:
    reading = read(title)
    assert reading.event == "smuggling", reading.cues
    assert reading.severity == 3


@pytest.mark.parametrize(
    "title",
    [
        "Tajik border guard killed in clash with Taliban fighters",
        "В Хамадони в перестрелке с боевиками погиб офицер-пограничник",
        "Дар Ҳамадонӣ як афсари марзбон дар задухӯрд бо толибон кушта шуд",
    ],
)
def test_violence_against_fighters_stays_violence(title: str) -> None:
    assert read(title).event in ("clash", "attack")


def test_smugglers_only_in_the_lead_do_not_type_the_violence() -> None:
    reading = read(
        "Tajik border guard killed in clash on the Afghan border",
        "Earlier this year smugglers were detained at the same post.",
    )
    assert reading.event == "clash"


@pytest.mark.parametrize(
    "title",
    [
        "Tajikistan launches 'anti-terrorist' operation in restive region",
        "В ГБАО начата «антитеррористическая» операция",
        "В ГБАО начата „антитеррористическая“ операция",
    ],
)
def test_quote_marks_inside_a_cue_of_several_words(title: str) -> None:
    assert read(title).event == "clash"


def test_an_apostrophe_inside_a_word_is_a_letter() -> None:
    # Uzbek o'tgan: "crossed"; stripping the apostrophe would lose the cue
    assert read("Afg'on harbiylari O'zbekistonga o'tgan").event == "crossing"


@pytest.mark.parametrize(
    ("title", "event"),
    [
        ("Талибы заявили, что не угрожают соседям Афганистана", "diplomacy"),
        ("Россия перебрасывает войска к таджикско-афганской границе", "deployment"),
        ("В ОДКБ приветствуют решение о продлении мандата", "diplomacy"),
    ],
)
def test_russian_verb_cues_match_their_person_forms(title: str, event: str) -> None:
    assert read(title).event == event


@pytest.mark.parametrize(
    "title",
    [
        "Дар ноҳияи Панҷ 12 ҳазор метри мураббаъ замин аз мина тоза карда шуд",
        "В Пянджском районе завершено разминирование приграничных земель",
        "OSCE-backed demining clears farmland along the Panj",
        "مین‌زدایی در ولسوالی شهر بزرگ بدخشان به پایان رسید",
        "د بدخشان په شهر بزرګ کې ځمکه له ماینونو پاکه شوه",
    ],
)
def test_demining_is_aid_not_a_blast(title: str) -> None:
    reading = read(title)
    assert reading.event == "aid", reading.cues
    assert reading.severity == 1


@pytest.mark.parametrize(
    "title",
    [
        "Мина взорвалась в Шурободе, ранен пастух",
        "A shepherd was wounded in a mine blast near the Panj",
        "Дар Шӯрообод мина таркид, чӯпон захмӣ шуд",
    ],
)
def test_a_mine_that_exploded_stays_an_attack(title: str) -> None:
    assert read(title).event == "attack"


def test_food_parcels_handed_to_refugees_are_aid() -> None:
    assert read("Афганским беженцам в Вахдате раздали продуктовые наборы").event == "aid"
    assert read("Afghan refugees in Vakhdat receive food parcels").event == "aid"


@pytest.mark.parametrize(
    "title",
    [
        "ګاونډیو هېوادونو ته به له افغانستانه ګواښ نه وي",
        "Taliban say Afghanistan will not pose a threat to its neighbours",
        "Толибон: Афғонистон ба ҳамсояҳо таҳдид нахоҳад кард",
    ],
)
def test_an_assurance_of_no_threat_in_the_future_is_a_statement(title: str) -> None:
    assert read(title).event == "diplomacy"
