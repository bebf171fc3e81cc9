"""Stories: severity consistent with the event type (drills are never violence)."""

from __future__ import annotations

import pytest
from story_support import TELLER

from monitor.errors import ConfigError
from monitor.stories.vocabulary import parse_vocabulary


@pytest.mark.parametrize(
    ("title", "summary"),
    [
        (
            "201st base drills repelling militants near the Afghan border",
            "Troops destroyed a mock enemy group and repelled a simulated attack; 1,500 "
            "servicemen took part.",
        ),
        (
            "На 201-й базе отработали уничтожение условных боевиков",
            "Более 1500 военнослужащих отработали отражение нападения и уничтожение "
            "условного противника, прорвавшегося с сопредельной территории.",
        ),
        (
            "Низомиёни пойгоҳи 201-уми Русия дар Хатлон машқ гузаронданд",
            "Зиёда аз 1500 хизматчии ҳарбӣ машқ гузаронда, нобуд кардани гурӯҳҳои "
            "мусаллаҳи аз хориҷ воридшударо тамрин карданд.",
        ),
        ("رزمایش نیروهای تاجیکستان برای دفع حمله مسلحانه", "دو تروریست فرضی کشته شدند."),
        ("د تاجکستان ځواکونو پوځي تمرین وکړ", "په تمرین کې د وسله والو برید شاته وتمبول شو."),
        (
            "Rossiya harbiylari Afg'oniston chegarasi yaqinida mashg'ulot o'tkazdi",
            "jangarilar hujumini qaytarishni mashq qildi",
        ),
    ],
)
def test_a_drill_is_routine_whatever_violence_it_simulates(title: str, summary: str) -> None:
    reading = TELLER.read(title, summary)
    assert (reading.event, reading.severity) == ("deployment", 1), reading.cues
    assert not reading.hurt
    assert not reading.counts.get("killed") and not reading.counts.get("wounded")


def test_a_drill_mentioned_as_background_does_not_disarm_a_real_attack() -> None:
    reading = TELLER.read(
        "Two Tajik border guards killed in attack after CSTO drills",
        "Gunmen attacked a border post in Darvaz, killing two guards.",
    )
    assert (reading.event, reading.severity) == ("attack", 3)
    assert reading.counts["killed"] == 2


def _events(**extra: object) -> dict[str, object]:
    """A minimal events document with ``extra`` top-level keys."""
    return {
        "fallback": {"event": "deployment", "casualties": "deployment"},
        "events": [{"id": "deployment", "label": "D", "cues": [
            {"id": "exercise", "severity": 1, "aliases": ["drills"]}]}],
        "numbers": {"killed": ["killed"], "wounded": ["wounded"], "people": ["people"],
                    "kg": {"kg": 1.0}},
        **extra,
    }  # fmt: skip


def test_simulated_names_known_cue_groups() -> None:
    raw = _events(simulated=["deployment/nothing"])
    with pytest.raises(ConfigError, match="simulated: unknown cue group 'deployment/nothing'"):
        parse_vocabulary(raw, "events.yaml")


@pytest.mark.parametrize(
    ("title", "summary", "event"),
    [
        # people caught crossing the river are a crossing, not smuggling
        ("В Шаартузском районе задержан нарушитель госграницы",
         "Пограничники задержали гражданина Афганистана, переплывшего Амударью.", "crossing"),
        ("Tajikistan detains 14 Afghans who crossed the river from Takhar", "", "crossing"),
        ("Дар Панҷ 11 шаҳрванди Афғонистон боздошт шуданд",
         "Марзбонон 11 нафарро, ки ғайриқонунӣ аз дарё гузашта буданд, боздошт карданд.",
         "crossing"),
        # armed men caught crossing are an incursion (precedence: incursion over crossing)
        ("Кӯшиши вайрон кардани сарҳади давлатӣ пешгирӣ карда шуд",
         "Гурӯҳи мусаллаҳ сарҳади давлатиро ғайриқонунӣ убур карданд.", "incursion"),
        ("В Пяндже задержаны вооруженные люди, незаконно пересекшие границу", "", "incursion"),
        # herders asking for asylum are a crossing
        ("В Мургаб из Афганистана перешли около 40 памирских кыргызов",
         "Они просят убежища, ссылаясь на нехватку корма.", "crossing"),
    ],
)  # fmt: skip
def test_who_crosses_decides_crossing_or_incursion(title: str, summary: str, event: str) -> None:
    assert TELLER.read(title, summary).event == event


def test_precedence_names_known_event_types() -> None:
    raw = _events(precedence=[["incursion", "deployment"]])
    with pytest.raises(ConfigError, match="precedence: unknown event type 'incursion'"):
        parse_vocabulary(raw, "events.yaml")


@pytest.mark.parametrize(
    ("title", "summary", "severity"),
    [
        ("Tajik, Taliban forces exchange fire again in Darvoz, no casualties reported", "", 2),
        ("درگیری دوباره مرزبانان تاجیکستان و طالبان در درواز؛ تلفاتی گزارش نشده", "", 2),
        ("تبادل آتش دوباره در مرز تاجیکستان و افغانستان", "", 2),
        ("Tajik, Taliban forces exchange fire in Darvoz; one guard wounded", "", 3),
        ("Tajik and Taliban forces clash on border in Darvaz", "", 3),
    ],
)
def test_shots_traded_without_anyone_hurt_are_not_casualty_severity(
    title: str, summary: str, severity: int
) -> None:
    reading = TELLER.read(title, summary)
    assert (reading.event, reading.severity) == ("clash", severity), reading.cues


@pytest.mark.parametrize(
    ("title", "event"),
    [
        ("Маджлиси намояндагон ратифицировал протокол с ОДКБ по афганской границе", "diplomacy"),
        ("Mujahid rejects Tajik security claims of militants in northern Afghanistan", "diplomacy"),
        ("ذبیح‌الله مجاهد ادعای کمیته امنیت ملی تاجیکستان را رد کرد", "diplomacy"),
        ("Более четырех тонн наркотиков и 27 прорывов: итоги года на афганской границе",
         "analysis"),
        ("Ҷаласаи васеи Ҳайати мушовараи КДАМ: ҷамъбасти соли 2026", "analysis"),
        ("Кӯмаки башардӯстона тавассути пули Ишкошим ба Афғонистон фиристода шуд", "aid"),
    ],
)  # fmt: skip
def test_statements_reviews_and_relief_have_their_types(title: str, event: str) -> None:
    # a lead saying how the relief was sent ("фиристод") does not make it a deployment
    reading = TELLER.read(title, "Бунёди Оғохон 40 тонна орд барои сокинони Вахон фиристод.")
    assert reading.event == event, reading.cues
    assert reading.severity <= 1


@pytest.mark.parametrize(
    ("text", "cue", "background"),
    [
        # a recalled event a few words after "after" is the cause, not the event reported
        ("the clash comes a day after a tajik border guard was killed", "killed", True),
        ("пограничники усилили охрану после того как на заставе погибли двое", "погибли", True),
        ("نیروها پس از آنکه یک مرزبان در بدخشان کشته شد اعزام شدند", "کشته", True),
        # the reported event itself
        ("three guards were killed in a clash after midnight", "killed", False),
        # "after" governs its own sentence only
        ("two days after the talks ended. three guards were killed", "killed", False),
        # and only so far: far down a long clause the cue is the report's own again
        ("after the talks the ministers of both countries then went home and three guards "
         "were killed", "killed", False),
    ],
)  # fmt: skip
def test_background_is_the_rest_of_the_clause_after_after(
    text: str, cue: str, background: bool
) -> None:
    vocabulary = TELLER.vocabulary
    assert vocabulary.in_background(text, text.index(cue)) is background
