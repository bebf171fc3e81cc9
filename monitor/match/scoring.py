"""Score a list of hits: term contributions by role, then co-occurrence rules and penalties.

The score is a pure function of the hits and the watchlist; every term's contribution and
every rule that fired is reported in the breakdown. See docs/matching.md for the rationale.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field

from monitor.match.hit import Hit
from monitor.match.watchlist import Watchlist, WatchlistEntry

FIELD_WEIGHT = {"title": 1.0, "summary": 0.8, "content": 0.6}
ROLE_WEIGHT = {
    "anchor": 0.3,
    "country": 0.15,
    "border": 0.1,
    "place": 0.25,
    "region": 0.1,
    "actor": 0.1,
    "topic": 0.05,
    "negative": 0.0,
    "neutral": 0.0,
    "candidate": 0.0,
}
# Most a role may add in total (repeating Tajikistan/Dushanbe/Tajik is one fact, not three).
ROLE_CAP = {
    "anchor": 0.35,
    "border": 0.15,
    "place": 0.45,
    "region": 0.2,
    "actor": 0.2,
    "topic": 0.15,
}
COUNTRY_SIDE_CAP = 0.2
SIDED_ROLES = frozenset({"anchor", "country", "place", "region", "actor"})
CONTEXT_LABEL = {
    "kyrgyz_border": "Kyrgyz border context",
    "afpak_border": "Afghan–Pakistani border context",
    "afiran_border": "Afghan–Iranian border context",
    "af_uz_border": "Afghan–Uzbek border context",
    "af_tm_border": "Afghan–Turkmen border context",
    "india": "Indian context",
}
PROXIMITY_WORDS = 3


@dataclass(frozen=True)
class ScoringRules:
    """The rule weights (defaults are the tuned values; a config may override them)."""

    pair_and_border: float = 0.3
    both_countries_and_border: float = 0.3
    border_next_to_country: float = 0.1
    place_and_border: float = 0.15
    place_and_country: float = 0.1
    both_countries_and_topic: float = 0.1
    context_first: float = 0.3
    context_more: float = 0.1
    context_cap: float = 0.6
    border_next_to_context: float = 0.2
    penalty_cap: float = 0.8
    strong_evidence_penalty_scale: float = 0.5


@dataclass
class Scored:
    """The outcome of scoring."""

    score: float
    breakdown: list[dict[str, object]] = field(default_factory=list)
    term_order: list[str] = field(default_factory=list)  # term ids, most contributing first


def _as_float(value: object) -> float:
    return float(value) if isinstance(value, int | float) else 0.0


def _opposite(place_side: str, term_side: str) -> bool:
    """Whether a term names the other country than a place (a both-sided place: any)."""
    if "none" in (place_side, term_side):
        return False
    return place_side == "both" or term_side == "both" or place_side != term_side


def _near(a: Sequence[Hit], b: Sequence[Hit]) -> bool:
    return any(
        x.field == y.field and x.term_id != y.term_id and abs(x.word - y.word) <= PROXIMITY_WORDS
        for x in a
        for y in b
    )


def score_hits(
    hits: Sequence[Hit], watchlist: Watchlist, rules: ScoringRules | None = None
) -> Scored:
    """Score hits against their watchlist entries (pure function)."""
    rules = rules or ScoringRules()
    by_term: dict[str, list[Hit]] = defaultdict(list)
    entries: dict[str, WatchlistEntry] = {}
    for hit in hits:
        entry = watchlist.get(hit.term_id)
        if entry is None or entry.status == "candidate" or entry.role == "candidate":
            continue
        by_term[hit.term_id].append(hit)
        entries[hit.term_id] = entry

    breakdown: list[dict[str, object]] = []
    contributions: dict[str, float] = {}
    raw: list[tuple[float, str]] = []
    for term_id, term_hits in by_term.items():
        entry = entries[term_id]
        base = entry.weight if entry.weight is not None else ROLE_WEIGHT[entry.role]
        raw.append((base * max(FIELD_WEIGHT.get(h.field, 0.6) for h in term_hits), term_id))
    raw.sort(key=lambda item: (-item[0], item[1]))
    used: dict[str, float] = defaultdict(float)
    for value, term_id in raw:
        entry = entries[term_id]
        if entry.role == "country":
            group = f"country:{entry.side}"
            cap = COUNTRY_SIDE_CAP
        else:
            group = entry.role
            cap = ROLE_CAP.get(entry.role, 1.0)
        value = round(max(0.0, min(value, cap - used[group])), 4)
        used[group] += value
        contributions[term_id] = value
        if value > 0:
            breakdown.append(
                {"term_id": term_id, "label": f"{entry.name} ({entry.role})", "contribution": value}
            )

    def hits_where(pred: object) -> list[Hit]:
        return [h for t, hs in by_term.items() if pred(entries[t]) for h in hs]  # type: ignore[operator]

    tj_terms = {t for t, e in entries.items() if e.role in SIDED_ROLES and e.side in ("tj", "both")}
    af_terms = {t for t, e in entries.items() if e.role in SIDED_ROLES and e.side in ("af", "both")}
    anchors = {t for t, e in entries.items() if e.role == "anchor"}
    places = {t for t, e in entries.items() if e.role == "place"}
    both_places = {t for t in places if entries[t].side == "both"}
    border_terms = {
        t
        for t, e in entries.items()
        if e.role == "border" or (e.implies_border and e.role != "negative")
    }
    topics = {t for t, e in entries.items() if e.role == "topic" and not e.implies_border}
    national = {t for t, e in entries.items() if e.role in ("country", "actor", "anchor")}
    both = bool(anchors or both_places) or any(a != b for a in tj_terms for b in af_terms)
    has_border = bool(border_terms)

    def rule(name: str, label: str, value: float) -> None:
        breakdown.append({"rule": name, "label": label, "contribution": round(value, 4)})

    if anchors and has_border:
        rule("pair_and_border", "Tajik–Afghan pair + border word", rules.pair_and_border)
    qualified = False
    if both and has_border:
        rule(
            "both_countries_and_border",
            "both countries + border word",
            rules.both_countries_and_border,
        )
        sided = hits_where(lambda e: e.role in ("country", "actor", "anchor") and e.side != "none")
        if _near(hits_where(lambda e: e.role == "border"), sided):
            qualified = True
            rule(
                "border_next_to_country",
                "border word next to Tajik/Afghan term",
                rules.border_next_to_country,
            )
    if places and has_border:
        rule("place_and_border", "border place + border word", rules.place_and_border)
    if any(_opposite(entries[p].side, entries[t].side) for p in places for t in national):
        rule("place_and_country", "border place + country", rules.place_and_country)
    if both and topics and not has_border:
        rule(
            "both_countries_and_topic",
            "both countries + border topic",
            rules.both_countries_and_topic,
        )

    # Explicit Tajik–Afghan border evidence outweighs a mention of another neighbour.
    strong = qualified or bool(has_border and (anchors or places))
    scale = rules.strong_evidence_penalty_scale if strong else 1.0
    penalty = 0.0
    contexts: dict[str, list[str]] = defaultdict(list)
    for term_id, entry in entries.items():
        if entry.role == "negative" and entry.context:
            contexts[entry.context].append(term_id)
    border_hits = hits_where(lambda e: e.role == "border")
    for context in sorted(contexts):
        terms = contexts[context]
        value = min(rules.context_cap, rules.context_first + rules.context_more * (len(terms) - 1))
        if _near(border_hits, [h for t in terms for h in by_term[t]]):
            value += rules.border_next_to_context
        value = min(value * scale, rules.penalty_cap - penalty)
        penalty += value
        if value > 0:
            names = ", ".join(entries[t].name for t in sorted(terms))
            rule(f"context:{context}", f"{CONTEXT_LABEL.get(context, context)} ({names})", -value)
            for t in terms:
                contributions[t] = -value / len(terms)

    total = sum(_as_float(item["contribution"]) for item in breakdown)
    score = round(min(1.0, max(0.0, total)), 4)
    order = sorted(contributions, key=lambda t: (-contributions[t], t))
    return Scored(score=score, breakdown=breakdown, term_order=order)
