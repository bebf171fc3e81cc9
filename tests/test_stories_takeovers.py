"""Places taken, aircraft landed or downed, and ceasefires: what such reports are, and which
other reports they join (events.yaml `taken`, `paired`, `statements.truces`)."""

from __future__ import annotations

import pytest
from story_support import TELLER, read, report


def test_a_border_taken_is_a_capture_not_a_detention() -> None:
    """Pashto نیول is to take and to detain: beside a capture the border is the prize."""
    reading = read("طالبان وايي د تاجکستان سره پوله یې نیولې",
                   "طالبانو ادعا کړې چې د کندز ولایت شېرخان بندر یې نیولی.")  # fmt: skip
    assert (reading.event, reading.severity) == ("clash", 3), reading.cues
    assert not any(cue.startswith("smuggling/") for cue in reading.cues), reading.cues


def test_trade_resumed_after_a_capture_is_still_a_crossing_event() -> None:
    """After "after", the capture is in the background: it takes nothing the title reports."""
    reading = read("Trade resumes at border crossing after Taliban capture of Sher Khan Bandar")
    assert reading.event == "crossing", reading.cues
    assert not any(cue.endswith("(taken)") for cue in reading.cues)


def test_a_military_checkpoint_is_not_trade() -> None:
    reading = read("Four police killed in Taliban attack on checkpoint in Kunduz")
    assert reading.event == "attack"
    assert not any(cue.startswith("crossing/") for cue in reading.cues), reading.cues
    assert read("Two more checkpoints open on Kyrgyz-Tajik border").event == "crossing"


@pytest.mark.parametrize(
    ("title", "lang", "event"),
    [
        ("В аэропорту Бохтара приземлились афганские военные самолеты", "ru", "crossing"),
        ("Afghan military aircraft land in Tajikistan as Kabul falls", "en", "crossing"),
        ("МИД Таджикистана подтвердил посадку афганского самолета в Бохтаре", "ru",
         "crossing"),
        ("Афганский военный самолет разбился в Узбекистане", "ru", "incursion"),
        ("Afghan military plane crashes in Uzbekistan after crossing border", "en",
         "incursion"),
    ],
)  # fmt: skip
def test_military_aircraft_landing_cross_crashing_ones_intrude(
    title: str, lang: str, event: str
) -> None:
    """A military aircraft is an incursion only beside a crash, a downing or the airspace;
    planes landing with soldiers who fled are a crossing."""
    assert read(title).event == event, read(title).cues


def test_forces_put_on_heightened_alert_are_a_deployment() -> None:
    assert read("Погранвойска Таджикистана переведены в усиленный режим").event == "deployment"


def test_a_title_testing_a_relationship_is_commentary() -> None:
    reading = read("Deadly drone strike tests Tajikistan's thaw with the Taliban")
    assert reading.event == "analysis", reading.cues


def test_a_port_and_its_district_taken_are_two_takeovers() -> None:
    port = report(1, "Taliban seize Sher Khan Bandar port on Tajik border",
                  "The Taliban captured the Sher Khan Bandar crossing in Kunduz.")  # fmt: skip
    district = report(2, "Imam Sahib district falls to Taliban",
                      "Imam Sahib district of Kunduz fell to the Taliban on Tuesday.",
                      hours=2)  # fmt: skip
    again = report(3, "Taliban capture Sher Khan Bandar on Tajik border", "", hours=1)
    verdict = TELLER.grouper.compare(port, district)
    assert not verdict.same
    assert verdict.reasons == ("different places taken",)
    assert TELLER.grouper.compare(port, again).same


@pytest.mark.parametrize(
    ("title", "lang"),
    [
        ("Government troops recapture Kunduz after three days of Taliban rule", "en"),
        ("Afghan army regains control of Kunduz city centre", "en"),
        ("نیروهای دولتی کندز را دوباره پس گرفتند", "fa"),
        ("افغان ځواکونو کندز ښار بېرته ونیو", "ps"),
        ("Афганские войска вернули контроль над Кундузом", "ru"),
    ],
)  # fmt: skip
def test_a_place_retaken_is_not_its_fall(title: str, lang: str) -> None:
    """Kunduz fell on 28 September 2015 and was retaken on 1 October: four writers label the
    retaking its own story. The operation launched to retake it is not a retaking."""
    fall = report(1, "Taliban seize Kunduz city, hoist their flag",
                  "Taliban fighters captured the centre of Kunduz province on Monday.")  # fmt: skip
    counter = report(2, "Afghan forces launch operation to retake Kunduz",
                     "Troops began a counteroffensive in Kunduz, which fell to the Taliban on "
                     "Monday.", hours=4)  # fmt: skip
    retaken = report(3, title, "", hours=40, lang=lang)
    assert any(c.startswith("clash/recapture") for c in retaken.reading.cues), retaken.reading.cues
    assert not any(c.startswith("clash/recapture") for c in counter.reading.cues)
    assert "a place taken and retaken" not in TELLER.grouper.compare(fall, counter).reasons
    for other in (fall, counter):
        verdict = TELLER.grouper.compare(other, retaken)
        assert not verdict.same
        assert verdict.reasons == ("a place taken and retaken",)


def test_two_reports_of_the_retaking_are_one_story() -> None:
    one = report(1, "Afghan forces retake Kunduz from the Taliban",
                 "Officials said government forces retook the centre of Kunduz.")  # fmt: skip
    two = report(2, "Афганские силы отбили Кундуз у талибов",
                 "Правительственные войска вернули контроль над Кундузом.", hours=3,
                 lang="ru")  # fmt: skip
    assert TELLER.grouper.compare(one, two).same


def test_a_sweep_of_districts_joins_each_district_taken_in_its_province() -> None:
    """ "Several districts of Badakhshan fall" names some of them in its text: a report of one
    of them is the same sweep, where two single districts taken stay two takeovers."""
    sweep = report(1, "Taliban overrun several districts in Badakhshan province",
                   "The Taliban took Khwahan and Kof Ab districts on the Tajik border, "
                   "officials said.")  # fmt: skip
    one = report(2, "طالبان ولسوالی درواز بدخشان را تصرف کردند",
                 "طالبان ولسوالی درواز در ولایت بدخشان را تصرف کردند.", hours=3,
                 lang="fa")  # fmt: skip
    other = report(3, "Taliban seize Shighnan district in Badakhshan",
                   "The Taliban captured Shighnan district of Badakhshan province.",
                   hours=4)  # fmt: skip
    kunduz = report(4, "Taliban seize Imam Sahib district in Kunduz",
                    "The Taliban captured Imam Sahib district of Kunduz province.",
                    hours=2)  # fmt: skip
    assert sweep.sweep and not one.sweep
    assert TELLER.grouper.compare(sweep, one).same
    assert TELLER.grouper.compare(one, other).reasons == ("different places taken",)
    assert not TELLER.grouper.compare(sweep, kunduz).same  # another province


def test_a_ceasefire_joins_the_fighting_it_ends() -> None:
    fighting = report(1, "Heavy fighting in Khorog, dozens killed",
                      "Government troops fought armed men in Khorog, the capital of "
                      "Gorno-Badakhshan.")  # fmt: skip
    ceasefire = report(2, "Хорог: власти объявили о прекращении огня",
                       "Правительство Таджикистана объявило о прекращении огня в Хороге, "
                       "центре ГБАО.", hours=14, lang="ru")  # fmt: skip
    assert ceasefire.reading.event == "diplomacy", ceasefire.reading.cues
    assert TELLER.grouper.compatible(fighting, ceasefire)
    assert TELLER.grouper.compare(fighting, ceasefire).same


def test_a_ceasefire_agreed_at_talks_elsewhere_stays_apart() -> None:
    fighting = report(1, "Heavy fighting in Khorog, dozens killed",
                      "Government troops fought armed men in Khorog.")  # fmt: skip
    talks = report(2, "Pakistan and Afghanistan agree to immediate ceasefire after talks in "
                   "Doha", "", hours=3)  # fmt: skip
    assert not TELLER.grouper.compatible(fighting, talks)
    assert not TELLER.grouper.compare(fighting, talks).same


def test_a_story_about_another_border_names_that_border_in_its_header() -> None:
    reports = [
        report(1, "Kyrgyz, Tajik leaders agree ceasefire as border fighting kills dozens",
               "Fighting on the Kyrgyz-Tajik border near Batken killed 24 people."),
        report(2, "درگیری مرزی تاجیکستان و قرقیزستان؛ آتش بس اعلام شد", hours=5, lang="fa"),
    ]  # fmt: skip
    assert all(r.elsewhere for r in reports)
    where = TELLER.elsewhere(reports)
    assert where[0] == "batken" and "kyrgyzstan" in where, where
    ids = [sorted(r.entities) for r in reports]
    header = TELLER.header("clash", ids, 2, ["en", "fa"], where)
    assert header.startswith("Armed clash · Batken, Kyrgyzstan (another border)"), header
    assert "Tajik–Afghan border" not in header
    here = report(3, "Heavy fighting in Khorog, dozens killed", "Troops fought in Khorog.")
    assert TELLER.elsewhere([reports[0], here]) == []


def test_seizures_of_different_drugs_are_different_seizures() -> None:
    hashish = report(1, "Таджикистан: В Пяндже пограничники изъяли 20 кг гашиша", lang="ru")
    heroin = report(2, "Heroin seized in Badakhshan near Tajik border",
                    "Police seized 17 kilograms of heroin in Kohistan district.",
                    hours=20)  # fmt: skip
    verdict = TELLER.grouper.compare(hashish, heroin)
    assert not verdict.same
    assert verdict.reasons == ("different events (cannabis, heroin)",)


def test_an_outpost_handed_over_and_forces_sent_across_the_river_are_two_events() -> None:
    outpost = report(1, "Japan-funded border outpost opens in GBAO's Ishkashim",
                     "The outpost was handed over to Tajik border troops.")  # fmt: skip
    forces = report(2, "Taliban send more forces to Badakhshan border districts",
                    "The Taliban sent additional fighters to Ishkashim and Wakhan districts.",
                    hours=2)  # fmt: skip
    assert (outpost.reading.event, forces.reading.event) == ("aid", "deployment")
    assert not TELLER.grouper.compatible(outpost, forces)


@pytest.mark.parametrize(
    ("title", "event"),
    [
        ("Учения у границы с Афганистаном: как прошел финальный этап — фото", "deployment"),
        ("Учения у границы с Афганистаном: как Таджикистан готовится к угрозам", "analysis"),
        ("На полигоне Ляур прошли стрельбы 201-й базы — видео", "deployment"),
        ("Зась: ОДКБ следит за обстановкой на таджикско-афганской границе", "diplomacy"),
        ("Қӯшунҳои сарҳадӣ натиҷаи сол ҷамъбаст карданд", "analysis"),
        ("U.S. Embassy Transfers Renovated Border Post to Tajik Border Forces", "aid"),
        ("Afghan troops flee into Tajikistan as Russia sends reinforcements", "crossing"),
    ],
)  # fmt: skip
def test_real_wording_of_session_9(title: str, event: str) -> None:
    """A photo or video report of drills shows the drills; live-fire practice at a range is a
    drill; monitoring the situation is a statement; a year's results are a review; a renovated
    post handed over is aid; what follows "as Russia" is the background."""
    assert read(title).event == event, read(title).cues


@pytest.mark.parametrize(
    ("title", "event"),
    [
        ("Марзбонон: сарҳад бо Қундуз таҳти назорат аст", "deployment"),
        ("ГКНБ: ситуация на таджикско-афганской границе под контролем", "deployment"),
        ("Tajik border guards say situation on Afghan border under control", "deployment"),
        ("Қундуз таҳти назорати Толибон қарор гирифт", "clash"),
        ("Кундуз под контролем талибов", "clash"),
        ("Security beefed up on Badakhshan-Tajikistan border", "deployment"),
        ("Tajikistan steps up security along Afghan frontier", "deployment"),
    ],
)  # fmt: skip
def test_a_border_under_control_is_calm_a_town_under_taliban_control_taken(
    title: str, event: str
) -> None:
    """ "Under control" said of the border is the border troops' calm; said of the Taliban, a
    place taken. Security beefed up is an alert."""
    assert read(title).event == event, read(title).cues


def test_a_word_said_is_no_visit_to_the_troops() -> None:
    """`compatible:` pairs diplomacy and a deployment for an official's visit to the troops; a
    report with only remarks (`remarks:`) is a word said, not that visit."""
    word = report(1, "МИД РФ: ситуация в Хороге является внутренним делом Таджикистана",
                  "Официальный представитель МИД России заявила, что события в Хороге — "
                  "внутреннее дело Таджикистана.", lang="ru")  # fmt: skip
    alert = report(2, "Security beefed up in Khorog after clashes",
                   "Tajik authorities tightened security in Khorog.", hours=2)  # fmt: skip
    assert (word.reading.event, alert.reading.event) == ("diplomacy", "deployment")
    assert not TELLER.grouper.compatible(word, alert)
    warning = report(4, "ОДКБ исключила вмешательство в события в Хороге",
                     "Генсек ОДКБ заявил, что вмешательство в ситуацию в ГБАО не требуется.",
                     hours=1, lang="ru")  # fmt: skip
    assert warning.reading.event == "diplomacy", warning.reading.cues
    assert not TELLER.grouper.compatible(warning, alert)
    visit = report(3, "Rahmon visits border troops in Khorog",
                   "President Emomali Rahmon met border guards in Khorog.", hours=3)  # fmt: skip
    assert visit.reading.event == "diplomacy", visit.reading.cues
    assert TELLER.grouper.compatible(visit, alert)
