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
        conflict = conflicting_counts(ra.counts, rb.counts)
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
        if (
            known_a
            and known_b
            and not anchored
            and not self.vocabulary.compatible_events(ra.event, rb.event)
        ):
            return Verdict(False, 0.0, (f"different events ({ra.event}, {rb.event})",))
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
        if known_a and known_b and ra.event == rb.event:
            score += 1.0
            reasons.append(f"both {self.vocabulary.label(ra.event).lower()}")
            cues = sorted((_cue_ids(ra) & _cue_ids(rb)) - self.weak_cues)
            if cues:  # the same kind of event in any language (heroin, a protest note…)
                score += min(1.0, 0.5 * len(cues))
                reasons.append("same cues " + ", ".join(cues))
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

    def _different_places(self, a: Report, b: Report) -> bool:
        """Each names a border place on one bank and they share none there.

        Places on opposite banks (Nizhny Panj and Sher Khan Bandar) can be one crossing.
        """
        places_a = {e for e in a.entities if self.weight.get(e, 0) >= PLACE}
        places_b = {e for e in b.entities if self.weight.get(e, 0) >= PLACE}
        if not places_a or not places_b or places_a & places_b:
            return False
        sides_a = {self.sides.get(e, "none") for e in places_a}
        sides_b = {self.sides.get(e, "none") for e in places_b}
        return bool(sides_a & sides_b or "both" in sides_a | sides_b or "none" in sides_a | sides_b)

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
        if (
            not agreeing_counts(reading.counts, story.counts, ("killed", "wounded"))
            and reading.confidence > 0
            and not self.vocabulary.compatible_events(reading.event, story.event)
            and any(r.reading.confidence > 0 for r in story.reports)
        ):
            return Verdict(False, 0.0, (f"different events ({reading.event}, {story.event})",))
        conflict = conflicting_counts(reading.counts, story.counts)
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


def conflicting_counts(a: Mapping[str, float], b: Mapping[str, float]) -> str | None:
    """A reason when both report a count of one kind and the figures cannot agree."""
    for kind in ("killed", "wounded", "kg"):
        x, y = a.get(kind), b.get(kind)
        if x and y and not _close(x, y, kind):
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


def _cue_ids(reading: Reading) -> set[str]:
    """The cue groups of the reading's own event type (``clash/fighting``)."""
    return {c.split(":", 1)[0] for c in reading.cues if c.startswith(reading.event + "/")}


def _hours(gap: timedelta) -> str:
    hours = gap.total_seconds() / 3600
    return f"{hours:.0f} h" if hours < 72 else f"{hours / 24:.0f} days"
