"""Story grouping on real coverage: each mechanism with a hit and a near-miss (issue 11)."""

from __future__ import annotations

import pytest
from story_support import MATCHER, TELLER, read, report

from monitor.stories.grouping import conflicting_counts, headline_key


@pytest.mark.parametrize(
    ("title", "event"),
    [
        ("شېرخان بندر بېرته پرانیستل شو", "crossing"),  # ps: reopened
        ("Из Таджикистана выдворены более 200 граждан Афганистана", "crossing"),
        ("Tojikiston Panji Poyon o'tkazish punktini yopdi", "crossing"),  # uz: closed
        ("Tojikistonda KXShT mashqlari boshlandi", "deployment"),  # uz: drills
        ("روسيا تعزز قاعدتها في طاجيكستان بمروحيات قتالية", "deployment"),  # ar: reinforces
        ("Russia to send eight helicopters to its base in Tajikistan", "deployment"),
        ("US donates vehicles to Tajik border troops", "aid"),
        ("Генсек ОДКБ посетил таджикско-афганскую границу", "diplomacy"),
        ("Дабири кулли СААД аз марз бо Афғонистон боздид кард", "diplomacy"),
        ("Тожикистон чегарачилари 650 кг гиёҳванд модда мусодара қилди", "smuggling"),
        ("Дар Дарвоз садои тирпаронӣ шунида шуд", "clash"),  # one р: a common spelling
    ],
)
def test_event_cues_in_every_language(title: str, event: str) -> None:
    assert read(title).event == event


def test_rahmon_visiting_a_detachment_is_deployment_not_diplomacy() -> None:
    # The near-miss of the visit cue: a visit to a border detachment is a deployment story.
    assert read("Рахмон побывал в погранотряде в Шамсиддин Шохине").event == "deployment"


def test_no_casualties_is_a_zero_that_conflicts_with_a_toll() -> None:
    quiet = read("Taliban, Tajik forces trade fire in Khwahan", "No casualties were reported.")
    assert quiet.counts == {"killed": 0.0, "wounded": 0.0}
    assert read("Перестрелка на границе, пострадавших нет").event == "clash"
    # "No casualties among the guards" beside a toll: the toll stands, no zero.
    toll = read("Three smugglers killed at the border", "No casualties among border guards.")
    assert toll.counts == {"killed": 3.0}
    fire = report(1, "Taliban, Tajik forces trade fire across the river in Khwahan district",
                  "No casualties were reported.", 0)  # fmt: skip
    shot = report(2, "Three Afghans shot dead by Tajik border forces in Khwahan district", "", 20)
    verdict = TELLER.grouper.compare(fire, shot)
    assert not verdict.same and verdict.reasons == ("one reports no casualties",)
    # Near-miss: an early report that says nothing of casualties can grow into the toll.
    early = report(3, "Taliban, Tajik forces trade fire across the river in Khwahan district")
    assert "one reports no casualties" not in TELLER.grouper.compare(early, shot).reasons


def test_a_crossing_closed_reopened_or_deported_through_are_different_events() -> None:
    reopened = report(1, "Sher Khan port reopens", "Trucks crossed the bridge again.", 0)
    deported = report(2, "Tajikistan deports 230 Afghan migrants through Sher Khan port", "", 3)
    verdict = TELLER.grouper.compare(reopened, deported)
    assert not verdict.same and verdict.reasons == ("different events (reopening, deportation)",)
    # Near-miss: a call to reopen a closed crossing is still the closure story.
    closed = report(3, "Tajikistan shuts Sher Khan port, hundreds of trucks stranded", "", 0)
    call = report(4, "Traders call on Tajikistan to reopen Sher Khan port after closure", "", 5)
    assert TELLER.grouper.compare(closed, call).same


def test_a_border_post_lies_in_its_district() -> None:
    post = report(1, "Перестрелка на заставе «Чубек»: двое нарушителей убиты", "", 0, "ru")
    district = report(2, "Two killed in clash with border guards in Hamadoni district", "", 4)
    assert "chubek" in post.entities
    verdict = TELLER.grouper.compare(post, district)
    assert verdict.same and "Chubek is in Khamyadi" in verdict.reasons
    # Near-miss: the same kind of clash at a post of another district is another event.
    other = report(3, "Two killed in clash at the Kokul border post in Farkhor", "", 4)
    assert not TELLER.grouper.compare(post, other).same


def test_persian_khwahan_only_with_a_preposition() -> None:
    hit = MATCHER.match("تبادل آتش میان طالبان و مرزبانان تاجیک در خواهان", "")
    assert "khwahan" in hit.term_ids
    # خواهان alone is "wanting": no place.
    miss = MATCHER.match("مردم خواهان صلح در مرز تاجیکستان هستند", "")
    assert "khwahan" not in miss.term_ids


def test_a_cue_after_after_is_the_cause_not_the_event() -> None:
    reaction = read("Rahmon orders border reinforcement after attack on Chinese workers")
    assert reaction.event == "deployment"
    assert any(c.endswith("(background)") for c in reaction.cues)
    assert read("Пограничники усилили охрану после нападения").event == "deployment"
    # Near-miss: the same cue without "after" is the event.
    assert read("Attack on Chinese workers; Rahmon orders border reinforcement").event == "attack"


def test_one_side_against_the_other_across_the_river() -> None:
    tj = report(1, "Дар Ҳамадонӣ ду марзбон дар задухӯрд кушта шуданд", "", 0, "tg")
    af = report(2, "یو ځای په ینګي قلعې ولسوالۍ کې نښته، دوه کسان ووژل شول", "", 5, "ps")
    verdict = TELLER.grouper.compare(tj, af)
    assert verdict.same and "Khamyadi faces Yangi Qala" in verdict.reasons
    # Near-miss: facing districts alone (no shared name, no agreeing count) are not evidence.
    drills = report(3, "Tajik border troops hold drills in Hamadoni district", "", 0)
    taliban = report(4, "Taliban hold a military parade in Yangi Qala district", "", 2)
    assert not any("faces" in r for r in TELLER.grouper.compare(drills, taliban).reasons)


def test_a_river_bank_names_a_side_not_a_place() -> None:
    post = report(1, "Перестрелка на заставе «Чубек»: один пограничник погиб", "", 0, "ru")
    lead = "مهاجمان به سوی کرانه تاجیکستان آتش گشودند"
    bank = report(2, "یک مرزبان تاجیک در درگیری کشته شد", lead, 3, "fa")
    assert "tajik-bank" in bank.entities
    assert "different places" not in TELLER.grouper.compare(post, bank).reasons


@pytest.mark.parametrize(
    ("text", "counts"),
    [
        ("Се нафар дар соҳили Панҷ кушта шуданд", {"killed": 3.0}),  # number, classifier … verb
        ("سه نفر در کنار رود پنج کشته شدند", {"killed": 3.0}),
        ("Се нафар дар соҳили Панҷ боздошт шуданд", {"people": 3.0}),  # near-miss: no casualty
    ],
)
def test_a_classifier_after_the_number_does_not_hide_the_verb(
    text: str, counts: dict[str, float]
) -> None:
    assert read(text).counts == counts


def test_a_toll_of_one_is_not_one_event_by_time_alone() -> None:
    guard = report(1, "One Tajik border guard killed in Darvaz", "", 0)
    smuggler = report(2, "Afghan smuggler killed by Taliban police in Kunduz", "", 2)
    assert not TELLER.grouper.compare(guard, smuggler).same
    # Near-miss: two killed, the same day, is anchored even across outlets' event types.
    two = report(3, "Two Tajik border guards killed in Darvaz", "", 0)
    shot = report(4, "Two Tajik border guards shot dead by smugglers in Darvaz", "", 2)
    assert TELLER.grouper.compare(two, shot).same


def test_a_seizure_and_a_shootout_in_one_district_are_two_events() -> None:
    shootout = report(1, "Two smugglers killed in shoot-out with border guards in Farkhor", "", 0)
    seizure = report(2, "Border guards seize 420 kg of hashish in Farkhor", "", 3)
    verdict = TELLER.grouper.compare(shootout, seizure)
    assert not verdict.same and verdict.reasons == ("a seizure and a shoot-out",)
    # Near-miss: the shoot-out's own haul (the same kilograms) is the same event.
    haul = report(3, "Two smugglers killed in Farkhor, 40 kg of hashish seized", "", 0)
    later = report(4, "Border guards seized 40 kg of hashish in Farkhor", "", 3)
    assert TELLER.grouper.compare(haul, later).same


def test_the_next_day_one_place_and_one_kind_need_a_figure() -> None:
    first = report(1, "Border guards seize drugs in Farkhor", "", 0)
    next_day = report(2, "Drug courier detained by Tajik police in Farkhor district", "", 30)
    verdict = TELLER.grouper.compare(first, next_day)
    assert not verdict.same and "30 h later" in verdict.reasons
    # Near-miss: a follow-up that repeats the figure.
    toll = report(3, "Two Tajik border guards killed in clash in Farkhor", "", 0)
    named = report(4, "Two border guards killed in Farkhor clash named by the GKNB", "", 30)
    assert TELLER.grouper.compare(toll, named).same


def test_same_parties_needs_an_actor_not_just_two_countries() -> None:
    a = report(1, "Tajikistan and Afghanistan hold talks on water", "", 0)
    b = report(2, "Tajikistan and Afghanistan discuss trade in talks", "", 2)
    assert not any("same parties" in r for r in TELLER.grouper.compare(a, b).reasons)
    # Near-miss: the same actor (the Taliban) as well.
    c = report(3, "Tajikistan holds talks with the Taliban in Kabul", "", 0)
    d = report(4, "Taliban and Tajikistan delegations discuss talks in Kabul", "", 2)
    assert any("same parties" in r for r in TELLER.grouper.compare(c, d).reasons)


def test_people_caught_crossing_illegally_are_not_the_deportation() -> None:
    caught = report(1, "11 people detained at Sher Khan port for illegal crossing", "", 0)
    deported = report(2, "Tajikistan deports 230 Afghans through Sher Khan port", "", 2)
    assert read("11 people detained for illegal crossing of the border").event == "crossing"
    assert "different events" in TELLER.grouper.compare(caught, deported).reasons[0]


def test_a_toll_without_a_cue_is_a_known_event_for_the_type_veto() -> None:
    aid = report(1, "US hands over 12 vehicles to Tajik border troops in Khorog", "", 0)
    deadly = report(2, "Armed group from Afghanistan enters Khorog, one killed", "", 2)
    assert deadly.reading.confidence == 0 and deadly.reading.event == "attack"
    assert TELLER.grouper.compare(aid, deadly).reasons[0].startswith("different events")
    # Near-miss: the same toll told as a clash elsewhere is still one event.
    clash = report(3, "Clash in Khorog: one killed as armed group enters from Afghanistan", "", 3)
    assert TELLER.grouper.compare(deadly, clash).same


@pytest.mark.parametrize(
    ("text", "counts"),
    [
        ("Russia to send eight helicopters to its base in Tajikistan", {"items": 8.0}),
        ("США передали погранотряду в Хороге 12 внедорожников", {"items": 12.0}),
        ("Русия ба пойгоҳи 201 ҳашт чархбол мефиристад", {"items": 8.0}),  # 201 is the base
        ("Two soldiers killed and three vehicles destroyed", {"killed": 2.0, "items": 3.0}),
        ("Border guards killed three people", {"killed": 3.0}),  # near-miss: people are victims
        ("Вертолеты направлены на 201-ю базу", {}),  # an ordinal is a name, not a count
        ("Погранотряд усилен двумя вертолетами", {"items": 2.0}),  # instrumental number word
    ],
)
def test_equipment_is_counted_and_never_a_toll(text: str, counts: dict[str, float]) -> None:
    assert read(text).counts == counts


def test_the_same_equipment_count_joins_reports_without_shared_names() -> None:
    lead = "Авиагруппа усилена восемью вертолетами."
    ru = report(1, "Вертолеты направлены на 201-ю базу", lead, 0, "ru")
    en = report(2, "Russia to send eight helicopters to its base in Tajikistan", "", 2)
    verdict = TELLER.grouper.compare(ru, en)
    assert "same items count (8)" in verdict.reasons
    # Near-miss: another number of helicopters is not that evidence.
    other = report(3, "Russia to send twenty helicopters to its base in Tajikistan", "", 2)
    assert not any("items" in r for r in TELLER.grouper.compare(ru, other).reasons)


def test_a_question_headline_is_commentary() -> None:
    question = read("Who is targeting Chinese workers on the Afghan frontier?", "A drone strike.")
    assert (question.event, question.severity) == ("analysis", 0)
    assert "analysis/question: ?" in question.cues
    assert read("Чаро Толибон марзро месанҷанд?").event == "analysis"
    # Near-miss: a question after the event in the title does not outweigh it.
    assert read("Drone attack kills two Chinese workers: who is behind it?").event == "attack"


def test_a_toll_in_a_province_on_both_banks_does_not_join_two_places() -> None:
    # Badakhshan is the name of two provinces: a toll there the same day is not one event
    # when the reports name places on different stretches (Khwahan, Darvaz).
    darvaz = report(1, "Two killed in Darvaz border clash with Taliban in Badakhshan", "", 0)
    khwahan = report(2, "Three Taliban killed in attack on post in Khwahan, Badakhshan", "", 5)
    verdict = TELLER.grouper.compare(darvaz, khwahan)
    assert not verdict.same and verdict.reasons == ("different places",)
    # Near-miss: the same toll in one district is one event.
    again = report(3, "Two killed as Tajik guards and Taliban fight in Darvaz, Badakhshan", "", 5)
    assert TELLER.grouper.compare(darvaz, again).same


def test_different_kinds_of_event_need_a_place_in_common() -> None:
    attack = report(1, "Taliban post attacked in Badakhshan, Tajik border troops on alert", "", 0)
    routes = report(2, "Drug trafficking through Badakhshan: heroin and hashish smugglers, "
                    "Taliban and border troops clash", "", 2)  # fmt: skip
    assert {attack.reading.event, routes.reading.event} == {"attack", "smuggling"}
    verdict = TELLER.grouper.compare(attack, routes)
    assert not verdict.same and "different events and no place in common" in verdict.reasons
    # Near-miss: a shared district is a place in common.
    post = report(3, "Taliban post attacked in Khwahan, Badakhshan", "", 0)
    couriers = report(4, "Taliban clash with drug couriers in Khwahan, Badakhshan", "", 2)
    assert TELLER.grouper.compare(post, couriers).same


def test_a_killed_word_without_a_figure_is_violence_for_the_seizure_veto() -> None:
    killed = read("Killed border violator was a drug courier, source says")
    assert killed.hurt and not killed.counts
    seizure = report(1, "Tajik border guards seize 232 kg of hashish in Shahritus", "", 0)
    courier = report(2, "Intruder killed in Shahritus was a drug courier, source says", "", 1)
    verdict = TELLER.grouper.compare(seizure, courier)
    assert not verdict.same and verdict.reasons == ("a seizure and a shoot-out",)
    # Near-miss: a second report of the seizure joins it.
    again = report(3, "232 kg of hashish found by border guards in Shahritus", "", 1)
    assert TELLER.grouper.compare(seizure, again).same


@pytest.mark.parametrize(
    ("text", "counts"),
    [  # a number right after the casualty word is its own (verb first): "one of them killed"
        ("عبر ثلاثة مسلحين الحدود، وقُتل أحدهم في اشتباك", {"killed": 1.0}),
        ("Границу перешли трое вооруженных людей, убит один из них", {"killed": 1.0}),
        ("سه فرد مسلح از مرز گذشتند و یکی از آنها کشته شد", {"killed": 1.0}),
    ],
)
def test_one_of_them_killed_is_a_toll_of_one(text: str, counts: dict[str, float]) -> None:
    assert read(text).counts == counts


def test_a_close_small_toll_weighs_less_than_the_same_one() -> None:
    # Only the Taliban and the countries in common: 1 killed and 2 is not enough.
    one = report(1, "Taliban: one gunman killed in clash on Tajik border", "", 0)
    two = report(2, "Two killed in clash between Taliban and Tajik border guards", "", 14)
    verdict = TELLER.grouper.compare(one, two)
    assert "close killed counts" in verdict.reasons and not verdict.same
    # Near-miss: the same figure is.
    also_two = report(3, "Two killed in clash on the Tajik border, Taliban say", "", 14)
    assert TELLER.grouper.compare(two, also_two).same


def test_more_wounded_with_more_killed_is_not_the_wounded_dying() -> None:
    early = {"killed": 1.0, "wounded": 1.0}
    assert conflicting_counts(early, {"killed": 2.0, "wounded": 5.0}, True)
    # Near-miss: fewer wounded and more killed later is the wounded dying.
    assert (
        conflicting_counts({"killed": 1.0, "wounded": 3.0}, {"killed": 2.0, "wounded": 2.0}, True)
        is None
    )


def test_a_report_about_another_border_does_not_join_this_one() -> None:
    torkham = report(1, "Two killed as Taliban, Pakistani forces clash at Torkham", "", 0)
    darvaz = report(2, "Two killed in Darvaz clash between Tajik border guards and Taliban", "", 2)
    assert torkham.elsewhere and not darvaz.elsewhere
    assert TELLER.grouper.compare(torkham, darvaz).reasons == ("another border",)
    # Near-miss: two reports of the other border's clash are still one story between them.
    again = report(3, "Taliban and Pakistani forces clash at Torkham crossing, two dead", "", 2)
    assert TELLER.grouper.compare(torkham, again).same


def test_a_headline_about_another_border_is_about_it_whatever_the_text_recalls() -> None:
    recall = "Last week a Tajik border guard was killed by fire from Badakhshan."
    boldak = report(1, "Clash erupts between Taliban, Pakistani forces in Spin Boldak", recall, 0)
    shighnan = report(2, "Tajik border guard killed by fire from Badakhshan", "", 1)
    assert boldak.elsewhere
    assert TELLER.grouper.compare(boldak, shighnan).reasons == ("another border",)
    # Near-miss: a headline naming another people at THIS border is about this border.
    herders = report(3, "Afghan Kyrgyz herders camp on Tajik border in Badakhshan", "", 1)
    assert not herders.elsewhere


@pytest.mark.parametrize(
    ("text", "counts"),
    [  # a number next to a month name is a date (the day before the month, else after it)
        ("A border guard was killed and another wounded late on January 10", {}),
        ("Марзбоне, ки шоми 10 январ дар Дарвоз кушта шуд, 12 январ дафн гардид", {}),
        ("Три пограничника погибли 10 августа", {"killed": 3.0}),
        ("۲۰ حوت سه سرباز کشته شدند", {"killed": 3.0}),
        ("Силовики ликвидировали двух нарушителей границы", {"killed": 2.0}),
    ],
)
def test_a_day_of_the_month_is_not_a_count(text: str, counts: dict[str, float]) -> None:
    assert read(text).counts == counts


def test_a_killed_word_in_a_report_of_violence_is_severity_three() -> None:
    shots = read("Border guard killed as shots fired at post in Farkhor")
    # shots fired that killed someone, no fight named: an attack (events.yaml `gunfire:`)
    assert shots.event == "attack" and not shots.counts and shots.severity == 3
    # Near-miss: in a reaction (a deployment) the wound is the attack reacted to.
    order = read(
        "Rahmon orders reinforcement of the border after attack in which a guard was wounded"
    )
    assert order.event == "deployment" and order.severity == 1


def test_reports_without_any_cue_are_not_two_pieces_of_analysis() -> None:
    a = report(1, "Taliban's Zabihullah Mujahid: our soil is not used against Tajikistan", "", 0)
    b = report(2, "Tajikistan has nothing to fear from the Taliban, says Zabihullah Mujahid", "", 3)
    assert a.reading.confidence == b.reading.confidence == 0
    assert TELLER.grouper.compare(a, b).same
    # Near-miss: two commentaries (analysis cues) stay two pieces.
    c = report(3, "Analysis: why Zabihullah Mujahid denies Tajik claims", "", 0)
    d = report(4, "Opinion: Zabihullah Mujahid and the Tajik border", "", 3)
    assert TELLER.grouper.compare(c, d).reasons == ("two pieces of analysis",)


def test_within_chains_go_all_the_way_up() -> None:
    grouper = TELLER.grouper
    assert grouper._ancestors_ordered("ayvoj") == ["shahritus", "khatlon"]
    assert grouper._ancestors_ordered("sher-khan-bandar") == ["imam-sahib", "kunduz"]
    # Rushan (in GBAO, in Badakhshan) and Shighnan (Badakhshan) face each other: one event
    # told from each side, not "different stretches of the border".
    rushan = report(1, "Armed group crosses into Rushan from Afghanistan, two killed", "", 0)
    shighnan = report(2, "Armed men cross from Shighnan into Tajikistan, two killed", "", 2)
    verdict = grouper.compare(rushan, shighnan)
    assert verdict.same and "Rushan faces Shugnan" in verdict.reasons


def test_one_outlier_figure_does_not_close_a_story() -> None:
    three = report(1, "Three Taliban border guards killed in attack on post in Khwahan", "", 0)
    claim = report(2, "Five killed in attack on Taliban post in Khwahan, group claims", "", 1)
    again = report(3, "Taliban: three border guards killed in Khwahan attack", "", 3)
    stories = TELLER.group([three, claim, again])
    assert [[r.key for r in s.reports] for s in stories] == [[1, 2, 3]]
    # Near-miss: a figure no member agrees with still conflicts with the story.
    twenty = report(4, "Twenty killed in attack on Taliban post in Khwahan", "", 3)
    stories = TELLER.group([three, claim, twenty])
    assert sorted(len(s.reports) for s in stories) == [1, 2]


def test_a_figure_right_after_after_is_the_earlier_event() -> None:
    again = read(
        "Shots fired again at Ayvaj border post",
        "Guards exchanged fire overnight, a week after two guards were wounded at the same post."
        " No one was hurt this time.",
    )
    assert again.counts == {"killed": 0.0, "wounded": 0.0}
    # Near-miss: a figure before "after" is this event's.
    wounded = read("Two guards wounded after shots fired at Ayvaj border post")
    assert wounded.counts == {"wounded": 2.0}


def test_a_new_terminal_opened_is_not_the_crossing_halted() -> None:
    halt = report(1, "Tajikistan halts cargo traffic at Nizhny Panj crossing", "", 0)
    opened = report(2, "Taliban inaugurate new customs terminal at Sher Khan Bandar", "", 2)
    verdict = TELLER.grouper.compare(halt, opened)
    assert verdict.reasons == ("different events (closure, inauguration)",)
    # Near-miss: another report of the halt joins it.
    again = report(3, "Cargo through Nizhny Panj halted for two days, Tajik officials say", "", 2)
    assert TELLER.grouper.compare(halt, again).same


def test_facing_districts_are_a_place_in_common_for_two_event_types() -> None:
    attack = report(1, "Taliban attack Tajik border post in Shamsiddin Shohin", "", 0)
    clash = report(2, "Taliban and Tajik border guards clash in Khwahan", "", 1)
    verdict = TELLER.grouper.compare(attack, clash)
    assert verdict.same and "Shurobod faces Khwahan" in verdict.reasons
    # Near-miss: districts that do not face each other are no place in common.
    far = report(3, "Taliban and Tajik border guards clash in Darvaz", "", 1)
    assert not TELLER.grouper.compare(attack, far).same


def test_reports_about_one_other_border_group_on_its_country() -> None:
    ru = "Ракетный обстрел Термеза с территории Афганистана: снаряды упали у границы"
    termez_ru = report(1, ru, "", 0, "ru")
    termez_en = report(2, "Rocket attack from Afghanistan hits Uzbek border town of Termez", "", 3)
    assert termez_ru.elsewhere and termez_en.elsewhere
    verdict = TELLER.grouper.compare(termez_ru, termez_en)
    assert verdict.same and "same other border Uzbekistan" in verdict.reasons
    # Near-miss: rockets on another border's town are not a clash at Spin Boldak.
    boldak = report(3, "Rockets fired as Taliban, Pakistani forces clash at Spin Boldak", "", 3)
    assert boldak.elsewhere
    assert not TELLER.grouper.compare(termez_en, boldak).same


def test_text_written_alike_in_one_language_is_evidence() -> None:
    summary = (
        "Tajik border guards detained three Afghan nationals crossing the river near the "
        "village of Panjob in a boat loaded with sacks, according to the committee."
    )
    again = (
        "The committee reports that three Afghans in a rubber boat carrying sacks were "
        "detained at Panjob village by border guards."
    )
    a = report(1, "Three Afghans detained after crossing river", summary, 0)
    b = report(2, "Border guards detain three Afghans who crossed by boat", again, 5)
    assert "alike text (0.41)" in TELLER.grouper.compare(a, b).reasons
    # Near-miss: two short headlines with a word or two alike are not written alike.
    c = report(3, "Taliban: one gunman killed in clash on Tajik border", "", 0)
    d = report(4, "Two killed in clash between Taliban and Tajik border guards", "", 14)
    assert not any(r.startswith("alike text") for r in TELLER.grouper.compare(c, d).reasons)


def test_same_parties_same_day_holds_for_a_named_leader() -> None:
    # A leader's name (an actor more specific than a place) no longer turns the bonus off.
    a = report(1, "Rahmon receives Taliban delegation in Dushanbe, discusses Afghan border", "", 0)
    b = report(2, "Taliban delegation holds talks with Rahmon on border with Afghanistan", "", 2)
    assert "same parties within a day" in TELLER.grouper.compare(a, b).reasons
    # Near-miss: two reports that both name border places have better evidence than parties
    # (their places); one report naming a district and the other none still has the parties.
    c = report(3, "Taliban delegation holds talks with Rahmon on Darvaz border", "", 2)
    d = report(4, "Taliban delegation holds talks with Rahmon on Ishkashim border", "", 2)
    assert "same parties within a day" not in TELLER.grouper.compare(c, d).reasons
    assert "same parties within a day" in TELLER.grouper.compare(a, c).reasons


def test_another_borders_places_are_a_place_in_common_for_two_kinds_of_event() -> None:
    clash = report(1, "Kyrgyz and Tajik border guards clash near Isfara and Batken", "", 0)
    tajik = "Дар Исфара ба сӯи деҳаҳо ҳамла карданд: марзбонони Қирғизистон тир холӣ карданд"
    attack = report(2, tajik, "", 1, "tg")
    assert (clash.reading.event, attack.reading.event) == ("clash", "attack")
    verdict = TELLER.grouper.compare(clash, attack)
    assert verdict.same and "different events and no place in common" not in verdict.reasons


def test_one_years_figures_briefing_is_one_story_across_outlets() -> None:
    ru = report(1, "ГКНБ: в 2026 году на границе с Афганистаном задержаны 120 нарушителей",
                "Пограничные войска ГКНБ подвели итоги года.", 0, "ru")  # fmt: skip
    en = report(2, "GKNB: 120 border violators detained on Afghan border in 2026",
                "The border troops presented the results of the year.", 3)  # fmt: skip
    assert ru.reading.event == en.reading.event == "analysis"
    assert TELLER.grouper.compare(ru, en).same
    # Near-miss: two commentaries are one only when one copies the other.
    why = report(3, "Why the Afghan border worries Dushanbe", "Analysts say the threat grows.", 1)
    what = report(
        4, "What is behind the Taliban build-up on the Tajik border?", "Experts explain.", 2
    )
    assert TELLER.grouper.compare(why, what).reasons == ("two pieces of analysis",)


@pytest.mark.parametrize(
    ("title", "key"),
    [
        ("Tajik border guard killed near Panj - Reuters", "tajik border guard killed near panj"),
        ("Tajik border guard killed near Panj | Asia-Plus", "tajik border guard killed near panj"),
        # A dash inside the headline, not before a source name, stays.
        (
            "Tajikistan - Afghanistan: talks on the border resume in Dushanbe",
            "tajikistan afghanistan talks the border resume dushanbe",
        ),
        ("Taliban seize crossing", ""),  # too short to be one article's
    ],
)
def test_a_headline_key_drops_the_source_a_search_feed_adds(title: str, key: str) -> None:
    assert headline_key(title) == key


def test_one_article_from_its_outlet_and_a_search_feed_is_one_story() -> None:
    title = "Памир в огне: почему в Горном Бадахшане снова пролилась кровь"
    lead = "Эксперты объясняют, что стоит за новыми столкновениями в Хороге."
    outlet = report(1, title, lead, 0, "ru")
    search = report(2, f"{title} - Фергана", f"{title}  Фергана", 2, "ru")
    assert TELLER.grouper.compare(outlet, search).reasons == ("same headline",)
    stories = TELLER.group([outlet, search])
    assert [len(s.reports) for s in stories] == [2]
    # Near-miss: another article of the same outlet is not the same headline.
    other = report(3, "Памир в огне: кто стоит за беспорядками в Горном Бадахшане - Фергана",
                   "", 2, "ru")  # fmt: skip
    assert "same headline" not in TELLER.grouper.compare(outlet, other).reasons
