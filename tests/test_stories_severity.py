"""Stories: severity consistent with the event type (drills are never violence)."""

from __future__ import annotations

import pytest
from match_support import shipped_matcher

from monitor.errors import ConfigError
from monitor.stories.teller import StoryTeller
from monitor.stories.vocabulary import parse_vocabulary

TELLER = StoryTeller.for_watchlist(shipped_matcher().watchlist)


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


def test_simulated_names_known_cue_groups() -> None:
    raw = {
        "fallback": {"event": "deployment", "casualties": "deployment"},
        "simulated": ["deployment/nothing"],
        "events": [{"id": "deployment", "label": "D", "cues": [
            {"id": "exercise", "severity": 1, "aliases": ["drills"]}]}],
        "numbers": {"killed": ["killed"], "wounded": ["wounded"], "people": ["people"],
                    "kg": {"kg": 1.0}},
    }  # fmt: skip
    with pytest.raises(ConfigError, match="simulated: unknown cue group 'deployment/nothing'"):
        parse_vocabulary(raw, "events.yaml")
