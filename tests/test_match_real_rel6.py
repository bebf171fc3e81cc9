"""Session 6 relevance misses on real coverage (the per-language kinds are in
test_match_real_kinds.py): the domestic cap, real headlines, the sideless origin frame."""

from __future__ import annotations

from pathlib import Path

import pytest

from monitor.errors import ConfigError
from monitor.match import Matcher, MatchResult, load_watchlist


def _rules(result: MatchResult) -> set[object]:
    return {b.get("rule") for b in result.breakdown}


# Violence at a border place is not district life (a road crew shot at in Darvoz), but
# violence in a protest is still unrest (Khorog): only unrest keeps the domestic cap.
VIOLENCE_AT_A_BORDER_PLACE = [
    ("Gunmen open fire on road construction crew in Darvoz, two Chinese workers killed",
     "Police open fire on protesters in Khorog, two killed"),
    ("В Дарвазе обстреляны рабочие на строительстве дороги, двое погибли",
     "В Хороге во время протеста открыли огонь, двое погибли"),
    ("Дар Дарвоз ба коргарони сохтмони роҳ тирпарронӣ шуд",
     "Дар Хоруғ эътирозгарон бо нерӯҳои амниятӣ даргир шуданд, тирпарронӣ шуд"),
    ("در درواز بر کارگران جاده سازی تیراندازی شد", "در خاروغ بر معترضان تیراندازی شد"),
]  # fmt: skip


@pytest.mark.parametrize(("hit", "miss"), VIOLENCE_AT_A_BORDER_PLACE)
def test_violence_at_a_border_place_lifts_the_district_life_cap(
    matcher: Matcher, hit: str, miss: str
) -> None:
    found = matcher.match(hit, "")
    missed = matcher.match(miss, "")
    assert "tj-domestic" in found.term_ids and "domestic_cap" not in _rules(found)
    assert found.relevant, found.breakdown
    assert "tj-unrest" in missed.term_ids and "domestic_cap" in _rules(missed)
    assert not missed.relevant, missed.breakdown


def test_real_miss_from_the_neighbouring_territory(matcher: Matcher) -> None:
    """R4-137: a diplomatic "protest" and no country named as the origin."""
    found = matcher.match(
        "МИД РТ: в Дарвазском районе с сопредельной территории убиты двое граждан КНР",
        "Министерство иностранных дел Таджикистана выразило решительный протест в связи с "
        "новым нападением и призвало афганские власти принять меры на границе.",
    )
    rules = _rules(found)
    assert found.relevant and "cross_border" in rules and "domestic_cap" not in rules


def test_pashto_border_of_tajikistan_with_the_islamic_emirate(matcher: Matcher) -> None:
    """R4-100: the Taliban spokesman on "Tajikistan's border" (د تاجکستان په پوله)."""
    found = matcher.match(
        "بلخي: اسلامي امارت د تاجکستان په پوله کې د چینايي اتباعو له وژل کېدو خواشینی دی", ""
    )
    assert {"border-with-tajikistan", "taliban"} <= set(found.term_ids)
    assert found.relevant and "border_with_other_side" in _rules(found)
    capital = matcher.match("بلخي: اسلامي امارت د تاجکستان په پلازمېنه کې له لوبې خوښ دی", "")
    assert not capital.relevant, capital.breakdown


def test_only_origin_may_be_sideless(tmp_path: Path) -> None:
    path = tmp_path / "w.yaml"
    path.write_text(
        "version: 1\nentries:\n"
        "  - {id: a, name: Alpha, kind: x, role: topic, side: none, frame: origin}\n"
        "  - {id: b, name: Beta, kind: x, role: topic, side: none, frame: destination}\n",
        encoding="utf-8",
    )
    with pytest.raises(ConfigError, match="frame 'destination' needs side"):
        load_watchlist(path)


# Hit / near-miss pairs for the second round: both banks, relations, entry, the two capitals.
SECOND_ROUND = [
    # places on both banks (or a place and both banks' provinces): the hospital or the cotton
    # is not district life; one bank "bordering Afghanistan" still is
    ("Wakhan residents to be treated at Ishkashim hospital in Tajikistan",
     "New hospital opens in Ishkashim, bordering Afghanistan"),
    ("Takhar and Khatlon agree to open Kokul bridge for cotton and fuel",
     "Cotton harvest begins in Khatlon's Farkhor district, bordering Afghanistan"),
    # Kabul's diplomatic protest is relations (context tier), a protest in Khorog is unrest
    ("طالبان از تاجیکستان خواستند به مخالفان میزبانی نکند؛ کابل اعتراض کرد",
     "اعتراض معترضان در خاروغ در مرز افغانستان ادامه دارد"),
    ("Tajikistan bans entry of Afghan citizens", "Tajikistan bans entry of Chinese citizens"),
    ("Islamic Emirate warns Tajikistan against interference",
     "Russia warns United States against interference"),
    # "Dushanbe and Kabul" is the pair (both governments), not Dushanbe alone
    ("دوشنبه و کابل بر سر صادرات برق توافق کردند", "روز دوشنبه و سه‌شنبه در کابل برق قطع بود"),
]  # fmt: skip


@pytest.mark.parametrize(("hit", "miss"), SECOND_ROUND)
def test_second_round_hit_and_near_miss(matcher: Matcher, hit: str, miss: str) -> None:
    found = matcher.match(hit, "")
    missed = matcher.match(miss, "")
    assert found.relevant and "domestic_cap" not in _rules(found), found.breakdown
    assert not missed.relevant, missed.breakdown


def test_the_two_capitals_are_the_pair(matcher: Matcher) -> None:
    found = matcher.match("دوشنبه و کابل بر سر صادرات برق توافق کردند", "")
    assert "tajik-afghan" in found.term_ids and "pair_and_border" in _rules(found)


def test_bare_badakhshan_is_the_afghan_province(matcher: Matcher) -> None:
    """With Kabul it names no second side; with Tajikistan it is the other bank."""
    lapis = matcher.match(
        "Badakhshan lapis lazuli fetches record prices at Kabul gem market",
        "Traders at Chicken Street said demand from Chinese buyers was growing.",
    )
    assert "relations_context" not in _rules(lapis) and not lapis.relevant, lapis.breakdown
    flour = matcher.match(
        "Darwaz residents of Badakhshan depend on Tajik markets for flour",
        "Without cross-border trade with Tajikistan, they say, flour does not reach the villages.",
    )
    assert flour.relevant, flour.breakdown
