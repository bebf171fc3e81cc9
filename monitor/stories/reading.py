"""Read one entry: its event type, the counts it reports and its severity (pure functions)."""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from monitor.match.normalize import NormalizedText, Normalizer, normalize
from monitor.stories.vocabulary import Vocabulary

FIELD_WEIGHT = {"title": 1.0, "summary": 0.5}
QUESTION = 1.0  # a title ending in a question mark, for the fallback's question type
BACKGROUND = 0.25  # a cue after "after" (the attack a reaction follows) weighs this much
LEAD_CHARS = 600  # the summary's (or content's) lead: counts further down are background
COUNT_KINDS = ("killed", "wounded", "people", "items")
# Event types whose killed or wounded word without a figure still means casualties (in a
# deployment or a drill it is the attack reacted to, or the enemy "destroyed").
HURTING = frozenset({"attack", "clash", "incursion", "smuggling"})
# Event types that are shots exchanged (severity 2) when the report says no one was hurt.
QUIET = frozenset({"clash"})
# Event types of violence (outlets call one shooting any of them). A title that names another
# event and none of these makes the violence its lead mentions the earlier event it follows
# (a crossing closed, a visit); grouping treats them as one family.
VIOLENT = frozenset({"attack", "clash", "incursion"})
# A type takes precedence over another (armed men crossing over a crossing) only with cues
# weighing this much (a title cue): a military aircraft named (weak) beside a landing is a
# crossing ("военный самолёт совершил вынужденную посадку": soldiers fleeing, no incursion).
PRECEDENCE = 1.0
# Violence that is the type of the people fought when a `fought:` cue group names them.
FOUGHT_OVER = frozenset({"attack", "clash"})
PLAIN = ("people", "items")  # counted, but after a casualty word
VERB_FINAL_WINDOW = 9  # a number before the sentence's casualty verb, nothing counted between
TITLE_VERB_FINAL_WINDOW = 11  # a headline is one clause ("سه کارگر چینی در حمله‌ای … کشته شدند")
COUNT_WINDOW = 4  # a number counts for a count word at most this many words away
# A number, not an ordinal ("201-ю базу", "201-й", "201st" are names of units); thousands
# grouped by a space, a comma or the Arabic separator (۱٬۰۳۷), decimals by a point, a comma
# or the Arabic decimal sign (۲٫۵).
_NUMBER = re.compile(
    r"(?<![\w.,\u066b\u066c])(\d{1,3}(?:[ ,\u066c]\d{3})+|\d+(?:[.,\u066b]\d+)?)"
    r"(?![\w]|-[^\W\d_])"
)
_SENTENCE_END = re.compile(r"[.!?;؛؟](?=\s|$)|\x00")
_SPOKEN_CLAUSE = re.compile(r"[\s,]*[^.!?;:,؛؟،]*")  # the rest of a speech cue's clause
_TEASER = re.compile(r"[?؟]\s+(?=\w)")  # a question, then more title (not " - Publisher")
_CLAUSE_END = re.compile(r"[.!?;؛؟,،](?=\s|$)|\x00")
_THOUSANDS = re.compile(r"\d{1,3}(?:[ ,\u066c]\d{3})+")
_YEAR = range(1900, 2101)
_WORD = re.compile(r"\w+")
# Quote marks, which the normalizer keeps: a cue of several words matches across them
# ("«антитеррористическая» операция", "'anti-terrorist' operation"); an apostrophe inside a
# word (Uzbek o'tgan, "IS-K's") is a letter.
_QUOTES = re.compile(r"[«»„“”\"‹›]|(?<!\w)['‘’`]|['‘’`](?!\w)")


@dataclass(frozen=True, slots=True)
class Reading:
    """What an entry reports, independently of its language.

    ``counts``: people ``killed``/``wounded``/``people`` (detained, crossing…) and ``kg``
    seized; ``cues``: the event cues found, as ``event/cue`` with the text that matched;
    ``confidence``: the winning event's cue weight (0 for the fallback); ``hurt``: a killed or
    wounded word occurs, with or without a figure ("the killed intruder was a courier").
    """

    event: str
    severity: int
    confidence: float
    counts: dict[str, float] = field(default_factory=dict)
    cues: tuple[str, ...] = ()
    hurt: bool = False

    def to_json(self) -> dict[str, Any]:
        return {
            "event": self.event,
            "severity": self.severity,
            "confidence": self.confidence,
            "counts": dict(self.counts),
            "cues": list(self.cues),
            "hurt": self.hurt,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Reading:
        counts = data.get("counts")
        return cls(
            str(data.get("event") or "analysis"),
            int(data.get("severity") or 0),
            float(data.get("confidence") or 0.0),
            {str(k): float(v) for k, v in counts.items()} if isinstance(counts, dict) else {},
            tuple(str(c) for c in data.get("cues") or ()),
            bool(data.get("hurt")),
        )


class Reader:
    """Reads entries with one compiled vocabulary. Picklable."""

    def __init__(self, vocabulary: Vocabulary) -> None:
        self.vocabulary = vocabulary
        self._normalizer = Normalizer()

    def __reduce__(self) -> tuple[Any, ...]:
        return (Reader, (self.vocabulary,))

    def read(self, title: str, summary: str, content: str = "", outlet: str = "") -> Reading:
        """Event type, severity and counts of an entry (title and the lead of its text); an
        entry of a publisher of analysis (``outlet``, or its title's " - Publisher") is
        commentary."""
        title = _QUOTES.sub("", title)
        lead = _QUOTES.sub("", (summary or content)[:LEAD_CHARS])
        vocab = self.vocabulary
        scores: dict[str, float] = {}
        severity: dict[str, int] = {}
        seen: set[tuple[str, int]] = set()
        cues: list[str] = []
        counts: dict[str, float] = {}
        casualty_word = False
        drill = False  # a drill cue: the violence named is simulated
        named: set[str] = set()  # event types with a cue not in the background
        own: set[str] = set()  # cue groups (event/cue) not in the background
        titled: set[str] = set()  # those of the title
        texts: list[str] = []  # the normalized title and lead
        calm = False  # the title names an event other than violence, and no violence
        toll = False  # the title names no event, only people killed or wounded
        tallies = False  # the title gives a year's figures
        incident = False  # the title names "the incident" as its subject (not "after" it)
        framed = False  # the title has a commentary frame ("what it means", "tests ties")
        stance = False  # the title has a stance on an event (concern, condemnation, help)
        reported = False  # the title gives people killed or wounded: a report of the event
        said = False  # the title has a speech cue ("says", "заявил", "گفت")
        wounded_title = False  # the title tells someone killed or wounded
        wounding = False  # the title has a killed or wounded word, with or without a figure
        told_at: list[int] = []  # where the title's own cues start (normalized offsets)
        frames_at: list[int] = []  # where the title's frame cues start
        spoken_end = -1  # where the title's speech cue ("рассказал", "explained") ends
        commentary_type = vocab.cues[vocab.commentary_cue][0] if vocab.commentary_cue else ""
        for name, text in (("title", title), ("summary", lead)):
            if not text:
                continue
            norm = self._normalizer.normalize(text)
            texts.append(norm.text)
            lead_of = name == "summary"
            for index, alias, start, end in vocab.cue_automaton.find_tuples(norm, text):
                if index in vocab.paired and not vocab.partnered(norm, text, index, start, end):
                    continue  # "sent" with nothing armed sent ("sent to quarantine")
                if index in vocab.senses:  # нишаст: a session, or landed beside an aircraft
                    index = vocab.sense(norm, text, index, start, end)
                event, cue = vocab.cues[index]
                if (name, index) in seen:
                    continue
                if index == vocab.spoken_cue:  # "says": only where nothing else is told
                    if name == "title" and not vocab.in_background(norm.text, start):
                        said, spoken_end = True, end
                        cues.append(f"{event}/{cue.id}: {alias} (spoken)")
                    continue
                if (
                    name == "title"
                    and event == commentary_type
                    and spoken_end >= 0
                    and _SPOKEN_CLAUSE.fullmatch(norm.text[spoken_end:start])
                ):
                    # "Лукашенко рассказал, почему …", "says it could take in refugees": an
                    # analysis word in the clause a speech cue opens is what was said
                    cues.append(f"{event}/{cue.id}: {alias} (reported)")
                    continue
                weight = cue.weight * FIELD_WEIGHT[name]
                if vocab.in_background(norm.text, start, lead_of):
                    weight *= BACKGROUND
                    alias = f"{alias} (background)"
                elif calm and event in VIOLENT:  # the earlier violence a follow-up recalls
                    weight *= BACKGROUND
                    alias = f"{alias} (recalled)"
                else:
                    seen.add((name, index))
                    drill = drill or index in vocab.simulated
                    if name == "title":
                        framed = framed or index in vocab.frames
                        if index in vocab.frames:
                            frames_at.append(start)
                        stance = stance or index in vocab.stances
                    named.add(event)
                    own.add(f"{event}/{cue.id}")
                    if name == "title":
                        titled.add(f"{event}/{cue.id}")
                        told_at.append(start)
                    severity[event] = max(severity.get(event, 0), cue.severity)
                scores[event] = scores.get(event, 0.0) + weight
                cues.append(f"{event}/{cue.id}: {alias}")
            found, hurt = self._counts(norm, text, lead_of)
            if name == "title":
                reported = _casualties(found)
                wounded_title = reported or hurt
                wounding = hurt
                incident = self._incident(norm, text, subject=True)
                calm = (
                    bool(named)
                    and not (named & HURTING or hurt or _casualties(found))
                    and _winner(scores, vocab.order) not in HURTING
                    and not self._incident(norm, text)
                )
                # a year's figures: a whole year and a figure, or the review cue itself
                tallies = self._tallies(norm.text) or ("title", vocab.tally_cue) in seen
                toll = not named and (hurt or _casualties(found))
            elif calm:
                found = {k: v for k, v in found.items() if k not in ("killed", "wounded")}
                hurt = False
            for kind, value in found.items():
                if lead_of and counts.get(kind) and kind in ("killed", "wounded"):
                    continue  # the title's toll; the lead may add claims ("activists: 20+")
                counts[kind] = max(counts.get(kind, 0.0), value)
            casualty_word = casualty_word or hurt
        question = vocab.spec.fallback.question
        if question and title.rstrip().endswith(("?", "؟")):
            # "Who is targeting Chinese workers?": a question headline is commentary.
            scores[question] = scores.get(question, 0.0) + QUESTION
            severity.setdefault(question, 0)
            named.add(question)
            cues.append(f"{question}/question: ?")
        publisher = vocab.publisher_of_analysis(outlet, title)
        commentary = bool(publisher) or (
            not self._teased(texts[0] if texts else "", told_at, frames_at)
            and self._commentary(title, texts, framed, reported, told_at, wounding)
        )
        spoken = stance and not (reported or commentary)
        if commentary:
            # "Kunduz Falls: What It Means for Central Asia", "Third deadly border incident in a
            # month tests ties": the events the title names are its subject, not its news.
            event, cue = vocab.cues[vocab.commentary_cue or 0]
            scores = {e: w * BACKGROUND for e, w in scores.items()}
            scores[event] = scores.get(event, 0.0) + cue.weight
            severity[event] = cue.severity
            named = {event}
            cues.append(f"{event}/{cue.id}: " + (publisher or "a commentary title"))
        elif framed and reported and vocab.commentary_cue is not None:
            # "Two guards killed in attack on Panj post: what it means": the toll is the news
            named.discard(vocab.cues[vocab.commentary_cue][0])
        elif reported and vocab.stance_types & named:
            # "МИД РТ: в Дарвазе убиты двое граждан КНР": a first report through an official
            named -= vocab.stance_types
        elif spoken:
            # "Moscow concerned by attacks on Chinese", "Taliban ready to cooperate in the
            # investigation": the violence a statement speaks of is the report it follows.
            for event in vocab.spoken_of & named:
                scores[event] *= BACKGROUND
            named -= vocab.spoken_of
            cues.append("statement: about the violence it names")
        elif vocab.commentary_cue is not None and any(vocab.trend(t) for t in texts):
            # "Two firefights in Davang in as many months point to …": a trend, told in the
            # title or the lead, leans to commentary ("second attack in a week" is news too)
            event, cue = vocab.cues[vocab.commentary_cue]
            scores[event] = scores.get(event, 0.0) + cue.weight * FIELD_WEIGHT["summary"]
            severity.setdefault(event, cue.severity)
            named.add(event)
            cues.append(f"{event}/{cue.id}: a trend")
        if drill:  # "repelled an attack by mock militants": no violence, no one hurt
            for event in HURTING & scores.keys():
                scores[event] *= BACKGROUND
            named -= HURTING
            counts = {k: v for k, v in counts.items() if k not in ("killed", "wounded")}
            casualty_word = False
        if tallies and vocab.tally_cue is not None:  # "37 armed clashes in 2026": a review
            event, cue = vocab.cues[vocab.tally_cue]
            scores = {e: w * BACKGROUND for e, w in scores.items()}
            scores[event] = scores.get(event, 0.0) + cue.weight
            severity[event] = cue.severity
            cues.append(f"{event}/{cue.id}: a year's figures")
            named = {event}
            counts, casualty_word = {}, False
        if toll and not (drill or tallies):
            # "Several killed in Rushan", "هشت عضو … کشته شدند": the killing is the event; the
            # lead's road blocked, people detained or troops massed are part of it.
            named = {
                e
                for e in named
                if any(c.startswith(f"{e}/") and c not in vocab.spec.alongside for c in own)
            }
        casualties = _casualties(counts)
        if casualties or casualty_word:  # "no casualties" among one side only: not a zero
            counts = {k: v for k, v in counts.items() if v or k not in ("killed", "wounded")}
        # Only a type with a cue of its own can be the event; background cues add weight to it
        # ("Шойгу …, имея в виду перестрелку": the recalled firefight is not the report's).
        scores = {e: w for e, w in scores.items() if e in named}
        if not scores:
            fallback = vocab.spec.fallback
            event, level, confidence = fallback.event, fallback.severity, 0.0
            if casualties or casualty_word:  # someone killed or wounded: an attack
                event, level = vocab.spec.fallback.casualties, 3
            elif incident and not tallies:  # "regret over the incident on the border"
                event, level = vocab.spec.fallback.casualties, 2
            elif said and vocab.spoken_cue is not None:  # "Кабулов рассказал об угрозе ИГ"
                event, cue = vocab.cues[vocab.spoken_cue]
                level = cue.severity
        else:
            event = _winner(scores, vocab.order)
            for wins, over in vocab.spec.precedence:  # armed men crossing, then a firefight
                if event == over and wins in named and scores[wins] >= PRECEDENCE:
                    event = wins
            weighed = vocab.spec.weighed
            if weighed in named and counts.get("kg") and not (casualty_word or casualties):
                event = weighed  # caught crossing with 15 kg of hashish: smugglers
            level, confidence = severity[event], round(scores[event], 3)
        hurt = casualties or casualty_word
        gunfire = vocab.spec.gunfire
        if (
            gunfire
            and hurt
            and _only_fire(event, own, gunfire.cues)
            and not any(vocab.mutual_fire(t) for t in texts)
        ):
            event = gunfire.hurt  # shot at from one side: "killed by gunfire from the bank"
        unlawful = vocab.spec.unlawful
        if unlawful and hurt and _only_fire(event, own, unlawful.cues):
            event = unlawful.hurt  # "border violators were eliminated": an armed crossing
        victims = vocab.spec.victims
        if victims and wounded_title and _only_fire(event, own, victims.cues):
            event = victims.hurt  # "four migrants killed by Iranian border guards' fire"
        if event in FOUGHT_OVER:
            # "officer killed in a firefight with drug couriers": who is fought is the event
            # (in the title: the smugglers a lead mentions are often the background)
            event = next((g.partition("/")[0] for g in vocab.fought if g in titled), event)
        if (
            incident
            and hurt
            and event not in HURTING
            and not (drill or tallies or commentary or spoken)
        ):
            # "Kabul regrets the incident on the Tajik border" with the Chinese workers killed
            # in its lead: the report is of that violence (the type its lead names, else the
            # fallback's), whoever tells it.
            violent = {e: scores[e] for e in VIOLENT if e in named}
            event = _winner(violent, vocab.order) if violent else vocab.spec.fallback.casualties
            level = 3
        if event != "analysis" and (casualties or (hurt and event in HURTING)):
            level = 3  # people killed or wounded (a figure, or a word in a report of violence)
        elif event in QUIET and "killed" in counts:  # "exchanged fire, no casualties"
            level = min(level, 2)
        if level > 1 and not hurt and title and vocab.possible(texts[0]):
            level = 1  # "ready to take in 100,000 refugees": a possibility, not an event
        return Reading(event, level, confidence, counts, tuple(cues), hurt)

    def _commentary(
        self,
        title: str,
        texts: list[str],
        framed: bool,
        reported: bool,
        told_at: list[int],
        hurt: bool = False,
    ) -> bool:
        """Whether the title is one of commentary: a frame, a question asking who, why or
        what, a part opening with "how" or "from … to …", a head that pairs names and tells
        no event ("Tajikistan and the Taliban: …"), an article opening it or its part (with
        no one killed or wounded: ``hurt``), a lead that says it is analysis, or events
        counted over a span; never with a toll of its own ("Who is behind the attack? Three
        killed …")."""
        vocab = self.vocabulary
        if vocab.commentary_cue is None or not title or not texts:
            return False
        if reported:
            # "Пять погибших за неделю: что происходит на границе": a toll summed over a span
            # under a frame is a roundup; "Two guards killed …: what it means" is news
            return framed and vocab.trend(texts[0])
        # A question told after the news ("Russia recognised the Taliban. What does Dushanbe
        # say?") is a teaser of that news: only a title that is all one question asks.
        question = title.rstrip()
        asked = (
            question.endswith(("?", "؟"))
            and not _SENTENCE_END.search(question[:-1])
            and vocab.asks(texts[0])
        )
        if len(texts) > 1 and vocab.analysed(texts[1]):
            return True  # "… Analysts say the danger of a spillover is overstated."
        head = vocab.paired_head(texts[0])
        paired = head > 0 and not any(start < head for start in told_at)
        return (
            framed
            or asked
            or paired
            or (not hurt and vocab.opens_with_article(texts[0]))
            or vocab.opens_commentary(texts[0])
            or vocab.counts_events(texts[0])
        )

    def _teased(self, title: str, told_at: list[int], frames_at: list[int]) -> bool:
        """Whether normalized ``title`` asks a question, then tells the news in a sentence of
        its own with an event cue and no frame ("Чаро марз баста шуд? Гузаргоҳҳо … баста
        шуданд", "Rockets fired into Tajikistan? Border service says …"): the question is
        the news's teaser, not commentary."""
        asked = _TEASER.search(title)
        if asked is None:
            return False
        rest = title[asked.end() :]
        return (
            any(start >= asked.end() for start in told_at)
            and not any(start >= asked.end() for start in frames_at)
            and not self.vocabulary.opens_commentary(rest)
            and not self.vocabulary.opens_with_article(rest)
        )

    def _incident(self, norm: NormalizedText, original: str, subject: bool = False) -> bool:
        """Whether a title names "the incident": its lead's violence is what it is about
        (with ``subject``, not as what came before: "protest note after border incident")."""
        automaton = self.vocabulary.incident_automaton
        if automaton is None:
            return False
        hits = automaton.find_tuples(norm, original)
        if subject:
            vocab = self.vocabulary
            return any(not vocab.in_background(norm.text, start) for _, _, start, _ in hits)
        return bool(hits)

    def _tallies(self, title: str) -> bool:
        """Whether a normalized title gives a whole year's figures: a year with a period word
        right before or after it ("в 2026 году", "in 2026", "соли 2026") or the year so far
        named ("с начала года"), and another number."""
        words = self.vocabulary.tally_words
        if not words:
            return False
        tokens = _WORD.findall(title)
        year = self.vocabulary.year_so_far(title)  # "с начала года изъято более 3 тонн"
        other = False
        for i, token in enumerate(tokens):
            value = _value(token)
            if value is None:
                continue
            if value in _YEAR and (
                (i > 0 and tokens[i - 1] in words)
                or (i + 1 < len(tokens) and tokens[i + 1] in words)
            ):
                year = True
            else:
                other = True
        return year and other

    def _counts(
        self, norm: NormalizedText, original: str, lead: bool = False
    ) -> tuple[dict[str, float], bool]:
        """People killed/wounded/counted and kilograms, from numbers next to count words;
        and whether a killed or wounded word occurs at all (not in the background). In a
        ``lead``, a sentence that recalls an earlier event counts nothing."""
        vocab = self.vocabulary
        normalized = norm.text
        tokens: list[tuple[int, str, float]] = []  # (word index, kind, value)
        unhurt = False
        months: list[int] = []  # word indexes of month names: a number next to one is a date
        recalled: set[int] = set()  # numbers right after "after": the earlier event's figure
        abbreviations: list[int] = []  # "тыс.", "кг.": the dot after them ends no sentence
        lone: set[int] = set()  # multipliers written as listed (тысяч~ inflects): may stand alone
        for index, alias, start, end in vocab.number_automaton.find_tuples(norm, original):
            group = vocab.number_groups[index]
            kind, _, arg = group.partition("-")
            word = normalized.count(" ", 0, start)
            if kind == "count":
                tokens.append((word, arg, 0.0))
                if vocab.in_background(normalized, start, lead):
                    recalled.add(word)  # "after a guard was killed": not this report's toll
            elif kind == "unit":
                tokens.append((word, "unit", vocab.units[int(arg)]))
                abbreviations.append(end)
            elif kind == "word":
                before = normalized[max(0, start - 24) : start].split()[-1:]
                if before and before[0] in vocab.names_after:
                    continue  # a name (رود پنج, the Panj river), not a number
                if before and before[0] in vocab.negations:
                    continue  # "ни один снаряд": not a single one, no figure
                if _standalone(normalized, alias, start, end):
                    tokens.append((word, "number", float(arg)))
                    if vocab.in_background(normalized, start, lead):
                        recalled.add(word)
            elif kind == "times":
                tokens.append((word, "times", float(arg)))
                abbreviations.append(end)
                if alias.endswith("~") or normalized[start:end] == _plain(alias):
                    lone.add(word)  # "thousands", "тысячи"; not زرهی (armoured) for زره
                if vocab.in_background(normalized, start):
                    recalled.add(word)
            elif kind == "unhurt":
                unhurt = True
            elif kind == "month":
                months.append(word)
        for m in _NUMBER.finditer(normalized):
            digits = m.group(1)
            if _THOUSANDS.fullmatch(digits):
                value = float(re.sub(r"[ ,\u066c]", "", digits))
            else:
                value = float(digits.replace(",", ".").replace("\u066b", "."))
            tokens.append((normalized.count(" ", 0, m.start()), "number", value))
            if vocab.in_background(normalized, m.start(), lead):
                recalled.add(tokens[-1][0])
        if months:  # "10 января", "۲۰ حوت", "January 10": a date, not a count
            tokens = _without_dates(tokens, months)
        tokens = _standalone_multipliers(tokens, lone)
        plain = _without_abbreviation_dots(normalized, abbreviations)
        sentence_of = _sentences(plain)
        # "No casualties" is one phrase (без жертв, never its жертв); a casualty word beside
        # it ("нарушители уничтожены, среди пограничников пострадавших нет") is a toll.
        hurt = any(t[1] in ("killed", "wounded") and t[0] not in recalled for t in tokens)
        if not tokens:
            return ({"killed": 0.0, "wounded": 0.0} if unhurt else {}), hurt
        tokens.sort(key=lambda t: t[0])
        sentence = [sentence_of(t[0]) for t in tokens]
        clause_of = _sentences(plain, _CLAUSE_END)
        # "58 soldiers killed and 30 others wounded", "۵۸ سرباز کشته و ۳۰ تن دیگر زخمی شدند":
        # a number right after "and" starts a new count; the casualty word before the "and"
        # is not its own.
        fresh = _fresh_counts(tokens, sentence, normalized.split(" "), vocab.conjunctions)

        def owned(count_word: int, distance: int, numbers: list[int]) -> bool:
            # A number after a count word in its clause, nearer than ``distance``, is its own
            # (verb first: "трое … перешли, убит один из них", "وقتل أحدهم").
            clause = clause_of(count_word)
            return any(
                0 < n - count_word < distance and clause_of(n) == clause and n not in fresh
                for n in numbers
            )

        verb_final = VERB_FINAL_WINDOW if lead else TITLE_VERB_FINAL_WINDOW
        out: dict[str, float] = {}
        used: set[int] = set()
        for i, (word, kind, value) in enumerate(tokens):
            if kind != "number" or i in used or word in recalled:
                continue
            j = i + 1
            if j < len(tokens) and tokens[j][1] == "times" and tokens[j][0] - word <= 1:
                value *= tokens[j][2]
                used.add(j)
                j += 1
            if j < len(tokens) and tokens[j][1] == "unit" and tokens[j][0] - word <= 2:
                out["kg"] = max(out.get("kg", 0.0), value * tokens[j][2])
                continue
            if value in _YEAR and value == int(value):
                continue
            # The nearest count word of the sentence, with no other number between; killed/
            # wounded before plain "people" ("killed three people"), equipment right after the
            # number first ("three vehicles": never victims), on a tie the word after.
            numbers = [t[0] for t in tokens if t[1] == "number" and t[0] != word]
            # A count word in the number's own clause first ("one guard killed, four others
            # wounded": four are the wounded, though "killed" stands nearer).
            candidates = [
                (
                    _rank(okind, other - word),
                    clause_of(other) != clause_of(word),
                    abs(other - word),
                    other < word,
                    okind,
                )
                for k, (other, okind, _) in enumerate(tokens)
                if okind in COUNT_KINDS
                and sentence[k] == sentence[i]
                and abs(other - word) <= COUNT_WINDOW
                and not (word in fresh and other < word)
                and not any(min(other, word) < n < max(other, word) for n in numbers)
                and not owned(other, abs(other - word), numbers)
            ]
            if all(c[0] > 0 for c in candidates):
                # Verb-final sentences (Persian, Pashto, Tajik): "three armed smugglers … were
                # killed": the first casualty word after the number, with nothing counted between
                # but the classifier right after it ("се нафар … кушта шуданд", "سه نفر").
                for k in range(i + 1, len(tokens)):
                    other, okind, _ = tokens[k]
                    if sentence[k] != sentence[i] or other - word > verb_final:
                        break
                    if okind == "people" and other - word <= 1:
                        continue
                    if okind in ("number", "unit", *PLAIN):
                        break
                    if okind in ("killed", "wounded"):
                        if not owned(other, other - word, numbers):
                            candidates = [(0, False, other - word, False, okind)]
                        break
            if candidates:
                kind_found = min(candidates)[4]
                clause = clause_of(word)
                if kind_found == "people" and any(
                    okind in ("killed", "wounded") and other > word and clause_of(other) == clause
                    for other, okind, _ in tokens
                ):
                    # "Two border guards and three fighters were killed": the people of a
                    # clause that ends in a casualty word are its casualties, not a crowd.
                    continue
                if kind_found == "people" and word not in fresh:
                    # "Число погибших … возросло до 40 человек", "death toll rises to 40
                    # people": the clause's first number, not after "and", after a toll
                    # word of its clause counts that toll, not a crowd.
                    toll = [
                        okind
                        for other, okind, _ in tokens
                        if okind in ("killed", "wounded")
                        and 0 < word - other <= VERB_FINAL_WINDOW
                        and clause_of(other) == clause
                        and other not in recalled
                        and not any(n < word and clause_of(n) == clause for n in numbers)
                    ]
                    kind_found = toll[-1] if toll else kind_found
                out[kind_found] = max(out.get(kind_found, 0.0), value)
        if unhurt and not (hurt or out.get("killed") or out.get("wounded")):
            out.update(killed=0.0, wounded=0.0)  # "no casualties": a figure, zero
        return out, hurt


def _fresh_counts(
    tokens: list[tuple[int, str, float]],
    sentence: list[int],
    words: list[str],
    conjunctions: frozenset[str],
) -> set[int]:
    """Word indexes of the numbers right after a conjunction that have a count word of their
    own: a classifier right after them ("15 нафар нобуд ва 4 нафар дастгир", "و دو تن
    بازداشت") or a killed or wounded word later in the sentence with no other number between
    ("… کشته و ۳۰ تن زخمی", "killed and 30 wounded"). Each starts a count of its own."""
    out: set[int] = set()
    for k, (word, kind, _) in enumerate(tokens):
        if kind != "number" or word == 0 or words[word - 1] not in conjunctions:
            continue
        for later in range(k + 1, len(tokens)):
            other, okind, _ = tokens[later]
            if sentence[later] != sentence[k] or other - word > VERB_FINAL_WINDOW:
                break
            if okind == "number":
                break
            if okind in ("killed", "wounded") or (okind == "people" and other - word == 1):
                out.add(word)
                break
    return out


def _only_fire(event: str, own: set[str], fire: list[str]) -> bool:
    """Whether the event's own cue groups are all of ``fire`` (groups of fire, no fight
    named; or groups of an unlawful crossing, no closure or trade named)."""
    mine = {cue for cue in own if cue.startswith(f"{event}/")}
    return bool(mine) and mine <= set(fire)


def _casualties(counts: dict[str, float]) -> bool:
    return counts.get("killed", 0) > 0 or counts.get("wounded", 0) > 0


def _winner(scores: dict[str, float], order: dict[str, int]) -> str:
    """The event type whose cues weigh most (ties: the earlier type of the vocabulary)."""
    return min(scores, key=lambda e: (-scores[e], order[e]))


def _value(token: str) -> int | None:
    return int(token) if token.isdigit() and len(token) <= 6 else None


def _without_dates(
    tokens: list[tuple[int, str, float]], months: list[int]
) -> list[tuple[int, str, float]]:
    """The tokens without the day of each month name: the number right before it, else
    the number right after it ("۲۰ حوت سه سرباز": 20 is the day, three the count)."""
    numbers = {t[0] for t in tokens if t[1] == "number"}
    days = {m - 1 if m - 1 in numbers else m + 1 for m in months}
    return [t for t in tokens if t[1] != "number" or t[0] not in days]


def _standalone_multipliers(
    tokens: list[tuple[int, str, float]], lone: set[int]
) -> list[tuple[int, str, float]]:
    """A multiplier with no number right before it is the number itself: "более тысячи",
    "беш аз ҳазор", "بیش از هزار", "thousands of fighters", "hundreds of Afghans" (only as
    written in the list: an inflected look-alike is another word)."""
    numbers = {t[0] for t in tokens if t[1] == "number"}
    return [
        (word, "number", value)
        if kind == "times" and word in lone and word not in numbers and word - 1 not in numbers
        else (word, kind, value)
        for word, kind, value in tokens
    ]


def _without_abbreviation_dots(text: str, ends: list[int]) -> str:
    """The text with the dot right after an abbreviated multiplier or unit ("1 тыс.
    военных", "20 кг. героина") made a letter-like mark: it ends no sentence or clause."""
    if not ends:
        return text
    chars = list(text)
    for end in ends:
        if end < len(chars) and chars[end] == ".":
            chars[end] = "\u00b7"
    return "".join(chars)


def _rank(kind: str, offset: int) -> int:
    """Which count word a number belongs to first (lower first): equipment right after it,
    then casualties, then people and equipment further away."""
    if kind == "items" and 0 < offset <= 1:
        return -1
    return 1 if kind in PLAIN else 0


@functools.cache
def _plain(alias: str) -> str:
    return normalize(alias)


def _standalone(text: str, alias: str, start: int, end: int) -> bool:
    """A number word counts only as a whole word (Pashto سل is 100, سلګونه is not)."""
    if start > 0 and text[start - 1].isalnum():
        return False
    if end < len(text) and text[end].isalnum():
        return False
    return text[start:end] == _plain(alias)


def _sentences(text: str, end: re.Pattern[str] = _SENTENCE_END) -> Callable[[int], int]:
    """A function from word index to sentence (or clause) number."""
    ends = [text.count(" ", 0, m.start()) for m in end.finditer(text)]

    def sentence(word: int) -> int:
        return sum(1 for end in ends if end < word)

    return sentence
