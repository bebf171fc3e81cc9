"""Stories: counts and event types as real outlets word them (second round on real coverage).

"N killed and M wounded" in every language (the number after "and" starts a new count);
casualty verbs in their plural and perfect forms (جان باختند, ҷон бохтаанд); a colon ends what
"after" covers; a headline that only gives a toll is violence, whatever its lead adds (a road
blocked, people detained); the title's toll over the lead's claims; a long verb-final headline;
counter-terrorist operations, violence erupting, ceasefires, shells that fell (or did not);
headlines that discuss a threat without an event verb are analysis. Hard negatives beside each.
"""

from __future__ import annotations

import pytest
from story_support import read


@pytest.mark.parametrize(
    ("text", "killed", "wounded"),
    [
        ("در درگیری‌ها ۱۲ سرباز کشته و ۲۰ تن دیگر زخمی شدند", 12, 20),
        ("سخنگو: ۴۰ نیروی دشمن کشته و ۶ نیروی ما جان باختند", 40, None),
        ("په نښتو کې ۱۰ پاکستاني سرتېري وژل شوي او ۱۵ نور ټپي شوي", 10, 15),
        ("Дар задухӯрд се сарбоз кушта ва чор нафар захмӣ шуданд", 3, 4),
        ("В перестрелке двое погибли и трое ранены", 2, 3),
        ("Officials said 12 fighters were killed and 30 wounded", 12, 30),
    ],
)
def test_a_number_after_and_starts_a_new_count(text: str, killed: int, wounded: int | None) -> None:
    counts = read(text).counts
    assert counts.get("killed") == killed, counts
    assert counts.get("wounded") == wounded, counts


def test_a_verb_first_count_still_owns_its_casualty_word() -> None:
    # "трое перешли границу, убит один из них": no "and" before the number
    assert read("Трое нарушителей перешли границу, убит один из них").counts.get("killed") == 1


@pytest.mark.parametrize(
    "text",
    [
        "به گفته فعالان بیش از ۲۰ نفر جان باخته‌اند",
        "در این رویداد ۲۰ نفر جان باختند",
        "Фаъолон мегӯянд, беш аз 20 нафар ҷон бохтаанд",
        "Дар ин ҳодиса 20 нафар ҷон бохтанд",
    ],
)
def test_casualty_verbs_count_in_plural_and_perfect_forms(text: str) -> None:
    assert read(text).counts.get("killed") == 20


def test_a_colon_ends_what_after_covers() -> None:
    reading = read("Ванҷ пас аз нооромиҳо: фаъолон аз 15 кушта хабар медиҳанд")
    assert reading.counts.get("killed") == 15
    # hard negative: the toll right after "after" is still the cause
    assert "killed" not in read("Пас аз кушта шудани 3 сарбоз гузаргоҳ баста шуд").counts


@pytest.mark.parametrize(
    ("title", "lead"),
    [
        (
            "Дар Ванҷ сокинон аз кушта шудани чанд нафар хабар медиҳанд",
            "Нерӯҳои амниятӣ ба сӯи мардуме, ки роҳро баста буданд, оташ кушоданд.",
        ),
        (
            "پنج عضو یک گروه مسلح در درواز کشته شدند",
            "وزارت داخله می‌گوید پنج تن کشته و سه تن بازداشت شده‌اند.",
        ),
        (
            "В Хороге погибли двое участников акции",
            "Власти называют протестующих преступной группировкой.",
        ),
    ],
)
def test_a_headline_giving_only_a_toll_is_violence(title: str, lead: str) -> None:
    reading = read(title, lead)
    assert reading.event in {"attack", "clash", "incursion"}, reading.cues
    assert reading.severity == 3


def test_a_toll_headline_keeps_a_statement_and_a_closure_headline_stays_one() -> None:
    call = read(
        "СММ аз Душанбе хост, ки куштори сокинонро таҳқиқ кунад",
        "Дафтари ҳуқуқи башари СММ Тоҷикистонро ба тафтиши мустақил даъват кард.",
    )
    assert call.event == "diplomacy", call.cues
    closed = read("Tajikistan closes border crossing after two guards killed", "")
    assert closed.event == "crossing", closed.cues


def test_the_titles_toll_wins_over_claims_in_the_lead() -> None:
    reading = read(
        "Eight members of criminal groups killed in Rushan",
        "Activists abroad say more than 20 people were killed.",
    )
    assert reading.counts.get("killed") == 8
    # without a figure in the title, the lead's is the report's
    assert (
        read("Deadly operation in Rushan", "Officials say 8 were killed.").counts.get("killed") == 8
    )


def test_a_long_verb_final_headline_counts_its_subject() -> None:
    title = "دو مرزبان تاجیک در تیراندازی از خاک افغانستان در شمس‌الدین شاهین کشته شدند"
    assert read(title).counts.get("killed") == 2
    # hard negative: a number further from the verb is no casualty figure ("in the last 24
    # hours … several civilians were killed")
    far = (
        "در ۲۴ ساعت گذشته در ولسوالی‌های مختلف بدخشان و تخار و کندز و بغلان و سمنگان"
        " چند غیرنظامی کشته شدند"
    )
    assert "killed" not in read(far).counts


@pytest.mark.parametrize(
    ("title", "event"),
    [
        ("Counter-terrorist operation continues in Vanj district", "clash"),
        ("Violence erupted in Khorog overnight", "clash"),
        ("Дар Ванҷ эътирозгарон бо милиса бархӯрд карданд", "clash"),
        ("Border troops: no shells fell on the territory of Tajikistan", "attack"),
        ("Rockets fell on the territory of Uzbekistan, officials say", "attack"),
        ("Пограничники: снаряды упали на территорию Таджикистана", "attack"),
        ("Taliban and Pakistan agree to extend ceasefire", "diplomacy"),
        ("Стороны договорились о перемирии на границе", "diplomacy"),
        ("طالبان پاکستان آتش‌بس را تمدید کردند", "diplomacy"),
        ("پاکستاني طالبانو اوربند وغځاوه", "diplomacy"),
        ("Russia hosts Afghan foreign minister for border talks", "diplomacy"),
    ],
)
def test_real_cues_read_as_their_type(title: str, event: str) -> None:
    reading = read(title)
    assert reading.event == event, reading.cues


@pytest.mark.parametrize(
    ("title", "lead"),
    [
        (
            "Beijing's security dilemma on the Afghan frontier",
            "Two deadly attacks on Chinese workers show how exposed its projects have become.",
        ),
        (
            "Islamic State steps up Uzbek-language propaganda",
            "New material attacking the governments of Central Asia was published.",
        ),
        (
            "What is Jamaat Ansarullah, the group behind the border attack?",
            "The group has carried out attacks in the region. Here is what we know.",
        ),
        ("Militant rocket claims put Termez on edge", "Claims of rocket fire were denied."),
        ("The future of the Amu Darya", "No treaty binds the upstream states."),
    ],
)
def test_headlines_discussing_a_threat_without_an_event_are_analysis(title: str, lead: str) -> None:
    reading = read(title, lead)
    assert reading.event == "analysis", reading.cues


@pytest.mark.parametrize(
    "title",
    [
        "Islamic State attack on border post kills two guards",
        "Militants fire rockets at Termez from Afghanistan",
        "Ceasefire collapses as fighting resumed on the Durand Line",
    ],
)
def test_events_stay_events_beside_analysis_words(title: str) -> None:
    assert read(title).event in {"attack", "clash"}, read(title).cues
