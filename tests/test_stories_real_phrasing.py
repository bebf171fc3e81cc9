"""Stories: how real outlets phrase border events reads as the right event and count.

Soldiers fleeing or retreating across, reservists called up, rockets fired, and the
counts written as outlets write them ("1 тыс.", "более тысячи", "беш аз ҳазор", "بیش از هزار",
"20,000 reservists") in every supported language.
"""

from __future__ import annotations

import pytest
from story_support import MATCHER, TELLER, report


@pytest.mark.parametrize(
    "title",
    [
        "More than a thousand Afghan soldiers retreated into Tajikistan overnight",
        "Около 1 тыс. афганских военнослужащих отступили на территорию Таджикистана",
        "Более тысячи афганских военных перешли границу с Таджикистаном",
        "Беш аз ҳазор сарбози афғон ба Тоҷикистон гузаштанд",
        "Беш аз ҳазор хизматчии ҳарбии Афғонистон ба қаламрави Тоҷикистон ворид шуданд",
        "بیش از هزار سرباز افغان به تاجیکستان گریختند",
        "۱۰۰۰ تنه افغان عسکر تاجکستان ته وتښتېدل",
        "Mingdan ortiq afg'on askari Tojikistonga qochib o'tdi",
        "فرار أكثر من ألف جندي أفغاني إلى طاجيكستان",
    ],
)
def test_soldiers_crossing_in_a_body_are_a_mass_crossing_of_a_thousand(title: str) -> None:
    reading = TELLER.read(title, "")
    assert (reading.event, reading.severity) == ("crossing", 2), reading.cues
    assert reading.counts.get("people") == 1000


@pytest.mark.parametrize(
    "title",
    [
        "Tajikistan mobilises 20,000 reservists for the Afghan border",
        "Tajikistan calls up 20,000 reservists to bolster the Afghan border",
        "Таджикистан призвал 20 тысяч резервистов для усиления границы",
        "Тоҷикистон 20 ҳазор нафар захиравиро сафарбар кард",
        "تاجیکستان ۲۰ هزار نیروی ذخیره را بسیج کرد",
        "Tojikiston 20 ming zaxiradagi askarni safarbar qildi",
        "طاجيكستان تستدعي 20 ألف جندي من الاحتياط",
    ],
)
def test_reservists_called_up_are_a_deployment_of_their_number(title: str) -> None:
    reading = TELLER.read(title, "")
    assert (reading.event, reading.severity) == ("deployment", 1), reading.cues
    assert reading.counts.get("people") == 20000


@pytest.mark.parametrize(
    "title",
    [
        "Islamic State says it fired seven rockets at Tajikistan",
        "ИГ заявило о запуске семи ракет по Таджикистану",
        "Давлати исломӣ ҳафт мушак ба Тоҷикистон партофт",
        "داعش هفت راکت به سوی تاجیکستان شلیک کرد",
        "داعش وايي تاجکستان ته یې اووه راکټونه توغولي",
        "IS Termizga yetti raketa otdi",
        "تنظيم الدولة أطلق سبعة صواريخ على طاجيكستان",
    ],
)
def test_rockets_fired_are_an_attack_counting_the_rockets(title: str) -> None:
    reading = TELLER.read(title, "")
    assert (reading.event, reading.severity) == ("attack", 3), reading.cues
    assert reading.counts.get("items") == 7


def test_an_abbreviated_thousand_ends_no_sentence() -> None:
    """ "2,5 тыс. военнослужащих": the dot after тыс. keeps the number with its count word."""
    reading = TELLER.read(
        "Учения у афганской границы", "К учениям привлечено около 2,5 тыс. военнослужащих."
    )
    assert reading.counts.get("people") == 2500


def test_a_multiplier_after_a_number_multiplies_it_and_alone_is_the_number() -> None:
    assert TELLER.read("Taliban send thousands of fighters to the border", "").counts == {
        "people": 1000
    }
    assert TELLER.read("Taliban send 3 thousand fighters to the border", "").counts == {
        "people": 3000
    }


def test_who_crosses_decides_armed_men_entering_are_an_incursion() -> None:
    reading = TELLER.read("Дар Дарвоз се марди мусаллаҳ аз Афғонистон ворид шуданд", "")
    assert reading.event == "incursion", reading.cues


def test_harb_maidon_is_a_place_in_khatlon_that_implies_the_border() -> None:
    entry = next(e for e in MATCHER.watchlist.entries if e.id == "harb-maidon")
    assert (entry.role, entry.side, entry.implies_border) == ("place", "tj", True)
    assert TELLER.vocabulary.spec.within["harb-maidon"] == "khatlon"


def test_drills_at_harb_maidon_in_two_languages_are_one_story() -> None:
    english = report(
        1, "Russia, Uzbekistan and Tajikistan start drills near Afghan border",
        "Troops began exercises at the Harb-Maidon range, 20 km from the Afghan border.",
    )  # fmt: skip
    russian = report(
        2, "На полигоне Харб-Майдон начались трёхсторонние учения", "Учения продлятся пять дней.",
        hours=2, lang="ru",
    )  # fmt: skip
    verdict = TELLER.grouper.compare(english, russian)
    assert verdict.same, verdict.reasons


@pytest.mark.parametrize(
    ("title", "event", "counts"),
    [
        ("6 civilians martyred, 17 injured as Afghan forces open fire", "attack",
         {"killed": 6, "wounded": 17}),
        ("په خوست کې د پاکستاني الوتکو بمبارۍ ۴۰ تنه ووژل", "attack", {"killed": 40}),
        ("Pakistani air raids in Khost kill 40", "attack", {"killed": 40}),
        ("На границе возобновилась стрельба, есть погибшие", "clash", {}),
        ("Граница в Ишкашиме возобновила работу", "crossing", {}),
        ("Рахмон выступил на саммите ОДКБ в Душанбе", "diplomacy", {}),
        ("Tajikistan Posthumously Honors Afghan Anti-Taliban Commander", "diplomacy", {}),
        ("Tajikistan says it won't recognise an imposed government in Kabul", "diplomacy", {}),
        ("China to fund a new base for Tajik special forces", "aid", {}),
        ("Ҳавопаймоҳои низомии Афғонистон дар Бохтар фуруд омаданд", "crossing", {}),
        ("Tajik Security Forces Launch 'Anti-Terrorist Operation' In Rushan", "clash", {}),
        ("Дар Рӯшон амалиёти зиддитеррористӣ эълон шуд", "clash", {}),
        ("تاجیکستان بالاترین نشان دولتی را به احمدشاه مسعود اهدا کرد", "diplomacy", {}),
        ("Taliban say they control 85% of Afghanistan, pledge not to attack neighbours",
         "diplomacy", {}),
        ("گزارش‌ها از درگیری لفظی میان طالبان و مرزبانان تاجیکستان", "diplomacy", {}),
        ("201-я база получила партию новой бронетехники", "deployment", {}),
        ("Раҳмон ба Аҳмадшоҳи Масъуд пас аз марг орден дод", "diplomacy", {}),
        ("Taliban say they have taken control of Panjshir", "clash", {}),
        ("طالبان: پنجشیر به طور کامل سقوط کرد", "clash", {}),
        ("Tajikistan to continue power supply to Afghanistan", "crossing", {}),
        ("Taliban hold a military parade near the Tajik border", "deployment", {}),
        ("Uzbek air defence shot down an Afghan military plane", "incursion", {}),
        ("Талибы стягивают силы к границе с Таджикистаном", "deployment", {}),
        ("Taliban fighters amass near Tajik border", "deployment", {}),
        ("В ГБАО открыли новую погранзаставу, построенную на средства США", "aid", {}),
        ("Россия передаст Таджикистану вооружение для охраны границы", "aid", {}),
        ("Taliban capture Ishkashim district bordering Tajikistan", "clash", {}),
        ("طالبان تسيطر على معبر شير خان الحدودي", "crossing", {}),
        ("Мину заложили на границе: подорвался пограничник", "attack", {}),
        ("Толибон 15 муҳоҷири ғайриқонуниро дастгир карданд", "crossing", {"people": 15}),
        ("Tajikistan hosts Afghan opposition conference", "diplomacy", {}),
        ("Tojikiston va Afg'oniston chegarachilari issiq liniya tashkil etishga kelishdi",
         "diplomacy", {}),
        ("Талибы разместят батальон смертников на границе с Таджикистаном", "deployment", {}),
        ("Через минуту министр обороны посетил заставу", "diplomacy", {}),
        ("Tolibon Tojikiston chegarasiga minglab jangarilarni jo'natdi", "deployment",
         {"people": 1000}),
        ("طاجيكستان تعلن حالة التأهب على حدودها مع أفغانستان", "deployment", {}),
        ("مئات الجنود الأفغان يفرون إلى طاجيكستان", "crossing", {"people": 100}),
        ("طالبانو زرګونه جنګیالي د تاجکستان پولې ته ولېږل", "deployment", {"people": 1000}),
        ("تاجکستان ۲۰ زره احتیاطي ځواکونه وغوښتل", "deployment", {"people": 20000}),
        ("Tajikistan extradites Afghan soldiers", "crossing", {}),
        ("Dushanbe denies Taliban claim of Tajik troops in Panjshir", "diplomacy", {}),
        ("Погранвойска опровергли информацию об обстреле территории Таджикистана", "attack", {}),
        ("طالبانو په ننګرهار کې د ډیورنډ کرښې ازغن تار لرې کړ", "crossing", {}),
        ("د بدخشان طالب چارواکو او تاجک پوله ساتو په اشکاشم کې ناسته وکړه", "diplomacy", {}),
    ],
)  # fmt: skip
def test_real_wording_reads_as_its_event(title: str, event: str, counts: dict[str, float]) -> None:
    reading = TELLER.read(title, "")
    assert reading.event == event, reading.cues
    assert {k: v for k, v in reading.counts.items() if k in counts} == counts


def test_a_day_of_may_is_a_date_not_a_toll() -> None:
    reading = TELLER.read("Мамадбоқиров шаби 21 май дар Хоруғ кушта шуд", "")
    assert reading.event == "attack"
    assert "killed" not in reading.counts


@pytest.mark.parametrize(
    ("title", "summary"),
    [
        ("Талибы захватили пункт пропуска на границе с Таджикистаном",
         "Талибы установили контроль над пунктом пропуска. Около 130 военных ушли на "
         "таджикскую сторону."),
        ("طالبان بندر شیرخان را تصرف کردند",
         "شماری از نیروهای امنیتی به آن سوی مرز عقب‌نشینی کرده‌اند."),
        ("د شېرخان بندر د طالبانو لاس ته ولوېد", "افغان عسکر تاجکستان ته وتښتېدل."),
    ],
)  # fmt: skip
def test_a_crossing_taken_with_soldiers_fleeing_is_a_crossing(title: str, summary: str) -> None:
    """A district taken is fighting; a crossing taken, its guards fleeing across, a crossing."""
    reading = TELLER.read(title, summary)
    assert (reading.event, reading.severity) == ("crossing", 2), reading.cues


@pytest.mark.parametrize(
    ("text", "people"),
    [
        ("۱٬۰۳۷ سرباز افغان به تاجیکستان گریختند", 1037),
        ("1 037 афганских военнослужащих перешли границу", 1037),
        ("۲٫۵ هزار سرباز در رزمایش شرکت کردند", 2500),
    ],
)
def test_figures_grouped_or_decimal_in_any_script(text: str, people: int) -> None:
    assert TELLER.read(text, "").counts.get("people") == people


def test_an_inflected_look_alike_of_a_multiplier_is_no_number() -> None:
    """زرهی (armoured) is not زره (Pashto thousand): only a multiplier as listed stands alone."""
    reading = TELLER.read("", "حدود ۴۰۰ جنگجوی طالبان با خودروهای زرهی به مرز فرستاده شدند")
    assert reading.counts == {"people": 400}


def test_quintals_are_a_hundred_kilograms_and_border_guards_are_not_counted() -> None:
    reading = TELLER.read("Пограничники задержали наркокурьеров с тремя центнерами гашиша", "")
    assert reading.counts == {"kg": 300}


def test_an_airport_near_the_border_is_a_place_only_with_an_airport_word() -> None:
    landed = MATCHER.match("В аэропорту Бохтара приземлились афганские военные самолеты", "")
    assert "bokhtar-airport" in landed.term_ids and landed.relevant
    city = MATCHER.match("В Бохтаре открылся новый рынок", "")
    assert "bokhtar-airport" not in city.term_ids
    assert TELLER.vocabulary.spec.within["bokhtar-airport"] == "khatlon"
