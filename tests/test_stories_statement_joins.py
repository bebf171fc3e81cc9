"""Which stories calls and statements join. A phone call between leaders is that call
(events.yaml `remote`, `distinct`): not the reservists one of them sends to the border that
day, not a Security Council session. The accused side's word on an attack is part of the
attack's story (`statements.answering`, `statements.idle`)."""

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


def test_a_call_and_one_sides_word_the_next_morning_are_two_events() -> None:
    """The call is that conversation; a party's word on its own, told only as speech, is
    another event (`distinct`: [consultations, session, said])."""
    call = report(1, "Putin, Rahmon discuss Afghan border in phone call",
                  "The presidents spoke by phone about the situation on the border.")  # fmt: skip
    word = report(2, "Kremlin says Russia has no plans to send troops to Afghanistan",
                  "The Kremlin spokesman told reporters Russia would help Tajikistan.",
                  hours=16)  # fmt: skip
    assert word.reading.event == "diplomacy", word.reading.cues
    verdict = TELLER.grouper.compare(call, word)
    assert not verdict.same
    assert verdict.reasons[0].startswith("different events (consultations, said")


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


ATTACK = ("Two Chinese workers killed in attack from Afghanistan on Tajik border",
          "Gunmen fired from the Afghan side at a mining camp in Darvaz, killing two Chinese "
          "nationals, Tajikistan's foreign ministry said.")  # fmt: skip


def test_the_accused_sides_word_on_an_attack_is_part_of_its_story() -> None:
    """The Taliban regret or investigate an attack from their side: their answer is the
    attack's story (statements.answering), a third party's condemnation stays its own."""
    attack = report(1, *ATTACK)
    answer = report(2, "اسلامي امارت د درواز پېښې په اړه څېړنه پیل کړې",
                    "د اسلامي امارت د بهرنیو چارو وزارت وايي د تاجکستان پر پوله پېښه "
                    "څېړي.", hours=5, lang="ps")  # fmt: skip
    third = report(3, "Russia's foreign ministry concerned by attacks on Chinese in Tajikistan",
                   "Moscow called for calm on the Tajik-Afghan border.", hours=6)  # fmt: skip
    assert answer.reading.event == "diplomacy", answer.reading.cues
    assert TELLER.grouper.answers(attack, answer)
    verdict = TELLER.grouper.compare(attack, answer)
    assert verdict.same and "the accused side answers" in verdict.reasons
    assert not TELLER.grouper.answers(attack, third)
    assert not TELLER.grouper.compare(attack, third).same


def test_an_assurance_alone_or_the_sides_own_news_is_no_answer() -> None:
    attack = report(1, *ATTACK)
    assurance = report(2, "Taliban: we pose no threat to Tajikistan",
                       "The Taliban said Afghan soil will not be used against neighbours.",
                       hours=4)  # fmt: skip
    troops = report(3, "Taliban send hundreds of fighters to Tajik border in Badakhshan",
                    "The Taliban deployed reinforcements to the border.", hours=8)  # fmt: skip
    before = report(4, "Taliban regret the incident on the Tajik border", "", hours=-3)
    assert assurance.reading.event == "diplomacy", assurance.reading.cues
    assert not TELLER.grouper.answers(attack, assurance)
    assert troops.reading.event == "deployment"
    assert not TELLER.grouper.answers(attack, troops)
    assert not TELLER.grouper.answers(attack, before)  # an answer follows what it answers


def test_a_report_enters_a_story_by_the_storys_own_event() -> None:
    """Fighting in Khorog, then its ceasefire (compatible with the fighting), then forces
    sent to Khorog: forces sent are compatible with a visit (diplomacy), not with a clash,
    so the ceasefire member is no way in for them."""
    fighting = report(1, "Heavy fighting in Khorog, dozens killed",
                      "Government troops fought armed men in Khorog, Gorno-Badakhshan; 42 "
                      "people were killed.")  # fmt: skip
    ceasefire = report(2, "Хорог: власти объявили о прекращении огня",
                       "Правительство Таджикистана объявило о прекращении огня в Хороге, "
                       "центре ГБАО.", hours=14, lang="ru")  # fmt: skip
    again = report(4, "Боевые действия в Хороге: десятки погибших",
                   "В Хороге, центре ГБАО, правительственные войска вступили в бой с "
                   "вооруженными людьми.", hours=2, lang="ru")  # fmt: skip
    troops = report(3, "Additional troops sent to Khorog",
                    "Tajikistan sent reinforcements and armoured vehicles to Khorog.",
                    hours=20)  # fmt: skip
    assert (ceasefire.reading.event, troops.reading.event) == ("diplomacy", "deployment")
    stories = TELLER.group([fighting, again, ceasefire, troops])
    together = {r.key: s.key for s in stories for r in s.reports}
    assert together[1] == together[4] == together[2]
    assert together[3] != together[1]


def test_a_denial_of_an_attack_joins_the_claim_it_denies() -> None:
    """A claim of rockets fired, then the border troops' denial the next morning: one story
    (statements.denials); the denial gains only after a report that does not deny."""
    claim = report(1, "داعش مدعی شلیک راکت از ولایت تخار به خاک تاجیکستان شد",
                   "شاخه خراسان گروه داعش ادعا کرد که از ولایت تخار به سوی تاجیکستان راکت "
                   "شلیک کرده است.", lang="fa")  # fmt: skip
    denial = report(2, "Пограничники Таджикистана опровергли сообщения об обстреле из Тахара",
                    "В погранвойсках заявили, что ни один снаряд на территорию республики "
                    "не упал.", hours=13, lang="ru")  # fmt: skip
    assert claim.reading.event == denial.reading.event == "attack"
    verdict = TELLER.grouper.compare(claim, denial)
    assert verdict.same and "denies it" in verdict.reasons, verdict
    again = report(3, "Таджикистан опроверг сообщения об обстреле со стороны Тахара",
                   "Информация не соответствует действительности.", hours=14,
                   lang="ru")  # fmt: skip
    assert "denies it" not in TELLER.grouper.compare(denial, again).reasons
