"""Stories: commentary and statements that retell an event with its event words.

A feature's title frames the event it names ("what it means", "tests ties", "почему", "چرا"),
asks who, why or what, or opens with "how" or "from … to …": it reads as analysis, however
many event words it has. Plural events
over a span ("two firefights in as many months") lean to commentary without deciding. A title
with a stance on violence (concern, condolences, condemnation, blame, help offered) is the
statement (diplomacy), not the violence. A title that gives its own toll stays the report,
whoever tells it ("MFA: three Chinese killed in attack"). In every supported language, with
the news beside each rule.
"""

from __future__ import annotations

import pytest
from story_support import read, tiny_vocabulary

from monitor.errors import ConfigError
from monitor.stories.vocabulary import parse_vocabulary


@pytest.mark.parametrize(
    "title",
    [
        "Drone strikes on the Panj: what it means for Dushanbe",
        "Border shootings test ties between Dushanbe and the Taliban",
        "Heroin smugglers grow bolder on the Panj",
        "Rocket claims and a jittery frontier in Khatlon",
        "Kunduz fighting stirs fears in southern Tajikistan",
        "Почему на афганской границе снова гремят перестрелки",
        "Нападения у Пянджа: кому выгодно обострение",
        "Чаро дар марзи Афғонистон задухӯрдҳо идома доранд",
        "چرا حملات بر مرزبانان تاجیک ادامه دارد",
        "پر پوله نښتې: څه معنا لري",
        "Shelling of Termez explained: why it matters for Tashkent",
        "Что стоит за обстрелами заставы в Пяндже",
        "Нуқтаи назар: задухӯрдҳои марзӣ ва Толибон",
        "نگاهی به درگیری‌های مرزی تاجیکستان و طالبان",
        "د پولې نښتې او د سیمې ننګونې",
    ],
)
def test_a_framed_title_is_commentary_whatever_event_it_names(title: str) -> None:
    reading = read(title)
    assert reading.event == "analysis", reading.cues
    assert reading.severity == 0


@pytest.mark.parametrize(
    "title",
    [
        "Who fired the rockets at the Tajik border post?",
        "Кто обстрелял заставу в Шуробаде?",
        "Кӣ ба коргарони чинӣ ҳамла кард?",
        "چه کسی به کارگران چینی حمله کرد؟",
        "څوک پر چینايي کارګرانو برید کوي؟",
    ],
)
def test_a_title_that_asks_who_or_why_is_commentary(title: str) -> None:
    assert read(title).event == "analysis", read(title).cues


@pytest.mark.parametrize(
    "title",
    [
        "Panj corridor: how heroin routes shift after the opium ban",
        "Бадахшанский коридор: как меняется наркотрафик после запрета",
        "Марзи Панҷ: чӣ тавр қочоқи маводи мухаддир тағйир ёфт",
        "دهلیز بدخشان: چگونه قاچاق مواد مخدر تغییر کرد",
        "From Khorog to Rushan: ten years of shootings in the Pamirs",
        "От Хорога до Рушана: десять лет перестрелок на Памире",
        "Соли гузашта дар марз: аз гуфтушунид то ҳамлаҳо",
        "تاجیکستان و طالبان: از درگیری مرزی تا تجارت",
        "له درگیرۍ تر سوداګرۍ: د تاجکستان او طالبانو اړیکې",
    ],
)
def test_a_title_opening_with_how_or_from_to_is_commentary(title: str) -> None:
    assert read(title).event == "analysis", read(title).cues


@pytest.mark.parametrize(
    ("title", "event"),
    [
        # "how" and "from … to" inside a report do not open it
        ("Guards describe how militants attacked their post in Darvaz", "attack"),
        ("Heroin seized on its way from Afghanistan to Russia", "smuggling"),
        # a toll of its own: the report, however it is framed
        ("Two guards killed in attack on Panj post: what it means", "attack"),
        ("Почему погибли трое пограничников: нападение на заставу в Шуробаде", "attack"),
        # a question after the news is its teaser
        ("Militants attack a border post in Darvaz. Who is behind it?", "attack"),
        # a question that asks nothing (a rumour checked) is not commentary
        ("Перестрелка на заставе Айвадж?", "clash"),
    ],
)
def test_news_stays_news_beside_a_frame_or_a_question(title: str, event: str) -> None:
    assert read(title).event == event, read(title).cues


@pytest.mark.parametrize(
    "title",
    [
        "Second attack on Chinese workers in a week kills two in Darvaz",
        "Second deadly attack on Chinese workers in a week",
        "Ҳамлаи дуюм дар як ҳафта: ду шаҳрванди Чин кушта шуд",
        "دومین حمله بر کارگران چینی در یک هفته",
    ],
)
def test_a_trend_in_the_title_alone_decides_nothing(title: str) -> None:
    assert read(title).event == "attack", read(title).cues


@pytest.mark.parametrize(
    ("title", "lead"),
    [
        ("Rivers of gold and trouble", "Two firefights in Darvaz in as many months point to a "
         "new source of tension between the banks."),
        ("Неспокойный Пяндж", "За месяц два нападения на граждан Китая и бой на заставе."),
        ("Дарёи тилло ва ташвиш", "Дар як моҳ ду ҳамла ба шаҳрвандони Чин рух дод."),
        ("رود طلا و دردسر", "دو حمله در یک ماه بر اتباع چینی در مرز رخ داد."),
        ("د سرو زرو سیند", "په یوه میاشت کې دوه بریدونه پر چینايي کارګرانو وشول."),
    ],
)  # fmt: skip
def test_a_lead_that_tells_a_trend_under_a_bare_title_is_commentary(title: str, lead: str) -> None:
    reading = read(title, lead)
    assert reading.event == "analysis", reading.cues
    assert any(cue.endswith("a trend") for cue in reading.cues)


@pytest.mark.parametrize(
    "title",
    [
        "Beijing concerned by attacks on its citizens near the Afghan frontier",
        "Kabul condemns attack on Tajik border post",
        "Tashkent blames militants for the shelling of Termez",
        "Москва выразила соболезнования в связи с нападением на заставу",
        "МИД Узбекистана обеспокоен обстрелами на таджикско-афганской границе",
        "Душанбе аз ҳамлаҳо ба марзбонон изҳори нигаронӣ кард",
        "کابل حمله بر پاسگاه مرزی تاجیکستان را تقبیح کرد",
        "کابل پر تاجک پوله برید وغانده",
        # involvement denied or claimed, advice to citizens, a call about the attack
        "Dushanbe says the Moscow attack is not linked to Tajik citizens",
        "МИД отверг сообщения о причастности таджикистанцев к нападению",
        "Сафорати Чин ба шаҳрвандон тавсия дод, ки минтақаи ҳамларо тарк кунанд",
        "سفارت به اتباع خود توصیه کرد پس از حمله منطقه مرزی را ترک کنند",
        "Рахмон и Мирзиёев обсудили по телефону обстрел Термеза",
    ],
)
def test_a_stance_on_violence_is_a_statement(title: str) -> None:
    reading = read(title)
    assert reading.event == "diplomacy", reading.cues
    assert reading.severity == 1


@pytest.mark.parametrize(
    ("title", "lead", "event"),
    [
        # a first report through an official: its toll makes it the event
        ("MFA: three Chinese citizens killed in attack from Afghan territory", "", "attack"),
        ("МИД: при нападении с афганской территории погибли двое граждан КНР", "", "attack"),
        ("وزارت خارجه: سه تبعه چین در حمله از خاک افغانستان کشته شدند", "", "attack"),
        ("МИД: в Дарвазе убиты двое граждан КНР", "", "attack"),
        ("ВКХ: дар Дарвоз ду шаҳрванди Чин кушта шуданд", "", "attack"),
        ("China condemns attack that killed three Chinese workers in Darvaz", "", "attack"),
        # a stance in the lead of a toll is not the report's type
        ("Two killed as troops fire on protesters in Khorog",
         "Residents had gathered to demand an investigation into the killing of a local man.",
         "attack"),
    ],
)  # fmt: skip
def test_a_report_with_its_own_toll_stays_the_event(title: str, lead: str, event: str) -> None:
    assert read(title, lead).event == event, read(title, lead).cues


def test_commentary_and_statements_name_known_cue_groups() -> None:
    frames = {"cue": "analysis/commentary", "frames": ["analysis/frame"]}
    with pytest.raises(ConfigError, match="commentary: unknown cue group 'analysis/frame'"):
        parse_vocabulary(tiny_vocabulary(commentary=frames), "events.yaml")
    stances = {"stances": ["attack/strike"], "about": ["riot"]}
    with pytest.raises(ConfigError, match="statements: unknown event type 'riot'"):
        parse_vocabulary(tiny_vocabulary(statements=stances), "events.yaml")


def test_a_vocabulary_without_commentary_reads_as_before() -> None:
    from monitor.stories.reading import Reader

    reader = Reader(parse_vocabulary(tiny_vocabulary(), "events.yaml"))
    assert reader.read("Opinion: why the attack happened", "").event == "analysis"
    assert reader.read("Border post attack: what it means", "").event == "attack"


@pytest.mark.parametrize(
    ("title", "event"),
    [
        # news with no cue was the fallback's analysis: forces on alert, a district fully taken
        ("Uzbekistan tightens security on its border after Kunduz fighting", "deployment"),
        ("Пограничники переведены на усиленный режим: усилена охрана границы", "deployment"),
        ("Марзбонон дар ҳолати омодабош қарор доранд", "deployment"),
        ("Taliban claim full control of Kunduz province", "clash"),
        ("Талибы заявили о полном контроле над Кундузом", "clash"),
    ],
)
def test_news_without_a_frame_is_not_the_fallbacks_analysis(title: str, event: str) -> None:
    assert read(title).event == event, read(title).cues


@pytest.mark.parametrize(
    "title",
    [
        "A Drone Over the Panj: What the Attack on Chinese Workers Means for Tajikistan",
        "What the border post attack means for Dushanbe's ties with Kabul",
        "Tajikistan: Questions mount over deadly border post attack",
        "Ҳамла ба посгоҳи сарҳадӣ: саволҳои бе посух",
        "Нападение на заставу: вопросы без ответа",
        "Afghan refugees in Tajikistan fear fallout from the Darvaz attack",
    ],
)
def test_what_it_means_and_open_questions_are_commentary(title: str) -> None:
    """A title opening (or going on after its colon) with "What …", or asking questions, is
    a piece about the event, not a report of it."""
    reading = read(title)
    assert reading.event == "analysis", reading.cues


def test_a_single_question_on_the_agenda_is_no_commentary() -> None:
    """Hard negative: a question on a meeting's agenda frames nothing."""
    reading = read("Taliban, Tajik officials discuss the question of trade at Ishkashim")
    assert reading.event == "diplomacy", reading.cues
    assert not any(cue.startswith("analysis/") for cue in reading.cues), reading.cues


@pytest.mark.parametrize(
    ("title", "outlet"),
    [
        ("Islamic State claims rocket attack on Tajikistan", "Jamestown Foundation"),
        ("Taliban fighters reach the Tajik border in Badakhshan", "The Diplomat"),
        ("Taliban fighters reach the Tajik border in Badakhshan", "thediplomat"),
        ("Талибы у ворот: готова ли Центральная Азия", "Московский центр Карнеги"),
        ("Islamic State claims rocket attack on Tajikistan - Crisis Group", ""),
        ("Tajikistan reinforces its Afghan border - CACI Analyst", "Google News"),
    ],
)  # fmt: skip
def test_a_report_of_a_publisher_of_analysis_is_commentary(title: str, outlet: str) -> None:
    """Think tanks and analysis journals publish analysis, whatever event the title names:
    their feed's name, or the publisher a search feed ends the title with, says so."""
    reading = read(title, "", outlet=outlet)
    assert reading.event == "analysis", reading.cues
    assert reading.severity == 0
    assert any(c.startswith("analysis/commentary: ") for c in reading.cues), reading.cues


@pytest.mark.parametrize(
    ("title", "outlet", "event"),
    [
        ("Islamic State claims rocket attack on Tajikistan", "Reuters", "attack"),
        ("Islamic State claims rocket attack on Tajikistan - Reuters", "Google News", "attack"),
        ("Islamic State claims rocket attack on Tajikistan", "Eurasianet", "attack"),
        ("Diplomat says border talks with the Taliban went well", "", "diplomacy"),
        ("Tajikistan condemns rocket attack from Afghanistan",
         "Ministry of Foreign Affairs of the Republic of Tajikistan", "diplomacy"),
    ],
)  # fmt: skip
def test_news_outlets_and_the_word_diplomat_read_as_before(
    title: str, outlet: str, event: str
) -> None:
    """Eurasianet and the wires publish news too; a diplomat in the title is no publisher, nor
    is a foreign ministry's feed (Foreign Affairs and Foreign Policy are not listed)."""
    assert read(title, "", outlet=outlet).event == event


@pytest.mark.parametrize(
    "title",
    [
        "Deadly drone strike lays bare the limits of Dushanbe's Taliban detente",
        "Russia's recognition of the Taliban leaves Tajikistan the odd one out",
        "Attack on Chinese workers underscores the risks on the Tajik-Afghan border",
    ],
)
def test_titles_that_lay_an_event_bare_are_commentary(title: str) -> None:
    assert read(title).event == "analysis", read(title).cues


def test_a_publisher_with_a_hyphen_in_its_name_ends_a_search_title() -> None:
    """The " - Publisher" of a search feed's title is what follows its last spaced dash, so a
    hyphen inside the name ("Central Asia-Caucasus Analyst") is part of it."""
    reading = read("Tajikistan reinforces its Afghan border - Central Asia-Caucasus Analyst")
    assert "analysis/commentary: Central Asia-Caucasus Analyst" in reading.cues, reading.cues
