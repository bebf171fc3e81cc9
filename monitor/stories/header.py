"""A story's one-line English header from its event type and the canonical English names
of its watchlist entities: "Armed clash · Shurobod (Khatlon) · Taliban, Tajik Border Troops ·
4 outlets: en ru fa ps".

The region in brackets is each shown place's own (the nearest region up its ``within:``
chain), never merely the first region the reports name: "Nizhny Panj (Khatlon), Sher Khan
Bandar (Kunduz)", "Chubek, Khamyadi (Khatlon)".
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence

from monitor.match.watchlist import Watchlist, WatchlistEntry

LANGUAGE_ORDER = ("en", "ru", "tg", "fa", "ps", "uz", "ar")
MAX_PLACES = 2
MAX_ACTORS = 2
DEFAULT_PLACE = "Tajik–Afghan border"


def _ranked(counter: Counter[str], order: dict[str, int]) -> list[str]:
    return sorted(counter, key=lambda e: (-counter[e], order.get(e, 0), e))


def languages_in_order(languages: Iterable[str | None]) -> list[str]:
    """Distinct language codes, the supported ones in their usual order first."""
    codes = {code for code in languages if code}
    rank = {code: i for i, code in enumerate(LANGUAGE_ORDER)}
    return sorted(codes, key=lambda c: (rank.get(c, len(rank)), c))


def region_of(term_id: str, within: Mapping[str, str], watchlist: Watchlist) -> str | None:
    """The nearest region (province) up a place's ``within:`` chain, or None."""
    seen = {term_id}
    while term_id in within:
        term_id = within[term_id]
        if term_id in seen:
            return None
        seen.add(term_id)
        entry = watchlist.get(term_id)
        if entry is not None and entry.role == "region":
            return term_id
    return None


def _same_side(a: WatchlistEntry | None, b: WatchlistEntry | None) -> bool:
    """Whether two entries can be on one bank (a side of "both" or "none" can be either)."""
    if a is None or b is None:
        return False
    return a.side == b.side or {a.side, b.side} & {"both", "none"} != set()


def _where(
    places: list[str],
    regions: list[str],
    within: Mapping[str, str],
    watchlist: Watchlist,
    name: Callable[[str], str],
) -> str:
    """Places with their own region in brackets (one bracket for a run of places in one
    region); a place outside every ``within:`` chain takes the reports' first region on its
    bank; no places: that region alone."""
    if not places:
        return name(regions[0]) if regions else DEFAULT_PLACE
    runs: list[tuple[list[str], str | None]] = []
    names = [name(p) for p in places]
    for place in places:
        if any(other.startswith(name(place) + " ") for other in names):
            continue  # the bare name of a place shown by its full name (Sher Khan Bandar)
        region = region_of(place, within, watchlist)
        if region is None:
            entry = watchlist.get(place)
            region = next((r for r in regions if _same_side(entry, watchlist.get(r))), None)
        if runs and runs[-1][1] == region:
            runs[-1][0].append(name(place))
        else:
            runs.append(([name(place)], region))
    return ", ".join(
        ", ".join(names) + (f" ({name(region)})" if region else "") for names, region in runs
    )


def story_header(
    label: str,
    entity_ids: Sequence[Sequence[str]],
    watchlist: Watchlist,
    outlets: int,
    languages: Iterable[str | None],
    within: Mapping[str, str] | None = None,
    elsewhere: Sequence[str] = (),
) -> str:
    """The header; ``entity_ids`` holds each report's watchlist ids (most contributing first);
    ``within`` maps a place to the place or region it lies in (events.yaml ``within:``);
    ``elsewhere``: another border's places and countries, most named first, when every report
    is about that border ("Kyrgyzstan (another border)", never "Tajik–Afghan border")."""
    within = within or {}
    places: Counter[str] = Counter()
    regions: Counter[str] = Counter()
    actors: Counter[str] = Counter()
    order: dict[str, int] = {}
    rivers: set[str] = set()
    for ids in entity_ids:
        for position, term_id in enumerate(dict.fromkeys(ids)):
            entry = watchlist.get(term_id)
            if entry is None or entry.status != "curated":
                continue
            order[entry.id] = min(order.get(entry.id, position), position)
            if entry.role == "place":
                places[entry.id] += 1
                if entry.kind in ("river", "bank"):
                    rivers.add(entry.id)
            elif entry.role == "region":
                regions[entry.id] += 1
            elif entry.role == "actor" or entry.third_party:  # who takes part (China too)
                actors[entry.id] += 1

    def name(term_id: str) -> str:
        entry = watchlist.get(term_id)
        return entry.name if entry is not None else term_id

    ranked = _ranked(places, order)
    by_region = _ranked(regions, order)
    if by_region:  # not a place of another province fewer reports name (Nizhny Panj for
        main = by_region[0]  # the fall of Kunduz)
        ranked = [
            e for e in ranked
            if places[e] >= regions[main]
            or region_of(e, within, watchlist) in (None, main)
        ]  # fmt: skip
    named = [e for e in ranked if e not in rivers] or ranked  # a river only if nothing else
    top = [e for e in named if 2 * places[e] >= places[named[0]]]  # places most reports name
    where = _where(top[:MAX_PLACES], by_region, within, watchlist, name)
    if elsewhere and not top:
        where = f"{', '.join(name(e) for e in elsewhere[:MAX_PLACES])} (another border)"
    parts = [label, where]
    if actors:
        parts.append(", ".join(name(e) for e in _ranked(actors, order)[:MAX_ACTORS]))
    codes = languages_in_order(languages)
    noun = "outlet" if outlets == 1 else "outlets"
    parts.append(f"{outlets} {noun}: {' '.join(codes)}" if codes else f"{outlets} {noun}")
    return " · ".join(parts)
