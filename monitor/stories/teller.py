"""One object that reads reports, scores their significance, groups and names stories.

Built once from the watchlist and the event vocabulary; every method is a pure function of
its arguments (times are passed in).
"""

from __future__ import annotations

import functools
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from monitor.match.watchlist import Watchlist
from monitor.stories.grouping import (
    DEFAULT_WINDOW,
    PLACE,
    Grouper,
    Report,
    Story,
    group,
    headline_key,
    report_words,
    word_stems,
)
from monitor.stories.header import story_header
from monitor.stories.reading import Reader, Reading
from monitor.stories.significance import significance, story_significance
from monitor.stories.vocabulary import Vocabulary, events_path_for, load_vocabulary

if TYPE_CHECKING:
    from monitor.match.matcher import Matcher


@dataclass(frozen=True, slots=True)
class ReportInput:
    """What the teller needs to know of one match."""

    key: int
    when: datetime
    language: str | None
    outlet: str
    title: str
    summary: str
    term_ids: Sequence[str]
    relevance: float
    content: str = ""


TitleTerms = Callable[[str], Iterable[str]]  # a title -> the watchlist ids it names
TITLES_KEPT = 8192  # headlines whose terms a teller remembers


class StoryTeller:
    """Reads, scores, groups and names with one watchlist and one vocabulary.

    ``title_terms`` (the matcher's, on the title alone) tells which border a headline is
    about; without it only the whole entry's terms are used.
    """

    def __init__(
        self,
        watchlist: Watchlist,
        vocabulary: Vocabulary,
        window: timedelta = DEFAULT_WINDOW,
        title_terms: TitleTerms | None = None,
    ) -> None:
        self.watchlist = watchlist
        self.vocabulary = vocabulary
        self.reader = Reader(vocabulary)
        self.grouper = Grouper(watchlist, vocabulary, window)
        self.title_terms = title_terms

    @classmethod
    def for_watchlist(
        cls,
        watchlist: Watchlist,
        window: timedelta = DEFAULT_WINDOW,
        events: Path | None = None,
        title_terms: TitleTerms | None = None,
    ) -> StoryTeller:
        """A teller with the events file beside the watchlist (else the packaged one)."""
        path = events or events_path_for(Path(watchlist.source))
        return cls(watchlist, load_vocabulary(path), window, title_terms)

    @classmethod
    def for_matcher(
        cls, matcher: Matcher, window: timedelta = DEFAULT_WINDOW, events: Path | None = None
    ) -> StoryTeller:
        """A teller for the matcher's watchlist that reads headlines with the matcher
        (remembering the last titles read: a daemon regroups a story's members each pass)."""

        @functools.lru_cache(maxsize=TITLES_KEPT)
        def title_terms(title: str) -> tuple[str, ...]:
            hits = sorted(matcher.find_hits(title, "title"), key=lambda hit: hit.start)
            return tuple(hit.term_id for hit in hits)  # in the title's order

        return cls.for_watchlist(matcher.watchlist, window, events, title_terms)

    def read(self, title: str, summary: str, content: str = "", outlet: str = "") -> Reading:
        return self.reader.read(title, summary, content, outlet)

    def entities(self, term_ids: Iterable[str]) -> frozenset[str]:
        """The ids that tell events apart (places, regions, actors, countries)."""
        weight = self.grouper.weight
        return frozenset(t for t in term_ids if weight.get(t, 0.0) > 0)

    def concreteness(self, term_ids: Iterable[str]) -> float:
        weight = self.grouper.weight
        return sum(weight.get(t, 0.0) for t in set(term_ids))

    def significance(self, reading: Reading, term_ids: Iterable[str], relevance: float) -> float:
        return significance(reading, self.concreteness(term_ids), relevance)

    def report(self, item: ReportInput, reading: Reading | None = None) -> Report:
        reading = reading or self.read(item.title, item.summary, item.content, item.outlet)
        title_ids = self.title_terms(item.title) if self.title_terms is not None else ()
        return Report(
            key=item.key,
            when=item.when,
            language=item.language,
            outlet=item.outlet,
            reading=reading,
            entities=self.entities(item.term_ids),
            words=(words := report_words(item.title, item.summary or item.content)),
            stems=word_stems(words, self.grouper.common_stems),
            headline=headline_key(item.title),
            others=self.grouper.other_borders.intersection(item.term_ids),
            elsewhere=self.grouper.elsewhere(item.term_ids)
            or (self.title_terms is not None and self.grouper.headline_elsewhere(title_ids)),
            parties=self.grouper.foreign.intersection(title_ids),
            sites=frozenset(e for e in title_ids if self.grouper.weight.get(e, 0) >= PLACE),
            speaker=self.grouper.speaker(title_ids),
            sweep=self.vocabulary.sweeping(item.title),
        )

    def group(self, reports: Sequence[Report]) -> list[Story]:
        return group(self.grouper, reports)

    def header(
        self,
        event: str,
        entity_ids: Sequence[Sequence[str]],
        outlets: int,
        languages: Iterable[str | None],
        elsewhere: Sequence[str] = (),
    ) -> str:
        return story_header(
            self.vocabulary.label(event), entity_ids, self.watchlist, outlets, languages,
            self.vocabulary.spec.within, elsewhere,
        )  # fmt: skip

    def elsewhere(self, reports: Sequence[Report]) -> list[str]:
        """Another border's places, then its countries (each most named first), when every
        report is about that border; else nothing."""
        if not reports or not all(r.elsewhere for r in reports):
            return []
        named = Counter(e for r in reports for e in r.others)
        kinds = {e: entry.kind for e in named if (entry := self.watchlist.get(e)) is not None}
        where = [e for e in named if kinds.get(e) not in ("group", "context")]
        return sorted(where, key=lambda e: (kinds.get(e) == "country", -named[e], e))

    @staticmethod
    def story_significance(members: Iterable[float], outlets: int) -> float:
        return story_significance(members, outlets)
