"""Stories: event cues as real outlets phrase them, and the words beside a cue that change it.

Military aircraft that landed or flew in are soldiers crossing by air; one that crashed or
fell is an incursion; prisoners freed from a prison are the place taken, not a release
negotiated. Each in several languages, with the near misses beside them (a delegation that
arrived, a district that fell, a captive handed back).
"""

from __future__ import annotations

import pytest
from story_support import read

from monitor.errors import ConfigError
from monitor.stories.reading import Reader
from monitor.stories.vocabulary import parse_vocabulary


@pytest.mark.parametrize(
    "title",
    [
        "Uzbekistan says 22 Afghan military planes, 24 helicopters landed in the country",
        "Afghan soldiers flew in on 46 aircraft, Uzbek prosecutors say",
        "В Таджикистан прибыли афганские военные самолеты",
        "Таджикистан принял 143 афганских военных на трех самолетах",
        "МИД: афганским военным самолетам разрешена посадка в Бохтаре",
        "Ду ҳавопаймои низомии Афғонистон дар Кӯлоб фуруд омаданд",
        "فرود یک هواپیمای نظامی افغانستان با ۹۰ سرنشین در کولاب",
        "د افغان هوايي ځواک درې الوتکې تاجکستان ته ورسېدې",
    ],
)
def test_military_aircraft_that_landed_or_flew_in_are_a_crossing(title: str) -> None:
    assert read(title).event == "crossing", read(title).cues


@pytest.mark.parametrize(
    "title",
    [
        "Afghan military plane crashes in Surkhandarya, pilots eject",
        "Афганский военный самолет разбился в Сурхандарьинской области",
        "В Узбекистане упал афганский военный самолет",
        "سقوط یک هواپیمای نظامی افغانستان در ازبکستان",
        "ازبکستان: یک هواپیمای نظامی افغان در حریم ما سقوط کرد",
        "Surxondaryoda Afg'oniston harbiy samolyoti qulab tushdi",
    ],
)
def test_a_military_aircraft_that_crashed_is_an_incursion(title: str) -> None:
    reading = read(
        title,
        "The aircraft crossed the border illegally, the defence ministry said.",
    )
    assert reading.event == "incursion", reading.cues


@pytest.mark.parametrize(
    ("title", "event"),
    [
        ("Путин прибыл в Душанбе с государственным визитом", "diplomacy"),
        ("В Душанбе прибыла делегация талибов", "diplomacy"),
        ("ولسوالی‌های درقد و ینگی‌قلعه تخار سقوط کردند", "clash"),
        ("شهر کندز به دست طالبان سقوط کرد", "clash"),
        ("Снаряд упал на территории Таджикистана, пострадавших нет", "attack"),
    ],
)
def test_arrivals_without_aircraft_and_places_that_fell_keep_their_type(
    title: str, event: str
) -> None:
    assert read(title).event == event, read(title).cues


@pytest.mark.parametrize(
    ("title", "summary"),
    [
        ("Талибы освободили из тюрьмы Кундуза около 600 заключенных", ""),
        ("Taliban fighters freed hundreds of inmates from Kunduz prison", ""),
        (
            "Толибон шаҳри Қундузро гирифтанд",
            "Ҷангҷӯён беш аз 500 маҳбусро аз зиндон озод карданд.",
        ),
        (
            "طالبان بخش هایی از شهر کندز را تصرف کردند",
            "طالبان زندان این شهر را گشوده اند؛ صدها زندانی آزاد شده اند.",
        ),
    ],
)
def test_prisoners_freed_from_a_prison_are_the_place_taken(title: str, summary: str) -> None:
    reading = read(title, summary)
    assert reading.event in ("clash", "attack"), reading.cues


@pytest.mark.parametrize(
    "title",
    [
        "Похищенный в Афганистане таджикский пограничник вернулся на родину",
        "Abducted Tajik border guard freed in Badakhshan",
    ],
)
def test_a_captive_freed_stays_a_release(title: str) -> None:
    assert read(title).event == "diplomacy", read(title).cues


def _raw(**extra: object) -> dict[str, object]:
    return {
        "fallback": {"event": "analysis", "casualties": "clash"},
        "events": [
            {"id": "clash", "label": "Armed clash", "cues": [
                {"id": "takeover", "severity": 3, "aliases": ["stormed"]}]},
            {"id": "diplomacy", "label": "Diplomacy", "cues": [
                {"id": "release", "severity": 1, "aliases": ["freed"]}]},
            {"id": "analysis", "label": "Analysis", "cues": [
                {"id": "commentary", "severity": 0, "aliases": ["opinion"]}]},
        ],
        "numbers": {"killed": ["killed"], "wounded": ["wounded"], "people": ["people"],
                    "kg": {"kg": 1}},
        **extra,
    }  # fmt: skip


def test_a_sense_read_by_the_words_after_it_only_when_told() -> None:
    sense = {"cue": "diplomacy/release", "reads": "clash/takeover", "near": ["prison"]}
    before = Reader(parse_vocabulary(_raw(senses=[sense]), "events.yaml"))
    after = Reader(parse_vocabulary(_raw(senses=[{**sense, "following": True}]), "e.yaml"))
    title = "Rebels freed inmates from the prison"
    assert before.read(title, "").event == "diplomacy"
    assert after.read(title, "").event == "clash"
    assert after.read("The guard was freed. The prison stands", "").event == "diplomacy"
    with pytest.raises(ConfigError, match="following"):
        parse_vocabulary(_raw(senses=[{**sense, "following": "yes"}]), "events.yaml")


def test_two_paired_cue_groups_may_share_partner_words() -> None:
    raw = _raw(
        paired=[
            {"cue": "clash/takeover", "partners": ["prison"]},
            {"cue": "diplomacy/release", "partners": ["prison"]},
        ]
    )
    reader = Reader(parse_vocabulary(raw, "events.yaml"))
    assert reader.read("Rebels stormed the prison", "").event == "clash"
    assert reader.read("Rebels stormed the town", "").event == "analysis"
    assert reader.read("Officials freed from prison", "").event == "diplomacy"


@pytest.mark.parametrize(
    "title",
    [
        "Over 150 Daesh fighters surrender to government forces in Jawzjan",
        "Более 150 боевиков ИГ сдались властям на севере Афганистана",
        "بیش از ۱۵۰ جنگجوی داعش در جوزجان تسلیم شدند",
        "ده‌ها عضو داعش در جوزجان خود را تسلیم دولت کردند",
        "جوزجان: د داعش ۲۰۰ جنګیالي حکومت ته تسلیم شول",
        "Зиёда аз 150 ҷангҷӯи ДИИШ дар Ҷавзҷон таслим шуданд",
    ],
)
def test_fighters_who_surrender_are_the_fighting_not_a_handover(title: str) -> None:
    assert read(title).event == "clash", read(title).cues


def test_a_deal_that_frees_a_state_to_act_is_no_release() -> None:
    title = "With the Kyrgyz border settled, Tajikistan turns south"
    lead = "Dushanbe's deal with Bishkek frees it to focus on its Afghan frontier."
    assert "diplomacy/release" not in " ".join(read(title, lead).cues)
