"""Stories, pure logic: event types, counts, severity, significance, grouping, headers."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest
from match_support import ROOT
from story_support import MATCHER, TELLER, read, report

from monitor.errors import ConfigError
from monitor.stories.reading import Reading
from monitor.stories.significance import significance, story_significance
from monitor.stories.vocabulary import load_vocabulary, parse_vocabulary


@pytest.mark.parametrize(
    ("title", "event", "severity"),
    [
        ("Tajik and Taliban forces clash on border in Darvaz", "clash", 3),
        ("Перестрелка на таджикско-афганской границе", "clash", 3),
        ("Дар марзи Тоҷикистону Афғонистон задухӯрд шуд", "clash", 3),
        ("درگیری مرزبانان تاجیکستان و طالبان", "clash", 3),
        ("د تاجکستان له پوله ساتو سره د طالبانو نښته", "clash", 3),
        ("Drone strike from Afghanistan hits a mining camp in Tajikistan", "attack", 3),
        ("Пограничники изъяли 120 кг гашиша", "smuggling", 2),
        ("Tajikistan closes Nizhny Panj crossing", "crossing", 2),
        ("Ishkashim cross-border market reopens", "crossing", 1),
        ("CSTO launches drills near Afghan border", "deployment", 1),
        ("US hands over equipment to Tajik border troops", "aid", 1),
        ("دیدار هیئت امنیتی تاجیکستان با ملا برادر در کابل", "diplomacy", 1),
        ("Analysis: why the Taliban keep testing Tajikistan's border clash", "analysis", 0),
    ],
)
def test_event_type_and_severity_in_every_language(title: str, event: str, severity: int) -> None:
    reading = read(title)
    assert (reading.event, reading.severity) == (event, severity)
    assert reading.cues  # the cue is explained


def test_no_cue_falls_back_and_casualties_make_it_an_attack() -> None:
    assert (read("Tajikistan and Afghanistan").event, read("Tajikistan").severity) == (
        "analysis", 1,
    )  # fmt: skip
    killed = read("Two people killed near the Tajik border")
    assert (killed.event, killed.severity, killed.counts) == ("attack", 3, {"killed": 2.0})


@pytest.mark.parametrize(
    ("text", "counts"),
    [
        ("Two Tajik border guards and three Taliban fighters were killed", {"killed": 3.0}),
        ("Two soldiers killed, three wounded in the attack", {"killed": 2.0, "wounded": 3.0}),
        ("Border guards seized 1.5 tonnes of hashish", {"kg": 1500.0}),
        ("В результате боестолкновения погибли двое пограничников", {"killed": 2.0}),
        ("изъято 35 кг героина", {"kg": 35.0}),
        ("ду сарҳадбони тоҷик кушта шуданд", {"killed": 2.0}),
        ("دو مرزبان تاجیک کشته شدند و ۴۰ کیلوگرام چرس ضبط شد", {"killed": 2.0, "kg": 40.0}),
        ("په نښته کې درې طالبان ووژل شول", {"killed": 3.0}),
        ("Around 300 Afghan refugees are stranded", {"people": 300.0}),
        ("سه قاچاقبر مسلح در مرز تاجیکستان کشته شدند", {"killed": 3.0}),  # verb-final
        ("In 2024 the 201st base held drills", {}),
    ],
)
def test_counts_in_every_language(text: str, counts: dict[str, float]) -> None:
    assert read(text).counts == counts


def test_severity_dominates_significance_and_the_fraction_varies() -> None:
    routine = Reading("aid", 1, 2.5, {"people": 5000.0})
    clash = Reading("clash", 3, 0.5, {})
    analysis = Reading("analysis", 0, 5.0, {})
    assert significance(clash, 0.0, 0.0) > significance(routine, 40.0, 1.0) > 1.7
    assert significance(analysis, 40.0, 1.0) < 1
    small, big = Reading("smuggling", 2, 1.0, {"kg": 10}), Reading("smuggling", 2, 1.0, {"kg": 900})
    assert 2 < significance(small, 3.0, 0.6) < significance(big, 3.0, 0.6) < 3


def test_same_event_in_four_outlets_and_three_languages_is_one_story() -> None:
    reports = [
        report(1, "Tajik and Taliban forces clash on border in Shamsiddin Shohin district",
               "Two Tajik border guards were killed in an exchange of fire.", 0, "en"),
        report(2, "На границе в Шамсиддин Шохине произошла перестрелка с талибами",
               "Погибли двое таджикских пограничников.", 1, "ru"),
        report(3, "Дар марзи ноҳияи Шамсиддин Шоҳин миёни марзбонон ва Толибон задухӯрд шуд",
               "Ду сарҳадбони тоҷик кушта шуданд.", 2, "tg"),
        report(4, "درگیری مرزبانان تاجیکستان و طالبان در شمس الدین شاهین",
               "دو مرزبان تاجیک کشته شدند.", 3, "fa"),
    ]  # fmt: skip
    stories = TELLER.group(reports)
    assert [[r.key for r in s.reports] for s in stories] == [[1, 2, 3, 4]]
    verdict = TELLER.grouper.compare(reports[0], reports[2])
    assert verdict.same and "same Shurobod" in " ".join(verdict.reasons)
    header = TELLER.header(stories[0].event, [MATCHER.match(
        "Shamsiddin Shohin Khatlon Taliban Tajik border guards", "").term_ids], 4,
        ["fa", "en", "tg", "ru"])  # fmt: skip
    assert header == (
        "Armed clash · Shurobod (Khatlon) · Tajik Border Troops, Taliban · 4 outlets: en ru tg fa"
    )


def test_header_brackets_each_place_with_its_own_region() -> None:
    """The region follows each shown place's within: chain, not the first region named."""

    def header(*texts: str) -> str:
        ids = [MATCHER.match(text, "").term_ids for text in texts]
        return TELLER.header("crossing", ids, len(texts), ["en"])

    # Badakhshan named first, Shamsiddin Shohin (Shurobod) lies in Khatlon.
    assert header("Badakhshan: shots near Shamsiddin Shohin") == (
        "Crossing · Shurobod (Khatlon) · 1 outlet: en"
    )
    # Two ends of one bridge on two banks: one bracket each, Kunduz named first.
    both = "Kunduz traders: Sher Khan Bandar and Nizhny Panj bridge busy"
    assert header(both, both) == (
        "Crossing · Sher Khan Bandar (Kunduz), Nizhny Panj (Khatlon) · 2 outlets: en"
    )
    # The port's bare name is another entry of the same place: shown once, by its name.
    bare = "Trucks queue at Sherkhan as Kunduz customs reopen Sher Khan Bandar port"
    assert {"sher-khan", "sher-khan-bandar"} <= set(MATCHER.match(bare, "").term_ids)
    assert header(bare) == "Crossing · Sher Khan Bandar (Kunduz) · 1 outlet: en"
    # A village and its district share one bracket, though Takhar is named.
    assert header("Takhar gunmen at Chubek in Khamyadi") == (
        "Crossing · Khamyadi, Chubek (Khatlon) · 1 outlet: en"
    )
    # The fall of Kunduz, one report of three recalling the Nizhny Panj crossing across
    # the river: the province most reports name, not the other bank's place.
    fall = "Taliban take Kunduz city"
    assert header(fall, fall, "Kunduz falls; Nizhny Panj crossing on the Tajik side shut") == (
        "Crossing · Kunduz · Taliban · 3 outlets: en"
    )
    # Near-miss: a place in the province most reports name is shown with it.
    assert header(fall, fall, "Taliban take Imam Sahib district of Kunduz") == (
        "Crossing · Imam Sahib (Kunduz) · Taliban · 3 outlets: en"
    )


def test_different_events_at_one_place_stay_apart() -> None:
    clash = report(1, "Tajik and Taliban forces clash at a border post in Farkhor", "", 0)
    seizure = report(2, "Border guards seize 120 kg of hashish in Farkhor", "", 2)
    clash_later = report(
        3, "Tajik and Taliban forces clash at a border post in Farkhor", "", 24 * 7
    )
    toll = report(4, "Five killed as Tajik and Taliban forces clash in Farkhor", "", 1)
    other_toll = report(5, "Twenty killed as Tajik and Taliban forces clash in Farkhor", "", 2)
    elsewhere = report(6, "Tajik and Taliban forces clash at a border post in Darvaz", "", 1)
    stories = TELLER.group([clash, seizure, clash_later, toll, other_toll, elsewhere])
    assert sorted(sorted(r.key for r in s.reports) for s in stories) == [
        [1, 4], [2], [3], [5], [6],
    ]  # fmt: skip
    assert "different events" in TELLER.grouper.compare(clash, seizure).reasons[0]
    assert "apart" in TELLER.grouper.compare(clash, clash_later).reasons[0]
    assert "killed counts" in TELLER.grouper.compare(toll, other_toll).reasons[0]
    assert TELLER.grouper.compare(clash, elsewhere).reasons == (
        "different stretches of the border",
    )


def test_one_toll_is_one_event_whatever_outlets_call_it() -> None:
    shot = report(1, "Tajik border guards kill three Afghan smugglers in Farkhor",
                  "Narcotics were seized.", 0)  # fmt: skip
    clash = report(2, "Three killed in clash on the border in Farkhor", "", 2)
    assert (shot.reading.event, clash.reading.event) == ("smuggling", "clash")
    verdict = TELLER.grouper.compare(shot, clash)
    assert verdict.same and "same killed count (3)" in verdict.reasons


def test_places_on_opposite_banks_can_be_one_crossing() -> None:
    tj = report(1, "Tajikistan closes the Nizhny Panj crossing", "", 0)
    af = report(2, "Tajikistan closes the crossing at Sher Khan Bandar", "", 1)
    other = report(3, "Tajikistan closes the Ishkashim crossing", "", 1)
    assert "different places" not in TELLER.grouper.compare(tj, af).reasons
    assert TELLER.grouper.compare(tj, other).reasons == ("different stretches of the border",)


def test_near_duplicate_text_within_one_language_uses_the_normalizer() -> None:
    a = report(1, "Тоҷикистон ва Афғонистон дар бораи сарҳад гуфтугӯ карданд", "", 0, "tg")
    b = report(2, "Точикистон ва Афгонистон дар бораи сархад гуфтугу карданд", "", 5, "tg")
    assert TELLER.grouper.compare(a, b).reasons == ("same headline",)  # normalized alike
    c = report(3, "Точикистон ва Афгонистон имруз дар бораи сархад гуфтугу карданд", "", 5, "tg")
    verdict = TELLER.grouper.compare(a, c)
    assert verdict.same and verdict.reasons[0].startswith("near-duplicate text")


def test_two_pieces_of_analysis_stay_apart() -> None:
    a = report(1, "Analysis: why the Taliban test Tajikistan", "Experts on the NRF.", 0)
    b = report(2, "Opinion: Tajikistan and the Taliban, a risky game", "Experts on the NRF.", 1)
    assert not TELLER.grouper.compare(a, b).same


def test_vocabulary_errors_are_one_line(tmp_path: Path) -> None:
    bad = tmp_path / "events.yaml"
    bad.write_text(
        "events: [{id: riot, label: Riot, cues: [{id: x, severity: 3, aliases: [a]}]}]"
        "\nnumbers: {killed: [k], wounded: [w], people: [p], kg: {kg: 1}}\n"
    )
    with pytest.raises(ConfigError, match=r"events\.yaml: events\.0: unknown event type 'riot'"):
        load_vocabulary(bad)
    raw = {
        "fallback": {"event": "attack", "casualties": "attack"},
        "events": [{"id": "attack", "label": "Attack", "cues": [
            {"id": "a", "severity": 3, "aliases": ["attack"]},
            {"id": "b", "severity": 3, "aliases": ["Attack"]}]}],
        "numbers": {"killed": ["k"], "wounded": ["w"], "people": ["p"], "kg": {"kg": 1}},
    }  # fmt: skip
    with pytest.raises(ConfigError, match="already an alias"):
        parse_vocabulary(raw, "x.yaml")


def test_dev_set_meets_the_targets() -> None:
    spec = importlib.util.spec_from_file_location("stories_eval", ROOT / "bench/stories_eval.py")
    assert spec is not None and spec.loader is not None
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)
    out = bench.evaluate(bench.load(bench.DEV), ROOT / "config" / "watchlist.yaml", False)
    assert out["pairs"]["precision"] >= 0.9 and out["pairs"]["f1"] >= 0.8
    assert out["concordance"]["story"] >= 0.75
    assert out["top_share"]["significance"] <= 0.2


def test_relevance_does_not_saturate_on_multi_outlet_coverage() -> None:
    from collections import Counter

    spec = importlib.util.spec_from_file_location("stories_eval", ROOT / "bench/stories_eval.py")
    assert spec is not None and spec.loader is not None
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)
    scores = [MATCHER.match(r["title"], r["summary"]).score for r in bench.load(bench.DEV)]
    top = Counter(scores).most_common(1)[0][1]
    assert top / len(scores) <= 0.2
    strong = MATCHER.match(
        "Clash on the Tajik-Afghan border in Shamsiddin Shohin: Taliban and Tajik border guards",
        "Tajikistan and Afghanistan traded fire across the Panj at a border post.",
    )
    rules = {b.get("rule"): b["contribution"] for b in strong.breakdown if b.get("rule")}
    assert rules["saturation"] < 0 and 0.9 < strong.score < 1.0
    assert strong.score == pytest.approx(sum(b["contribution"] for b in strong.breakdown), 1e-3)


@pytest.mark.parametrize(
    ("title", "event"),
    [
        ("Пограничная застава в Хатлоне атакована со стороны Афганистана", "attack"),
        ("Пограничник убит на таджикско-афганской границе", "attack"),
        ("На границе ранен таджикский пограничник", "attack"),
        ("إطلاق نار على الحدود بين طاجيكستان وأفغانستان", "clash"),
        ("هجوم بطائرة مسيّرة على الحدود الطاجيكية", "attack"),
        ("مقتل حارس حدود طاجيكي على الحدود الأفغانية", "attack"),
        ("ضبط شحنة مخدرات على الحدود الطاجيكية الأفغانية", "smuggling"),
        ("President Rahmon visited the border detachment in Panj", "deployment"),
        ("Hundreds of Afghans gathered at the border seeking entry to Tajikistan", "crossing"),
        ("China will build a border post for Tajikistan in Badakhshan", "aid"),
    ],
)
def test_a_report_with_an_incident_word_is_never_analysis(title: str, event: str) -> None:
    assert read(title).event == event


@pytest.mark.parametrize(
    ("title", "counts"),
    [
        ("د تاجکستان په پوله یو سرحدي ساتونکی ووژل شو", {"killed": 1.0}),
        # hundreds gathered (a lone multiplier is its number), one guard killed
        (
            "د تاجکستان په پوله سلګونه کسان راټول شول، یو سرحدي ساتونکی ووژل شو",
            {"killed": 1.0, "people": 100.0},
        ),
        ("د تاجکستان په پوله دوه سرتیري ټپیان شول", {"wounded": 2.0}),
        ("Three border guards wounded in Tajik border shooting", {"wounded": 3.0}),
        ("Трое пограничников получили ранения на границе", {"wounded": 3.0}),
        ("یک مرزبان تاجیک زخمی شد", {"wounded": 1.0}),
    ],
)
def test_counts_bind_to_the_nearest_casualty_word(title: str, counts: dict[str, float]) -> None:
    assert read(title).counts == counts


def test_a_toll_that_grows_is_one_story() -> None:
    first = report(1, "Two Tajik border guards killed in clash with Taliban in Farkhor", "", 0)
    later = report(2, "Death toll rises: three Tajik border guards killed in Farkhor clash", "", 6)
    lower = report(3, "One Tajik border guard killed in Farkhor clash with Taliban", "", 8)
    assert TELLER.grouper.compare(first, later).same
    stories = TELLER.group([first, later, lower])
    assert sorted(sorted(r.key for r in s.reports) for s in stories) == [[1, 2], [3]]
    wounded = report(4, "Four Tajik border guards wounded in clash with Taliban in Farkhor", "", 0)
    died = report(5, "Two wounded Tajik border guards died: two killed, two wounded in Farkhor",
                  "", 10)  # fmt: skip
    assert TELLER.grouper.compare(wounded, died).same
    same_time = report(6, "Nine Tajik border guards killed in clash with Taliban in Farkhor", "", 0)
    assert not TELLER.grouper.compare(first, same_time).same


def test_a_toll_grows_from_the_first_report_whatever_outlets_repeat_in_between() -> None:
    first = report(1, "Two Tajik border guards killed in clash with Taliban in Farkhor", "", 0)
    more = report(2, "Three killed in clash with Taliban in Farkhor, border troops say", "", 8)
    lagging = report(3, "Two Tajik border guards killed in Farkhor clash", "", 9.5)
    total = report(4, "Five killed in clash on the Farkhor border", "", 10)
    stories = TELLER.group([first, more, lagging, total])
    assert [sorted(r.key for r in s.reports) for s in stories] == [[1, 2, 3, 4]]
    # Near-miss: a higher figure within the hour of the first report is another event.
    same_hour = report(5, "Five killed in clash on the Farkhor border", "", 0.5)
    assert len(TELLER.group([first, same_hour])) == 2


def test_type_families_and_their_traps() -> None:
    attack = report(1, "Taliban fighters attack Tajik border post in Farkhor", "", 0)
    clash = report(2, "Tajik and Taliban forces clash at the border in Farkhor", "", 1)
    incursion = report(3, "Armed men cross into Tajikistan in Farkhor, firefight at post", "", 2)
    assert len(TELLER.group([attack, clash, incursion])) == 1
    smugglers = report(4, "Tajik border guards kill three Afghan smugglers in Farkhor shoot-out",
                       "", 0)  # fmt: skip
    firefight = report(5, "Three killed in clash on the Farkhor border", "", 3)
    assert TELLER.grouper.compare(smugglers, firefight).same
    seizure = report(6, "Border guards seize 80 kg of heroin in Farkhor", "", 4)
    assert not TELLER.grouper.compare(clash, seizure).same
    aid = report(7, "China hands over equipment to Tajik border guards in Khatlon", "", 1)
    assert not TELLER.grouper.compare(incursion, aid).same
    week = report(8, "Tajik and Taliban forces clash at the border in Farkhor", "", 24 * 7)
    assert not TELLER.grouper.compare(clash, week).same


def test_places_within_one_another_agree() -> None:
    village = report(1, "Two Tajik border guards killed in clash with Taliban in Kokul", "", 0)
    district = report(2, "Two Tajik border guards killed in clash with Taliban in Farkhor", "", 2)
    province = report(3, "Two Tajik border guards killed in clash with Taliban in Khatlon", "", 3)
    verdict = TELLER.grouper.compare(village, district)
    assert verdict.same and "Kokul is in Farkhor" in verdict.reasons
    assert TELLER.grouper.compare(village, province).same
    far = report(4, "Two Tajik border guards killed in clash with Taliban in Vanj", "", 1)
    assert TELLER.grouper.compare(village, far).reasons == ("different stretches of the border",)


def test_same_parties_same_day_diplomacy_joins() -> None:
    a = report(1, "Tajikistan and Afghanistan's Taliban hold consultations in Kabul", "", 0)
    b = report(2, "Tajik and Taliban officials hold consultations on border issues", "", 5)
    assert TELLER.grouper.compare(a, b).same


def test_a_story_told_by_many_outlets_ranks_above_one_outlets_report_of_its_severity() -> None:
    """Among stories of one severity the number of outlets counts: sixteen outlets' killing
    ranks above one outlet's clash whose report was a little more significant."""
    many = story_significance([3.61, 3.5, 3.4], 16)
    one = story_significance([3.65], 1)
    assert 3 < one < many < 4
    assert story_significance([2.949], 40) < 3  # never reaches the next severity
    assert story_significance([3.2], 2) < story_significance([3.2], 3)
