"""A story's one-line English header from its event type and the canonical English names
of its watchlist entities: "Armed clash · Shurobod (Khatlon) · Taliban, Tajik Border Troops ·
4 outlets: en ru fa ps"."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence

from monitor.match.watchlist import Watchlist

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


def story_header(
    label: str,
    entity_ids: Sequence[Sequence[str]],
    watchlist: Watchlist,
    outlets: int,
    languages: Iterable[str | None],
) -> str:
    """The header; ``entity_ids`` holds each report's watchlist ids (most contributing first)."""
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
            elif entry.role == "actor":
                actors[entry.id] += 1

    def name(term_id: str) -> str:
        entry = watchlist.get(term_id)
        return entry.name if entry is not None else term_id

    ranked = _ranked(places, order)
    named = [e for e in ranked if e not in rivers] or ranked  # a river only if nothing else
    top = [e for e in named if 2 * places[e] >= places[named[0]]]  # places most reports name
    place_names = [name(e) for e in top[:MAX_PLACES]]
    region_names = [name(e) for e in _ranked(regions, order)[:1]]
    if place_names and region_names:
        where = f"{', '.join(place_names)} ({region_names[0]})"
    else:
        where = ", ".join(place_names or region_names) or DEFAULT_PLACE
    parts = [label, where]
    if actors:
        parts.append(", ".join(name(e) for e in _ranked(actors, order)[:MAX_ACTORS]))
    codes = languages_in_order(languages)
    noun = "outlet" if outlets == 1 else "outlets"
    parts.append(f"{outlets} {noun}: {' '.join(codes)}" if codes else f"{outlets} {noun}")
    return " · ".join(parts)
