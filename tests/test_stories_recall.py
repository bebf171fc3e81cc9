"""Stories: a report's own event, not the earlier one it recalls, and a year's tallies."""

from __future__ import annotations

import pytest
from story_support import TELLER, read, report

from monitor.errors import ConfigError
from monitor.stories.vocabulary import parse_vocabulary


@pytest.mark.parametrize(
    ("title", "summary"),
    [
        ("На заставе «Айвадж» вновь стреляли, пострадавших нет",
         "Ночью неизвестные открыли огонь с афганского берега по наряду. Неделю назад на этом "
         "же участке были убиты трое нарушителей."),
        ("Shots fired again at Ayvaj border post, no casualties",
         "Unknown gunmen opened fire on a patrol overnight. Last week three intruders were "
         "killed at the same post."),
        ("Shots fired again at Ayvaj border post, no casualties",
         "Gunmen opened fire on a patrol overnight; earlier this month two guards were killed "
         "there."),
        ("Дар назди посгоҳи Айвоҷ бори дигар тирпарронӣ шуд, талафот нест",
         "Ҳафтаи гузашта дар ин қитъа се нафар кушта шуда буданд."),
        ("تیراندازی دوباره در پاسگاه آیواج؛ تلفاتی گزارش نشده",
         "هفته گذشته سه مرد مسلح در همین منطقه کشته شدند."),
    ],
)  # fmt: skip
def test_a_lead_sentence_that_recalls_an_earlier_killing_gives_no_toll(
    title: str, summary: str
) -> None:
    reading = TELLER.read(title, summary)
    assert (reading.event, reading.severity) == ("clash", 2), reading.cues
    assert not reading.counts.get("killed") and not reading.hurt


def test_a_recall_word_in_the_title_does_not_disarm_the_report() -> None:
    # a title about last week's killing is a report of it (a follow-up of that event)
    reading = read("Three intruders killed at Ayvaj last week were smugglers, GKNB says")
    assert reading.severity == 3 and reading.counts["killed"] == 3


def test_the_reported_event_stays_beside_a_recalled_one() -> None:
    reading = TELLER.read(
        "Two Tajik border guards killed in Darvaz",
        "Gunmen fired across the Panj overnight, killing two guards. Earlier this month a "
        "Chinese worker was wounded in the same district.",
    )
    assert (reading.event, reading.severity) == ("attack", 3), reading.cues
    assert reading.counts["killed"] == 2


@pytest.mark.parametrize(
    ("title", "summary", "event"),
    [
        ("Гузаргоҳи Тем дар Хоруғ баста шуд",
         "Мақомот сабаби бастани гузаргоҳро шарҳ надодаанд. Дар ноҳияи Рӯшон як марзбони тоҷик "
         "кушта шуд.", "crossing"),
        ("Tajikistan closes Tem crossing at Khorog",
         "Residents said the bridge was shut on Sunday. Gunmen killed a Tajik border guard in "
         "Rushan on Saturday.", "crossing"),
        ("Пограничники Таджикистана и Афганистана провели встречу на мосту «Панджи Поён»",
         "Стороны обсудили перестрелки на участках Айвадж и Рушан, в которых погибли "
         "таджикский пограничник и трое граждан Афганистана.", "diplomacy"),
        ("Россия перебросила дополнительные подразделения на таджикско-афганскую границу",
         "В перестрелке на участке Айвадж убиты трое нарушителей.", "deployment"),
    ],
)  # fmt: skip
def test_a_title_naming_another_event_makes_the_leads_violence_recalled(
    title: str, summary: str, event: str
) -> None:
    reading = TELLER.read(title, summary)
    assert reading.event == event, reading.cues
    assert reading.severity < 3
    assert not reading.counts.get("killed") and not reading.hurt


@pytest.mark.parametrize(
    ("title", "summary"),
    [
        # the title names the incident: the talks are about it, its toll is the report's
        ("Darwaz border incident resolved through talks: officials",
         "He said two border personnel were lightly injured in Sunday night's exchange."),
        # the title names violence itself
        ("Tajik border guard killed, crossing at Khorog closed",
         "Gunmen fired on a patrol in Rushan."),
    ],
)  # fmt: skip
def test_a_title_about_the_violence_keeps_the_leads_toll(title: str, summary: str) -> None:
    reading = TELLER.read(title, summary)
    assert reading.hurt, reading.cues
    assert not any("(recalled)" in cue for cue in reading.cues)


def test_a_follow_up_that_recalls_a_killing_is_not_its_story() -> None:
    killing = report(
        1, "Tajik border guard killed by gunfire from Afghanistan in Rushan",
        "One Tajik border guard was killed and another wounded in Rushan.",
    )  # fmt: skip
    closure = report(
        2, "Tajikistan closes Tem crossing at Khorog",
        "The bridge was closed on Sunday, a day after a Tajik border guard was killed in "
        "Rushan. Traders said one guard was killed and another wounded there.", hours=20,
    )  # fmt: skip
    assert closure.reading.event == "crossing"
    assert len(TELLER.group([killing, closure])) == 2


@pytest.mark.parametrize(
    "title",
    [
        "GKNB: 37 armed clashes on Tajik-Afghan border in 2026",
        "ГКНБ: в 2026 году на таджикско-афганской границе произошло 37 вооруженных столкновений",
        "ГКНБ: в 2026 году на границе с Афганистаном изъято 4,2 тонны наркотиков",
        "Дар соли 2026 дар марз 37 задухӯрди мусаллаҳона ба қайд гирифта шуд",
        "در سال ۲۰۲۶ در مرز تاجیکستان ۳۷ درگیری مسلحانه ثبت شد",
        "2026 yilda chegarada 37 ta qurolli to'qnashuv qayd etildi",
    ],
)
def test_a_years_tallies_are_analysis_not_a_clash(title: str) -> None:
    reading = TELLER.read(
        title, "За год погибли один военнослужащий и пятеро нарушителей, изъято 4,3 тонны."
    )
    assert (reading.event, reading.severity) == ("analysis", 0), reading.cues
    assert reading.counts == {}


@pytest.mark.parametrize(
    ("title", "event"),
    [
        ("Погранведомства России и Таджикистана подписали план сотрудничества на 2027 год",
         "diplomacy"),  # a year's plan, no figures
        ("Учения ОДКБ «Рубеж-2026» стартовали в Таджикистане", "deployment"),  # a name
        ("Three Tajik border guards killed on 12 January 2026", "attack"),  # a date
    ],
)  # fmt: skip
def test_a_year_alone_is_not_a_review(title: str, event: str) -> None:
    assert read(title).event == event


def _events(**extra: object) -> dict[str, object]:
    return {
        "fallback": {"event": "analysis", "casualties": "analysis"},
        "events": [{"id": "analysis", "label": "A", "cues": [
            {"id": "review", "severity": 0, "aliases": ["annual report"]}]}],
        "numbers": {"killed": ["killed"], "wounded": ["wounded"], "people": ["people"],
                    "kg": {"kg": 1.0}},
        **extra,
    }  # fmt: skip


def test_tallies_name_a_known_cue_group() -> None:
    raw = _events(tallies={"cue": "analysis/yearly", "words": ["in"]})
    with pytest.raises(ConfigError, match="tallies: unknown cue group 'analysis/yearly'"):
        parse_vocabulary(raw, "events.yaml")


def test_tallies_need_words() -> None:
    with pytest.raises(ConfigError, match="words"):
        parse_vocabulary(_events(tallies={"cue": "analysis/review", "words": []}), "e.yaml")


@pytest.mark.parametrize(
    ("title", "summary", "event", "severity"),
    [
        # the recalled firefight is not the report's event: the promise of help is (diplomacy)
        ("Шойгу: Россия продолжит помогать Таджикистану в защите границы",
         "«Ситуация остается напряженной», — заявил Шойгу, имея в виду перестрелку на участке "
         "Айвадж.", "diplomacy", 1),
        # a closure in the background does not raise a reopening's severity
        ("Sher Khan port reopens after six-day closure",
         "Trucks began moving across the bridge on Monday.", "crossing", 1),
        # a threat of a breakthrough is not an incursion
        ("Депутат: ситуация на афганской границе остается сложной",
         "Угроза прорыва с афганской стороны сохраняется, заявил депутат.", "analysis", 1),
    ],
)  # fmt: skip
def test_only_a_type_with_a_cue_of_its_own_is_the_event(
    title: str, summary: str, event: str, severity: int
) -> None:
    reading = TELLER.read(title, summary)
    assert (reading.event, reading.severity) == (event, severity), reading.cues


@pytest.mark.parametrize(
    ("title", "summary", "event", "severity"),
    [
        # drones handed over are equipment, not a strike
        ("ОДКБ: Таджикистан получил первую партию техники по программе укрепления границы",
         "Погранвойскам Таджикистана переданы бронеавтомобили, средства связи и беспилотники.",
         "aid", 1),
        ("KXShT: chegarani mustahkamlash dasturining birinchi bosqichi yakunlandi",
         "Tojikiston chegarachilariga zirhli avtomobillar va dronlar topshirildi.", "aid", 1),
        # a drone that killed is an attack
        ("Drone from Afghanistan kills three Chinese workers in Khatlon", "", "attack", 3),
        # the unit named is barely a cue: a detention by the border detachment is smuggling
        ("В Шаартузе задержаны трое граждан Афганистана с опием",
         "Пограничники Шаартузского погранотряда задержали троих нарушителей с 86 кг опия.",
         "smuggling", 2),
        ("BOMCA hands over surveillance equipment to Shamsiddin Shohin border detachment", "",
         "aid", 1),
        # a visit to the detachment is still a deployment
        ("Рахмон побывал в погранотряде в Шамсиддин Шохине", "", "deployment", 1),
        # a course for border officers is aid, whatever it teaches
        ("OSCE trains Tajik border officers on Afghan border risk analysis", "", "aid", 1),
        ("ОБСЕ обучает таджикских пограничников анализу рисков", "", "aid", 1),
        # people at the border asking to be let in are a mass crossing
        ("Памирские кыргызы из Афганистана просятся в Таджикистан", "", "crossing", 2),
        ("Over 200 Afghan Kyrgyz reach Tajik border in Murghab seeking shelter", "",
         "crossing", 2),
        # a crossing closed, in Persian
        ("تاجیکستان گذرگاه مرزی شغنان–خاروغ را به روی رفت‌وآمد بست", "", "crossing", 2),
        ("ادامه توقف عبور کالا از بندر شیرخان", "", "crossing", 2),
    ],
)  # fmt: skip
def test_equipment_units_courses_crowds_and_closures_have_their_types(
    title: str, summary: str, event: str, severity: int
) -> None:
    reading = TELLER.read(title, summary)
    assert (reading.event, reading.severity) == (event, severity), reading.cues


def test_a_review_title_counts_no_figures() -> None:
    reading = read(
        "Нишасти матбуотии КДАМ доир ба натиҷаҳои соли 2026",
        "Дар соли 2026 дар сарҳад 37 ҳодисаи муқовимати мусаллаҳона ба қайд гирифта шуда, "
        "4,3 тонна маводи мухаддир мусодира гардидааст.",
    )
    assert (reading.event, reading.severity) == ("analysis", 0), reading.cues
    assert reading.counts == {}


@pytest.mark.parametrize(
    ("title", "killed"),
    [
        ("Дар Ҳамадонӣ ду қочоқбари мусаллаҳ безарар гардонида шуданд", 2),  # neutralised
        ("Пограничники застрелили двух контрабандистов в Джайхуне", 2),  # shot dead
        ("داعش د خواهان کې د طالبانو د یو قوماندان د وژلو مسوولیت ومانه", 1),  # the killing
    ],
)
def test_killed_words_make_a_toll(title: str, killed: int) -> None:
    reading = read(title)
    assert reading.severity == 3 and reading.hurt, reading.cues
    assert reading.counts.get("killed") == killed


@pytest.mark.parametrize(
    ("title", "summary", "event", "severity"),
    [
        # shot at from one side, someone hurt, no fight named: an attack
        ("Житель Джайхуна погиб от выстрелов с афганского берега", "", "attack", 3),
        ("یک مرزبان تاجیکستان با شلیک از سوی بدخشان افغانستان کشته شد", "", "attack", 3),
        ("په درقد کې د تاجکستان د پوله ساتو په ډزو یو تنکی ځوان ووژل شو", "", "attack", 3),
        ("إصابة عامل صيني بإطلاق نار من الضفة الأفغانية في طاجيكستان", "", "attack", 3),
        # fire "between" two sides is a clash
        ("Дар Дарвоз миёни марзбонони тоҷик ва толибон тирпарронӣ шуд, як марзбон кушта шуд",
         "", "clash", 3),
        # a fight named stays a clash
        ("Tajik border guard killed in gunfire during firefight with militants", "", "clash", 3),
        # shots fired, no one hurt: shots traded
        ("Shots fired again at Ayvaj border post, no casualties", "", "clash", 2),
    ],
)  # fmt: skip
def test_fire_that_hurt_someone_without_a_fight_is_an_attack(
    title: str, summary: str, event: str, severity: int
) -> None:
    reading = TELLER.read(title, summary)
    assert (reading.event, reading.severity) == (event, severity), reading.cues


@pytest.mark.parametrize(
    ("title", "event"),
    [
        ("Taliban detain seven trying to cross into Tajikistan from Imam Sahib", "crossing"),
        ("امام صاحب: طالبانو اووه تنه د تاجکستان ته د تېرېدو پر مهال ونیول", "crossing"),
        ("په شېرخان بندر کې د افغان او تاجک چارواکو ناسته", "diplomacy"),
        ("Afghanistan, Pakistan Agree to Resume Work on CASA-1000", "diplomacy"),
        ("Tajikistan cuts power supply to Afghanistan by half", "crossing"),
        ("Интиқоли барқ ба Афғонистон аз нав оғоз шуд", "crossing"),
        ("Taliban form new border brigade in Takhar facing Tajikistan", "deployment"),
        ("طالبان در تخار لوای جدید مرزی تشکیل دادند", "deployment"),
    ],
)
def test_detentions_meetings_power_and_brigades_have_their_types(title: str, event: str) -> None:
    assert read(title).event == event, read(title).cues


@pytest.mark.parametrize(
    ("gunfire", "problem"),
    [
        ({"cues": ["analysis/fire"], "hurt": "analysis"}, "gunfire: unknown cue group"),
        ({"cues": ["analysis/review"], "hurt": "attack"}, "gunfire: unknown event type"),
    ],
)
def test_gunfire_names_known_cue_groups_and_types(gunfire: dict[str, object], problem: str) -> None:
    with pytest.raises(ConfigError, match=problem):
        parse_vocabulary(_events(gunfire=gunfire), "events.yaml")


@pytest.mark.parametrize(
    ("title", "summary", "event", "severity"),
    [
        # the fight against smuggling a visit is about is not a seizure
        ("معین امنیتی وزارت امور داخله از ولایت بدخشان دیدن کرد",
         "او با فرماندهان مرزی دیدار کرد و بر جلوگیری از قاچاق مواد مخدر تأکید نمود.",
         "diplomacy", 1),
        ("Russian envoy visits Khorog border detachment", "Talks focused on combating drug "
         "trafficking across the Panj.", "diplomacy", 1),
        # hundreds of Afghans at the border waiting to enter are a crowd, not a reopening
        ("صدها افغان در کنار رود پنج منتظر اجازه ورود به تاجیکستان", "", "crossing", 2),
        ("په اشکاشم کې سلګونه افغانان تاجکستان ته د ننوتلو په تمه", "", "crossing", 2),
    ],
)  # fmt: skip
def test_prevention_and_crowds_have_their_types(
    title: str, summary: str, event: str, severity: int
) -> None:
    reading = TELLER.read(title, summary)
    assert (reading.event, reading.severity) == (event, severity), reading.cues


@pytest.mark.parametrize(
    "title",
    [
        "Толибон куштори ду ҷавони афғонро дар соҳили Панҷ маҳкум карданд",
        "Марзбони ҳалокшуда дар Восеъ ёд карда шуд",
        "جسد جوان کشته‌شده در مرز تاجیکستان پیدا شد",
    ],
)
def test_killing_and_fallen_words_say_someone_was_killed(title: str) -> None:
    assert read(title).hurt


@pytest.mark.parametrize(
    ("title", "summary"),
    [
        ("Пограничники опровергли сообщения об обстреле с афганской стороны",
         "В погранвойсках заявили, что ни один снаряд на территорию республики не упал."),
        ("Border troops deny rocket fire from Afghanistan",
         "Officials said not a single rocket landed on Tajik soil."),
        ("Сарҳадбонон хабари тирпарронӣ аз Афғонистонро рад карданд",
         "Ба гуфтаи онҳо, ҳеҷ як мушак ба хоки Тоҷикистон наафтодааст."),
        ("مرزبانان تاجیکستان شلیک راکت از افغانستان را رد کردند",
         "به گفته آنان هیچ یک از راکت‌ها به خاک تاجیکستان اصابت نکرده است."),
    ],
)  # fmt: skip
def test_not_a_single_one_is_no_figure(title: str, summary: str) -> None:
    """A denial's "ни один снаряд" (not a single shell) counts nothing: it would otherwise
    conflict with the claim's figure (seven rockets) and split claim and denial."""
    reading = read(title, summary)
    assert not reading.counts, reading.counts
    claim = read("IS claims seven rockets fired at Tajikistan from Afghanistan",
                 "The group said it fired seven rockets at a Tajik army base.")  # fmt: skip
    assert claim.counts.get("items") == 7, claim.counts
