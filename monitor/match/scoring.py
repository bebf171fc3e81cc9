"""Score a list of hits: term contributions by role, then co-occurrence rules and penalties.

The score is a pure function of the hits and the watchlist; every term's contribution and
every rule that fired is reported in the breakdown. See docs/matching.md for the rationale.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Literal, NamedTuple

from monitor.match.hit import Located
from monitor.match.watchlist import DOMESTIC_CONTEXTS, Watchlist, WatchlistEntry

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
    "tj_unrest": "Tajik unrest context",
    "tj_domestic": "Tajik domestic context",
    "travel": "travel context",
}
Tier = Literal["border", "context"]
PROXIMITY_WORDS = 3
_ACROSS = {"tj": "af", "af": "tj"}  # the other bank
OWNER_WORDS = 2  # a sided term this close to another country's name is about that country
DIRECTION_WORDS = 20  # "from Afghanistan" and the Tajik side within this many words


@dataclass(frozen=True)
class ScoringRules:
    """The rule weights (defaults are the tuned values; a config may override them)."""

    pair_and_border: float = 0.3
    both_countries_and_border: float = 0.3
    border_next_to_country: float = 0.1
    place_and_border: float = 0.15
    place_and_country: float = 0.1
    place_and_topic: float = 0.25
    both_countries_and_topic: float = 0.1
    cross_border: float = 0.25
    border_with_other_side: float = 0.15
    relations_context: float = 0.3
    region_border_topic: float = 0.25
    border_force_and_topic: float = 0.35
    province_violence: float = 0.3
    seizure_in_tajikistan: float = 0.3
    context_tier_cap: float = 0.65
    domestic_cap: float = 0.45
    context_first: float = 0.3
    context_more: float = 0.1
    context_cap: float = 0.6
    border_next_to_context: float = 0.2
    penalty_cap: float = 0.8
    strong_evidence_penalty_scale: float = 0.5
    saturation_knee: float = 0.8  # scores up to here are the plain sum
    saturation_scale: float = 0.6  # above it: knee + (1 - knee)(1 - e^-(sum - knee)/scale)


_DEFAULT_RULES = ScoringRules()
_REGION_WEIGHT = ROLE_WEIGHT["region"]


@dataclass
class Scored:
    """The outcome of scoring."""

    score: float
    breakdown: list[dict[str, object]] = field(default_factory=list)
    term_order: list[str] = field(default_factory=list)  # term ids, most contributing first
    tier: Tier | None = None  # what the score rests on: border evidence, or context only


class _Term(NamedTuple):
    """What scoring needs of an entry, computed once per watchlist."""

    entry: WatchlistEntry
    base: float
    group: str  # the cap group: the role, or country:<side>
    cap: float
    tj: bool  # names the Tajik side (sided roles only)
    af: bool
    border: bool  # a border word, or implies one
    national: bool  # country, actor or anchor
    label: str
    frame: str | None
    topic: bool  # an incident/crossing topic (not a relations word)
    role: str
    side: str
    context: str | None  # another border's (or a domestic) context, for negative terms
    border_hit: bool  # its hits are border words for proximity (border role, "border with X")
    event: bool  # itself border business: smuggling, border market, Border Troops…
    requires: frozenset[str]  # counts only with a hit of one of these entries (a cue)
    foreign: bool  # another border's context (not a domestic one): owns sided terms near it
    values: dict[float, float]  # field weight → its contribution below the cap (rounded)


_PROFILES: dict[int, tuple[Watchlist, dict[str, _Term]]] = {}


def _profile(watchlist: Watchlist) -> dict[str, _Term]:
    """Scoring facts for every curated entry, by id (cached per watchlist object)."""
    cached = _PROFILES.get(id(watchlist))
    if cached is not None and cached[0] is watchlist:
        return cached[1]
    if len(_PROFILES) > 16:  # a few watchlists per process; never grow without bound
        _PROFILES.clear()
    profile: dict[str, _Term] = {}
    for e in watchlist.entries:
        if e.status == "candidate" or e.role == "candidate" or e.id in profile:
            continue
        country = e.role == "country"
        sided = e.role in SIDED_ROLES or e.frame == "border_with"
        base = e.weight if e.weight is not None else ROLE_WEIGHT[e.role]
        context = e.context if e.role == "negative" else None
        profile[e.id] = _Term(
            entry=e,
            base=base,
            group=f"country:{e.side}" if country else e.role,
            cap=COUNTRY_SIDE_CAP if country else ROLE_CAP.get(e.role, 1.0),
            tj=sided and e.side in ("tj", "both"),
            af=sided and e.side in ("af", "both"),
            border=e.role == "border" or (e.implies_border and e.role != "negative"),
            national=e.role in ("country", "actor", "anchor"),
            label=f"{e.name} ({e.role})",
            frame=e.frame,
            # "from across the border" is a direction: it needs an incident of its own
            topic=e.role == "topic" and e.frame not in ("relation", "origin"),
            role=e.role,
            side=e.side,
            context=context,
            border_hit=e.role == "border" or e.frame == "border_with",
            # "the border with X", plain border words and places are not border business:
            # they also describe where a domestic story happens
            event=e.implies_border and e.role in ("topic", "actor"),
            requires=frozenset(e.requires),
            foreign=bool(context) and context not in DOMESTIC_CONTEXTS,
            values={w: round(base * w, 4) for w in {*FIELD_WEIGHT.values(), 0.6}},
        )
    _PROFILES[id(watchlist)] = (watchlist, profile)
    return profile


def _opposite(place_side: str, term_side: str) -> bool:
    """Whether a term names the other country than a place (a both-sided place: any)."""
    if "none" in (place_side, term_side):
        return False
    return place_side == "both" or term_side == "both" or place_side != term_side


def _near(a: Sequence[Located], b: Sequence[Located], words: int = PROXIMITY_WORDS) -> bool:
    """Whether a hit of ``a`` and one of another term in ``b`` are ``words`` apart in a field."""
    for x in a:  # plain loops: cheaper than any() over a generator for these short lists
        field, term_id, word = x.field, x.term_id, x.word
        for y in b:
            if y.field == field and y.term_id != term_id and abs(y.word - word) <= words:
                return True
    return False


_NOTHING: frozenset[str] = frozenset()


def _owned(terms: dict[str, _Term], by_term: dict[str, list[Located]]) -> frozenset[str]:
    """Sided terms whose every hit is within ``OWNER_WORDS`` of another border's term."""
    foreign = [(h.field, h.word) for t, term in terms.items() if term.foreign for h in by_term[t]]
    if not foreign:
        return _NOTHING
    owned = []
    for term_id, term in terms.items():  # plain loops: cheaper than all(any(...)) here
        if not (term.tj or term.af):
            continue
        for hit in by_term[term_id]:
            hit_field, hit_word = hit.field, hit.word
            for where, word in foreign:
                if where == hit_field and abs(hit_word - word) <= OWNER_WORDS:
                    break
            else:
                break  # this hit is near no other border's term: the term is not owned
        else:
            owned.append(term_id)
    return frozenset(owned) if owned else _NOTHING


def _side_hits(
    terms: dict[str, _Term], by_term: dict[str, list[Located]], owned: frozenset[str], side: str
) -> list[Located]:
    """The hits of every term naming ``side`` (not owned by another country's name)."""
    return [
        h
        for t, term in terms.items()
        if (term.tj if side == "tj" else term.af) and t not in owned
        for h in by_term[t]
    ]


def _linked(a: Sequence[Located], b: Sequence[Located]) -> bool:
    """Within ``DIRECTION_WORDS`` in one field, or one in the title and one in the summary."""
    return _near(a, b, DIRECTION_WORDS) or any(
        x.field != y.field and {x.field, y.field} == {"title", "summary"} for x in a for y in b
    )


def score_hits(
    hits: Sequence[Located], watchlist: Watchlist, rules: ScoringRules | None = None
) -> Scored:
    """Score hits against their watchlist entries (pure function), with the breakdown."""
    breakdown: list[dict[str, object]] = []
    score, contributions, tier = _score(hits, watchlist, rules, breakdown)
    order = [t for _, t in sorted((-c, t) for t, c in contributions.items())]
    return Scored(score=score, breakdown=breakdown, term_order=order, tier=tier)


def score_value(
    hits: Sequence[Located], watchlist: Watchlist, rules: ScoringRules | None = None
) -> float:
    """``score_hits(...).score`` without building the breakdown and term order (cheaper)."""
    return score_tier(hits, watchlist, rules)[0]


def score_tier(
    hits: Sequence[Located], watchlist: Watchlist, rules: ScoringRules | None = None
) -> tuple[float, Tier | None]:
    """The score and its tier, without the breakdown (cheaper)."""
    if not hits:
        return 0.0, None
    score, _, tier = _score(hits, watchlist, rules, None)
    return score, tier


def _score(
    hits: Sequence[Located],
    watchlist: Watchlist,
    rules: ScoringRules | None,
    breakdown: list[dict[str, object]] | None,
) -> tuple[float, dict[str, float], Tier | None]:
    """The score, each term's contribution and the tier; fills ``breakdown`` unless None.

    Both public functions go through here, so the score never depends on explaining it.
    """
    rules = rules or _DEFAULT_RULES
    cached = _PROFILES.get(id(watchlist))
    profile = cached[1] if cached is not None and cached[0] is watchlist else _profile(watchlist)
    by_term: dict[str, list[Located]] = {}
    terms: dict[str, _Term] = {}
    best: dict[str, float] = {}  # the best field weight of each term
    contexts_present = cued = False
    field_weight = FIELD_WEIGHT.get
    for hit in hits:
        term_id = hit.term_id
        same = by_term.get(term_id)
        if same is not None:
            same.append(hit)
            weight = field_weight(hit.field, 0.6)
            if weight > best[term_id]:
                best[term_id] = weight
            continue
        term = profile.get(term_id)
        if term is None:
            entry = watchlist.get(term_id)  # a hit by canonical name (not by id)
            term = profile.get(entry.id) if entry is not None else None
            if term is None:
                continue
        by_term[term_id] = [hit]
        terms[term_id] = term
        best[term_id] = field_weight(hit.field, 0.6)
        if term.context:
            contexts_present = True
        if term.requires:
            cued = True
    if cued:  # an ambiguous bare name without its cue does not count
        present = {term.entry.id for term in terms.values()}
        for term_id in [t for t, term in terms.items() if term.requires]:
            if not terms[term_id].requires & present:
                del terms[term_id], by_term[term_id], best[term_id]
    contributions: dict[str, float] = {}
    if not terms:
        return 0.0, contributions, None

    total = 0.0
    raw = [(-term.base * best[term_id], term_id) for term_id, term in terms.items()]
    raw.sort()
    used: dict[str, float] = {}
    for neg_value, term_id in raw:
        term = terms[term_id]
        spent = used.get(term.group, 0.0)
        if -neg_value <= term.cap - spent:  # below the cap: the precomputed rounded value
            value = term.values[best[term_id]]
        else:
            value = round(max(0.0, term.cap - spent), 4)
        used[term.group] = spent + value
        contributions[term_id] = value
        if value > 0:
            total += value
            if breakdown is not None:
                breakdown.append({"term_id": term_id, "label": term.label, "contribution": value})

    # A sided term right next to another country's name is about that country's border
    # ("Pakistani border troops", "пограничными войсками Пакистана", "Afghan and Iranian").
    owned = _owned(terms, by_term) if contexts_present else _NOTHING

    tj = af = relation = event = False
    contraband = seized = located_tj = tj_actor = violence = force = False
    sided_terms = 0
    anchors = places = sided_places = both_places = border_terms = topics = all_topics = 0
    regions = 0
    province = False  # an Afghan border province facing mainly Tajikistan (not Balkh)
    place_sides: list[str] = []
    region_sides: set[str] = set()
    national_sides: list[str] = []
    border_hits: list[Located] = []
    sided_hits: list[Located] = []
    # (side, hits, frame) of origin/destination terms
    directional: list[tuple[str, list[Located], str]] = []
    border_with: list[str] = []  # the sides named by "the border with X"
    contexts: dict[str, list[str]] = {}
    for term_id, term in terms.items():
        # one unpacking instead of a dozen attribute look-ups (this loop is the hot path)
        (entry, _, _, _, t_tj, t_af, t_border, national, _, frame, topic, role, side, context,
         border_hit, t_event, _, _, _) = term  # fmt: skip
        own = not owned or term_id not in owned
        if own and (t_tj or t_af):
            # a province named alike on both banks is, bare, the Afghan one (the Tajik one is
            # Gorno-Badakhshan): with Kabul it names no second side ("Badakhshan lapis at a
            # Kabul market"), with Tajikistan it does ("Darwaz of Badakhshan depends on Tajik
            # markets")
            shared = role == "region" and side == "both"
            tj = tj or (t_tj and not shared)
            af = af or t_af
            sided_terms += 1
        if frame is None:
            pass
        elif frame == "relation":
            relation = True
        elif frame == "contraband":
            contraband = True
        elif frame == "seizure":
            seized = True
        elif frame == "violence":
            violence = True
        elif own:
            if frame == "border_with":
                border_with.append(side)
            elif frame == "location":
                located_tj = located_tj or side == "tj"
            else:  # origin, destination
                directional.append((side, by_term[term_id], frame))
        if own and entry.kind == "range" and entry.implies_border and side in _ACROSS:
            # a training range near the border (Harbmaidon): "the border with" the other side
            border_with.append(_ACROSS[side])
        if role == "actor" and own and side == "tj":
            tj_actor = True
        if t_event and role == "actor" and own and side != "none":
            force = True  # the force guarding this border (Tajik Border Troops)
        if role == "anchor":
            anchors += 1
        elif role == "region":
            regions += side != "none"
            if own:
                region_sides.add(side)
                province = province or (side in ("af", "both") and term.base >= _REGION_WEIGHT)
        elif role == "place":
            places += 1
            sided_places += side != "none"
            both_places += side == "both"
            place_sides.append(side)
        elif topic:
            all_topics += 1
            topics += not entry.implies_border
        elif context:
            contexts.setdefault(context, []).append(term_id)
        if border_hit:
            border_hits.extend(by_term[term_id])
        event = event or t_event
        border_terms += t_border
        if national and own:
            national_sides.append(side)
            if side != "none":
                sided_hits.extend(by_term[term_id])
    # Two different terms name the two sides (one both-sided term counts when another sided
    # term is present: exactly "any(a != b for a in tj_terms for b in af_terms)").
    both = bool(anchors or both_places) or (tj and af and (sided_terms > 1))
    has_border = bool(border_terms)
    border_tier = False

    def rule(name: str, label: str, value: float, tier: bool = True) -> None:
        nonlocal total, border_tier
        value = round(value, 4)
        total += value
        border_tier = border_tier or tier
        if breakdown is not None:
            breakdown.append({"rule": name, "label": label, "contribution": value})

    if anchors and has_border:
        rule("pair_and_border", "Tajik–Afghan pair + border word", rules.pair_and_border)
    qualified = False
    if both and has_border:
        rule(
            "both_countries_and_border",
            "both countries + border word",
            rules.both_countries_and_border,
        )
        if _near(border_hits, sided_hits):
            qualified = True
            rule(
                "border_next_to_country",
                "border word next to Tajik/Afghan term",
                rules.border_next_to_country,
            )
    if border_with and (("af" in border_with and tj) or ("tj" in border_with and af)):
        qualified = True
        rule(
            "border_with_other_side",
            "border with one country + the other side's actor (implicit side)",
            rules.border_with_other_side,
        )
    if places and has_border:
        rule("place_and_border", "border place + border word", rules.place_and_border)
    # An Afghan-bank place with a Tajik-bank one, or a place with the provinces of both
    # banks: something crosses between them (Khorog–Shegnan, Wakhan residents treated in
    # Ishkashim, Takhar and Khatlon open the Kokul bridge).
    banks = ("af" in place_sides and ("tj" in place_sides or "both" in place_sides)) or bool(
        places and region_sides >= {"tj", "af"}
    )
    event = event or banks
    if place_sides and any(_opposite(p, n) for p in place_sides for n in national_sides):
        rule("place_and_country", "border place + country", rules.place_and_country)
    elif banks:
        rule(
            "places_on_both_banks",
            "places facing each other across the river",
            rules.place_and_country,
        )
    if places and all_topics:
        rule("place_and_topic", "border place + incident/crossing topic", rules.place_and_topic)
    if force and all_topics and not places:
        # the Tajik Border Troops clash, seize, drill or get equipment: they guard this
        # border (another border's name next to them owns them: "Pakistani border troops")
        rule(
            "border_force_and_topic",
            "border force + incident/crossing topic",
            rules.border_force_and_topic,
        )
    if regions and not places and has_border and all_topics:
        # a border post, smuggling or a clash in a border province (China building border
        # outposts in GBAO, smuggling in Khatlon), no named place
        rule(
            "region_border_topic",
            "border province + border word + incident/crossing topic",
            rules.region_border_topic,
        )
    elif violence and province and not places:
        # fighting, a bomb or an airstrike in Kunduz, Takhar or Badakhshan (the Afghan bank's
        # provinces): "Taliban attack Kunduz city", "6 Taliban killed in Badakhshan clash"
        rule(
            "province_violence",
            "violence in an Afghan border province",
            rules.province_violence,
        )
    if both and topics and not has_border:
        rule(
            "both_countries_and_topic",
            "both countries + border topic",
            rules.both_countries_and_topic,
        )
    crossing = False
    if directional and all_topics:
        crossing = any(
            _linked(hits_, _side_hits(terms, by_term, owned, _ACROSS[side]))
            if side in _ACROSS
            # "from across the border" (no side): from the other side of whichever Tajik or
            # Afghan term it is linked to ("в Дарвазе с сопредельной территории")
            else _linked(hits_, _side_hits(terms, by_term, owned, "tj"))
            or _linked(hits_, _side_hits(terms, by_term, owned, "af"))
            for side, hits_, _ in directional
        )
    # Out of Tajikistan into Afghanistan: no other border lies that way (into Afghanistan
    # from Iran or Pakistan, or from Afghanistan into Termez, would).
    out_of_tajikistan = crossing and any(
        side == "tj"
        and frame == "origin"
        and _linked(hits_, _side_hits(terms, by_term, owned, "af"))
        for side, hits_, frame in directional
    )
    if crossing:
        event = True
        rule(
            "cross_border",
            "from one country into the other + incident/crossing topic",
            rules.cross_border,
        )
    if contraband and seized and (located_tj or tj_actor) and not crossing:
        # Drugs seized in Tajikistan or by its forces come across the river: smuggling
        # ("в Таджикистане изъято 200 кг гашиша", "په تاجکستان کې چرس ونیول شول").
        event = True
        rule(
            "seizure_in_tajikistan",
            "drugs seized in Tajikistan / by Tajik forces (smuggled across the border)",
            rules.seizure_in_tajikistan,
        )
    if relation and both and not border_tier:
        rule(
            "relations_context",
            "Dushanbe–Kabul relations / militancy (context tier)",
            rules.relations_context,
            tier=False,
        )
    tier: Tier | None = "border" if border_tier else ("context" if relation and both else None)

    # Explicit Tajik–Afghan border evidence outweighs a mention of another neighbour (a
    # sideless place such as the Amu Darya is shared with that neighbour, so it is not).
    # Something crossing between the two ("after Iran and Pakistan, Tajikistan too deports
    # Afghans") is such evidence too.
    strong = qualified or out_of_tajikistan or bool(has_border and (anchors or sided_places))
    scale = rules.strong_evidence_penalty_scale if strong else 1.0
    penalty = 0.0
    domestic: list[str] = []
    for context in sorted(contexts) if contexts else ():
        others = contexts[context]
        if context in DOMESTIC_CONTEXTS:
            domestic.extend(others)
            continue
        value = min(rules.context_cap, rules.context_first + rules.context_more * (len(others) - 1))
        if _near(border_hits, [h for t in others for h in by_term[t]]):
            value += rules.border_next_to_context
        value = min(value * scale, rules.penalty_cap - penalty)
        penalty += value
        if value > 0:
            label = ""
            if breakdown is not None:
                names = ", ".join(terms[t].entry.name for t in sorted(others))
                label = f"{CONTEXT_LABEL.get(context, context)} ({names})"
            rule(f"context:{context}", label, -value, tier=False)
            for t in others:
                contributions[t] = -value / len(others)

    # Above the knee, more evidence still raises the score, by less and less, so strong
    # matches keep their order instead of all sharing 1.00 (issue 11: no saturation).
    if total > rules.saturation_knee:
        knee, scale = rules.saturation_knee, rules.saturation_scale
        soft = knee + (1.0 - knee) * (1.0 - math.exp(-(total - knee) / scale))
        rule("saturation", "strong evidence: each more counts less", soft - total, tier=False)
    # Caps: a domestic story (protest, anniversary, harvest, travel) in which nothing crosses
    # the border stays below the default threshold; a context-tier score stays below border
    # events.
    cap, cap_name, cap_label = 1.0, "", ""
    # Violence at a border place is no district-life story (a road crew shot at in Darvoz),
    # but violence in a protest is still unrest (Khorog).
    struck = violence and sided_places and all(terms[t].context != "tj_unrest" for t in domestic)
    # A Dushanbe–Kabul relations story is not domestic ("Kabul protested"): the context
    # tier's cap applies instead.
    if domestic and not (event or anchors or struck or tier == "context"):
        cap, cap_name = rules.domestic_cap, "domestic_cap"
        if breakdown is not None:
            names = ", ".join(sorted({terms[t].entry.name for t in domestic}))
            cap_label = f"domestic story, nothing crosses the border ({names})"
    elif tier == "context":
        cap, cap_name, cap_label = rules.context_tier_cap, "context_tier_cap", "context tier"
    if cap_name and total > cap:
        rule(cap_name, cap_label, cap - total, tier=False)
    return round(min(1.0, max(0.0, total)), 4), contributions, tier
