"""Grouping with who takes part: third parties (China, Russia, the CIS), the foreign parties a
headline names, a statement that comes before the first report, one shooting called by two
names, and a leader both reports name."""

from __future__ import annotations

from story_support import TELLER, report

from monitor.match.watchlist import parse_watchlist
from monitor.stories.grouping import SUBJECT, THIRD_PARTY, _affiliations, _own_units


def test_china_named_in_three_scripts_is_one_third_party() -> None:
    english = report(1, "China to build border posts for Tajikistan on the Afghan frontier")
    russian = report(2, "Китай построит для Таджикистана погранзаставы на границе", lang="ru")
    persian = report(3, "چین برای تاجیکستان پاسگاه مرزی می‌سازد", lang="fa")
    for r in (english, russian, persian):
        assert "china" in r.entities, r
    assert TELLER.grouper.weight["china"] == THIRD_PARTY


def test_a_third_party_joins_two_reports_that_name_no_place() -> None:
    english = report(1, "China to build border posts for Tajikistan on the Afghan frontier",
                     "Beijing will fund outposts for the Tajik border troops.")  # fmt: skip
    russian = report(
        2, "Китай построит для Таджикистана погранзаставы на границе с Афганистаном",
        "КНР профинансирует строительство застав для пограничных войск.", hours=2, lang="ru",
    )  # fmt: skip
    verdict = TELLER.grouper.compare(english, russian)
    assert verdict.same, verdict.reasons
    assert any("China" in reason for reason in verdict.reasons)


def test_a_third_party_beside_its_own_unit_says_nothing_more() -> None:
    assert "base-201" in _own_units(TELLER.watchlist)["russia"]
    a = report(1, "Russian 201st base in Tajikistan receives new drones", lang="en")
    b = report(2, "Russia's 201st base holds drills in Khatlon", hours=20)
    verdict = TELLER.grouper.compare(a, b)
    assert {"russia", "base-201"} <= a.entities & b.entities
    assert not any("Russia," in r or r.endswith(", Russia") for r in verdict.reasons)


def test_own_units_are_found_by_whole_names_only() -> None:
    raw = {
        "entries": [
            {"id": "usa", "name": "United States", "kind": "country", "role": "neutral",
             "aliases": ["ИМА"]},
            {"id": "sg", "name": "Imangali", "kind": "person", "role": "actor",
             "aliases": ["Имангали"]},
            {"id": "rus", "name": "Russia", "kind": "country", "role": "neutral",
             "aliases": ["российск~"]},
            {"id": "base", "name": "base", "kind": "unit", "role": "actor",
             "aliases": ["российская база"]},
        ]
    }  # fmt: skip
    assert _own_units(parse_watchlist(raw, "test")) == {"rus": frozenset({"base"})}


def test_headlines_naming_different_foreign_parties_are_different_meetings() -> None:
    visit = report(1, "Путин прибыл в Душанбе с государственным визитом",
                   "Эмомали Рахмон встретил президента России.", lang="ru")  # fmt: skip
    summit = report(2, "В Душанбе начался саммит СНГ",
                    "Эмомали Рахмон открыл заседание.", hours=18, lang="ru")  # fmt: skip
    bilateral = report(3, "Жапаров и Рахмон провели встречу в Душанбе",
                       "Эмомали Рахмон и Садыр Жапаров обсудили.", hours=20, lang="ru")  # fmt: skip
    assert visit.parties == {"russia"} and summit.parties == {"cis"}
    assert bilateral.parties == {"kyrgyzstan"}
    for a, b in ((visit, summit), (summit, bilateral), (visit, bilateral)):
        verdict = TELLER.grouper.compare(a, b)
        assert not verdict.same and verdict.reasons == ("different parties",)


def test_violence_is_not_kept_apart_by_the_parties_its_headlines_name() -> None:
    a = report(1, "Three Chinese nationals killed in attack from Afghanistan in Khatlon")
    b = report(2, "Russia condemns deadly attack on Chinese workers in Khatlon", hours=3)
    assert a.parties and b.parties
    assert "different parties" not in TELLER.grouper.compare(a, b).reasons


def test_a_statement_before_the_first_report_of_an_attack_is_its_story() -> None:
    statement = report(
        1, "Изҳороти Вазорати корҳои хориҷии Ҷумҳурии Тоҷикистон",
        "Вазорати корҳои хориҷӣ ҳамлаи мусаллаҳона аз қаламрави Афғонистон ба лагери ширкати "
        "чинӣ дар ноҳияи Шамсиддин Шоҳинро маҳкум мекунад.", lang="tg",
    )  # fmt: skip
    attack = report(
        2, "С территории Афганистана атакован лагерь китайской компании в Шамсиддин Шохине",
        "Погибли трое граждан Китая.", hours=1, lang="ru",
    )  # fmt: skip
    assert (statement.reading.event, attack.reading.event) == ("diplomacy", "attack")
    assert TELLER.grouper.compatible(statement, attack)
    assert TELLER.grouper.compare(attack, statement).same


def test_an_attack_and_a_clash_in_one_province_the_same_morning_are_one_event() -> None:
    attack = report(1, "Taliban launch attack on Kunduz city from four directions")
    clash = report(2, "Taliban militants capture Kunduz city prison after heavy fighting",
                   hours=5)  # fmt: skip
    assert {attack.reading.event, clash.reading.event} == {"attack", "clash"}
    verdict = TELLER.grouper.compare(attack, clash)
    assert verdict.same, verdict.reasons


def test_headlines_a_day_apart_about_different_places_are_different_events() -> None:
    khorog = report(
        1, "МВД: в Хороге участники акции напали на силовиков, один человек погиб",
        "В Хороге, административном центре ГБАО, произошли столкновения.", lang="ru",
    )  # fmt: skip
    rushan = report(
        2, "В Рушане объявлена антитеррористическая операция",
        "Операция началась после событий в Хороге.", hours=41, lang="ru",
    )  # fmt: skip
    assert khorog.sites == {"khorog"} and rushan.sites == {"rushan"}
    assert "khorog" in rushan.entities  # its text recalls Khorog
    verdict = TELLER.grouper.compare(khorog, rushan)
    assert verdict.reasons == ("headlines name different places",)
    # One place in both headlines: no veto, whatever the time between them.
    same_day = report(3, "В Рушане продолжается операция", "Рушан, ГБАО.", hours=44, lang="ru")
    assert "headlines name different places" not in TELLER.grouper.compare(rushan, same_day).reasons


def test_a_third_party_shows_in_the_header_as_who_takes_part() -> None:
    reports = [
        report(1, "Three Chinese nationals killed in attack from Afghanistan in Shamsiddin Shohin"),
        report(2, "Се шаҳрванди Чин дар Шамсиддин Шоҳин кушта шуданд", hours=1, lang="tg"),
        report(3, "کشته شدن سه شهروند چینی در شمس‌الدین شاهین", hours=2, lang="fa"),
    ]
    header = TELLER.header(
        "attack", [sorted(r.entities) for r in reports], 3, [r.language for r in reports]
    )
    assert header.startswith("Attack · Shurobod (Khatlon) · China"), header


def test_two_days_later_one_place_and_one_kind_need_more_than_a_day_later() -> None:
    trade = report(1, "Afghanistan's trade with Tajikistan through Sher Khan Bandar grows")
    day_later = report(2, "Trade through Sher Khan Bandar port rises again", hours=30)
    two_days_later = report(3, "Trade through Sher Khan Bandar port rises again", hours=47)
    one_day = TELLER.grouper.compare(trade, day_later)
    two_days = TELLER.grouper.compare(trade, two_days_later)
    assert one_day.score - two_days.score == 1.0, (one_day, two_days)


def test_at_a_crossing_a_third_party_is_background() -> None:
    trade = report(
        1, "Trade through the Sher Khan Bandar crossing grows as Chinese goods reach Afghanistan"
    )
    transit = report(2, "Chinese cargo crosses at Sher Khan Bandar as trade grows", hours=5)
    assert trade.reading.event == "crossing" and "china" in trade.entities & transit.entities
    assert "China" not in " ".join(TELLER.grouper.compare(trade, transit).reasons)
    aid = report(3, "China hands over vehicles to Tajik border troops", hours=6)
    again = report(4, "Китай передал пограничникам Таджикистана автомобили", hours=7, lang="ru")
    assert "China" in " ".join(TELLER.grouper.compare(aid, again).reasons)


def test_a_crowd_of_another_size_two_days_later_is_the_next_wave() -> None:
    from monitor.stories.grouping import different_crowds

    assert different_crowds({"people": 300.0}, {"people": 1037.0})
    assert not different_crowds({"people": 300.0}, {"people": 700.0})  # a figure growing
    assert not different_crowds({"people": 5.0}, {"people": 40.0})  # too few to tell
    first = report(
        1, "More than 300 Afghan soldiers flee into Tajikistan across the Panj",
        "Over 300 Afghan servicemen crossed into Tajikistan near Ishkashim.",
    )  # fmt: skip
    second = report(
        2, "1,037 Afghan soldiers flee into Tajikistan across the Panj",
        "Over 1,037 Afghan servicemen crossed into Tajikistan near Ishkashim.", hours=40,
    )  # fmt: skip
    same_day = report(
        3, "1,037 Afghan soldiers flee into Tajikistan across the Panj",
        "Over 1,037 Afghan servicemen crossed into Tajikistan near Ishkashim.", hours=6,
    )  # fmt: skip
    assert (first.reading.counts["people"], second.reading.counts["people"]) == (300, 1037)
    assert TELLER.grouper.compare(first, second).reasons == ("different crowds (300, 1037)",)
    assert "different crowds" not in " ".join(TELLER.grouper.compare(first, same_day).reasons)


def test_a_crowd_of_another_order_the_same_day_is_another_event() -> None:
    """1,037 soldiers who crossed and the 100,000 refugees Dushanbe says it could take in are
    two stories, within a day; a first figure of 100 growing to 1,037 is still one."""
    from monitor.stories.grouping import Story

    crossed = [
        report(1, "More than 1,000 Afghan soldiers flee into Tajikistan",
               "The GKNB said 1,037 Afghan servicemen crossed into Tajikistan from Badakhshan "
               "as the Taliban advanced."),
        report(2, "Afghan troops flee Taliban into Tajikistan",
               "Afghan soldiers retreated across the border into Tajikistan, officials said.",
               hours=2),
    ]  # fmt: skip
    story = Story(1)
    for r in crossed:
        story.add(r)
    refugees = report(3, "Tajikistan ready to receive up to 100,000 Afghan refugees",
                      "Tajikistan could take in up to 100,000 refugees from Afghanistan, the "
                      "Taliban having reached the border.", hours=20)  # fmt: skip
    assert refugees.reading.counts.get("people") == 100000, refugees.reading
    verdict = TELLER.grouper.against(refugees, story)
    assert not verdict.same and verdict.reasons[0].startswith("different crowds"), verdict
    first = report(4, "Over 100 Afghan soldiers cross into Tajikistan",
                   "More than 100 Afghan servicemen crossed.", hours=-3)  # fmt: skip
    assert "different crowds" not in " ".join(TELLER.grouper.against(first, story).reasons)


def test_the_two_countries_are_the_parties_of_one_closure_told_in_three_languages() -> None:
    russian = report(1, "Таджикистан закрыл границу для граждан Афганистана", lang="ru")
    tajik = report(2, "Тоҷикистон марзро ба рӯи шаҳрвандони Афғонистон баст", hours=3, lang="tg")
    english = report(3, "Tajikistan closes its border to Afghan citizens", hours=2)
    for a, b in ((russian, tajik), (russian, english), (tajik, english)):
        verdict = TELLER.grouper.compare(a, b)
        assert "same parties within a day" in verdict.reasons and verdict.same, verdict
    # Talks between the two countries are many a day: two of them stay apart (see
    # test_stories_quality.test_same_parties_needs_an_actor_not_just_two_countries).


def test_one_report_naming_the_crossing_still_has_the_parties_of_one_closure() -> None:
    persian = report(1, "تاجیکستان مرزهایش را به روی شهروندان افغانستان بست",
                     "تاجیکستان ورود شهروندان افغان را به این کشور به صورت موقت ممنوع کرده است.",
                     lang="fa")  # fmt: skip
    pashto = report(
        2, "تاجکستان د کرونا له امله پر افغانانو خپله پوله وتړله",
        "تاجکستان د کرونا له امله د شیرخان بندر لاره پر افغانانو وتړله.", hours=2, lang="ps",
    )  # fmt: skip
    assert "sher-khan-bandar" in pashto.entities and not persian.sites | pashto.sites
    verdict = TELLER.grouper.compare(persian, pashto)
    assert "same parties within a day" in verdict.reasons and verdict.same, verdict


def test_the_next_mornings_report_of_one_closure_still_has_the_same_parties() -> None:
    # T0 is 06:00: 20 hours later is the small hours of the next calendar day.
    russian = report(1, "Таджикистан закрыл границу для граждан Афганистана", lang="ru")
    english = report(2, "Tajikistan closes its border to Afghan citizens", hours=20)
    assert russian.when.date() != english.when.date()
    verdict = TELLER.grouper.compare(russian, english)
    assert "same parties within a day" in verdict.reasons, verdict
    # Near-miss: a day and a half later the parties alone say no more.
    later = report(3, "Tajikistan closes its border to Afghan citizens", hours=36)
    assert "same parties within a day" not in TELLER.grouper.compare(russian, later).reasons


def test_a_subject_the_two_countries_talk_about_is_evidence_in_any_language() -> None:
    english = report(1, "Afghanistan and Tajikistan discuss electricity supply for winter")
    persian = report(2, "افغانستان و تاجیکستان درباره افزایش واردات برق گفتگو کردند", hours=5,
                     lang="fa")  # fmt: skip
    russian = report(3, "Таджикистан и Афганистан обсудили поставки электроэнергии на зиму",
                     hours=8, lang="ru")  # fmt: skip
    assert TELLER.grouper.weight["power-export"] == SUBJECT
    for a, b in ((english, persian), (english, russian), (persian, russian)):
        verdict = TELLER.grouper.compare(a, b)
        assert verdict.same and any("electricity" in r for r in verdict.reasons), verdict
    # Near-miss: talks on a border market the same day are other talks.
    market = report(4, "Afghanistan and Tajikistan discuss reopening border markets", hours=2)
    assert not TELLER.grouper.compare(english, market).same


def test_afghanistan_named_any_way_is_one_party() -> None:
    # "Entry from Afghanistan" and "its border with Afghanistan" name the same party.
    russian = report(1, "Из-за коронавируса Таджикистан ограничил въезд из Афганистана", lang="ru")
    tajik = report(2, "Тоҷикистон гузаргоҳҳои марзи Афғонистонро барои мусофирон баст", hours=1,
                   lang="tg")  # fmt: skip
    assert "from-afghanistan" in russian.entities
    assert "border-with-afghanistan" in tajik.entities and "from-afghanistan" not in tajik.entities
    verdict = TELLER.grouper.compare(russian, tajik)
    assert "same parties within a day" in verdict.reasons and verdict.same, verdict
    # Near-miss: the two countries, but no kind of event in common, are not one event.
    trade = report(3, "Tajik exports to Afghanistan grow through border crossing", hours=2)
    assert not TELLER.grouper.compare(russian, trade).same


def test_statements_of_different_parties_about_one_event_are_apart() -> None:
    # The CSTO's offer of help and the GKNB's comment on the fall of Kunduz, a few hours
    # apart: two parties' statements, two stories, whatever place both speak of.
    csto = report(
        1, "ОДКБ готова оказать помощь Таджикистану в случае угрозы с афганской стороны",
        "Генеральный секретарь ОДКБ заявил, что организация следит за ситуацией в Кундузе "
        "и готова оказать помощь Таджикистану.", lang="ru",
    )  # fmt: skip
    gknb = report(
        2, "В ГКНБ прокомментировали ситуацию в Кундузе",
        "Пограничные войска ГКНБ Таджикистана заявили, что ситуация на границе под "
        "контролем, несмотря на события в Кундузе.", hours=1, lang="ru",
    )  # fmt: skip
    assert csto.reading.event == gknb.reading.event == "diplomacy"
    verdict = TELLER.grouper.compare(csto, gknb)
    assert not verdict.same and verdict.reasons == ("statements of different parties",)


def test_an_officer_speaks_for_the_organisation_he_serves() -> None:
    assert "csto" in _affiliations(TELLER.watchlist)["csto-secretary-general"]
    summit = report(
        1, "CSTO summit in Bishkek discusses situation on Tajik-Afghan border",
        "Leaders of the Collective Security Treaty Organization met in Bishkek.",
    )  # fmt: skip
    officer = report(
        2, "Тасмагамбетов: программа укрепления таджикско-афганской границы выполняется",
        "Генсек ОДКБ Имангали Тасмагамбетов выступил на саммите в Бишкеке.", hours=3,
        lang="ru",
    )  # fmt: skip
    verdict = TELLER.grouper.compare(summit, officer)
    assert "statements of different parties" not in verdict.reasons


def test_forces_sent_after_an_attack_that_only_recall_it_are_their_own_event() -> None:
    attack = report(
        1, "Two Chinese workers killed in attack from Afghanistan in Darvaz",
        "Two Chinese nationals were killed when gunmen fired from the Afghan side at a "
        "gold mine in Darvaz district, Tajikistan's border guards said.",
    )  # fmt: skip
    sent = report(
        2, "Taliban send more forces to the Tajik border in Darvaz",
        "The Taliban deployed additional units along the border in Darvaz after the attack.",
        hours=3,
    )  # fmt: skip
    assert (attack.reading.event, sent.reading.event) == ("attack", "deployment")
    assert not TELLER.grouper.compatible(attack, sent)
    assert not TELLER.grouper.compare(attack, sent).same
    # Near-miss: a statement within hours that names the attack and its place reports it.
    statement = report(
        3, "Tajik foreign ministry: two Chinese killed in attack from Afghanistan in Darvaz",
        "The ministry condemned the attack on the gold mine in Darvaz.", hours=3,
    )  # fmt: skip
    assert statement.reading.event in {"diplomacy", "attack"}, statement.reading.cues
    assert TELLER.grouper.compare(attack, statement).same


def test_a_member_speaking_at_a_summit_is_the_summit() -> None:
    # Near-miss of statements of different parties: at a meeting many parties speak.
    summit = report(
        1, "CSTO leaders adopt programme to strengthen Tajik-Afghan border",
        "The CSTO Collective Security Council meeting in Astana adopted the programme.",
    )  # fmt: skip
    speech = report(
        2, "Суханронии Президенти Тоҷикистон дар ҷаласаи Шӯрои амнияти дастаҷамъӣ",
        "Эмомалӣ Раҳмон дар Остона зикр намуданд, ки вазъи Афғонистон мураккаб боқӣ "
        "мемонад.", hours=2, lang="tg",
    )  # fmt: skip
    assert summit.reading.event == speech.reading.event == "diplomacy"
    assert TELLER.grouper._voices(summit.entities) and TELLER.grouper._voices(speech.entities)
    assert not TELLER.grouper._voices(summit.entities) & TELLER.grouper._voices(speech.entities)
    assert "statements of different parties" not in TELLER.grouper.compare(summit, speech).reasons


def test_handovers_by_different_donors_are_two() -> None:
    american = report(
        1, "U.S. Embassy hands over equipment to Tajik border troops",
        "The United States handed over communications equipment to the Border Troops.",
    )  # fmt: skip
    chinese = report(
        2, "Tajik border troops receive new vehicles as a gift",
        "China handed over off-road vehicles to the Border Troops of the GKNB.", hours=20,
    )  # fmt: skip
    assert american.reading.event == chinese.reading.event == "aid"
    assert TELLER.grouper.compare(american, chinese).reasons == ("different donors",)
    # Near-miss: the same donor's handover told twice is one.
    again = report(
        3, "США передали погранвойскам Таджикистана оборудование связи",
        "Посольство США передало Пограничным войскам оборудование связи.", hours=2, lang="ru",
    )  # fmt: skip
    assert TELLER.grouper.compare(american, again).same


def test_a_statement_recalling_a_firefight_is_no_report_of_it() -> None:
    firefight = report(
        1, "Firefight on the Tajik-Afghan border in Shahritus district",
        "Border guards exchanged fire with armed men at the Ayvaj post overnight.",
    )  # fmt: skip
    promise = report(
        2, "Shoigu: Russia will keep helping Tajikistan guard the Afghan border",
        "'The situation on the border remains tense, as recent days showed,' Shoigu told "
        "reporters in Dushanbe, referring to the firefight at the Ayvaj post.", hours=6,
    )  # fmt: skip
    assert promise.reading.event == "diplomacy"
    assert any(c.endswith("(background)") for c in promise.reading.cues), promise.reading.cues
    assert not TELLER.grouper.compatible(firefight, promise)
    # Near-miss: a statement whose news is the attack (its dead, its place) reports it.
    condemned = report(
        3, "Russia condemns the attack on the Ayvaj border post that killed two guards",
        "The attack at the Ayvaj post in Shahritus district killed two Tajik border guards.",
        hours=6,
    )  # fmt: skip
    assert TELLER.grouper.compare(firefight, condemned).same


def test_who_speaks_is_the_party_a_title_names_first() -> None:
    # Both statements name China (whose citizens were attacked): who speaks tells them apart.
    moscow = report(
        1, "Захарова: Москва обеспокоена нападениями на граждан Китая на таджикско-афганской "
        "границе", "Официальный представитель МИД России выразила обеспокоенность.", lang="ru",
    )  # fmt: skip
    taliban = report(
        2, "Taliban say 'chaos-seeking groups' behind attacks on Chinese in Tajikistan",
        "The Islamic Emirate said it is investigating the attacks on Chinese citizens.", hours=4,
    )  # fmt: skip
    assert moscow.reading.event == taliban.reading.event == "diplomacy"
    assert "china" in moscow.entities & taliban.entities
    assert (moscow.speaker, taliban.speaker) == (frozenset({"russia"}), frozenset({"taliban"}))
    assert TELLER.grouper.compare(moscow, taliban).reasons == ("statements of different parties",)
    # Near-miss: the same speaker told in two languages is one statement.
    again = report(
        3, "Moscow concerned over attacks on Chinese citizens on Tajik-Afghan border",
        "Russian foreign ministry spokeswoman Maria Zakharova voiced concern.", hours=2,
    )  # fmt: skip
    assert "statements of different parties" not in TELLER.grouper.compare(moscow, again).reasons
