"""Story grouping: does a report belong to an existing story? (pure functions)

Evidence that does not depend on the language: the watchlist entities both reports name
(weighted by how specific they are: a district or a post says more than a country), their
event types, the numbers they report, and time; plus near-duplicate text within one language
(normalized with the matcher's normalizer). Hard rules keep different events apart: reports
more than the window apart, incompatible event types, conflicting counts, or each naming a
different border place.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from monitor.match.normalize import normalize
from monitor.match.watchlist import Watchlist, WatchlistEntry
from monitor.stories.reading import Reading
from monitor.stories.vocabulary import Vocabulary

DEFAULT_WINDOW = timedelta(hours=48)
SAME_STORY = 3.5  # evidence needed to join a story
NEAR_DUPLICATE = 0.5  # Jaccard similarity of the words of title + lead, same language
PLACE = 3.0  # specificity of a border place (district, village, post, crossing)
GROWTH_GAP = timedelta(hours=1)  # a higher toll this much later is the toll growing
REACTION_GAP = timedelta(hours=12)  # a leader's reaction this soon after an attack follows it
VIOLENT = frozenset({"attack", "clash", "incursion"})
REACTIONS = frozenset({"deployment", "diplomacy"})
_WORD = re.compile(r"\w{3,}")
_LEAD = 200


def specificity(entry: WatchlistEntry) -> float:
    """How much naming ``entry`` in two reports says they are about one event."""
    if entry.status != "curated":
        return 0.0
    role, kind = entry.role, entry.kind
    if role == "place":
        return 0.8 if kind == "river" else PLACE
    if role == "region":
        return 1.5
    if role == "actor":
        return 2.5 if kind == "person" else 1.2 if kind == "unit" else 1.0
    if role == "country":
        return 0.3
    return 0.0  # anchors, border words, topics, other borders: every report has them


@dataclass(frozen=True, slots=True)
class Report:
    """One report (a match) as grouping sees it."""

    key: int
    when: datetime
    language: str | None
    outlet: str
    reading: Reading
    entities: frozenset[str]  # watchlist ids
    words: frozenset[str] = frozenset()  # normalized words of title + lead


def report_words(title: str, summary: str) -> frozenset[str]:
    """The words near-duplicate detection compares (normalized like the matcher does)."""
    return frozenset(_WORD.findall(normalize(f"{title} {summary[:_LEAD]}")))


@dataclass
class Story:
    """A story being grouped: its reports, in the order they joined."""

    key: int
    reports: list[Report] = field(default_factory=list)

    @property
    def event(self) -> str:
        """The event type most reports agree on (weighted by cue confidence)."""
        votes: dict[str, float] = {}
        for r in self.reports:
            votes[r.reading.event] = votes.get(r.reading.event, 0.0) + 0.1 + r.reading.confidence
        return max(votes, key=lambda e: (votes[e], e))

    @property
    def counts(self) -> dict[str, float]:
        out: dict[str, float] = {}
        for r in self.reports:
            for kind, value in r.reading.counts.items():
                out[kind] = max(out.get(kind, 0.0), value)
        return out


@dataclass(frozen=True, slots=True)
class Verdict:
    """Why two reports are (or are not) one story."""

    same: bool
    score: float
    reasons: tuple[str, ...]


class Grouper:
    """Decides story membership with one watchlist and vocabulary."""

    def __init__(
        self,
        watchlist: Watchlist,
        vocabulary: Vocabulary,
        window: timedelta = DEFAULT_WINDOW,
    ) -> None:
        self.vocabulary = vocabulary
        self.window = window
        self.names = {e.id: e.name for e in reversed(watchlist.entries)}
        self.weight = {e.id: specificity(e) for e in reversed(watchlist.entries)}
        self.sides = {e.id: e.side for e in reversed(watchlist.entries)}
        self.roles = {e.id: e.role for e in reversed(watchlist.entries)}
        self.within = dict(vocabulary.spec.within)
        self.counterparts = {frozenset(pair) for pair in vocabulary.spec.counterparts}
        self.distinct = [frozenset(group) for group in vocabulary.spec.distinct]
        # Weak cues ("detained", "drugs") are said of too many events to tell them apart.
        self.weak_cues = {f"{event}/{cue.id}" for event, cue in vocabulary.cues if cue.weight < 1}

    def compare(self, a: Report, b: Report) -> Verdict:
        """The evidence that ``a`` and ``b`` report one event."""
        gap = abs(a.when - b.when)
        if gap > self.window:
            return Verdict(False, 0.0, (f"{_hours(gap)} apart",))
        ra, rb = a.reading, b.reading
        fallback = self.vocabulary.spec.fallback.event
        known_a, known_b = ra.confidence > 0, rb.confidence > 0
        early, late = (a, b) if (a.when, a.key) <= (b.when, b.key) else (b, a)
        conflict = conflicting_counts(early.reading.counts, late.reading.counts, gap >= GROWTH_GAP)
        if conflict:
            return Verdict(False, 0.0, (conflict,))
        # The same people killed or wounded in one province or district, or by one person's
        # account, is one event even when outlets call it differently (a clash, an attack,
        # smugglers shot) or name different villages of it.
        toll = agreeing_counts(ra.counts, rb.counts, ("killed", "wounded"))
        anchored = bool(toll) and (
            gap <= timedelta(hours=24)
            or any(self.weight.get(e, 0) >= 1.5 for e in a.entities & b.entities)
        )
        if known_a and known_b and not anchored and not self.compatible(a, b):
            return Verdict(False, 0.0, (f"different events ({ra.event}, {rb.event})",))
        kinds = self.different_kinds(ra, rb)
        if kinds:
            return Verdict(False, 0.0, (f"different events ({kinds})",))
        if self.far_apart(a.entities, b.entities):
            return Verdict(False, 0.0, ("different stretches of the border",))
        if not anchored and self._different_places(a, b):
            return Verdict(False, 0.0, ("different places",))
        reasons: list[str] = []
        score = 0.0
        if a.language == b.language and a.words and b.words:
            similarity = len(a.words & b.words) / len(a.words | b.words)
            if similarity >= NEAR_DUPLICATE:
                score += SAME_STORY
                reasons.append(f"near-duplicate text ({similarity:.2f})")
        if ra.event == rb.event == "analysis" and not reasons:
            return Verdict(False, 0.0, ("two pieces of analysis",))  # only copies are one
        shared = sorted(a.entities & b.entities, key=lambda e: (-self.weight.get(e, 0), e))
        shared = [e for e in shared if self.weight.get(e, 0) > 0]
        if shared:
            score += sum(self.weight[e] for e in shared)
            reasons.append("same " + ", ".join(self.names.get(e, e) for e in shared))
        ends = [
            (x, y) for x in sorted(a.entities - b.entities) for y in sorted(b.entities - a.entities)
            if frozenset((x, y)) in self.counterparts
        ]  # fmt: skip
        if ends:
            score += PLACE
            x, y = ends[0]
            reasons.append(f"{self.names.get(x, x)} and {self.names.get(y, y)}: one crossing")
        nested = self._nested_places(a, b)
        if nested and self.weight.get(nested[1], 0) >= PLACE:  # a village and its district
            score += 1.5
            reasons.append(
                f"{self.names.get(nested[0], nested[0])} is in "
                f"{self.names.get(nested[1], nested[1])}"
            )
        if known_a and known_b and ra.event == rb.event:
            score += 1.0
            reasons.append(f"both {self.vocabulary.label(ra.event).lower()}")
            cues = sorted((_cue_ids(ra) & _cue_ids(rb)) - self.weak_cues)
            if cues:  # the same kind of event in any language (heroin, a protest note…)
                score += min(1.0, 0.5 * len(cues))
                reasons.append("same cues " + ", ".join(cues))
                if a.when.date() == b.when.date() and self._same_parties(a, b):
                    # Few names (two countries and the Taliban): the same parties, the same
                    # kind of event, the same day.
                    score += 1.0
                    reasons.append("same parties, same day")
        elif known_a and known_b and {ra.event, rb.event} <= VIOLENT:
            score += 0.5  # an attack, a clash, an incursion: outlets call one shooting each
            reasons.append("both violence")
        elif not (known_a and known_b) and fallback in (ra.event, rb.event):
            score -= 0.5  # one report says nothing about what happened
        agreeing = agreeing_counts(ra.counts, rb.counts)
        if agreeing:
            score += 2.0
            reasons.append(agreeing)
        if gap <= timedelta(hours=3):
            score += 1.0
        elif gap <= timedelta(hours=12):
            score += 0.5
        score = round(score, 3)
        return Verdict(score >= SAME_STORY, score, tuple(reasons))

    def different_kinds(self, a: Reading, b: Reading) -> str | None:
        """Cue groups of one event type that name different events (a crossing closed,
        reopened, people deported through it): each report has some, and none in common."""
        if a.event != b.event:
            return None
        cues_a, cues_b = _cue_ids(a), _cue_ids(b)
        for group in self.distinct:
            kinds_a, kinds_b = cues_a & group, cues_b & group
            if kinds_a and kinds_b and not kinds_a & kinds_b:
                return f"{_kind(min(kinds_a))}, {_kind(min(kinds_b))}"
        return None

    def _different_places(self, a: Report, b: Report) -> bool:
        """Each names a border place on one bank and they share none there.

        Places on opposite banks (Nizhny Panj and Sher Khan Bandar) can be one crossing.
        """
        places_a = {e for e in a.entities if self.weight.get(e, 0) >= PLACE}
        places_b = {e for e in b.entities if self.weight.get(e, 0) >= PLACE}
        if not places_a or not places_b or places_a & places_b:
            return False
        if self._nested_places(a, b) or self._parents(places_a) & self._parents(places_b):
            return False  # a village and its district, or two villages of one district
        sides_a = {self.sides.get(e, "none") for e in places_a}
        sides_b = {self.sides.get(e, "none") for e in places_b}
        return bool(sides_a & sides_b or "both" in sides_a | sides_b or "none" in sides_a | sides_b)

    def _province(self, entity: str) -> str:
        chain = [entity, *self._ancestors_ordered(entity)]
        return chain[-1]

    def _ancestors_ordered(self, entity: str) -> list[str]:
        out: list[str] = []
        while entity in self.within and entity not in out:
            entity = self.within[entity]
            out.append(entity)
        return out

    def far_apart(self, a: Iterable[str], b: Iterable[str]) -> bool:
        """Both name border places, none related, and those lie in different provinces."""
        places_a = {e for e in a if self.weight.get(e, 0) >= PLACE and e in self.within}
        places_b = {e for e in b if self.weight.get(e, 0) >= PLACE and e in self.within}
        if not places_a or not places_b or places_a & places_b:
            return False
        related = any(
            pa in self._ancestors(pb) or pb in self._ancestors(pa)
            for pa in places_a for pb in places_b
        )  # fmt: skip
        sides_a = {self.sides.get(e, "none") for e in places_a}
        sides_b = {self.sides.get(e, "none") for e in places_b}
        if related or not (sides_a & sides_b or "both" in sides_a | sides_b):
            return False  # nested, or on opposite banks (one crossing)
        return not {self._province(p) for p in places_a} & {self._province(p) for p in places_b}

    def _ancestors(self, entity: str) -> set[str]:
        out: set[str] = set()
        while entity in self.within and entity not in out:
            entity = self.within[entity]
            out.add(entity)
        return out

    def _parents(self, places: set[str]) -> set[str]:
        """The districts (places, not provinces) the given places lie in."""
        return {
            self.within[p] for p in places
            if p in self.within and self.weight.get(self.within[p], 0) >= PLACE
        }  # fmt: skip

    def _nested_places(self, a: Report, b: Report) -> tuple[str, str] | None:
        """A place one report names that lies within a place or region the other names."""
        for inner, outer in ((a.entities, b.entities), (b.entities, a.entities)):
            for place in sorted(inner - outer):
                hit = self._ancestors(place) & (outer - inner)
                if hit:
                    return place, min(hit)
        return None

    def _same_parties(self, a: Report, b: Report) -> bool:
        parties = {"country", "actor"}
        pa = {e for e in a.entities if self.roles.get(e) in parties and self.weight.get(e, 0)}
        pb = {e for e in b.entities if self.roles.get(e) in parties and self.weight.get(e, 0)}
        if any(self.weight.get(e, 0) >= 1.5 for e in a.entities | b.entities):
            return False  # reports that name places have better evidence
        return len(pa & pb) >= 2 and (pa <= pb or pb <= pa)

    def compatible(self, a: Report, b: Report) -> bool:
        """Whether the two reports' event types can describe one event.

        Beyond the configured pairs: smugglers killed in a shoot-out (a smuggling report
        with casualties or shooting) and a clash; a leader's reaction (deployment,
        diplomacy) within hours after an attack that names the attack and its place.
        """
        ra, rb = a.reading, b.reading
        if self.vocabulary.compatible_events(ra.event, rb.event):
            return True
        pair = {ra.event, rb.event}
        if "smuggling" in pair and pair & VIOLENT:
            smuggling = ra if ra.event == "smuggling" else rb
            return _violent(smuggling)
        if pair & REACTIONS and pair & VIOLENT:
            attack, reaction = (a, b) if ra.event in VIOLENT else (b, a)
            gap = reaction.when - attack.when
            near = any(self.weight.get(e, 0) >= 1.5 for e in a.entities & b.entities)
            near = near or self._nested_places(a, b) is not None
            return (
                timedelta(0) <= gap <= REACTION_GAP
                and near
                and (_violent(reaction.reading) or bool(reaction.reading.counts.get("killed")))
            )
        return False

    def assign(self, report: Report, stories: Iterable[Story]) -> tuple[Story | None, Verdict]:
        """The story ``report`` joins (the one with the strongest evidence), or None."""
        best: tuple[Story | None, Verdict] = (None, Verdict(False, 0.0, ()))
        for story in stories:
            verdict = self.against(report, story)
            if verdict.same and verdict.score > best[1].score:
                best = (story, verdict)
        return best

    def against(self, report: Report, story: Story) -> Verdict:
        """Evidence that ``report`` belongs to ``story``: its best pairing with a member.

        The report must also agree with the story as a whole: its event type and counts.
        """
        reading = report.reading
        known = [r for r in story.reports if r.reading.confidence > 0]
        if (
            not agreeing_counts(reading.counts, story.counts, ("killed", "wounded"))
            and reading.confidence > 0
            and known
            and not any(self.compatible(report, r) for r in known)
        ):
            return Verdict(False, 0.0, (f"different events ({reading.event}, {story.event})",))
        if self.far_apart(report.entities, {e for r in story.reports for e in r.entities}):
            return Verdict(False, 0.0, ("different stretches of the border",))
        latest = max(r.when for r in story.reports)
        if report.when >= latest:
            grown = report.when - latest >= GROWTH_GAP
            conflict = conflicting_counts(story.counts, reading.counts, grown)
        else:
            conflict = conflicting_counts(reading.counts, story.counts, False)
        if conflict:
            return Verdict(False, 0.0, (conflict,))
        best = Verdict(False, 0.0, ())
        for member in story.reports:
            verdict = self.compare(report, member)
            if verdict.score > best.score or (verdict.same and not best.same):
                best = verdict
        return best


def group(grouper: Grouper, reports: Sequence[Report]) -> list[Story]:
    """Group reports in time order (as they would arrive); stories keyed by first report."""
    stories: list[Story] = []
    for report in sorted(reports, key=lambda r: (r.when, r.key)):
        recent = [s for s in stories if report.when - s.reports[-1].when <= grouper.window]
        story, _ = grouper.assign(report, recent)
        if story is None:
            stories.append(Story(report.key, [report]))
        else:
            story.reports.append(report)
    return stories


def _close(a: float, b: float, kind: str) -> bool:
    """Whether two reported figures can be the same event's (early and later tolls differ)."""
    if kind == "kg":
        return abs(a - b) <= 0.15 * max(a, b)
    return abs(a - b) <= max(1.0, 0.34 * max(a, b))


def conflicting_counts(
    a: Mapping[str, float], b: Mapping[str, float], grown: bool = False
) -> str | None:
    """A reason when both report a count of one kind and the figures cannot agree.

    ``a`` is the earlier report. With ``grown`` (``b`` published well after ``a``), a higher
    toll is the toll growing, and fewer wounded with more killed is the wounded dying.
    """
    for kind in ("killed", "wounded", "kg"):
        x, y = a.get(kind), b.get(kind)
        if kind != "kg" and x is not None and y is not None and (x == 0) != (y == 0):
            return "one reports no casualties"
        if not (x and y) or _close(x, y, kind):
            continue
        if grown and kind != "kg":
            if x < y <= 2 * x + 2:  # 2 killed, then 3; not 5, then 20
                continue
            if kind == "wounded" and b.get("killed", 0) > a.get("killed", 0):
                continue
        return f"different {kind} counts ({x:g}, {y:g})"
    return None


def agreeing_counts(
    a: Mapping[str, float],
    b: Mapping[str, float],
    kinds: tuple[str, ...] = ("killed", "wounded", "kg", "people"),
) -> str | None:
    """A reason when both report the same non-zero count of one kind."""
    for kind in kinds:
        x, y = a.get(kind), b.get(kind)
        if x and y and _close(x, y, kind):
            return f"same {kind} count ({x:g})" if x == y else f"close {kind} counts"
    return None


def _violent(reading: Reading) -> bool:
    """The reading reports violence: a clash or attack cue, or people killed or wounded."""
    return bool(reading.counts.get("killed") or reading.counts.get("wounded")) or any(
        c.split("/", 1)[0] in VIOLENT for c in reading.cues
    )


def _cue_ids(reading: Reading) -> set[str]:
    """The cue groups of the reading's own event type (``clash/fighting``)."""
    return {c.split(":", 1)[0] for c in reading.cues if c.startswith(reading.event + "/")}


def _kind(cue: str) -> str:
    return cue.split("/", 1)[1]


def _hours(gap: timedelta) -> str:
    hours = gap.total_seconds() / 3600
    return f"{hours:.0f} h" if hours < 72 else f"{hours / 24:.0f} days"
