"""Stories: statements in every language, words of two senses, rubrics of commentary.

An assurance to neighbours ("Afghan soil will not be used against Tajikistan", "ګواښ نشته"), a
condemnation in any form of its verb, a call for restraint are statements (diplomacy), and the
violence they name is their subject; a title with a toll of its own stays the report. Tajik
нишаст and Persian نشست are a session, but "landed" after an aircraft. A title under a rubric
of commentary ("گفت‌وگو: «…»", "Interview: …") is analysis, while "گفت‌وگوی دو وزیر" is talks.
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
        # assurances to neighbours
        "Taliban say Afghan soil will not be used against Tajikistan",
        "Талибы: Афганистан не представляет угрозы для соседей",
        "Толибон: аз хоки Афғонистон бар зидди ҳамсояҳо истифода намешавад",
        "سخنگوی طالبان: افغانستان برای تاجیکستان تهدیدی نیست",
        "وزارت دفاع: اجازه نمی‌دهیم از خاک افغانستان علیه تاجیکستان استفاده شود",
        "مجاهد: له افغان خاورې تاجکستان ته ګواښ نشته",
        # condemnation in the perfect and past forms of the Pashto verb
        "کابل پر تاجک پوله پر چینايي کارګرانو برید غندلی",
        "بهرنیو چارو وزارت پر پوله برید وغندل",
        # a call for restraint after violence
        "UN urges restraint after deadly clash on Tajik-Afghan border",
        "ООН призвала стороны к сдержанности после перестрелки на границе",
        "Созмони Милал тарафҳои задухӯрдро ба худдорӣ даъват кард",
        "سازمان ملل طرفین درگیری مرزی را به خویشتنداری فراخواند",
        # an offer of support
        "UNHCR ready to support Tajikistan if fighting drives refugees to the border",
    ],
)
def test_assurances_condemnations_and_calls_are_statements(title: str) -> None:
    reading = read(title)
    assert reading.event == "diplomacy", reading.cues
    assert reading.severity == 1


@pytest.mark.parametrize(
    ("title", "event"),
    [
        # a title with its own toll is the report, whoever speaks in it
        ("Two guards killed on Panj border; Taliban say Afghanistan poses no threat", "attack"),
        ("دو مرزبان تاجیک کشته شدند؛ طالبان: افغانستان تهدیدی نیست", "attack"),
        ("د تاجکستان په پوله درې سرتېري ووژل شول؛ طالبان: ګواښ نشته", "attack"),
        # no stance: the attack reported
        ("د تاجکستان په پوله پر چینايي کارګرانو برید وشو", "attack"),
    ],
)
def test_a_toll_or_no_stance_keeps_the_report_of_the_event(title: str, event: str) -> None:
    assert read(title).event == event, read(title).cues


@pytest.mark.parametrize(
    ("title", "event"),
    [
        # landed: the aircraft before the verb that ends the clause
        ("Ҳавопаймои низомии Афғонистон бо 90 нафар дар фурудгоҳи Кӯлоб нишаст", "crossing"),
        ("Ду чархболи Афғонистон дар Тоҷикистон нишастанд", "crossing"),
        ("طیاره نظامی افغانستان با ۸۰ سرباز در میدان هوایی کولاب نشست", "crossing"),
        ("یک فروند هواپیمای افغان در تاجیکستان فرود آمد", "crossing"),
        ("Ҳавопаймои Афғонистон дар Бохтар фуруд омад", "crossing"),
        ("Afghan military plane makes emergency landing in Tajikistan", "crossing"),
        # a session: no aircraft before it, or the aircraft is what the session is about
        ("Вазирони корҳои хориҷӣ дар нишасти Душанбе амнияти марзро баррасӣ карданд", "diplomacy"),
        ("Нишаст дар бораи хариди ҳавопаймоҳо барои марзбонон", "diplomacy"),
        ("نشست وزیران خارجه کشورهای همسایه افغانستان در دوشنبه", "diplomacy"),
    ],
)  # fmt: skip
def test_a_word_of_two_senses_reads_by_the_words_before_it(title: str, event: str) -> None:
    assert read(title).event == event, read(title).cues


@pytest.mark.parametrize(
    ("title", "event"),
    [
        ("گفت‌وگو: «طالبان توان مهار گروه‌های مسلح در بدخشان را ندارند»", "analysis"),
        ("مرکه: د تاجکستان پر پوله بریدونه او د طالبانو توان", "analysis"),
        ("Interview: the Taliban cannot police the whole Panj", "analysis"),
        ("Мусоҳиба: ҳамлаҳо дар марз ва нақши Толибон", "analysis"),
        # the word of a rubric inside a title is no rubric
        ("گفت‌وگوی وزیران خارجه تاجیکستان و افغانستان در دوشنبه", "diplomacy"),
        ("وزیر خارجه در گفت‌وگو با همتای تاجیک: مرز امن است", "diplomacy"),
    ],
)
def test_a_rubric_before_the_colon_is_commentary(title: str, event: str) -> None:
    assert read(title).event == event, read(title).cues


def test_forces_sent_in_pashto_present_tense_are_a_deployment() -> None:
    reading = read("ازبکستان د افغانستان پولې ته زر سرتېري لېږي")
    assert reading.event == "deployment", reading.cues


def _raw(**extra: object) -> dict[str, object]:
    return {
        "fallback": {"event": "analysis", "casualties": "crossing"},
        "events": [
            {"id": "crossing", "label": "Crossing", "cues": [
                {"id": "landing", "severity": 2, "aliases": ["landed"]}]},
            {"id": "diplomacy", "label": "Diplomacy", "cues": [
                {"id": "session", "severity": 1, "aliases": ["sat"]}]},
            {"id": "analysis", "label": "Analysis", "cues": [
                {"id": "commentary", "severity": 0, "aliases": ["opinion"]}]},
        ],
        "numbers": {"killed": ["killed"], "wounded": ["wounded"], "people": ["people"],
                    "kg": {"kg": 1}},
        **extra,
    }  # fmt: skip


def test_senses_name_known_cue_groups_and_read_by_the_words_before() -> None:
    bad = {"cue": "diplomacy/session", "reads": "crossing/arrival", "near": ["plane"]}
    with pytest.raises(ConfigError, match="senses: unknown cue group 'crossing/arrival'"):
        parse_vocabulary(_raw(senses=[bad]), "events.yaml")
    sense = {"cue": "diplomacy/session", "reads": "crossing/landing", "near": ["plane"]}
    reader = Reader(parse_vocabulary(_raw(senses=[sense]), "events.yaml"))
    assert reader.read("The plane sat in Kulob", "").event == "crossing"
    assert reader.read("The ministers sat in Kulob to discuss a plane", "").event == "diplomacy"
    assert reader.read("The plane was bought. The ministers sat", "").event == "diplomacy"


@pytest.mark.parametrize(
    ("title", "event"),
    [
        # readiness, assurance, monitoring and appeals told in other words
        ("ОДКБ заявила о готовности помочь Душанбе в случае угрозы с юга", "diplomacy"),
        ("Талибы заверили Душанбе, что не угрожают соседям", "diplomacy"),
        ("Moscow closely monitoring the situation on the Tajik border", "diplomacy"),
        ("OSCE calls on Dushanbe and Kabul to settle the river dispute", "diplomacy"),
        ("Посольство предупредило граждан об опасности у границы", "diplomacy"),
        ("Tajik and Afghan officials sign border trade protocol", "diplomacy"),
        # a closure, a crossing and fighting told in Pashto and Tajik forms
        ("شېرخان بندر لا هم تړلی دی", "crossing"),
        ("Панҷсад сарбози афғон ба қаламрави Тоҷикистон убур карданд", "crossing"),
        ("د بدخشان په شاوخوا کې سختې جګړې روانې دي", "clash"),
        ("Афганские силы начали операцию по освобождению Файзабада", "clash"),
    ],
)
def test_statements_closures_and_fighting_in_their_other_forms(title: str, event: str) -> None:
    assert read(title).event == event, read(title).cues


@pytest.mark.parametrize(
    ("title", "lead", "event"),
    [
        # a city retaken or its flag raised: a takeover
        ("Нерӯҳои амниятӣ шаҳрро бозпас гирифтанд", "", "clash"),
        ("Суқути шаҳри Файзобод: Толибон маркази вилоятро гирифтанд", "", "clash"),
        ("نیروهای دولتی شهر فیض‌آباد را دوباره پس گرفتند", "", "clash"),
        ("Taliban fighters raised their flag over the governor's office", "", "clash"),
        ("Afghan military plane carrying 90 forced to land in Tajikistan", "", "crossing"),
        # a building (ساختمان) is no aid built ("ساخت")
        ("طالبان در فیض‌آباد", "جنگجویان طالبان در برابر ساختمان ولایت جمع شدند.", "analysis"),
        ("تاجیکستان با ساخت یک پاسگاه مرزی جدید موافقت کرد", "", "aid"),
    ],
)
def test_takeovers_and_landings_in_their_other_forms(title: str, lead: str, event: str) -> None:
    assert read(title, lead).event == event, read(title, lead).cues


@pytest.mark.parametrize(
    ("title", "event"),
    [
        # a weekly roundup recalls its events: commentary
        ("Главное за неделю: обстрел заставы, визит в Кабул и резервисты", "analysis"),
        ("د اونۍ لنډیز: پر پوله برید او د کابل غبرګون", "analysis"),
        ("مرور هفته: حمله بر مرزبانان و سفر وزیر خارجه", "analysis"),
        # what follows "in response to" is the cause, not the event
        ("در واکنش به حمله مرزی، تاجیکستان نیروهای بیشتری به بدخشان فرستاد", "deployment"),
    ],
)
def test_roundups_are_commentary_and_a_response_follows_its_cause(title: str, event: str) -> None:
    assert read(title).event == event, read(title).cues
