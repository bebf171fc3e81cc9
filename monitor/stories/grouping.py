"""Story grouping: does a report belong to an existing story? (pure functions)

Evidence that does not depend on the language: the watchlist entities both reports name
(weighted by how specific they are: a district or a post says more than a country), their
event types, the numbers they report, and time; plus near-duplicate text within one language
(normalized with the matcher's normalizer). Hard rules keep different events apart: reports
more than the window apart, incompatible event types, conflicting counts, or each naming a
different border place.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from datetime import datetime, timedelta

from monitor.match.normalize import normalize
from monitor.match.watchlist import Watchlist, WatchlistEntry
from monitor.stories.reading import VIOLENT, Reading
from monitor.stories.vocabulary import SOURCE_SUFFIX, Vocabulary

DEFAULT_WINDOW = timedelta(hours=48)
SAME_STORY = 3.5  # evidence needed to join a story
BRIDGE = 5.0  # a report joining two stories this strongly each: one event found twice
SAME_EVENT = 1.25  # both reports name one event type
HEADLINE = 2 * SAME_STORY  # one headline in one language: one article, whatever else differs
NEAR_DUPLICATE = 0.5  # Jaccard similarity of the words of title + lead, same language
ALIKE_WORDS = 3  # stems in common that "alike" needs at least
STEM = 5  # letters of a word that say what it is, inflection aside
ALIKE = ((0.25, 1.5), (0.15, 1.0))  # stem Jaccard similarity, same language: its points
PERSON = 2.5  # a person both reports name (a leader, a commander, a spokesman)
PROJECT = 2.0  # a named project both reports name (CASA-1000)
SUBJECT = 1.0  # a subject of trade or cooperation both reports name (electricity, a border market)
THIRD_PARTY = 1.0  # a third country or organisation both reports name (China, the UN)
PLACE = 3.0  # specificity of a border place (district, village, post, crossing)
ELSEWHERE = 2.0  # two reports about another border naming the same one of its countries
GROWTH_GAP = timedelta(hours=1)  # a higher toll this much later is the toll growing
ANSWER = 2.0  # the accused side's word on violence it is blamed for (``answering``)
DENIAL = 1.5  # a later report of the violence that denies it (``denials``): the claim's story
REACTION_GAP = timedelta(hours=12)  # a reaction this close to an attack (either way) is about it
LATER_DAYS = timedelta(hours=36)  # beyond it, twice the LATER_DAY penalty (most often a new event)
LATER_DAY = timedelta(hours=24)  # beyond it, one place and one kind of event need more
CROWD, CROWD_RATIO = 20, 3.0  # crowds a day apart that are not one: 20 people or more, ×3
CROWD_APART = 20.0  # crowds within a day that are not one: ×20 (a first figure of 100 grows)
MEETINGS = frozenset({"diplomacy/talks", "diplomacy/consultations"})  # many speak at one
REACTIONS = frozenset({"diplomacy"})  # a statement can be the first report of violence
_ASIDE = ("(background)", "(recalled)")  # how a reading marks a cue that is not its news
_WORD = re.compile(r"\w{3,}")
_HERE_ROLES = frozenset({"country", "anchor", "place", "region", "actor"})
HEADLINE_WORDS = 4  # words (of three letters or more) a headline needs to identify an article
SOURCE_WORDS = 4  # words a source name ending a title has at most
_LEAD = 200


def specificity(entry: WatchlistEntry) -> float:
    """How much naming ``entry`` in two reports says they are about one event."""
    if entry.status != "curated":
        return 0.0
    role, kind = entry.role, entry.kind
    if role == "place":  # a river bank names a side of the border, not a place on it
        return 0.8 if kind == "river" else 0.3 if kind == "bank" else PLACE
    if role == "region":
        return 1.5
    if role == "actor":
        return PERSON if kind == "person" else 1.2 if kind == "unit" else 1.0
    if role == "country":
        return 0.3
    if kind == "project":  # CASA-1000: one named undertaking
        return PROJECT
    if kind == "subject":  # electricity, a border market: what two countries talk about
        return SUBJECT
    if entry.third_party:
        return THIRD_PARTY  # China, Russia, the UN: who else takes part
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
    elsewhere: bool = False  # names another border (Pakistan, Kyrgyzstan) and no place here
    others: frozenset[str] = frozenset()  # the other borders' countries and places it names
    stems: frozenset[str] = frozenset()  # the words cut to STEM letters (inflection aside)
    headline: str = ""  # the title's words without a trailing " - Source" (``headline_key``)
    parties: frozenset[str] = frozenset()  # foreign parties its title names (Russia, the CIS)
    sites: frozenset[str] = frozenset()  # border places its title names (Rushan, Khorog)
    sweep: bool = False  # its title names places in the plural ("several districts fall")
    speaker: frozenset[str] = frozenset()  # the party its title names first (``speaker``)


def report_words(title: str, summary: str) -> frozenset[str]:
    """The words near-duplicate detection compares (normalized like the matcher does)."""
    return frozenset(_WORD.findall(normalize(f"{title} {summary[:_LEAD]}")))


def word_stems(words: Iterable[str], common: frozenset[str] = frozenset()) -> frozenset[str]:
    """The first STEM letters of the words of four letters or more ("учения"/"учений"
    agree), but for ``common`` ones (the countries, the border: every report has them)."""
    return frozenset(w[:STEM] for w in words if len(w) > 3 and w[:STEM] not in common)


def headline_key(title: str) -> str:
    """The title's words as the matcher normalizes them, without a trailing source name
    (" - Reuters", " | Asia-Plus": Google News titles carry it), or "" when fewer than
    HEADLINE_WORDS words remain (a short title is not one article's)."""
    title = title.strip()
    found = SOURCE_SUFFIX.search(title)
    if found is not None:
        rest = _WORD.findall(normalize(title[: found.start()]))
        if len(rest) >= HEADLINE_WORDS and len(found.group(1).split()) <= SOURCE_WORDS:
            title = title[: found.start()]
    words = _WORD.findall(normalize(title))
    return " ".join(words) if len(words) >= HEADLINE_WORDS else ""


class Story:
    """A story being grouped: its reports in the order they joined, and their aggregates.

    The aggregates (event votes, counts, entity union, latest time) are kept up to date as
    reports join through ``add``: never append to ``reports`` directly.
    """

    __slots__ = (
        "_counts", "_event", "_votes", "earliest", "entities", "key", "known",
        "latest", "reports",
    )  # fmt: skip

    def __init__(self, key: int, reports: Iterable[Report] = ()) -> None:
        self.key = key
        self.reports: list[Report] = []
        self.entities: set[str] = set()  # every member's entities
        self.latest: datetime | None = None  # the latest member's time
        self.earliest: datetime | None = None  # the first member's time
        self.known: list[Report] = []  # members with a known event type (cue confidence > 0)
        self._votes: dict[str, float] = {}
        self._counts: dict[str, float] = {}
        self._event: str | None = None
        for report in reports:
            self.add(report)

    def add(self, report: Report) -> None:
        """``report`` joins the story."""
        self.reports.append(report)
        reading = report.reading
        self._votes[reading.event] = self._votes.get(reading.event, 0.0) + 0.1 + reading.confidence
        self._event = None
        for kind, value in reading.counts.items():
            self._counts[kind] = max(self._counts.get(kind, 0.0), value)
        self.entities.update(report.entities)
        if self.latest is None or report.when > self.latest:
            self.latest = report.when
        if self.earliest is None or report.when < self.earliest:
            self.earliest = report.when
        if reading.confidence > 0:
            self.known.append(report)

    @property
    def event(self) -> str:
        """The event type most reports agree on (weighted by cue confidence)."""
        if self._event is None:
            votes = self._votes
            self._event = max(votes, key=lambda e: (votes[e], e))
        return self._event

    @property
    def counts(self) -> Mapping[str, float]:
        """The highest figure of each kind any report gives."""
        return self._counts


@dataclass(frozen=True, slots=True)
class Verdict:
    """Why two reports are (or are not) one story."""

    same: bool
    score: float
    reasons: tuple[str, ...]

    @property
    def vetoed(self) -> bool:
        """Something tells the two apart (another event type, toll, border; too far apart)."""
        return not self.same and self.score == 0.0 and bool(self.reasons)


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
        # Words every report has (the two countries, the border, the Taliban): not "alike".
        self.common_stems = frozenset(
            stem
            for e in watchlist.entries
            if e.role in ("country", "anchor", "border") or e.id == "taliban"
            for alias in e.all_aliases()
            for stem in word_stems(report_words(alias.replace("~", ""), ""))
        )
        # Other borders' countries and places (negative entries, not contexts like travel).
        self.other_borders = frozenset(
            e.id for e in watchlist.entries if e.role == "negative" and e.kind != "context"
        )
        self.within = dict(vocabulary.spec.within)
        self.parties_of = _own_units(watchlist)
        self.affiliation = _affiliations(watchlist)
        # Foreign parties a headline can name: third countries and organisations, and the
        # countries of the other borders (Kyrgyzstan, Uzbekistan).
        self.foreign = frozenset(
            e.id for e in watchlist.entries
            if e.third_party or (e.role == "negative" and e.kind == "country")
        )  # fmt: skip
        self.counterparts = {frozenset(pair) for pair in vocabulary.spec.counterparts}
        self.distinct = [frozenset(group) for group in vocabulary.spec.distinct]
        self.facing = {frozenset(pair) for pair in vocabulary.spec.facing}
        # Weak cues ("detained", "drugs") are said of too many events to tell them apart.
        self.weak_cues = {f"{event}/{cue.id}" for event, cue in vocabulary.cues if cue.weight < 1}
        # A year's figures: told at one briefing, reported by every outlet (one event).
        tallies = vocabulary.spec.tallies
        self.briefings = frozenset({tallies.cue} if tallies is not None else ())

    def compare(self, a: Report, b: Report) -> Verdict:
        """The evidence that ``a`` and ``b`` report one event."""
        gap = abs(a.when - b.when)
        if gap > self.window:
            return Verdict(False, 0.0, (f"{_hours(gap)} apart",))
        if same_headline(a, b):  # one article, from its outlet's feed and a search feed
            return Verdict(True, HEADLINE, ("same headline",))
        ra, rb = a.reading, b.reading
        fallback = self.vocabulary.spec.fallback.event
        # People killed or wounded say what happened even without a cue (an attack).
        known_a, known_b = _known(ra), _known(rb)
        early, late = (a, b) if (a.when, a.key) <= (b.when, b.key) else (b, a)
        conflict = conflicting_counts(early.reading.counts, late.reading.counts, gap >= GROWTH_GAP)
        if conflict:
            return Verdict(False, 0.0, (conflict,))
        ratio = CROWD_RATIO if gap > LATER_DAY else CROWD_APART
        if crowds := different_crowds(ra.counts, rb.counts, ratio):
            # A crowd of other size a day or more later (1,037 soldiers two days after 300):
            # the next wave, not the first one's figure growing within hours; the same day,
            # one of another order (100,000 refugees Dushanbe could take, 1,037 soldiers).
            return Verdict(False, 0.0, (crowds,))
        # The same people killed or wounded in one province or district, or by one person's
        # account, or two or more the same day, is one event even when outlets call it
        # differently (a clash, an attack, smugglers shot) or name different villages of it.
        # A toll of one is said of too many events to stand for one by time alone.
        toll = bool(agreeing_counts(ra.counts, rb.counts, ("killed", "wounded")))
        # By time alone it stands for one event only where the reports name no places that
        # tell two events apart (a toll in Darvaz is not one in Khwahan the same day).
        in_area = toll and any(self._one_area(e) for e in a.entities & b.entities)
        anchored = in_area or (
            toll and gap <= timedelta(hours=24) and distinctive_toll(ra.counts, rb.counts)
        )
        if known_a and known_b and not anchored and not self.compatible(a, b):
            return Verdict(False, 0.0, (f"different events ({ra.event}, {rb.event})",))
        kinds = self.different_kinds(ra, rb)
        if kinds:
            return Verdict(False, 0.0, (f"different events ({kinds})",))
        if self._retaken(ra, rb) or self._retaken(rb, ra):
            return Verdict(False, 0.0, ("a place taken and retaken",))
        if _seizure_and_shootout(ra, rb):
            return Verdict(False, 0.0, ("a seizure and a shoot-out",))
        if self.far_apart(a.entities, b.entities):
            return Verdict(False, 0.0, ("different stretches of the border",))
        if a.parties and b.parties and not a.parties & b.parties and not _violent_pair(ra, rb):
            # Headlines naming different foreign parties (Putin's visit, the CIS summit,
            # talks with Japarov): different meetings, whatever else the reports share.
            return Verdict(False, 0.0, ("different parties",))
        if a.sites and b.sites and gap > LATER_DAY and self._apart(a.sites, b.sites):
            # Headlines a day or more apart, each about its own place (Khorog, then Rushan):
            # two events, whatever places their texts recall.
            return Verdict(False, 0.0, ("headlines name different places",))
        swept = self._swept(a, b)
        if self._takeover(ra) and self._takeover(rb):
            # "Taliban seize Sher Khan Bandar", "Imam Sahib district falls": a port and its
            # district are two takeovers. The place taken is the one the headline names, else
            # the places the report names.
            taken_a, taken_b = a.sites or self._places(a), b.sites or self._places(b)
            if taken_a and taken_b and not taken_a & taken_b and not swept:
                return Verdict(False, 0.0, ("different places taken",))
        if self._other_border(a, b) or self._other_border(b, a):
            return Verdict(False, 0.0, ("another border",))
        if not (in_area or swept) and self._different_places(a, b):
            return Verdict(False, 0.0, ("different places",))
        reasons: list[str] = []
        score = 0.0
        copy = False
        if a.language == b.language and a.words and b.words:
            similarity = len(a.words & b.words) / len(a.words | b.words)
            copy = similarity >= NEAR_DUPLICATE
            if copy:
                score += SAME_STORY
                reasons.append(f"near-duplicate text ({similarity:.2f})")
        if (
            ra.event == rb.event == "analysis"
            and known_a
            and known_b
            and not reasons
            and not (_cue_ids(ra) & _cue_ids(rb) & self.briefings)
        ):
            # Only copies are one, but for a briefing (a year's figures told by one agency
            # on one day is reported by every outlet).
            return Verdict(False, 0.0, ("two pieces of analysis",))
        shared = sorted(a.entities & b.entities, key=lambda e: (-self.weight.get(e, 0), e))
        shared = [e for e in shared if self.weight.get(e, 0) > 0]
        # A third party beside its own unit (Russia beside Russia's 201st base) says no more.
        shared = [e for e in shared if not self.parties_of.get(e, frozenset()) & set(shared)]
        if "crossing" in (ra.event, rb.event):
            # At a crossing third parties are the background (goods from China, a UN agency
            # with returnees, transit to Uzbekistan), not who takes part.
            shared = [e for e in shared if self.roles.get(e) != "neutral"]
        if (
            ra.event == rb.event == "diplomacy"
            and known_a
            and known_b
            and not copy
            and not (_cue_ids(ra) | _cue_ids(rb)) & MEETINGS
        ):
            if a.speaker and b.speaker:  # who speaks: the party each title names first
                speakers_a, speakers_b = a.speaker, b.speaker
            else:
                speakers_a, speakers_b = self._voices(a.entities), self._voices(b.entities)
            if speakers_a and speakers_b and not speakers_a & speakers_b:
                # The CSTO's offer, the GKNB's comment, Moscow's concern about one event:
                # each party's statement is its own story, whatever place they speak of.
                # (At a meeting many speak: Rahmon at the CSTO summit is the summit.)
                return Verdict(False, 0.0, ("statements of different parties",))
        if ra.event == rb.event == "aid" and known_a and known_b and not copy:
            donors_a = {e for e in a.entities if self.roles.get(e) == "neutral"}
            donors_b = {e for e in b.entities if self.roles.get(e) == "neutral"}
            if donors_a and donors_b and not donors_a & donors_b:
                # The US embassy's radios and China's vehicles for the same border troops:
                # two handovers.
                return Verdict(False, 0.0, ("different donors",))
        there = sorted(a.others & b.others) if a.elsewhere and b.elsewhere else []
        if there:
            # Two reports about another border: its countries and places are their places
            # (rockets on Termez, Pakistani strikes in Khost).
            score += ELSEWHERE
            reasons.append("same other border " + ", ".join(self.names.get(e, e) for e in there))
        if shared:
            score += sum(self.weight[e] for e in shared)
            reasons.append("same " + ", ".join(self.names.get(e, e) for e in shared))
            alike = _alike(a, b) if not copy else None
            if alike is not None:  # written alike: one event retold in one language
                score += alike[1]
                reasons.append(f"alike text ({alike[0]:.2f})")
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
            score += SAME_EVENT
            reasons.append(f"both {self.vocabulary.label(ra.event).lower()}")
            cues = sorted((_cue_ids(ra) & _cue_ids(rb)) - self.weak_cues)
            if cues:  # the same kind of event in any language (heroin, a protest note…)
                score += min(1.0, 0.5 * len(cues))
                reasons.append("same cues " + ", ".join(cues))
                if gap <= LATER_DAY and self._same_parties(a, b):
                    # Few names (two countries and the Taliban): the same parties, the same
                    # kind of event, within a day (the next morning's report included).
                    score += 1.0
                    reasons.append("same parties within a day")
        elif known_a and known_b and {ra.event, rb.event} <= VIOLENT:
            score += 0.5  # an attack, a clash, an incursion: outlets call one shooting each
            reasons.append("both violence")
        elif not (known_a and known_b) and fallback in (ra.event, rb.event):
            score -= 0.5  # one report says nothing about what happened
        agreeing = agreeing_counts(ra.counts, rb.counts)
        if agreeing:  # the same figure; a close small one (2 killed, then 3) says less
            score += 1.0 if small_difference(ra.counts, rb.counts) else 2.0
            reasons.append(agreeing)
        if shared and gap <= LATER_DAYS and self._denies(early.reading, late.reading):
            score += DENIAL
            reasons.append("denies it")
        answered = self.answers(a, b) or self.answers(b, a)
        if answered:
            score += ANSWER
            reasons.append("the accused side answers")
        facing = self._facing(a, b)
        if facing and (shared or agreeing or ends or nested):  # never the only evidence
            x, y, points = facing
            score += points
            reasons.append(f"{self.names.get(x, x)} faces {self.names.get(y, y)}")
        if gap <= timedelta(hours=3):
            score += 1.0
        elif gap <= timedelta(hours=12):
            score += 0.5
        elif gap > LATER_DAY and not (agreeing or copy):
            # A day later at one place, one kind of event is as often the next event (another
            # seizure in Farkhor) as a follow-up; follow-ups repeat a figure or the text.
            score -= 2.0 if gap > LATER_DAYS else 1.0
            reasons.append(f"{_hours(gap)} later")
        score = round(score, 3)
        if (
            score >= SAME_STORY
            and known_a
            and known_b
            and ra.event != rb.event
            and not (copy or agreeing or ends or there or answered)
            and not self._shared_place(a, b, nested)
            and not (facing and facing[2] >= 1.5)
            and not {ra.event, rb.event} <= VIOLENT
            and not (gap <= LATER_DAY and any(self.weight.get(e, 0) >= PERSON for e in shared))
        ):
            # Two kinds of event (a raid, then drug routes) with only a province, the
            # Taliban and the countries in common: two events.
            reasons.append("different events and no place in common")
            return Verdict(False, score, tuple(reasons))
        return Verdict(score >= SAME_STORY, score, tuple(reasons))

    def _places(self, report: Report) -> frozenset[str]:
        """The border places (districts, posts, crossings) a report names anywhere."""
        return frozenset(e for e in report.entities if self.weight.get(e, 0) >= PLACE)

    def _truce(self, reading: Reading) -> bool:
        """The reading reports a ceasefire (the fighting it ends is its news too)."""
        return _told(reading, self.vocabulary.truces)

    def _swept(self, a: Report, b: Report) -> bool:
        """One of them tells a sweep (places taken in the plural, ``Vocabulary.sweeping``) of the
        province the other's places lie in: the other's district is one of the sweep's."""
        if not any(r.sweep and self._takeover(r.reading) for r in (a, b)):
            return False
        provinces_a = {self._province(e) for e in self._places(a)}
        return bool(provinces_a & {self._province(e) for e in self._places(b)})

    def _retaken(self, retaking: Reading, fall: Reading) -> bool:
        """``retaking`` tells a place taken back (a ``retakes`` cue as its news) and ``fall``
        names a place taken (even as background) with no word of taking it back: the fall and
        the retaking."""
        retakes = self.vocabulary.retakes
        return (
            _told(retaking, retakes)
            and not _cue_ids(fall) & retakes
            and bool(_cue_ids(fall) & (self.vocabulary.takeovers - retakes))
        )

    def _takeover(self, reading: Reading) -> bool:
        """The reading reports a place taken: a takeover cue (events.yaml ``takeovers``) of
        its own event."""
        return _told(reading, self.vocabulary.takeovers, own=True)

    def _apart(self, a: frozenset[str], b: frozenset[str]) -> bool:
        """No place of ``a`` is one of ``b``'s, lies in it or in its district, or faces it
        (across the river or at the other end of a crossing)."""
        if a & b:
            return False
        for x in a:
            for y in b:
                pair = frozenset((x, y))
                if (
                    x in self._ancestors(y)
                    or y in self._ancestors(x)
                    or self._parents({x}) & self._parents({y})
                    or pair in self.facing
                    or pair in self.counterparts
                ):
                    return False
        return True

    def _shared_place(self, a: Report, b: Report, nested: tuple[str, str] | None) -> bool:
        """Both name one border place, or a place and the district it lies in."""
        if nested is not None and self.weight.get(nested[1], 0) >= PLACE:
            return True
        return any(self.weight.get(e, 0) >= PLACE for e in a.entities & b.entities)

    def elsewhere(self, term_ids: Iterable[str]) -> bool:
        """The terms name another border (Pakistan, Torkham's Durand Line, Batken) and no
        place or province on this one: a report about that border."""
        ids = set(term_ids)
        return bool(ids & self.other_borders) and not any(self._area(e) for e in ids)

    def _area(self, entity: str) -> bool:
        """A place or province on this border (a district, a post, Badakhshan; not a river,
        a bank or a country)."""
        return self.roles.get(entity) in ("place", "region") and self.weight.get(entity, 0) >= 1.5

    def headline_elsewhere(self, title_ids: Iterable[str]) -> bool:
        """The headline names another border (Spin Boldak, Termez, Torghundi) and nothing of
        this one's Tajik side or places: a report about that border, whatever its text
        recalls of this one. ("Afghan Kyrgyz herders at the Tajik border" is about this one.)"""
        ids = set(title_ids)
        if not ids & self.other_borders:
            return False
        return not any(
            (self.sides.get(e) in ("tj", "both") and self.roles.get(e) in _HERE_ROLES)
            or self._area(e)
            for e in ids
        )

    def _other_border(self, a: Report, b: Report) -> bool:
        """``a`` is about another border; ``b`` is not, and names a place or province on
        this one."""
        return a.elsewhere and not b.elsewhere and any(self._area(e) for e in b.entities)

    def _one_area(self, entity: str) -> bool:
        """A district, or a province on one bank: an area a toll can stand for one event in.
        (A name both banks use, like Badakhshan, covers two provinces and a long border.)"""
        weight = self.weight.get(entity, 0)
        return weight >= PLACE or (weight >= 1.5 and self.sides.get(entity) != "both")

    def _facing(self, a: Report, b: Report) -> tuple[str, str, float] | None:
        """Places (or their districts, provinces) facing each other across the river, one
        named by each report: +1.5 for two districts, +0.75 with a province."""
        best: tuple[str, str, float] | None = None
        for x in sorted(a.entities - b.entities):
            for y in sorted(b.entities - a.entities):
                for xx in (x, *self._ancestors_ordered(x)):
                    for yy in (y, *self._ancestors_ordered(y)):
                        if frozenset((xx, yy)) not in self.facing:
                            continue
                        points = 1.5 if min(self.weight[xx], self.weight[yy]) >= PLACE else 0.75
                        if best is None or points > best[2]:
                            best = (xx, yy, points)
        return best

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

        Places on opposite banks (Nizhny Panj and Sher Khan Bandar) can be one crossing, and
        districts facing each other one event told from each side.
        """
        places_a = self._places(a)
        places_b = self._places(b)
        if not places_a or not places_b or places_a & places_b:
            return False
        if self._nested_places(a, b) or self._parents(places_a) & self._parents(places_b):
            return False  # a village and its district, or two villages of one district
        facing = self._facing(a, b)
        if facing is not None and facing[2] >= 1.5:
            return False  # one side's district against the other's (Rushan and Shighnan)
        sides_a = {self.sides.get(e, "none") for e in places_a}
        sides_b = {self.sides.get(e, "none") for e in places_b}
        return bool(sides_a & sides_b or "both" in sides_a | sides_b or "none" in sides_a | sides_b)

    def _province(self, entity: str) -> str:
        chain = [entity, *self._ancestors_ordered(entity)]
        return chain[-1]

    def _ancestors_ordered(self, entity: str) -> list[str]:
        """The places and regions ``entity`` lies in, innermost first (a cycle ends it)."""
        out: list[str] = []
        while entity in self.within and self.within[entity] not in out:
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
        return set(self._ancestors_ordered(entity))

    def _parents(self, places: Iterable[str]) -> set[str]:
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
        parties = {"country", "actor", "neutral"}
        pa = {e for e in a.entities if self.roles.get(e) in parties and self.weight.get(e, 0)}
        pb = {e for e in b.entities if self.roles.get(e) in parties and self.weight.get(e, 0)}
        # Afghanistan is one party however a report names it ("from Afghanistan", "the border
        # with Afghanistan"); Tajikistan's names stay apart ("in Tajikistan" says where).
        pa = {self._afghan(e) for e in pa} | a.others  # Uzbekistan in drills of three
        pb = {self._afghan(e) for e in pb} | b.others  # countries; Kyrgyzstan in other talks
        if any(self._area(e) for e in a.entities) and any(self._area(e) for e in b.entities):
            return False  # two reports that name places have better evidence: their places
        both = pa & pb
        # Two countries are named by every report: a shared actor, or a third country; or,
        # for anything but talks (of which there are many a day), a cue in common within a
        # day (a closure: "Tajikistan closes its border to Afghans" in three languages).
        actor = any(self.roles.get(e) == "actor" for e in both)
        enough = actor or len(both) >= 3 or (len(both) == 2 and a.reading.event != "diplomacy")
        return bool(both - b.others) and enough and (pa <= pb or pb <= pa)

    def speaker(self, title_ids: Iterable[str]) -> frozenset[str]:
        """The party a title names first (an actor or third party, with the organisation
        its name carries): who speaks in "Zakharova: Moscow concerned by attacks on Chinese
        citizens" (Russia) or "Taliban say … behind attacks on Chinese" (the Taliban)."""
        first = next((e for e in title_ids if self._can_speak(e)), None)
        return self._voices((first,)) if first is not None else frozenset()

    def _voices(self, ids: Iterable[str]) -> frozenset[str]:
        """The parties among ``ids`` that can speak or meet: actors (the GKNB, a spokesman)
        and third parties (Russia, the UN), with the organisations their names carry (the
        CSTO's Secretary General is the CSTO)."""
        named = {e for e in ids if self._can_speak(e)}
        return frozenset(named.union(*(self.affiliation.get(e, ()) for e in named)))

    def _can_speak(self, entity: str) -> bool:
        return self.roles.get(entity) in ("actor", "neutral") and self.weight.get(entity, 0) > 0

    def _afghan(self, entity: str) -> str:
        """One id for every name of the Afghan side as a country (its directions, its border)."""
        if self.roles.get(entity) == "country" and self.sides.get(entity) == "af":
            return "country:af"
        return entity

    def compatible(self, a: Report, b: Report) -> bool:
        """Whether the two reports' event types can describe one event.

        A report told by a ``remote`` cue (a phone call, consultations) is that conversation,
        and one with only ``remarks`` cues a word said: the configured pairs do not hold for
        them. Beyond them: smugglers killed in a shoot-out
        (a smuggling report with casualties or shooting) and a clash; a reaction within hours
        of an attack that names its place and the violence (an official statement can be the
        first report of it), or a ceasefire there (it ends the fighting). Forces sent after an
        attack (a deployment) are an event of their own: the Taliban reinforcing their side of
        the border the same day.
        """
        ra, rb = a.reading, b.reading
        if ra.event == rb.event:
            return True
        if self.vocabulary.compatible_events(ra.event, rb.event):
            # a phone call is that call, not the official's visit to the troops it discusses
            remote = self.vocabulary.remote
            if _told(ra, remote, own=True) or _told(rb, remote, own=True):
                return False
            # a word said is no visit either: only remarks, the statement of a party
            remarks = self.vocabulary.remarks
            return not any(_cue_ids(r) and _cue_ids(r) <= remarks for r in (ra, rb))
        if self.answers(a, b) or self.answers(b, a):
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
            # on another border, its places are theirs (Kyrgyz–Tajik fighting and its truce)
            near = near or bool(a.elsewhere and b.elsewhere and a.others & b.others)
            if self._truce(reaction.reading):  # fighting can last a day before it ends
                return abs(gap) <= LATER_DAYS and near
            return abs(gap) <= REACTION_GAP and near and _violent(reaction.reading, recalled=False)
        return False

    def answers(self, violence: Report, answer: Report) -> bool:
        """``answer`` is the accused side's word on ``violence``: a statement its title gives
        to an ``answering`` party (the Taliban regret, investigate, deny an attack from
        Afghanistan) within LATER_DAYS after a report of violence no such party tells.

        Not a meeting or a call (their own events), and not an assurance alone ("we threaten
        no neighbour" is said whatever happened)."""
        rv, ra = violence.reading, answer.reading
        fought = rv.event == "smuggling" and _violent(rv)  # smugglers shot dead by guards
        if not (rv.event in VIOLENT or fought) or not _known(rv) or ra.event not in REACTIONS:
            return False
        answering = self.vocabulary.answering
        if not answer.speaker & answering or violence.speaker & answering:
            return False
        cues = _cue_ids(ra)
        if cues & (MEETINGS | self.vocabulary.remote) or (cues and cues <= self.vocabulary.idle):
            return False
        return timedelta(0) <= answer.when - violence.when <= LATER_DAYS

    def _denies(self, claim: Reading, denial: Reading) -> bool:
        """``denial`` denies the violence ``claim`` reports ("IS claims rockets fired at
        Tajikistan", then "Border troops: not a single shell fell"): one violent event type,
        a ``denials`` cue in the later report only."""
        if claim.event != denial.event or claim.event not in VIOLENT:
            return False
        if not (_known(claim) and _known(denial)):
            return False
        denials = self.vocabulary.denials
        return _told(denial, denials) and not _told(claim, denials)

    def assign(self, report: Report, stories: Iterable[Story]) -> tuple[Story | None, Verdict]:
        """The story ``report`` joins (the one with the strongest evidence), or None.

        Exhaustive: compares with every member of every story (``StoryIndex.assign`` decides
        the same with only the stories that can be joined).
        """
        best: tuple[Story | None, Verdict] = (None, Verdict(False, 0.0, ()))
        for story in stories:
            verdict = self.against(report, story)
            if verdict.same and verdict.score > best[1].score:
                best = (story, verdict)
        return best

    def mergeable(self, a: Story, b: Story) -> bool:
        """No report of ``a`` and report of ``b`` are told apart (``Verdict.vetoed``)."""
        return not any(self.compare(x, y).vetoed for x in a.reports for y in b.reports)

    def against(
        self, report: Report, story: Story, members: Iterable[Report] | None = None
    ) -> Verdict:
        """Evidence that ``report`` belongs to ``story``: its best pairing with a member.

        The report must also agree with the story as a whole: its counts, and its event type
        with the story's event (``Story.event``), directly or with a member of that type: one
        compatible member of another type is no way in (forces sent are compatible with an
        official's visit, a visit with nothing that made the story a clash).
        ``members`` (a subset of the story's, in its order) limits the pairings compared:
        the verdict is the same when it holds every member ``report`` can be one story with.
        """
        pool = list(story.reports if members is None else members)
        if any(same_headline(report, m) and abs(report.when - m.when) <= self.window
               for m in pool):  # fmt: skip
            return Verdict(True, HEADLINE, ("same headline",))
        reading = report.reading
        known = story.known
        if (
            reading.confidence > 0
            and known
            and not agreeing_counts(reading.counts, story.counts, ("killed", "wounded"))
            and not self.vocabulary.compatible_events(reading.event, story.event)
            and not any(self.compatible(report, r) for r in known if r.reading.event == story.event)
        ):
            return Verdict(False, 0.0, (f"different events ({reading.event}, {story.event})",))
        if self.far_apart(report.entities, story.entities):
            return Verdict(False, 0.0, ("different stretches of the border",))
        latest, earliest = story.latest, story.earliest
        if latest is not None and earliest is not None and report.when >= latest:
            # A toll grows from the first report on, whatever figures lagging outlets
            # repeat in between (2 killed, then 3, then 2 again, then 5).
            grown = report.when - earliest >= GROWTH_GAP
            conflict = conflicting_counts(story.counts, reading.counts, grown)
        else:
            conflict = conflicting_counts(reading.counts, story.counts, False)
        # One outlier figure (5 killed among reports of 3) does not close the story to a
        # report that gives a member's very figure.
        # A crowd of another order than the story's (100,000 refugees it could take in, 1,037
        # soldiers who crossed) is another event, whenever it is told.
        conflict = conflict or different_crowds(story.counts, reading.counts, CROWD_APART)
        if conflict and not any(
            same_figure(reading.counts, m.reading.counts) for m in story.reports
        ):
            return Verdict(False, 0.0, (conflict,))
        best = Verdict(False, 0.0, ())
        for member in pool:
            verdict = self.compare(report, member)
            if verdict.score > best.score or (verdict.same and not best.same):
                best = verdict
        return best


class StoryIndex:
    """Stories being grouped, with an index of the evidence their members offer a new report.

    The invariant it rests on (keep it true when ``Grouper.compare`` changes; see
    docs/design.md and tests/test_stories_index.py): ``compare(a, b).same`` only if ``a`` and
    ``b`` are within the window and have at least one of

    * near-duplicate text: the same language and word Jaccard similarity ≥ NEAR_DUPLICATE;
    * a shared entity;
    * a counterpart pair (one names one end of a crossing, the other the other end);
    * a place one names within a place or region the other names (``within`` ancestors);
    * agreeing counts (``agreeing_counts``);
    * both about another border, naming one of its countries or places (``Report.others``);
    * one headline in one language (``same_headline``: ``compare`` then skips its vetoes);

    without any of them the score is at most 3.25 (the same known event 1.25, the same cues
    1.0, close in time 1.0: the same-parties bonus, "alike text" and "denies it" need shared
    entities; the accused side's answer, ANSWER 2.0, is given to two event types, so with
    time at most 3.0) < SAME_STORY.
    ``assign`` finds the members offering one (entities by id, ancestors and counterparts;
    words by prefix filtering; counts by kind, then checked), and runs ``Grouper.against`` on
    the stories holding such members, with just those members: the story and verdict are
    exactly those of the exhaustive ``Grouper.assign`` (stories are tried in the same order).
    """

    def __init__(self, grouper: Grouper) -> None:
        self.grouper = grouper
        self.stories: list[Story] = []  # in the order they were added (ties go to the first)
        self._rank: dict[int, int] = {}  # id(story) -> its position in ``stories``
        self._members: list[tuple[int, Report]] = []  # (story rank, report), in joining order
        self._postings: dict[str, list[int]] = {}  # evidence key -> member numbers
        self._ancestors: dict[str, tuple[str, ...]] = {}
        partners: dict[str, list[str]] = {}
        for pair in sorted(grouper.counterparts, key=sorted):
            for x in pair:
                partners.setdefault(x, []).extend(sorted(pair - {x}))
        self._partners = partners
        self._min_overlap = NEAR_DUPLICATE - 1e-9
        self._expired: datetime | None = None
        self.joinable: list[tuple[Story, Verdict]] = []  # by ``assign``: every story it may join
        self._merged: set[int] = set()  # id() of stories merged into another

    @property
    def live(self) -> list[Story]:
        """The stories, but those merged into another, in the order they were added."""
        return [s for s in self.stories if id(s) not in self._merged]

    def add(self, story: Story) -> None:
        """Index ``story`` (with the reports it holds) as the last story."""
        rank = len(self.stories)
        self._rank[id(story)] = rank
        self.stories.append(story)
        for report in story.reports:
            self._index(rank, report)

    def join(self, report: Report, story: Story) -> None:
        """``report`` joins ``story`` (added as the last story when it is new)."""
        if id(story) not in self._rank:
            self.add(story)
        story.add(report)
        self._index(self._rank[id(story)], report)

    def expire(self, now: datetime) -> None:
        """No report assigned from now on is earlier than ``now``: drop older members from
        the index (they are more than the window away); amortized, every eighth window."""
        cutoff = now - self.grouper.window
        if self._expired is not None and cutoff - self._expired < self.grouper.window / 8:
            return
        self._expired = cutoff
        members = self._members
        for key, numbers in list(self._postings.items()):
            kept = [n for n in numbers if members[n][1].when >= cutoff]
            if kept:
                self._postings[key] = kept
            else:
                del self._postings[key]

    def assign(self, report: Report) -> tuple[Story | None, Verdict]:
        """The story ``report`` joins, or None: what ``Grouper.assign`` decides, faster."""
        grouper = self.grouper
        postings = self._postings
        entity_hits: set[int] = set()
        for key in self._entity_probes(report):
            entity_hits.update(postings.get(key, ()))
        other_hits: set[int] = set()
        for key in self._other_keys(report):
            other_hits.update(postings.get(key, ()))
        other_hits -= entity_hits
        window = grouper.window
        by_story: dict[int, list[int]] = {}
        for number in entity_hits | other_hits:
            rank, member = self._members[number]
            if abs(report.when - member.when) > window:
                continue
            if number in other_hits and not self._near(report, member):
                continue
            by_story.setdefault(rank, []).append(number)
        best: tuple[Story | None, Verdict] = (None, Verdict(False, 0.0, ()))
        self.joinable = []
        for rank in sorted(by_story):
            story = self.stories[rank]
            members = [self._members[n][1] for n in sorted(by_story[rank])]
            verdict = grouper.against(report, story, members)
            if verdict.same:
                self.joinable.append((story, verdict))
                if verdict.score > best[1].score:
                    best = (story, verdict)
        return best

    def settle(self, report: Report) -> tuple[Story | None, Verdict, list[Story]]:
        """The story ``report`` joins (``assign``) once its twins are merged with it, the
        verdict, and the stories merged away (``report`` is not joined: see ``join``)."""
        story, verdict = self.assign(report)
        merged: list[Story] = []
        if story is not None:
            for twin in self.twins(story, verdict):
                pair = self.merge(story, twin)
                if pair is not None:
                    story, gone = pair
                    merged.append(gone)
        return story, verdict, merged

    def twins(self, story: Story, verdict: Verdict) -> list[Story]:
        """The other stories the report last assigned joins as strongly as ``story`` (both
        verdicts at least ``BRIDGE``): one event found as two stories, because the reports
        that came first had too little in common with each other. Not checked: whether
        their members tell them apart (``Grouper.mergeable``, when merging)."""
        if verdict.score < BRIDGE:
            return []
        return [s for s, v in self.joinable if s is not story and v.score >= BRIDGE]

    def merge(self, story: Story, twin: Story) -> tuple[Story, Story] | None:
        """Merge the two stories into the one added first, unless a report of one and a
        report of the other are told apart; returns (kept, merged) when merged."""
        if not self.grouper.mergeable(story, twin):
            return None
        keep, gone = sorted((story, twin), key=lambda s: self._rank[id(s)])
        for report in gone.reports:
            keep.add(report)
        kept, dropped = self._rank[id(keep)], self._rank[id(gone)]
        self._members = [(kept if r == dropped else r, m) for r, m in self._members]
        self._merged.add(id(gone))
        return keep, gone

    def _near(self, a: Report, b: Report) -> bool:
        """Near-duplicate text, one headline or agreeing counts (the evidence found by words,
        headlines and counts)."""
        if same_headline(a, b):
            return True
        wa, wb = a.words, b.words
        if a.language == b.language and wa and wb:
            # Jaccard ≥ t needs t·|B| ≤ |A| ≤ |B|/t: sizes first, the sets only if they can.
            la, lb = len(wa), len(wb)
            low = self._min_overlap
            if la >= low * lb and lb >= low * la:
                common = len(wa & wb)  # |A ∪ B| = |A| + |B| − |A ∩ B|: compare's ratio
                if common / (la + lb - common) >= NEAR_DUPLICATE:
                    return True
        ca, cb = a.reading.counts, b.reading.counts
        return bool(ca and cb) and agreeing_counts(ca, cb) is not None

    def _index(self, rank: int, report: Report) -> None:
        number = len(self._members)
        self._members.append((rank, report))
        postings = self._postings
        for key in self._keys(report, self._prefix(report)):
            postings.setdefault(key, []).append(number)

    def stored_keys(self, report: Report) -> set[str]:
        """The keys a story holding ``report`` is found by in the database (its index keys)."""
        return self._keys(report, self._prefix(report))

    def lookup_keys(self, report: Report) -> set[str]:
        """The keys of the stories ``report`` could join (``stored_keys`` of their members)."""
        return {*self._entity_probes(report), *self._other_keys(report)}

    def _keys(self, report: Report, words: Iterable[str]) -> set[str]:
        keys = {f"w:{report.language}:{word}" for word in words}
        keys.update(f"c:{kind}" for kind, value in report.reading.counts.items() if value)
        for entity in report.entities:
            keys.add(f"e:{entity}")
            keys.update(f"a:{above}" for above in self._above(entity))
        if report.elsewhere:
            keys.update(f"o:{other}" for other in report.others)
        if report.headline:
            keys.add(f"h:{report.language}:{report.headline}")
        return keys

    def _entity_probes(self, report: Report) -> Iterator[str]:
        """Keys of members sharing an entity, a counterpart, or an enclosing or inner place."""
        for entity in report.entities:
            yield f"e:{entity}"
            yield f"a:{entity}"  # a member names a place within it
            for other in self._partners.get(entity, ()):
                yield f"e:{other}"
            for above in self._above(entity):
                yield f"e:{above}"  # a member names a place or region it lies in
        if report.elsewhere:
            for other in report.others:
                yield f"o:{other}"  # both about one other border

    def _other_keys(self, report: Report) -> Iterator[str]:
        """Keys for near-duplicate text (prefix words, per language) and counts (per kind)."""
        for word in self._prefix(report):
            yield f"w:{report.language}:{word}"
        if report.headline:
            yield f"h:{report.language}:{report.headline}"
        for kind, value in report.reading.counts.items():
            if value:
                yield f"c:{kind}"

    def _prefix(self, report: Report) -> list[str]:
        """The first |A| − ⌈t·|A|⌉ + 1 words in one fixed order (longest first): two word
        sets with Jaccard ≥ t share a word among their prefixes (prefix filtering)."""
        ordered = sorted(report.words, key=lambda w: (-len(w), w))
        overlap = math.ceil(self._min_overlap * len(ordered))
        return ordered[: len(ordered) - overlap + 1] if ordered else []

    def _above(self, entity: str) -> tuple[str, ...]:
        found = self._ancestors.get(entity)
        if found is None:
            found = tuple(self.grouper._ancestors_ordered(entity))
            self._ancestors[entity] = found
        return found


def group(grouper: Grouper, reports: Sequence[Report]) -> list[Story]:
    """Group reports in time order (as they would arrive); stories keyed by first report."""
    index = StoryIndex(grouper)
    for report in sorted(reports, key=lambda r: (r.when, r.key)):
        index.expire(report.when)
        story, _, _ = index.settle(report)
        index.join(report, story or Story(report.key))
    return index.live


def _affiliations(watchlist: Watchlist) -> dict[str, frozenset[str]]:
    """Actors and the parties their names carry: third parties and organisations named by
    one word of an alias ("201st Russian military base" is Russia's, "CSTO Secretary
    General" the CSTO's, "Border Troops of the GKNB" the GKNB's). Whole words, but for a
    party's alias ending in "~" ("российск~" names "российская база")."""
    names: dict[str, list[tuple[str, bool]]] = {}  # party -> its one-word names, exact?
    for e in watchlist.entries:
        if e.third_party or (e.role == "actor" and e.kind == "org"):
            names[e.id] = [
                (words[0], not alias.endswith("~"))
                for alias in e.all_aliases()
                if len(words := normalize(alias.replace("~", "")).split()) == 1
            ]
    out: dict[str, frozenset[str]] = {}
    for entry in watchlist.entries:
        if entry.role != "actor":
            continue
        unit = {w for alias in entry.all_aliases() for w in normalize(alias).split()}
        parties = frozenset(
            party
            for party, party_names in names.items()
            if party != entry.id
            and any(w == n or (not exact and w.startswith(n))
                    for w in unit for n, exact in party_names)
        )  # fmt: skip
        if parties:
            out[entry.id] = parties
    return out


def _own_units(watchlist: Watchlist) -> dict[str, frozenset[str]]:
    """Third parties (China, Russia) and the actors named after them (``_affiliations``
    inverted): Russia's 201st base, so the two say one thing when both are shared."""
    third = {e.id for e in watchlist.entries if e.third_party}
    own: dict[str, set[str]] = {}
    for unit, parties in _affiliations(watchlist).items():
        for party in parties & third:
            own.setdefault(party, set()).add(unit)
    return {party: frozenset(units) for party, units in own.items()}


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
            if kind == "wounded" and y < x and b.get("killed", 0) > a.get("killed", 0):
                continue
        return f"different {kind} counts ({x:g}, {y:g})"
    return None


def different_crowds(
    a: Mapping[str, float], b: Mapping[str, float], ratio: float = CROWD_RATIO
) -> str | None:
    """A reason when both count a crowd (``people``) of CROWD or more, one over ``ratio``
    times the other (a first partial figure grows within hours; a day apart it is another
    crowd)."""
    x, y = a.get("people"), b.get("people")
    if x and y and min(x, y) >= CROWD and max(x, y) > ratio * min(x, y):
        return f"different crowds ({x:g}, {y:g})"
    return None


COUNTED = ("killed", "wounded", "kg", "people", "items")


def _first_agreeing(
    a: Mapping[str, float], b: Mapping[str, float], kinds: tuple[str, ...]
) -> tuple[str, float, float] | None:
    for kind in kinds:
        x, y = a.get(kind), b.get(kind)
        if x and y and _close(x, y, kind):
            return kind, x, y
    return None


def agreeing_counts(
    a: Mapping[str, float], b: Mapping[str, float], kinds: tuple[str, ...] = COUNTED
) -> str | None:
    """A reason when both report the same non-zero count of one kind."""
    found = _first_agreeing(a, b, kinds)
    if found is None:
        return None
    kind, x, y = found
    return f"same {kind} count ({x:g})" if x == y else f"close {kind} counts"


def same_figure(a: Mapping[str, float], b: Mapping[str, float]) -> bool:
    """Both give the same toll (killed or wounded) or about the same kilograms."""
    found = _first_agreeing(a, b, ("killed", "wounded", "kg"))
    return found is not None and (found[0] == "kg" or found[1] == found[2])


def small_difference(a: Mapping[str, float], b: Mapping[str, float]) -> bool:
    """The agreeing figure is a few people or things, and not the same (1 killed and 2,
    2 and 3 wounded): an early and a later toll as often as two events."""
    found = _first_agreeing(a, b, COUNTED)
    return found is not None and found[0] != "kg" and found[1] != found[2] and max(found[1:]) < 10


def distinctive_toll(a: Mapping[str, float], b: Mapping[str, float]) -> bool:
    """The same toll, telling enough to be one event: two or more killed or wounded, or
    both the killed and the wounded agreeing (one killed is said of too many events)."""
    agree = [
        kind for kind in ("killed", "wounded")
        if a.get(kind) and b.get(kind) and _close(a[kind], b[kind], kind)
    ]  # fmt: skip
    return len(agree) == 2 or any(min(a[k], b[k]) >= 2 for k in agree)


def same_headline(a: Report, b: Report) -> bool:
    """One headline in one language (``headline_key``): one article."""
    return bool(a.headline) and a.headline == b.headline and a.language == b.language


def _alike(a: Report, b: Report) -> tuple[float, float] | None:
    """The stem similarity of two reports in one language and its points, if any."""
    if a.language != b.language or not a.stems or not b.stems:
        return None
    common = len(a.stems & b.stems)
    if common < ALIKE_WORDS:  # two short headlines: a word or two alike by chance
        return None
    similarity = common / len(a.stems | b.stems)
    for least, points in ALIKE:
        if similarity >= least:
            return similarity, points
    return None


def _known(reading: Reading) -> bool:
    """The reading names its event: a cue, or people killed or wounded."""
    return reading.confidence > 0 or bool(
        reading.counts.get("killed") or reading.counts.get("wounded")
    )


def _seizure_and_shootout(a: Reading, b: Reading) -> bool:
    """One reports drugs seized and no violence, the other people killed or wounded (or a
    shoot-out) and no agreeing seizure: two events, however alike their smugglers."""
    if agreeing_counts(a.counts, b.counts, ("kg",)):
        return False
    return any(
        bool(x.counts.get("kg")) and not _violent(x) and _violent(y) for x, y in ((a, b), (b, a))
    )


def _violent(reading: Reading, recalled: bool = True) -> bool:
    """The reading reports violence: a clash or attack cue, or people killed or wounded
    (a figure, or a killed or wounded word). Without ``recalled``, a cue the reading
    marks as background or recalled (a statement recalling a firefight) does not count."""
    counts = reading.counts
    return bool(reading.hurt or counts.get("killed") or counts.get("wounded")) or any(
        c.split("/", 1)[0] in VIOLENT and (recalled or not c.endswith(_ASIDE)) for c in reading.cues
    )


def _told(reading: Reading, groups: AbstractSet[str], own: bool = False) -> bool:
    """The reading has a cue of one of ``groups`` (``event/cue``) as its news, not in the
    background or recalled; with ``own``, only of its own event type."""
    return any(
        c.split(":", 1)[0] in groups
        and not c.endswith(_ASIDE)
        and (not own or c.startswith(reading.event + "/"))
        for c in reading.cues
    )


def _cue_ids(reading: Reading) -> set[str]:
    """The cue groups of the reading's own event type (``clash/fighting``)."""
    return {c.split(":", 1)[0] for c in reading.cues if c.startswith(reading.event + "/")}


def _violent_pair(a: Reading, b: Reading) -> bool:
    """Either report is of violence: outlets name its parties each their own way."""
    return a.event in VIOLENT or b.event in VIOLENT


def _kind(cue: str) -> str:
    return cue.split("/", 1)[1]


def _hours(gap: timedelta) -> str:
    hours = gap.total_seconds() / 3600
    return f"{hours:.0f} h" if hours < 72 else f"{hours / 24:.0f} days"
