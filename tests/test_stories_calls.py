"""A phone call between leaders is that call (events.yaml `remote`, `distinct`): not the
reservists one of them sends to the border that day, not a Security Council session."""

from __future__ import annotations

import pytest
from story_support import TELLER, report

from monitor.errors import ConfigError
from monitor.stories.vocabulary import parse_vocabulary


def test_a_phone_call_is_not_the_troops_sent_the_same_day() -> None:
    call = report(1, "Путин и Рахмон обсудили по телефону ситуацию на границе",
                  "Президенты России и Таджикистана провели телефонный разговор.",
                  lang="ru")  # fmt: skip
    troops = report(2, "Rahmon orders 20,000 reservists to reinforce the Afghan border",
                    "Tajik President Emomali Rahmon ordered the call-up.", hours=2)  # fmt: skip
    assert (call.reading.event, troops.reading.event) == ("diplomacy", "deployment")
    assert not TELLER.grouper.compatible(call, troops)
    assert not TELLER.grouper.compare(call, troops).same


def test_an_officials_visit_to_the_troops_is_still_one_event_with_them() -> None:
    """Without a call the configured pair holds: a visit and the troops it inspects."""
    visit = report(1, "Rahmon visits border troops in Khatlon",
                   "President Emomali Rahmon met border guards at a post in Khatlon.")  # fmt: skip
    troops = report(2, "Rahmon orders reinforcement of border posts in Khatlon",
                    "Additional troops were sent to the border.", hours=1)  # fmt: skip
    assert (visit.reading.event, troops.reading.event) == ("diplomacy", "deployment")
    assert TELLER.grouper.compatible(visit, troops)
    assert TELLER.grouper.compare(visit, troops).same


def test_a_call_and_a_security_council_session_are_two_meetings() -> None:
    call = report(1, "Гуфтугӯи телефонии Пешвои миллат бо Президенти Федератсияи Россия",
                  "Эмомалӣ Раҳмон бо Владимир Путин гуфтугӯи телефонӣ анҷом дод.",
                  lang="tg")  # fmt: skip
    session = report(2, "Пешвои миллат ҷаласаи Шӯрои амнияти Тоҷикистонро баргузор карданд",
                     "Эмомалӣ Раҳмон дар ҷаласа вазъи марзро баррасӣ кард.", hours=1,
                     lang="tg")  # fmt: skip
    assert call.reading.event == session.reading.event == "diplomacy"
    verdict = TELLER.grouper.compare(call, session)
    assert not verdict.same
    assert verdict.reasons[0].startswith("different events (consultations, session")


def test_two_reports_of_one_call_stay_one_story() -> None:
    first = report(1, "Putin, Rahmon discuss Afghan border in phone call",
                   "The presidents spoke by phone about the situation on the border.")  # fmt: skip
    second = report(2, "Путин и Рахмон провели телефонный разговор",
                    "Президенты обсудили обстановку на таджикско-афганской границе.", hours=1,
                    lang="ru")  # fmt: skip
    assert TELLER.grouper.compare(first, second).same


def test_remote_names_known_cue_groups() -> None:
    raw = {
        "fallback": {"event": "diplomacy", "casualties": "diplomacy"},
        "events": [{"id": "diplomacy", "label": "D", "cues": [
            {"id": "consultations", "severity": 1, "aliases": ["by phone"]}]}],
        "numbers": {"killed": ["killed"], "wounded": ["wounded"], "people": ["people"],
                    "kg": {"kg": 1.0}},
        "remote": ["diplomacy/telepathy"],
    }  # fmt: skip
    with pytest.raises(ConfigError, match="remote: unknown cue group 'diplomacy/telepathy'"):
        parse_vocabulary(raw, "events.yaml")
