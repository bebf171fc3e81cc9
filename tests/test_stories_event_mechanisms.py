"""Stories: event types of real coverage (session 10, read11).

Who is fought decides the type (violence against smugglers is smuggling); quote marks inside
a cue of several words; Russian verb cues in their person forms; demining is aid, not a blast;
food parcels are aid; assurances of no threat in the future tense. Hard negatives beside each.
"""

from __future__ import annotations

import pytest
from story_support import TELLER, read, report


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


@pytest.mark.parametrize(
    "title",
    [
        "Pakistan will not accept more Afghan refugees, minister tells parliament",
        "Islamabad rules out opening border for fresh Afghan refugee influx",
        "Песков: Россия не планирует направлять войска в Афганистан",
        "UNHCR urges Afghanistan's neighbours to keep borders open",
        "ملګري ملتونه: ګاونډي هېوادونه دې پولې افغانانو ته خلاصې وساتي",
        "ایران مهاجران جدید افغان را نمی‌پذیرد",
        "Тоҷикистон гурезагони навро қабул намекунад",
    ],
)
def test_a_policy_ruled_out_or_asked_for_is_a_statement(title: str) -> None:
    reading = read(title)
    assert reading.event == "diplomacy", reading.cues


@pytest.mark.parametrize(
    "title",
    [
        "Pakistan closes Torkham crossing to Afghan refugees",
        "Тысячи беженцев перешли границу Таджикистана",
        "Iran deports hundreds of Afghan migrants",
    ],
)
def test_a_crossing_that_happens_stays_a_crossing(title: str) -> None:
    assert read(title).event == "crossing"


@pytest.mark.parametrize(
    "title",
    [
        "Кабулов рассказал об угрозе со стороны ИГ у границ Центральной Азии",
        "Toliblar Oʻzbekistondan harbiy samolyotlarni qaytarishni talab qilmoqda",
        "طالبان خواستار بازگرداندن هواپیماهای نظامی از ازبکستان شدند",
        "Зоҳир Ағбар гуфт, ки Масъуд дар Тоҷикистон нест",
        "Tajik official says Dushanbe keeps its word on the border programme",
        "مجاهد وايي د تاجکستان سره اړیکې ښې دي",
    ],
)
def test_a_title_that_only_says_someone_spoke_is_a_statement(title: str) -> None:
    reading = read(title)
    assert reading.event == "diplomacy", reading.cues
    assert any(c.endswith("(spoken)") for c in reading.cues)


def test_speech_in_the_lead_or_beside_an_event_decides_nothing() -> None:
    # "said" is in every lead: it never outweighs what the report tells
    assert read("Border post renovated in Ishkashim", "Officials said the work ended.").event != (
        "diplomacy"
    )
    assert read("Tajikistan says attackers killed two guards at Panj post").event == "attack"
    assert read("Afghans return from Iran, officials say").event == "crossing"


@pytest.mark.parametrize(
    "title",
    [
        "بازگشت بیش از سه هزار مهاجر از ایران در یک روز",
        "Thousands of Afghans return from Iran via Islam Qala",
        "له ایرانه د زرګونو افغانانو راستنېدل",
    ],
)
def test_migrants_returning_are_a_crossing(title: str) -> None:
    assert read(title).event == "crossing"


@pytest.mark.parametrize(
    "title",
    [
        "Пять погибших за неделю: что происходит на таджикско-афганской границе",
        "Three killed in a month: why the Panj border keeps bleeding",
    ],
)
def test_a_toll_summed_over_a_span_under_a_frame_is_commentary(title: str) -> None:
    reading = read(title)
    assert reading.event == "analysis", reading.cues
    assert reading.severity == 0


def test_a_toll_under_a_frame_without_a_span_stays_news() -> None:
    assert read("Two guards killed in attack on Panj post: what it means").event == "attack"
    assert read("Двое пограничников погибли на Пяндже: что известно").event == "attack"


@pytest.mark.parametrize(
    "title",
    [
        "Tajikistan: Deadly attack on Chinese workers exposes border's soft underbelly",
        "Chinese mining camps on the Panj are soft targets",
        "Нападение в Зарбузе: кому мешают китайские золотодобытчики",
        "Afghan border: questions linger over deadly post attack",
    ],
)
def test_commentary_frames_of_exposure_and_doubt(title: str) -> None:
    assert read(title).event == "analysis"


@pytest.mark.parametrize(
    ("title", "event"),
    [
        ("Россия официально признала правительство талибов", "diplomacy"),
        ("Rossiya Tolibon hukumatini rasman tan oldi", "diplomacy"),
        ("Russia formally recognises the Taliban government", "diplomacy"),
        ("Гуфтушунидҳои марзии Тоҷикистону Қирғизистон идома ёфтанд", "diplomacy"),
        ("Лидеры стран ОДКБ обсудят укрепление таджикско-афганской границы", "diplomacy"),
        ("Телефонсуҳбат бо Котиби генералии СААД", "diplomacy"),
        ("Over 300 tons of fruit exported to Tajikistan via Sher Khan Bandar", "crossing"),
    ],
)
def test_diplomatic_and_trade_wording_in_its_forms(title: str, event: str) -> None:
    assert read(title).event == event


@pytest.mark.parametrize(
    "title",
    [
        "Tajikistan and the Taliban: Pragmatism at the Border",
        "Tajikistan Fights on Two Fronts",
        "Afghanistan's Collapse: Central Asia's Uneasy Wait",
        "Shootings on the Panj highlight a deadly, little-watched frontier",
        "Душанбе и талибы: прагматизм на границе",
        "تاجیکستان در دو جبهه",
    ],
)
def test_commentary_frames_of_stance_and_mood(title: str) -> None:
    assert read(title).event == "analysis"


def test_a_frame_word_beside_a_toll_of_its_own_stays_news() -> None:
    assert read("Shooting on the Panj: two guards killed, officials highlight risks").event != (
        "analysis"
    )


@pytest.mark.parametrize(
    "title",
    [
        "حدود ۳۰۰ سرباز افغان از بدخشان به تاجیکستان رفتند",
        "د افغان هوايي ځواک الوتکې تاجکستان ته تللې",
        "Сарбозони афғон ба Тоҷикистон рафтанд",
    ],
)
def test_soldiers_who_went_to_tajikistan_crossed(title: str) -> None:
    assert read(title).event == "crossing"


def test_the_accused_sides_word_joins_smugglers_shot_dead() -> None:
    """Smugglers shot dead by border guards read as smuggling (`fought:`); the Taliban's
    demand for a probe the next day is still the accused side's answer to that violence."""
    shot = report(1, "کشته شدن سه قاچاقبر افغان با شلیک مرزبانان تاجیکستان در بدخشان",
                  "مرزبانان تاجیکستان سه قاچاقبر افغان را هنگام عبور از دریای پنج کشتند.",
                  lang="fa")  # fmt: skip
    answer = report(2, "Taliban demand probe after Tajik border guards kill three Afghans",
                    "The Islamic Emirate called for an investigation into the killing.",
                    hours=20)  # fmt: skip
    assert (shot.reading.event, answer.reading.event) == ("smuggling", "diplomacy")
    assert TELLER.grouper.answers(shot, answer)
    seized = report(3, "Tajik border guards seize 40 kg of heroin in Shamsiddin Shohin",
                    "No one was hurt.", hours=1)  # fmt: skip
    assert seized.reading.event == "smuggling"
    assert not TELLER.grouper.answers(seized, answer)


@pytest.mark.parametrize(
    ("title", "event"),
    [
        ("Командующий Погранвойсками проверил заставы в Рушане", "deployment"),
        ("Фармондеҳи Қӯшунҳои сарҳадӣ посгоҳҳоро тафтиш кард", "deployment"),
        ("د تخار د سرحدي لوا قوماندان سرحدي پوستې وکتلې", "deployment"),
        ("Погранвойска: обстановка на таджикско-афганской границе стабильна", "deployment"),
        ("Вазъ дар марзи Тоҷикистону Афғонистон ором аст", "deployment"),
        ("Chegarada vaziyat barqaror", "deployment"),
        ("Рахмон поручил привлечь 20 тысяч военнообязанных", "deployment"),
        ("Пограничники Хатлона получили технику от Японии", "aid"),
        ("SCO leaders call for inclusive government in Afghanistan", "diplomacy"),
        ("Путин поздравил Рахмона с Днем Победы", "diplomacy"),
        ("کمیته امنیت ملی تاجیکستان: ۱۰۳۷ سرباز افغان وارد خاک ما شدند", "crossing"),
        ("Tajikistan: Border attack raises more questions than answers", "analysis"),
        ("Нападение на заставу: что известно и что остается неясным", "analysis"),
    ],
)
def test_inspections_calm_reports_receipts_and_calls(title: str, event: str) -> None:
    assert read(title).event == event, read(title).cues


def test_a_calm_told_in_the_lead_does_not_outweigh_the_titles_news() -> None:
    reading = read("В ГКНБ опровергли сообщения о скоплении боевиков у границы",
                   "Обстановка на границе стабильна, заявили в ведомстве.")  # fmt: skip
    assert reading.event == "diplomacy", reading.cues
