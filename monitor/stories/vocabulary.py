"""The event vocabulary (config/events.yaml): event types, their cues, count words, numbers.

Cues and count words are compiled exactly like watchlist aliases (the matcher's normalizer and
Aho-Corasick automaton, with its boundary and inflection rules), so a cue written once in
its dictionary form matches its inflected forms in every supported script.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path
from typing import Annotated, Any

import msgspec
from msgspec import Meta, Struct, field

from monitor.errors import ConfigError
from monitor.files import convert, read_yaml, validation_problem
from monitor.match.automaton import AliasAutomaton
from monitor.match.inflection import alias_script
from monitor.match.normalize import NormalizedText, normalize
from monitor.match.watchlist import Watchlist, parse_watchlist

EVENT_TYPES = (
    "attack", "clash", "incursion", "smuggling", "crossing", "deployment", "aid", "diplomacy",
    "analysis",
)  # fmt: skip
COUNTS = ("killed", "wounded", "people", "items")
# A background word ("after", "после", "پس از") governs the words after it up to this many,
# within its sentence.
BACKGROUND_WORDS = 8
BACKGROUND_CHARS = 120
SENTENCE_ENDS = ".!?؟;؛"
_SENTENCE_SPLIT = re.compile(r"[.!?؟;؛](?=\s|$)")
_HEAD_END = re.compile(r"[:;؛|](?=\s)")  # the colon (semicolon, bar) after a title's head
PAIRED_WORDS = 8  # a head that pairs names is short: "Gold, Water and Guns"
_NOT_WORD = re.compile(r"[^\w\s]+")
# " - Asia-Plus" ending a title: a search feed names the article's publisher so
SOURCE_SUFFIX = re.compile(r"\s[-–—|]\s+((?:(?!\s[-–—|]\s).)+)$")


class _Strict(Struct, forbid_unknown_fields=True, frozen=True):
    pass


class Cue(_Strict, frozen=True, kw_only=True):
    id: Annotated[str, Meta(pattern=r"^[a-z0-9][a-z0-9-]*$")]
    severity: Annotated[int, Meta(ge=0, le=3)]
    weight: Annotated[float, Meta(gt=0.0, le=5.0)] = 1.0
    aliases: Annotated[list[str], Meta(min_length=1)]


class EventType(_Strict, frozen=True):
    id: str
    label: Annotated[str, Meta(min_length=1)]
    cues: Annotated[list[Cue], Meta(min_length=1)]

    def __post_init__(self) -> None:
        if self.id not in EVENT_TYPES:
            raise ValueError(f"unknown event type {self.id!r} (known: {', '.join(EVENT_TYPES)})")


class Fallback(_Strict, frozen=True):
    event: str = "analysis"  # the type of an entry without any cue
    severity: Annotated[int, Meta(ge=0, le=3)] = 1
    casualties: str = "attack"  # the type of one without cues that reports people killed
    question: str | None = None  # a title that asks a question leans to this type (analysis)
    # a cue group of speech ("says", "urges", "заявил", "گفت"): a title with one of its cues and
    # no other cue is of its type (diplomacy: a statement), not the fallback's
    spoken: str | None = None


NonEmpty = Annotated[list[str], Meta(min_length=1)]


class Numbers(_Strict, frozen=True, kw_only=True):
    killed: NonEmpty
    wounded: NonEmpty
    people: NonEmpty
    items: list[str] = field(default_factory=list)  # vehicles, helicopters: equipment counted
    kg: Annotated[dict[str, float], Meta(min_length=1)]  # unit word → kilograms
    words: dict[int, list[str]] = field(default_factory=dict)  # value → number words
    multipliers: dict[int, list[str]] = field(default_factory=dict)
    unhurt: list[str] = field(default_factory=list)  # "no casualties": zero killed and wounded
    names_after: list[str] = field(default_factory=list)  # رود پنج: the river, not five
    negations: list[str] = field(default_factory=list)  # ни один: not a single, no figure
    months: list[str] = field(default_factory=list)  # a number next to one is a date
    # "58 killed and 30 wounded": a number after one of these starts a new count
    conjunctions: list[str] = field(default_factory=list)


class Tallies(_Strict, frozen=True, kw_only=True):
    cue: str  # the cue group a title of a year's tallies reads as (analysis/review)
    words: NonEmpty  # words right before or after a year that make it a whole year
    since: list[str] = field(default_factory=list)  # "с начала года": the year so far


class Commentary(_Strict, frozen=True, kw_only=True):
    """How a feature or op-ed is told from a report: its title frames the event it names."""

    cue: str  # the cue group a commentary title reads as (analysis/commentary)
    frames: NonEmpty  # cue groups (event/cue) of framing words: "what it means", "tests ties"
    asking: list[str] = field(default_factory=list)  # "who", "why": a question that asks them
    spans: list[str] = field(default_factory=list)  # "in a week": plural events over a span
    series: list[str] = field(default_factory=list)  # "third", "two": beside a span, a trend
    # "two", "three": events counted over a span in a title with no toll of its own ("Two
    # attacks in a week put Chinese projects at risk"): a commentary title, where an ordinal
    # ("second attack in a week") is a report of the latest one
    counted: list[str] = field(default_factory=list)
    occurrences: list[str] = field(default_factory=list)  # "attack", "инцидент": what is counted
    heads: list[str] = field(default_factory=list)  # "how", "как": opening a title or its part
    # "Interview", "گفت‌وگو", "مرکه": a rubric, the whole of a title before its colon
    rubrics: list[str] = field(default_factory=list)
    ranges: list[tuple[str, str]] = field(default_factory=list)  # "from … to …" opening one
    media: list[str] = field(default_factory=list)  # "фото", "video": a title ending in one
    # "and", "и", "و": a title whose part before its colon only pairs names ("Tajikistan and
    # the Taliban: a cold peace", "طالبان او ګاونډیان: …") is a feature on the pair
    pairs: list[str] = field(default_factory=list)
    # "the", "a": an article opening a title or its part after the colon ("The CSTO's Afghan
    # Border Problem"): headlines of news drop it, features keep it
    articles: list[str] = field(default_factory=list)
    # "what we know", "что известно": a part opening with one is the news explained, not a
    # head of commentary ("Deadly attack on Tajik border post: what we know")
    explainers: list[str] = field(default_factory=list)
    # "analysts say", "разбираемся", "коршиносон мегӯянд", "کارشناسان می‌گویند": a lead that
    # says it is analysis makes the piece commentary, unless its title gives a toll
    leads: list[str] = field(default_factory=list)
    # "The Diplomat", "Crisis Group": publishers of analysis only; a report from one (its feed,
    # or the " - Publisher" a search feed ends its title with) is commentary
    publishers: list[str] = field(default_factory=list)


class Statements(_Strict, frozen=True, kw_only=True):
    """Statements about an event (concern, condemnation, help offered, blame)."""

    stances: NonEmpty  # cue groups (event/cue) of a stance taken on an event
    about: NonEmpty  # event types a stance speaks about: their cues in its title are its subject
    truces: list[str] = field(default_factory=list)  # cue groups of a ceasefire (ends fighting)
    # watchlist ids of the accused side: its statement on violence joins the violence's story
    answering: list[str] = field(default_factory=list)
    idle: list[str] = field(default_factory=list)  # cue groups that alone answer nothing
    denials: list[str] = field(default_factory=list)  # cue groups of a claim denied


class Gunfire(_Strict, frozen=True, kw_only=True):
    cues: NonEmpty  # cue groups (event/cue) that name fire, not a fight
    hurt: str  # the event type of fire that killed or wounded someone (attack)
    mutual: list[str] = field(default_factory=list)  # "between": fire from both sides


class Unlawful(_Strict, frozen=True, kw_only=True):
    cues: NonEmpty  # cue groups (event/cue) of people crossing unlawfully
    hurt: str  # the event type of such a crossing in which someone was killed or wounded


class Paired(_Strict, frozen=True, kw_only=True):
    cue: str  # a cue group (event/cue) that counts only beside one of its partners
    partners: NonEmpty  # words one of which must stand near the cue (the troops sent)
    words: Annotated[int, Meta(ge=0, le=20)] = 6  # how near: words between, one sentence
    # words that make a partner the recipient ("sends vehicles to border troops", "ба
    # марзбонон … фиристод"): between the cue and a partner after it, right before one before it
    recipients: list[str] = field(default_factory=list)


class Sense(_Strict, frozen=True, kw_only=True):
    """A cue group of words with two senses, told apart by the words before them: after one
    of ``near`` (``words`` between at most, one sentence) a hit of ``cue`` reads as ``reads``
    (Tajik нишаст, Persian نشست: a session, but "landed" after an aircraft, the subject of
    the verb that ends the clause; "нишаст дар бораи ҳавопаймоҳо" stays a session)."""

    cue: str  # the usual sense (event/cue)
    reads: str  # the other sense (event/cue)
    near: NonEmpty  # words that call up the other sense
    words: Annotated[int, Meta(ge=0, le=20)] = 6
    following: bool = False  # the words may also follow it ("освободили из тюрьмы")


class EventsFile(_Strict, frozen=True, kw_only=True):
    version: int = 1
    fallback: Fallback = field(default_factory=Fallback)
    compatible: list[tuple[str, str]] = field(default_factory=list)
    within: dict[str, str] = field(default_factory=dict)  # watchlist place id → containing id
    counterparts: list[tuple[str, str]] = field(default_factory=list)  # ends of one crossing
    facing: list[tuple[str, str]] = field(default_factory=list)  # across the river (tj, af)
    distinct: list[list[str]] = field(default_factory=list)  # cue groups naming different events
    background: list[str] = field(default_factory=list)  # "after": the cue that follows is a cause
    recall: list[str] = field(default_factory=list)  # "напомним": the lead's sentence is recalled
    conditional: list[str] = field(default_factory=list)  # "ready to": a title of a possibility
    tallies: Tallies | None = None  # "37 clashes in 2026": a year's figures, not an event
    commentary: Commentary | None = None  # "Kunduz falls: what it means": analysis
    statements: Statements | None = None  # "Moscow concerned by attacks": diplomacy
    incidents: list[str] = field(default_factory=list)  # "incident": a title about violence
    gunfire: Gunfire | None = None  # shot at, someone hurt, no fight named: an attack
    unlawful: Unlawful | None = None  # crossed unlawfully, someone killed: an incursion
    victims: Unlawful | None = None  # migrants killed in the title: shot at, an attack
    simulated: list[str] = field(default_factory=list)  # cue groups of drills (event/cue)
    alongside: list[str] = field(default_factory=list)  # detained beside a toll: not the type
    precedence: list[tuple[str, str]] = field(default_factory=list)  # (wins, over) if it has a cue
    paired: list[Paired] = field(default_factory=list)  # "sent" counts only beside "troops"
    senses: list[Sense] = field(default_factory=list)  # нишаст: a session, or landed
    takeovers: list[str] = field(default_factory=list)  # cue groups of a place taken
    fought: list[str] = field(default_factory=list)  # smugglers: violence against them is smuggling
    remote: list[str] = field(default_factory=list)  # cue groups of a call: only its own type
    retakes: list[str] = field(default_factory=list)  # a place taken back: not its fall
    remarks: list[str] = field(default_factory=list)  # a word said: not a visit (`compatible`)
    sweeps: list[str] = field(default_factory=list)  # "several districts": places taken, plural
    weighed: str | None = None  # kilograms seized and a cue of it: this type (smuggling)
    events: Annotated[list[EventType], Meta(min_length=1)]
    numbers: Numbers

    def __post_init__(self) -> None:
        ids = {e.id for e in self.events}
        if len(ids) != len(self.events):
            raise ValueError("an event type is listed twice")
        fallback = self.fallback
        _known("compatible", [e for pair in self.compatible for e in pair], ids, "event type")
        _known("precedence", [e for pair in self.precedence for e in pair], ids, "event type")
        named = (fallback.event, fallback.casualties, fallback.question, self.weighed)
        _known("fallback", [e for e in named if e is not None], ids, "event type")
        cues = {f"{e.id}/{c.id}" for e in self.events for c in e.cues}
        group = "cue group"
        _known("distinct", [cue for kinds in self.distinct for cue in kinds], cues, group)
        _known("simulated", self.simulated, cues, group)
        _known("alongside", self.alongside, cues, group)
        _known("paired", [p.cue for p in self.paired], cues, group)
        _known("senses", [c for s in self.senses for c in (s.cue, s.reads)], cues, group)
        _known("takeovers", self.takeovers, cues, group)
        _known("fallback", [fallback.spoken] if fallback.spoken else [], cues, group)
        _known("fought", self.fought, cues, group)
        _known("remote", self.remote, cues, group)
        _known("retakes", self.retakes, cues, group)
        _known("remarks", self.remarks, cues, group)
        if self.gunfire is not None:
            _known("gunfire", self.gunfire.cues, cues, group)
            _known("gunfire", [self.gunfire.hurt], ids, "event type")
        if self.unlawful is not None:
            _known("unlawful", self.unlawful.cues, cues, group)
            _known("unlawful", [self.unlawful.hurt], ids, "event type")
        if self.victims is not None:
            _known("victims", self.victims.cues, cues, group)
            _known("victims", [self.victims.hurt], ids, "event type")
        if self.tallies is not None:
            _known("tallies", [self.tallies.cue], cues, group)
        if self.commentary is not None:
            _known("commentary", [self.commentary.cue, *self.commentary.frames], cues, group)
        if self.statements is not None:
            said = [
                *self.statements.stances, *self.statements.truces, *self.statements.idle,
                *self.statements.denials,
            ]  # fmt: skip
            _known("statements", said, cues, group)
            _known("statements", self.statements.about, ids, "event type")


def _known(key: str, names: list[str], known: set[str], what: str) -> None:
    """Raise for the first of ``names`` (under ``key``) that is not in ``known``."""
    for name in names:
        if name not in known:
            hint = " (event/cue)" if what == "cue group" else ""
            raise ValueError(f"{key}: unknown {what} {name!r}{hint}")


class Vocabulary:
    """A validated events file compiled into two automata (event cues; counts and numbers).

    Picklable (rebuilds its automata), so worker processes can get one.
    """

    def __init__(self, spec: EventsFile, source: str = "<memory>") -> None:
        self.spec = spec
        self.source = source
        self.labels = {e.id: e.label for e in spec.events}
        self.order = {e.id: i for i, e in enumerate(spec.events)}  # ties: earlier type wins
        self.cues: list[tuple[str, Cue]] = [(e.id, c) for e in spec.events for c in e.cues]
        simulated = set(spec.simulated)
        self.simulated = frozenset(  # indexes into ``cues`` of drill cue groups
            i for i, (event, cue) in enumerate(self.cues) if f"{event}/{cue.id}" in simulated
        )
        self.compatible = {frozenset(pair) for pair in spec.compatible}
        self.names_after = frozenset(normalize(w) for w in spec.numbers.names_after)
        self.negations = frozenset(normalize(w) for w in spec.numbers.negations)
        self.conjunctions = frozenset(normalize(w) for w in spec.numbers.conjunctions)
        self.background = tuple(f" {normalize(w)} " for w in spec.background if normalize(w))
        self._last_recalled: tuple[str | None, tuple[tuple[int, int], ...]] = (None, ())
        self.recall = _phrases(spec.recall)
        self.conditional = _phrases(spec.conditional)
        tallies = spec.tallies
        self.tally_words = (
            frozenset(_words(normalize(w)) for w in tallies.words) if tallies else None
        )
        self.tally_since = _phrases(tallies.since) if tallies else ()
        self.tally_cue = (
            next(i for i, (e, c) in enumerate(self.cues) if f"{e}/{c.id}" == tallies.cue)
            if tallies
            else None
        )
        by_id = {f"{e}/{c.id}": i for i, (e, c) in enumerate(self.cues)}
        commentary, statements = spec.commentary, spec.statements
        self.commentary_cue = by_id[commentary.cue] if commentary else None
        self.spoken_cue = by_id[spec.fallback.spoken] if spec.fallback.spoken else None
        self.frames = frozenset(by_id[c] for c in commentary.frames) if commentary else frozenset()
        self.asking = _phrases(commentary.asking) if commentary else ()
        self.spans = _phrases(commentary.spans) if commentary else ()
        self.series = _phrases(commentary.series) if commentary else ()
        self.counted = frozenset(_normalized(commentary.counted)) if commentary else frozenset()
        self.occurrences = _normalized(commentary.occurrences) if commentary else ()
        self.heads = _phrases(commentary.heads) if commentary else ()
        self.publishers = _publishers(commentary.publishers if commentary else [])
        self.sweeps = _phrases(spec.sweeps)
        self.media = frozenset(_normalized(commentary.media)) if commentary else frozenset()
        self.rubrics = frozenset(_normalized(commentary.rubrics)) if commentary else frozenset()
        self.pairs = frozenset(_normalized(commentary.pairs)) if commentary else frozenset()
        self.leads = _phrases(commentary.leads) if commentary else ()
        self.articles = _phrases(commentary.articles) if commentary else ()
        self.explainers = _phrases(commentary.explainers) if commentary else ()
        self.ranges = (
            tuple((_words(normalize(a)), _words(normalize(b))) for a, b in commentary.ranges)
            if commentary
            else ()
        )
        self.stances = (
            frozenset(by_id[c] for c in statements.stances) if statements else frozenset()
        )
        self.spoken_of = frozenset(statements.about) if statements else frozenset()
        self.truces = frozenset(statements.truces) if statements else frozenset()
        self.answering = frozenset(statements.answering) if statements else frozenset()
        self.idle = frozenset(statements.idle) if statements else frozenset()
        self.denials = frozenset(statements.denials) if statements else frozenset()
        self.takeovers = frozenset(spec.takeovers)
        self.fought = tuple(spec.fought)
        self.remote = frozenset(spec.remote)
        self.retakes = frozenset(spec.retakes)
        self.remarks = frozenset(spec.remarks)
        self.stance_types = frozenset(self.cues[i][0] for i in self.stances)  # diplomacy
        self.cue_automaton = AliasAutomaton(
            _as_watchlist(
                _with_verb_forms([(f"{event}--{cue.id}", cue.aliases) for event, cue in self.cues]),
                f"{source}: events",
            )
        )
        groups: list[tuple[str, list[str]]] = [
            *_with_verb_forms(
                [("count-killed", spec.numbers.killed), ("count-wounded", spec.numbers.wounded)]
            ),  # جان باخت: جان باختند, جان باخته‌اند; ҷон бохт: ҷон бохтаанд
            ("count-people", spec.numbers.people),
        ]
        if spec.numbers.items:
            groups.append(("count-items", spec.numbers.items))
        self.units: list[float] = sorted(set(spec.numbers.kg.values()))
        for i, factor in enumerate(self.units):
            words = [w for w, f in spec.numbers.kg.items() if f == factor]
            groups.append((f"unit-{i}", words))
        self.values: list[tuple[str, float]] = []  # (kind, value) per number entry below
        for value, words in sorted(spec.numbers.words.items()):
            groups.append((f"word-{value}", words))
        for value, words in sorted(spec.numbers.multipliers.items()):
            groups.append((f"times-{value}", words))
        if spec.numbers.unhurt:
            groups.append(("unhurt", spec.numbers.unhurt))
        if spec.numbers.months:
            groups.append(("month", spec.numbers.months))
        gunfire = spec.gunfire
        self.mutual = _phrases(gunfire.mutual) if gunfire else ()
        self.incident_automaton = (
            AliasAutomaton(_as_watchlist([("incident", spec.incidents)], f"{source}: incidents"))
            if spec.incidents
            else None
        )
        # cue index → (partner group, words apart); partners compiled like cues, the words
        # of the other sense of a cue (senses) after them
        self.paired = {by_id[p.cue]: (k, p.words) for k, p in enumerate(spec.paired)}
        self.recipients = [
            *(frozenset(_words(normalize(w)) for w in p.recipients) for p in spec.paired),
            *(frozenset[str]() for _ in spec.senses),
        ]
        first = len(spec.paired)
        self.senses = {  # cue index → (partner group, words apart, sense's cue index, only before)
            by_id[s.cue]: (first + k, s.words, by_id[s.reads], not s.following)
            for k, s in enumerate(spec.senses)
        }
        # one automaton per group: two groups may share partner words (aircraft beside a
        # crash, aircraft beside a landing)
        self.partner_automata = [
            AliasAutomaton(_as_watchlist([(f"partner-{k}", words)], f"{source}: paired"))
            for k, words in enumerate(
                [*(p.partners for p in spec.paired), *(s.near for s in spec.senses)]
            )
        ]
        self.number_groups = [gid for gid, _ in groups]
        self.number_automaton = AliasAutomaton(_as_watchlist(groups, f"{source}: numbers"))

    def __reduce__(self) -> tuple[Any, ...]:
        return (Vocabulary, (self.spec, self.source))

    def in_background(self, text: str, start: int, recall: bool = False) -> bool:
        """Whether the cue at ``start`` of normalized ``text`` follows "after" (or a word
        like it) within eight words of the same sentence (or clause after a colon): the report
        is about what came after it ("the clash comes a day after a Tajik border guard was
        killed in Badakhshan").
        With ``recall`` (a lead, not a title), also whether its sentence recalls an earlier
        event ("Напомним, …", "a week ago three intruders were killed at the same post")."""
        head = text[max(0, start - BACKGROUND_CHARS) : start]
        for stop in (*SENTENCE_ENDS, ": "):  # "Рӯшон пас аз амалиёт: 20 кушта": a new clause
            head = head.rsplit(stop, 1)[-1]
        before = f" {' '.join(head.split()[-BACKGROUND_WORDS:])} "
        if any(word in before for word in self.background):
            return True
        return recall and bool(self.recall) and self.recalls(text, start)

    def partnered(
        self, norm: NormalizedText, original: str, index: int, start: int, end: int
    ) -> bool:
        """Whether the paired cue ``index`` at ``start`` of ``norm`` has one of its partner
        words within its number of words, in the same sentence ("направили тысячи бойцов",
        "صدها جنگجو را … فرستادند"; not "ба карантин фиристода шуданд"), and not as the
        recipient ("sends vehicles to border troops")."""
        group, words = self.paired[index]
        return self._beside(norm, original, group, words, start, end)

    def sense(self, norm: NormalizedText, original: str, index: int, start: int, end: int) -> int:
        """The cue group a hit of cue group ``index`` reads as: its other sense when one of
        that sense's words stands beside it ("ҳавопаймо … дар Бохтар нишаст": landed), else
        itself ("нишасти вазирон": a session)."""
        group, words, other, before = self.senses[index]
        return other if self._beside(norm, original, group, words, start, end, before) else index

    def _beside(
        self,
        norm: NormalizedText,
        original: str,
        group: int,
        words: int,
        start: int,
        end: int,
        preceding: bool = False,
    ) -> bool:
        """Whether a word of partner ``group`` stands within ``words`` words of the hit at
        ``start``–``end`` (with ``preceding``, only before it), in its sentence, and not as a
        recipient."""
        recipients = self.recipients[group]
        text = norm.text
        for _hit, _alias, begin, stop in self.partner_automata[group].find_tuples(norm, original):
            if preceding and begin > start:
                continue
            low, high = (stop, start) if begin < start else (end, begin)
            between = text[low:high]
            if len(between.split()) > words or _SENTENCE_SPLIT.search(between):
                continue
            before = text[:begin].split()[-1:] if begin < start else between.split()
            if not recipients.intersection(before):
                return True
        return False

    def possible(self, title: str) -> bool:
        """Whether normalized ``title`` tells a possibility ("ready to take in refugees")."""
        return _says(title, self.conditional)

    def asks(self, title: str) -> bool:
        """Whether normalized ``title`` asks who, why or what (a question of commentary)."""
        return _says(title, self.asking)

    def publisher_of_analysis(self, outlet: str, title: str) -> str | None:
        """The publisher of analysis the report comes from: its outlet (a feed), or the
        publisher a search feed's title ends with ("… - The Diplomat"), or None."""
        if self.publishers is None:
            return None
        suffix = SOURCE_SUFFIX.search(title)
        for name in (outlet, suffix.group(1) if suffix else ""):
            found = self.publishers.search(name) if name else None
            if found:
                return found.group(0)
        return None

    def opens_commentary(self, title: str) -> bool:
        """Whether normalized ``title`` is under a rubric of commentary ("Interview: …",
        "گفت‌وگو: …", "مرکه: …"), or it or a part of it after a colon opens with a head word
        ("how", "как") or a range ("from Khorog 2012 to Rushan 2022", "از درواز تا روشان").
        A head word does not open commentary in a title ending in a media word: "Учения у
        границы: как прошел финальный этап — фото" shows the event."""
        colon = _HEAD_END.search(title)
        if colon and _words(title[: colon.start()]) in self.rubrics:
            return True
        if self.media and _words(title).rsplit(" ", 1)[-1] in self.media:
            return False
        for part in title.split(":"):
            words = f" {_words(part)} "
            if words.startswith(self.explainers):
                continue  # "…: what we know": the news explained
            if any(words.startswith(head) for head in self.heads):
                return True
            for start, end in self.ranges:
                if words.startswith(f" {start} ") and f" {end} " in words[len(start) + 2 :]:
                    return True
        return False

    def sweeping(self, title: str) -> bool:
        """Whether ``title`` names places in the plural ("several districts", "ده ولسوالی"):
        a sweep, whose places taken are examples of one province's, not its news."""
        return _says(normalize(title), self.sweeps)

    def analysed(self, lead: str) -> bool:
        """Whether normalized ``lead`` says the piece is analysis ("analysts say")."""
        return _says(lead, self.leads)

    def opens_with_article(self, title: str) -> bool:
        """Whether normalized ``title`` or a part of it after a colon opens with an article."""
        return any(f" {_words(part)} ".startswith(self.articles) for part in _HEAD_END.split(title))

    def paired_head(self, title: str) -> int:
        """Where the part of normalized ``title`` before its colon ends, if that part only
        pairs a few names with "and" ("Tajikistan and the Taliban: …", "Кундуз и Центральная
        Азия: …", "تاجیکستان و طالبان؛ …"); else -1. The caller checks it names no event."""
        match = _HEAD_END.search(title)
        if not self.pairs or match is None:
            return -1
        words = _words(title[: match.start()]).split()
        if not 3 <= len(words) <= PAIRED_WORDS or not self.pairs.intersection(words[1:-1]):
            return -1
        return match.start()

    def trend(self, text: str) -> bool:
        """Whether normalized ``text`` tells plural events over a span in one sentence ("third
        deadly incident in a month", "two attacks in a week", "за неделю две атаки")."""
        if not self.spans:
            return False
        return any(
            _says(sentence, self.spans) and _says(sentence, self.series)
            for sentence in _SENTENCE_SPLIT.split(text)
        )

    def counts_events(self, title: str) -> bool:
        """Whether normalized ``title`` counts events over a span ("three deadly incidents
        in a month", a number and an occurrence word one or two words on), not the latest of
        a series ("second attack in a week") nor people ("two smugglers in a week")."""
        if not (self.counted and self.occurrences and _says(title, self.spans)):
            return False
        words = _words(title).split()
        return any(
            word in self.counted
            and any(w.startswith(self.occurrences) for w in words[i + 1 : i + 3])
            for i, word in enumerate(words)
        )

    def year_so_far(self, title: str) -> bool:
        """Whether normalized ``title`` names the year so far ("с начала года")."""
        return _says(title, self.tally_since)

    def mutual_fire(self, text: str) -> bool:
        """Whether normalized ``text`` says fire was "between" two sides."""
        return _says(text, self.mutual)

    def recalls(self, text: str, start: int) -> bool:
        """Whether the sentence of ``text`` around ``start`` has a recall word."""
        return any(begin <= start < end for begin, end in self._recalled(text))

    def _recalled(self, text: str) -> tuple[tuple[int, int], ...]:
        """The (start, end) of the sentences of ``text`` with a recall word (the last text's
        are kept: one lead is asked about once per cue and number)."""
        if self._last_recalled[0] == text:
            return self._last_recalled[1]
        spans = []
        begin = 0
        for stop in (*(m.end() for m in _SENTENCE_SPLIT.finditer(text)), len(text) + 1):
            if _says(text[begin:stop], self.recall):
                spans.append((begin, stop))
            begin = stop
        self._last_recalled = (text, tuple(spans))
        return self._last_recalled[1]

    def compatible_events(self, a: str, b: str) -> bool:
        return a == b or frozenset((a, b)) in self.compatible

    def label(self, event: str) -> str:
        return self.labels.get(event, event.capitalize())


def _normalized(words: list[str]) -> tuple[str, ...]:
    """The configured words and phrases normalized, one space apart (empty ones dropped)."""
    return tuple(w for w in (_words(normalize(word)) for word in words) if w)


def _publishers(names: Iterable[str]) -> re.Pattern[str] | None:
    """One pattern finding any of ``names`` as whole words, case and spacing aside."""
    words = [r"[\s._-]*".join(map(re.escape, n.split())) for n in names if n.strip()]
    if not words:
        return None
    alternatives = "|".join(sorted(words, key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)", re.IGNORECASE)


def _phrases(words: list[str]) -> tuple[str, ...]:
    """The configured words and phrases as `_says` looks for them (normalized, space-bounded)."""
    return tuple(f" {w} " for w in _normalized(words))


def _says(text: str, phrases: tuple[str, ...]) -> bool:
    """Whether normalized ``text`` holds one of ``phrases`` as whole words."""
    words = f" {_words(text)} "
    return any(phrase in words for phrase in phrases)


def _words(text: str) -> str:
    """The words of ``text`` without punctuation, one space apart."""
    return " ".join(_NOT_WORD.sub(" ", text).split())


# Past stems end in д/т (Tajik кард, фиристод, гирифт; Persian کرد, بست, گرفت): a cue ending
# in one also matches the verb's plural and perfect forms, which the matcher's endings do not
# cover (фиристодаанд, кардааст; بستند, گرفته‌اند, کرده‌است with ZWNJ removed). Forms that
# are not words ("экспортаанд") never occur, so adding them to every such cue is harmless.
_VERB_FORMS = {"cyrillic": ("аанд", "ааст", "аем"), "arabic": ("ند", "هاند", "هاست")}
_PAST_STEM_END = {"cyrillic": "дт", "arabic": "دت"}


# Pashto light verbs close a phrase (بند کړ "closed", ووژل شو "was killed"); the matcher's
# endings give کړه/کړې/کړي and شوه/شوې/شوي but not the plural کړل, شول: a cue written with
# one form of these verbs matches them all ("بند کړه" also "بند کړل").
_PASHTO_LIGHT_VERBS = tuple(
    tuple(normalize(f) for f in forms)
    for forms in (("کړ", "کړه", "کړل", "کړې"), ("شو", "شوه", "شول", "شوې"))
)


# A Russian verb cue written as its present stem with "~" (не угрожа~, перебрасыва~,
# приветству~) also matches the verb's person and past forms, which the matcher's endings
# (those of nouns and adjectives) do not cover: угрожают, перебрасывает, приветствуют.
_RU_VERB_ENDINGS = ("ет", "ют", "л", "ть", "ем")
_RU_PRESENT_STEM_END = "аяу"
_RU_PAST_ENDINGS = ("ла", "ли", "ло")  # опроверг~: опровергла, опровергли (а, и: nouns' endings)
_RU_PAST_STEM_END = "бгзкрсхч"


def _present_forms(alias: str) -> list[str]:
    """The person and past forms of a Cyrillic verb cue ending in a present stem and "~"
    (угрожа~: угрожают), and the past forms of one ending in a consonant (опроверг~:
    опровергли; a noun's stem gets forms that are no words)."""
    stem = alias.removesuffix("~")
    if alias_script(stem) != "cyrillic" or not stem:
        return []
    if stem[-1] in _RU_PRESENT_STEM_END:
        return [stem + ending for ending in _RU_VERB_ENDINGS]
    if stem[-1] in _RU_PAST_STEM_END:
        return [stem + ending for ending in _RU_PAST_ENDINGS]
    return []


# Tajik light verbs have a formal twin that press releases (the GKNB's, the border troops')
# prefer: шуд "became" and гардид, кард "did" and намуд ("ворид шуданд", "ворид гардиданд";
# "баргузор карданд", "баргузор намуданд"); a cue written with one matches the other, in its
# past, participle and perfect forms, and in the present (мешавад, мегардад).
_TAJIK_LIGHT_VERBS = (("шуд", "гардид"), ("кард", "намуд"))
_TAJIK_ENDINGS = ("", "анд", "а", "ааст", "аанд")
_TAJIK_PRESENT = (("мешавад", "мегардад"), ("мешаванд", "мегарданд"), ("мекунад", "менамояд"),
                  ("мекунанд", "менамоянд"))  # fmt: skip


# Persian light verbs likewise: شد and its formal twin گردید, کرد and نمود, with their present
# (کشته شدند, کشته می‌شوند; بازداشت کرد, بازداشت می‌کند), the ZWNJ of می‌ dropped or a space.
_PERSIAN_ENDINGS = tuple(normalize(e) for e in ("", "ند", "ه", "ه‌اند", "ه‌است", "ه است"))
_PERSIAN_LIGHT_VERBS = tuple(
    (
        tuple(normalize(s) for s in stems),
        tuple(normalize(f"{prefix}{form}") for form in present for prefix in ("می‌", "می ")),
    )
    for stems, present in (
        (("شد", "گردید"), ("شود", "شوند")),
        (("کرد", "نمود"), ("کند", "کنند", "کنیم")),
    )
)


def _english_present(alias: str) -> list[str]:
    """The present forms of an English cue of several words that opens with a past verb:
    headlines are in the present ("urged restraint": "urge restraint", "urges restraint";
    "stepped up security": "steps up security"; "tried to break": "tries to break"). Forms
    that are no words ("opene") never occur."""
    first, _, rest = alias.partition(" ")
    if not rest or alias_script(alias) != "latin" or not first.endswith("ed") or len(first) < 5:
        return []
    stem = first[:-2]
    if stem.endswith("i"):
        bases = [stem[:-1] + "y"]
    elif len(stem) > 2 and stem[-1] == stem[-2] and stem[-1] not in "ls":
        bases = [stem[:-1]]
    else:
        bases = [stem, stem + "e"]
    out: list[str] = []
    for base in bases:
        if base.endswith("y"):
            third = base[:-1] + "ies"
        else:
            third = base + ("es" if base.endswith(("s", "sh", "ch", "x")) else "s")
        out.extend((f"{base} {rest}", f"{third} {rest}"))
    return out


# Every form of each light verb: a cue ending in one of them also gets the others.
_LIGHT_VERB_FAMILIES: tuple[tuple[str, ...], ...] = (
    *_PASHTO_LIGHT_VERBS,
    *(tuple(s + e for s in stems for e in _TAJIK_ENDINGS) for stems in _TAJIK_LIGHT_VERBS),
    *_TAJIK_PRESENT,
    *(
        (*(s + e for s in stems for e in _PERSIAN_ENDINGS), *present)
        for stems, present in _PERSIAN_LIGHT_VERBS
    ),
)


def _light_verb_forms(alias: str) -> list[str]:
    """The alias with every other form of the Pashto, Tajik or Persian light verb that ends
    it (or none)."""
    head, _, last = normalize(alias).rpartition(" ")
    if not head:
        return []
    for family in _LIGHT_VERB_FAMILIES:
        if last in family:
            return [f"{head} {form}" for form in family if form != last]
    return []


def _with_verb_forms(groups: list[tuple[str, list[str]]]) -> list[tuple[str, list[str]]]:
    """The cue groups with the plural and perfect forms of cues ending in a past stem or a
    Pashto light verb (a form that is already a cue of its own is left to that cue)."""
    taken = {normalize(a) for _, aliases in groups for a in aliases}
    out = []
    for gid, aliases in groups:
        forms: list[str] = []
        for alias in aliases:
            forms.extend(_light_verb_forms(alias))
            if "~" in alias.split(" ")[-1]:
                forms.extend(_present_forms(alias))
                continue
            script = alias_script(alias)
            forms.extend(_english_present(alias))
            if script == "latin" and "-" in alias:  # shoot-out: shootout, shoot out
                forms.extend((alias.replace("-", ""), alias.replace("-", " ")))
            if script in _VERB_FORMS and alias[-1] in _PAST_STEM_END[script]:
                forms.extend(alias + ending for ending in _VERB_FORMS[script])
        extra: list[str] = []
        for form in forms:  # each new form once, in the order found
            if normalize(form) not in taken:
                taken.add(normalize(form))
                extra.append(form)
        out.append((gid, [*aliases, *extra]))
    return out


def _as_watchlist(groups: list[tuple[str, list[str]]], source: str) -> Watchlist:
    """Cue groups as a watchlist (validated: no alias empty after normalization or repeated)."""
    entries = [
        {"id": gid, "name": words[0], "kind": "cue", "role": "topic", "aliases": words[1:]}
        for gid, words in groups
    ]
    return parse_watchlist({"entries": entries}, source)


def parse_vocabulary(raw: Any, source: str) -> Vocabulary:
    """Validate a parsed events document; ConfigError names the file and the problem."""
    if not isinstance(raw, dict):
        raise ConfigError(f"{source}: top level must be a mapping")
    try:
        spec = convert(raw, EventsFile)
    except msgspec.ValidationError:
        raise ConfigError(f"{source}: {validation_problem(EventsFile, raw)}") from None
    return Vocabulary(spec, source)


def load_vocabulary(path: Path) -> Vocabulary:
    """Read and validate an events file (config/events.yaml). Raises one-line ConfigError."""
    return parse_vocabulary(read_yaml(path, "events"), str(path))


def events_path_for(watchlist: Path) -> Path:
    """The events file beside a watchlist, else the packaged one."""
    from monitor.config import beside_or_packaged

    return beside_or_packaged(watchlist.parent, "events.yaml")
