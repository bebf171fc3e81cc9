"""Border geography in story grouping: districts on one bank keep reports apart, districts
facing each other across the river join reports told from each side (config/events.yaml
``within:``, ``facing:``, ``counterparts:``; the watchlist's places)."""

from __future__ import annotations

from story_support import TELLER, report


def test_panj_district_and_farkhor_are_two_places() -> None:
    panj = report(1, "В Пянджском районе задержаны двое с 20 кг героина", "", 0, "ru")
    farkhor = report(2, "В Фархоре задержаны двое с 20 кг героина", "", 2, "ru")
    assert "panj-district" in panj.entities and "farkhor" in farkhor.entities
    verdict = TELLER.grouper.compare(panj, farkhor)
    assert not verdict.same and verdict.reasons == ("different places",)
    # Near-miss: the same seizure told in Tajik of the district joins.
    tajik = report(3, "Дар ноҳияи Панҷ ду нафар бо 20 кило ҳероин боздошт шуданд", "", 3, "tg")
    assert TELLER.grouper.compare(panj, tajik).same


def test_panj_district_faces_imam_sahib_and_dasht_e_archi() -> None:
    tajik = report(1, "Two Tajik border guards wounded in shooting in Pyanj district", "", 0)
    afghan = report(
        2, "د امام صاحب ولسوالۍ له خوا ډزې وشوې، دوه تاجک پوله ساتي ټپيان شول", "", 3, "ps"
    )
    verdict = TELLER.grouper.compare(tajik, afghan)
    assert verdict.same and "Panj district faces Imam Sahib" in verdict.reasons
    archi = report(3, "Shots from Dasht-e Archi wound two Tajik border guards", "", 2)
    assert "Panj district faces Dasht-e Archi" in TELLER.grouper.compare(tajik, archi).reasons
    # Near-miss: the river (a bare Panj) is no district and faces nothing.
    river = report(4, "Two Tajik border guards wounded in shooting across the Panj", "", 0)
    assert "panj-district" not in river.entities and "panj" in river.entities
    assert not any("faces" in r for r in TELLER.grouper.compare(river, afghan).reasons)


def test_facing_pairs_and_crossings_span_the_river() -> None:
    """Every ``facing:`` pair and every crossing's two ends are on opposite banks (a name
    both banks use may stand for its Afghan half), and every id is in the watchlist."""
    sides = TELLER.grouper.sides
    spec = TELLER.vocabulary.spec
    for pair in [*spec.facing, *spec.counterparts]:
        assert set(pair) <= sides.keys(), pair
        banks = {sides[e] for e in pair}
        assert banks in ({"tj", "af"}, {"tj", "both"}), pair
    # Near-miss: two districts of one bank never face each other.
    assert not TELLER.grouper.facing & {frozenset(("panj-district", "farkhor"))}
