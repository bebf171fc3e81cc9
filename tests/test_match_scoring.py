from __future__ import annotations

import json
import pickle

import pytest
from match_support import shipped_watchlist

from monitor.match import Matcher, Watchlist, WatchlistEntry


@pytest.fixture(scope="module")
def watchlist() -> Watchlist:
    return shipped_watchlist()


@pytest.mark.parametrize(
    ("title", "summary"),
    [
        ("Tajik border guards kill Afghan smugglers on the Panj", ""),
        ("На таджикско-афганской границе задержаны наркокурьеры", ""),
        ("Задухӯрд дар сарҳади Тоҷикистону Афғонистон", ""),
        ("درگیری در مرز تاجیکستان و افغانستان", ""),
    ],
)
def test_border_coverage_is_relevant(matcher: Matcher, title: str, summary: str) -> None:
    assert matcher.match(title, summary).relevant


@pytest.mark.parametrize(
    ("kind", "title", "summary"),
    [
        ("kyrgyz_border", "Tajik and Kyrgyz border guards clash near Vorukh", "Two killed."),
        ("afpak_border", "Afghanistan and Pakistan clash at Torkham border", "Trade halted."),
        ("afiran_border", "Iran and Afghan border guards exchange fire", "Near Islam Qala."),
        ("af_uz_tm_border", "Uzbekistan reopens Termez border with Afghanistan", "Trucks cross."),
        ("af_uz_tm_border", "Turkmen border guards detain Afghans", "Near Torghundi."),
        ("no_border_angle", "Tajikistan sends flour to Afghanistan", "Aid for Kabul."),
        ("name_other_context", "Rahmon speaks at UN climate summit", "Glaciers melt."),
        ("name_other_context", "Badakhshan rubies sold in Geneva", "Record price."),
        ("punjab_like", "Punjab floods", "Panjshir miners"),
    ],
)
def test_negative_kinds_are_not_relevant(
    matcher: Matcher, kind: str, title: str, summary: str
) -> None:
    result = matcher.match(title, summary)
    assert not result.relevant, (kind, result.breakdown)


def test_other_border_context_penalty_is_listed(matcher: Matcher) -> None:
    result = matcher.match("Tajik-Kyrgyz border clash in Batken", "")
    rules = {b.get("rule") for b in result.breakdown}
    assert "context:kyrgyz_border" in rules
    penalty = next(b for b in result.breakdown if b.get("rule") == "context:kyrgyz_border")
    assert penalty["contribution"] < 0


def test_breakdown_explains_the_score(matcher: Matcher) -> None:
    result = matcher.match("Tajikistan reinforces its border with Afghanistan", "")
    rules = {b.get("rule") for b in result.breakdown}
    assert "both_countries_and_border" in rules
    total = sum(b["contribution"] for b in result.breakdown)
    assert result.score == pytest.approx(min(1.0, max(0.0, total)), abs=1e-3)
    assert result.terms[0] in ("Tajikistan", "border with Afghanistan")
    assert set(result.term_ids) >= {"tajikistan", "border-with-afghanistan"}
    assert result.tier == "border"


def test_title_weighs_more_than_summary(matcher: Matcher) -> None:
    in_title = matcher.match("Ishkashim", "")
    in_summary = matcher.match("", "Ishkashim")
    assert in_title.score > in_summary.score > 0


def test_explanation_is_json(matcher: Matcher) -> None:
    result = matcher.match("Taliban mass fighters near Tajik border", "Takhar", language="en")
    explanation = result.to_explanation()
    text = json.dumps(explanation)
    assert json.loads(text)["version"] == 1
    assert explanation["watchlist_version"] == matcher.watchlist.version
    assert explanation["threshold"] == 0.5
    assert explanation["language"] == "en"
    assert explanation["hits"][0]["field"] == "title"


def test_threshold_decides_relevance(watchlist: Watchlist) -> None:
    strict = Matcher(watchlist, 0.99)
    lenient = Matcher(watchlist, 0.1)
    title = "Tajikistan and Afghanistan discuss trade"
    assert not strict.match(title, "").relevant
    assert lenient.match(title, "").relevant


def test_matcher_is_picklable(matcher: Matcher) -> None:
    clone = pickle.loads(pickle.dumps(matcher))
    a = matcher.match("Clash on the Panj", "Tajik guards")
    b = clone.match("Clash on the Panj", "Tajik guards")
    assert a.score == b.score and a.hits == b.hits


def test_candidates_are_neither_matched_nor_scored() -> None:
    entries = [
        WatchlistEntry(id="x", name="Zorkul", kind="place", role="candidate", status="candidate"),
        WatchlistEntry(
            id="y", name="Murghab", kind="place", role="place", side="tj", status="candidate"
        ),
    ]
    result = Matcher(Watchlist(entries), 0.5).match("Zorkul and Murghab", "")
    assert result.hits == []
    assert result.score == 0.0


@pytest.mark.parametrize(
    "title",
    [
        "Clash at Parkhar frontier post",
        "Стрельба у Парахара",
        "درگیری در همدانی",
        "Даргирӣ дар Ҳамадонӣ",
        "Дар Шӯрообод 35 кило ҳероин ба даст омад",
    ],
)
def test_border_place_with_incident_topic_is_relevant(matcher: Matcher, title: str) -> None:
    result = matcher.match(title, "")
    assert result.relevant, result.breakdown
    assert "place_and_topic" in {b.get("rule") for b in result.breakdown} or "border" in (
        result.term_ids
    )


@pytest.mark.parametrize(
    "title",
    [
        "Cotton harvest begins in Farkhor",
        "New school opens in Hamadoni district",
        "Дар Фархор ҷамъоварии пахта оғоз шуд",
        "Uzbek border guards detain Afghans who swam across the Amu Darya near Termez",
    ],
)
def test_border_place_without_border_topic_stays_below(matcher: Matcher, title: str) -> None:
    assert not matcher.match(title, "").relevant


def test_implied_border_phrases(matcher: Matcher) -> None:
    assert matcher.match("ОДКБ поможет укрепить южные рубежи Таджикистана", "").relevant
    assert matcher.match("تقویت مرزهای جنوبی تاجیکستان", "").relevant
    assert not matcher.match("Укрепление южных рубежей России обсудили в Ростове", "").relevant
    assert matcher.match("Shots fired from the Afghan side of the river near Khorog", "").relevant
    assert not matcher.match("Afghan bank chiefs meet in Kabul", "").relevant
