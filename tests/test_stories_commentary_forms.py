"""Stories: forms of commentary and statements beyond frame words (real headlines).

A head that only pairs names before the title's colon ("Tajikistan and the Taliban: …") heads
a feature on the pair; a lead that says the piece is analysis ("analysts say", "разбираемся",
"коршиносон мегӯянд", "کارشناسان می‌گویند", "شنونکي وايي") makes it commentary; a question
that weighs two answers ("… or …?") asks; justice demanded and involvement denied are
statements. A toll in the title keeps each a report, and a head that names the event is news.
"""

from __future__ import annotations

import pytest
from story_support import read, tiny_vocabulary

from monitor.errors import ConfigError
from monitor.stories.reading import Reader
from monitor.stories.vocabulary import parse_vocabulary


@pytest.mark.parametrize(
    "title",
    [
        "Tajikistan and the Taliban: A Cold Peace on the Panj",
        "Tajikistan and the Taliban: A War of Words on the Border",
        "Кундуз и Центральная Азия: реальная угроза или повод?",
        "Толибон ва Тоҷикистон: ҷанги лафзӣ ё таҳдиди воқеӣ?",
        "تاجیکستان و طالبان؛ دشمنی در حرف، همکاری در عمل؟",
        "طالبان او ګاونډیان: له پاکستان، ایران او تاجکستان سره پر پولو کړکېچ",
    ],
)
def test_a_head_pairing_names_heads_a_feature(title: str) -> None:
    reading = read(title)
    assert reading.event == "analysis", reading.cues
    assert reading.severity == 0


@pytest.mark.parametrize(
    ("title", "event"),
    [
        # the head names the event: the news of the pair
        ("درگیری مرزی تاجیکستان و قرقیزستان؛ ده‌ها کشته و زخمی", "clash"),
        ("د تاجکستان او قرغیزستان په پوله نښته؛ دوه تنه ووژل شول", "clash"),
        # a toll after the colon keeps it a report
        ("Tajikistan and Kyrgyzstan: two border guards killed in shootout", "clash"),
    ],
)
def test_a_paired_head_that_names_the_event_or_a_toll_stays_news(title: str, event: str) -> None:
    assert read(title).event == event, read(title).cues


@pytest.mark.parametrize(
    ("title", "summary"),
    [
        (
            "Islamic State taunts Central Asia with rocket claims",
            "Claims of rocket fire at Uzbekistan in April and Tajikistan this month, both "
            "denied, look more like a recruitment campaign than a military threat, analysts say.",
        ),
        (
            "Tajikistan: Drug Seizures Fall as Afghan Opium Output Hits Record",
            "Seizures on the Tajik-Afghan border keep falling even as the UN reports record "
            "Afghan poppy cultivation. Experts say the statistics say more about corruption.",
        ),
        (
            "Нападения на китайцев в Дарвазе и Шамсиддин Шохине",
            "Две атаки за месяц. Разбираемся, кто стоит за инцидентами на границе.",
        ),
        (
            "Ҳамла ба посгоҳи марзӣ дар Дарвоз",
            "Коршиносон мегӯянд, ки назорати марз заиф аст.",
        ),
        (
            "حمله به کارگران چینی در مرز تاجیکستان",
            "کارشناسان می‌گویند طالبان توان کنترل ولسوالی‌های مرزی را ندارند.",
        ),
        (
            "پر چینايي کارګرانو برید",
            "شنونکي وايي طالبانو ته د ګاونډیانو اعتماد ترلاسه کول ستونزمن دي.",
        ),
        (
            "Бегство афганских военных в Таджикистан",
            'Обозреватель "Ъ" — о том, почему бегство афганских военных стало сигналом для ОДКБ.',
        ),
    ],
)
def test_a_lead_that_says_it_is_analysis_makes_commentary(title: str, summary: str) -> None:
    reading = read(title, summary)
    assert reading.event == "analysis", reading.cues


def test_an_analysis_lead_does_not_outweigh_a_toll_in_the_title() -> None:
    reading = read(
        "Two Tajik border guards killed in attack from Afghanistan",
        "The attack came at dawn. Analysts say the border is poorly guarded.",
    )
    assert reading.event == "attack", reading.cues
    assert reading.severity == 3


@pytest.mark.parametrize(
    "title",
    [
        "Special report: Drug smuggling on the Tajik-Afghan border",
        "گزارش ویژه: قاچاق مواد مخدر در مرز تاجیکستان",
        "Нападение на заставу: версии и последствия",
        "Обстрел с афганской стороны: сигнал Душанбе или провокация?",
        "Taliban's northern offensive: implications for Central Asia",
        "Inside the Attack on Chinese Workers in Tajikistan",
        "Attacks on Chinese nationals put Beijing's Tajik ventures at risk",
        "درس‌های حمله به پاسگاه مرزی تاجیکستان",
    ],
)
def test_rubrics_frames_and_either_or_questions_are_commentary(title: str) -> None:
    assert read(title).event == "analysis", read(title).cues


@pytest.mark.parametrize(
    "title",
    [
        # an article opening the title or its part after the colon: headlines of news drop it
        "The CSTO's Afghan Border Problem",
        "The Ishkobod Attack and Central Asia's ISIS Problem",
        "Tajikistan: A jittery frontier as Taliban reach the Panj",
        "A Drone Over the Panj: the Attack on Chinese Workers and Tajikistan",
        # anniversaries recall the event
        "Ishkobod attack anniversary: families still wait for answers",
        "Годовщина нападения на заставу Ишкобод",
        "Солгарди ҳамла ба посгоҳи марзӣ",
        "سالگرد حمله به پاسگاه مرزی ایشکوبود",
        "د تاجکستان پر پوله د برید کلیزه",
        # an event that tests something is the evidence of a feature
        "Attacks on Chinese Workers Test the Taliban-Tajikistan Thaw",
        # moods of a feature: what lingers, piles up, looms
        "Tajikistan: Gifts pile up at the Afghan frontier",
        "Tajikistan: CASA-1000 Breaks Ground, But Questions Linger",
        "Central Asia: Russia's Taliban recognition leaves Tajikistan the odd one out",
    ],
)
def test_articles_anniversaries_and_tests_make_commentary(title: str) -> None:
    assert read(title).event == "analysis", read(title).cues


@pytest.mark.parametrize(
    ("title", "event"),
    [
        ("Чаро марз баста шуд? Гузаргоҳҳои Тоҷикистону Афғонистон муваққатан баста шуданд",
         "crossing"),
        ("Why again? Two Chinese workers killed in Darvaz attack", "attack"),
        ("چرا دوباره؟ گذرگاه شیرخان بندر بسته شد", "crossing"),
    ],
)  # fmt: skip
def test_a_question_then_the_news_is_a_teaser_of_the_news(title: str, event: str) -> None:
    assert read(title).event == event, read(title).cues


@pytest.mark.parametrize(
    "title",
    [
        # after the question, a head or an article: the feature goes on
        "Why Tajiks? The Crocus Attack and Central Asia's ISKP Problem",
        "Граница на замке? Как Таджикистан готовится к талибам",
        "Timeline: attacks on Chinese workers on the Tajik-Afghan border",
        "Border attack puts Tajikistan-China ties under scrutiny",
        "OPINION | Tajikistan's border attack and the limits of Taliban control",
        "Андеша: ҳамла ба посгоҳи марзӣ ва Толибон",
        # an expert who tells why is still commentary
        "Эксперт рассказал, почему ИГ целится в Таджикистан",
    ],
)
def test_a_question_going_on_as_a_feature_and_timelines_are_commentary(title: str) -> None:
    assert read(title).event == "analysis", read(title).cues


@pytest.mark.parametrize(
    ("title", "event"),
    [
        # "what we know" explains the news: the report of the event
        ("Deadly Attack On Tajik Border Post: What We Know", "attack"),
        ("Перестрелка в Шамсиддин Шохине: что известно", "clash"),
        # an article beside a killed word: the toll is the news
        ("The death toll in the terrorist attack at Crocus City Hall has risen to 115", "attack"),
    ],
)
def test_explainers_and_tolls_stay_the_news(title: str, event: str) -> None:
    assert read(title).event == event, read(title).cues


@pytest.mark.parametrize(
    "title",
    [
        "Tajikistan demands Taliban punish those behind border attack",
        "Душанбе потребовал от талибов наказать виновных в нападении",
        "Вазорати корҳои хориҷӣ аз Толибон талаб кард, ки айбдоронро ҷазо диҳанд",
        "چین از طالبان خواست عاملان حملات مرزی را مجازات کنند",
        "سخنگوی طالبان: حمله به پاسگاه مرزی تاجیکستان کار ما نیست",
        "تاجکستان له طالبانو وغوښتل چې د برید عاملین مجازات کړي",
    ],
)
def test_justice_demanded_or_involvement_denied_is_a_statement(title: str) -> None:
    reading = read(title)
    assert reading.event == "diplomacy", reading.cues
    assert reading.severity == 1


@pytest.mark.parametrize(
    ("title", "event"),
    [
        ("Лукашенко рассказал, почему террористы не смогли зайти в Беларусь", "diplomacy"),
        ("Tajikistan says it could take in up to 100,000 Afghan refugees", "crossing"),
    ],
)
def test_an_analysis_word_in_what_a_speaker_said_is_what_was_said(title: str, event: str) -> None:
    reading = read(title)
    assert reading.event == event, reading.cues
    assert any(cue.endswith("(reported)") for cue in reading.cues)


@pytest.mark.parametrize(
    "title",
    [
        "Russia voices support for Tajikistan after border attack",
        "Россия выразила поддержку Таджикистану после нападения на заставу",
    ],
)
def test_support_voiced_after_an_attack_is_a_statement(title: str) -> None:
    assert read(title).event == "diplomacy", read(title).cues


def test_a_demand_with_its_own_toll_is_the_report() -> None:
    reading = read("Tajikistan demands Taliban punish those behind attack that killed 2 guards")
    assert reading.event == "attack", reading.cues


def _raw(**commentary: object) -> dict[str, object]:
    frames = {"cue": "analysis/commentary", "frames": ["analysis/commentary"]}
    return tiny_vocabulary(commentary={**frames, **commentary})


def _reader(**commentary: object) -> Reader:
    return Reader(parse_vocabulary(_raw(**commentary), "events.yaml"))


def test_pairs_leads_articles_explainers_are_configured_not_built_in() -> None:
    bare = _reader()
    configured = _reader(pairs=["and"], leads=["analysts say"])
    paired = "Tajikistan and the Taliban: the attack on the post"
    lead = ("The attack on the post", "The post was hit at dawn. Analysts say it was a test.")
    assert bare.read(paired, "").event == "attack"
    assert bare.read(*lead).event == "attack"
    assert configured.read(paired, "").event == "analysis"
    assert configured.read(*lead).event == "analysis"
    article = "The attack on the Panj post"
    assert bare.read(article, "").event == "attack"
    assert _reader(articles=["the"]).read(article, "").event == "analysis"
    explained = "Border post attack: what we know"
    assert _reader(heads=["what"]).read(explained, "").event == "analysis"
    assert _reader(heads=["what"], explainers=["what we know"]).read(explained, "").event == (
        "attack"
    )
    with pytest.raises(ConfigError, match="pairs"):
        parse_vocabulary(_raw(pairs="and"), "events.yaml")
