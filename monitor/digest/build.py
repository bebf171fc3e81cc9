"""What a digest holds: selection, story grouping (dedup), snippets and header counts.

Pure functions over loaded rows; ``now`` is always a parameter.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any
from zoneinfo import ZoneInfo

from monitor.match.normalize import normalize
from monitor.records import FeedRecord, FeedRow, MatchRow
from monitor.text import one_line

SNIPPET_CHARS = 260
_WORD = re.compile(r"\w+", re.UNICODE)
_LEAD_CHARS = 140
NEAR_DUP_THRESHOLD = 0.6
_MAX_CANDIDATES = 10
# Other reports listed under one story; the rest are counted ("and 99,950 more reports"), so
# 100,000 look-alike items make a digest of bounded size on every channel.
MAX_LISTED = 20


@dataclass(frozen=True)
class Segment:
    """A piece of text; ``hit`` pieces are the matched words (templates highlight them)."""

    text: str
    hit: bool = False


@dataclass(frozen=True)
class Mention:
    """Another outlet's report of the same story."""

    match_id: int
    outlet: str
    feed: str
    title: str
    url: str | None
    language: str | None = None


@dataclass(frozen=True)
class StoryInfo:
    """What a digest shows of a story (from the stories table)."""

    id: int
    header: str  # the one-line English header
    event: str
    label: str  # the event type as a reader says it ("Armed clash")
    severity: int
    significance: float
    outlets: int
    languages: tuple[str, ...]
    delivered_before: int = 0  # its reports this channel delivered in earlier digests


@dataclass(frozen=True)
class Item:
    match_id: int
    title: str
    title_segments: tuple[Segment, ...]
    url: str | None
    feed: str
    outlet: str
    published: datetime | None
    published_local: str
    language: str | None
    score: float
    terms: tuple[str, ...]
    snippet: tuple[Segment, ...]
    also: tuple[Mention, ...] = ()
    story_id: int | None = None
    header: str = ""
    event: str | None = None
    event_label: str = ""
    severity: int | None = None
    significance: float | None = None
    languages: tuple[str, ...] = ()
    earlier: int = 0  # reports of this story delivered on the channel before
    # Reports of the story beyond the MAX_LISTED listed in ``also``: delivered as a count.
    unlisted: tuple[int, ...] = ()

    @property
    def match_ids(self) -> list[int]:
        return [self.match_id, *(m.match_id for m in self.also), *self.unlisted]

    @property
    def update(self) -> bool:
        """A story this channel already delivered, back with new reports."""
        return self.earlier > 0


@dataclass(frozen=True)
class FailingFeed:
    name: str
    title: str | None
    error: str
    consecutive_errors: int
    last_ok: str | None


@dataclass(frozen=True)
class DigestContent:
    """Everything the templates and the webhook payloads need; rendering adds nothing."""

    channel: str
    timezone: str
    generated: datetime
    period_start: datetime | None
    period_end: datetime
    items: tuple[Item, ...]
    held_back: int
    by_language: tuple[tuple[str, int], ...]
    top_entities: tuple[tuple[str, int], ...]
    failing: tuple[FailingFeed, ...]
    key: str = ""
    by_event: tuple[tuple[str, int], ...] = ()  # stories per event type, most first
    digest_id: int | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def match_ids(self) -> list[int]:
        return [m for item in self.items for m in item.match_ids]

    @property
    def match_count(self) -> int:
        return sum(1 + len(i.also) + len(i.unlisted) for i in self.items)

    @property
    def empty(self) -> bool:
        return not self.items

    def local(self, when: datetime | None, fmt: str = "%Y-%m-%d %H:%M") -> str:
        if when is None:
            return ""
        return when.astimezone(ZoneInfo(self.timezone)).strftime(fmt)


# ------------------------------------------------------------------------------- snippets
# Highlighted in digests: the watchlist's names and places. Topic words, countries and the
# country pair occur in nearly every item; highlighting them would mean nothing.
PLAIN_KINDS = frozenset({"topic", "country", "pair"})


def _hits(
    match: MatchRow, field_name: str, text: str, *, names_only: bool = False
) -> list[tuple[int, int]]:
    """Valid, merged (start, end) spans of ``field_name`` from the match explanation.

    ``names_only``: only hits of names and places (not of PLAIN_KINDS).
    """
    expl = match.explanation if isinstance(match.explanation, dict) else {}
    raw = expl.get("hits")
    spans: list[tuple[int, int]] = []
    if isinstance(raw, list):
        for hit in raw:
            if not isinstance(hit, dict) or hit.get("field") != field_name:
                continue
            if names_only and hit.get("kind") in PLAIN_KINDS:
                continue
            start, end = hit.get("start"), hit.get("end")
            if (
                isinstance(start, int)
                and isinstance(end, int)
                and not isinstance(start, bool)
                and 0 <= start < end <= len(text)
            ):
                spans.append((start, end))
    spans.sort()
    merged: list[tuple[int, int]] = []
    for s, e in spans:
        if merged and s <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(e, merged[-1][1]))
        else:
            merged.append((s, e))
    return merged


def _segments(text: str, spans: Sequence[tuple[int, int]], lo: int, hi: int) -> list[Segment]:
    out: list[Segment] = []
    pos = lo
    for s, e in spans:
        if e <= lo or s >= hi:
            continue
        s, e = max(s, lo), min(e, hi)
        if s > pos:
            out.append(Segment(text[pos:s]))
        out.append(Segment(text[s:e], True))
        pos = e
    if pos < hi:
        out.append(Segment(text[pos:hi]))
    return out


def highlight_title(match: MatchRow) -> tuple[Segment, ...]:
    title = match.entry.title or ""
    return tuple(_segments(title, _hits(match, "title", title, names_only=True), 0, len(title)))


def snippet(match: MatchRow, width: int = SNIPPET_CHARS) -> tuple[Segment, ...]:
    """About ``width`` characters around the first summary/content hit, hits highlighted.

    Without such a hit: the start of the summary (or content), plain.
    """
    entry = match.entry
    for name, text in (("summary", entry.summary or ""), ("content", entry.content or "")):
        spans = _hits(match, name, text)
        if spans:
            break
    else:
        text = entry.summary or entry.content or ""
        spans = []
    if not text:
        return ()
    first = spans[0][0] if spans else 0
    lo = max(0, first - width // 3)
    if lo > 0:
        space = text.find(" ", lo, first)
        lo = space + 1 if space != -1 else lo
    hi = min(len(text), lo + width)
    if hi < len(text):
        space = text.rfind(" ", first, hi)
        hi = space if space > first else hi
    segs = _segments(text, _hits(match, name, text, names_only=True) if spans else [], lo, hi)
    if lo > 0:
        segs.insert(0, Segment("…"))
    if hi < len(text):
        segs.append(Segment("…"))
    return tuple(segs)


# ------------------------------------------------------------------------------- grouping
def normalize_title(title: str) -> str:
    """The title's words as the matcher normalizes them (case, script variants, diacritics)."""
    return " ".join(_WORD.findall(normalize(title)))


def _shingles(text: str) -> set[str]:
    """The distinct words of the normalized text."""
    return set(normalize_title(text).split())


class _Groups:
    def __init__(self, n: int) -> None:
        self.parent = list(range(n))

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def group_stories(
    matches: Sequence[MatchRow], threshold: float = NEAR_DUP_THRESHOLD
) -> list[list[int]]:
    """Indexes of ``matches`` grouped by story, each group in input order.

    Same canonical URL or same normalized title first; then near-duplicate title + lead
    (Jaccard similarity of their words, see ``_near_duplicates``).
    """
    groups = _Groups(len(matches))
    first_seen: dict[str, int] = {}
    for i, m in enumerate(matches):
        keys = [f"t:{normalize_title(m.entry.title or '')}"]
        if m.entry.url:
            keys.append(f"u:{m.entry.url}")
        for key in keys:
            if key in ("t:",):
                continue
            if key in first_seen:
                groups.union(first_seen[key], i)
            else:
                first_seen[key] = i
    _near_duplicates(matches, groups, threshold)
    out: dict[int, list[int]] = {}
    for i in range(len(matches)):
        out.setdefault(groups.find(i), []).append(i)
    return list(out.values())


def _near_duplicates(matches: Sequence[MatchRow], groups: _Groups, threshold: float) -> None:
    """Merge each match into the first earlier story whose title + lead it nearly duplicates.

    An exact set-similarity join with prefix filtering: tokens are ordered rarest first, and
    two sets with Jaccard >= t must share a token among the first ``|x| - ceil(t|x|) + 1`` of
    either. Only one representative per story is indexed, and at most ``_MAX_CANDIDATES`` are
    verified per match, so a flood of look-alike items stays linear. (Like MinHash LSH, but
    exact and without hashing every shingle.)
    """
    sets = []
    for m in matches:
        lead = (m.entry.summary or m.entry.content or "")[:_LEAD_CHARS]
        sets.append(_shingles(f"{m.entry.title or ''} {lead}"))
    freq: Counter[str] = Counter(t for sh in sets for t in sh)
    index: dict[str, list[int]] = {}
    for i, sh in enumerate(sets):
        if not sh:
            continue
        size = len(sh)
        tokens = sorted(sorted(sh), key=freq.__getitem__)  # rarest first, ties by text
        prefix = tokens[: len(tokens) - math.ceil(threshold * len(tokens)) + 1]
        seen: set[int] = set()
        merged = False
        for tok in prefix:
            for j in index.get(tok, ()):
                if j in seen:
                    continue
                seen.add(j)
                other = sets[j]
                if not threshold * size <= len(other) <= size / threshold:
                    continue  # sizes alone rule out the threshold
                common = len(sh & other)
                if common >= threshold * (size + len(other) - common):
                    groups.union(j, i)
                    merged = True
                    break
                if len(seen) >= _MAX_CANDIDATES:
                    break
            if merged or len(seen) >= _MAX_CANDIDATES:
                break
        if not merged and groups.find(i) == i:
            for tok in prefix:
                index.setdefault(tok, []).append(i)


# ------------------------------------------------------------------------------- building
def safe_url(url: str | None) -> str | None:
    """The URL if it is http(s) (feed links may say ``javascript:``), else None."""
    if url and re.match(r"^https?://[^\s]+$", url, re.IGNORECASE):
        return url
    return None


def outlet_of(feed: FeedRow) -> str:
    return one_line(feed.title or feed.name, 80)


def _language(match: MatchRow) -> str | None:
    return match.entry.language or match.entry.feed.language


def _item(group: Sequence[MatchRow], tz: ZoneInfo, info: StoryInfo | None = None) -> Item:
    head = group[0]
    entry = head.entry
    published = entry.published_at
    also = tuple(
        Mention(
            m.id,
            outlet_of(m.entry.feed),
            m.entry.feed.name,
            one_line(m.entry.title or "", 200),
            safe_url(m.entry.link or m.entry.url),
            _language(m),
        )
        for m in group[1 : 1 + MAX_LISTED]
    )
    languages = info.languages if info else tuple(dict.fromkeys(
        code for code in (_language(m) for m in group) if code
    ))  # fmt: skip
    return Item(
        match_id=head.id,
        title=one_line(entry.title or "(untitled)", 400),
        title_segments=highlight_title(head),
        url=safe_url(entry.link or entry.url),
        feed=entry.feed.name,
        outlet=outlet_of(entry.feed),
        published=published,
        published_local=published.astimezone(tz).strftime("%d %b %H:%M") if published else "",
        language=entry.language or entry.feed.language,
        score=round(float(head.score), 3),
        terms=tuple(str(t) for t in (head.terms or []))[:12],
        snippet=snippet(head),
        also=also,
        story_id=info.id if info else head.story_id,
        header=one_line(info.header, 300) if info else "",
        event=info.event if info else head.event,
        event_label=info.label if info else (head.event or "").capitalize(),
        severity=info.severity if info else head.severity,
        significance=info.significance if info else _significance(group),
        languages=languages,
        earlier=info.delivered_before if info else 0,
        unlisted=tuple(m.id for m in group[1 + MAX_LISTED :]),
    )


def _significance(group: Sequence[MatchRow]) -> float | None:
    values = [m.significance for m in group if m.significance is not None]
    return max(values) if values else None


def _failing(feeds: Sequence[FeedRecord], tz: ZoneInfo) -> tuple[FailingFeed, ...]:
    return tuple(
        FailingFeed(
            f.name,
            f.title,
            one_line(f.last_error or "error", 200),
            f.consecutive_errors,
            f.last_ok_at.astimezone(tz).strftime("%Y-%m-%d %H:%M") if f.last_ok_at else None,
        )
        for f in feeds
    )


def build_digest(
    channel: str,
    timezone: str,
    candidates: Sequence[MatchRow],
    failing: Sequence[FeedRecord],
    *,
    max_items: int,
    now: datetime,
    period_start: datetime | None = None,
    stories: Mapping[int, StoryInfo] | None = None,
) -> DigestContent:
    """Group ``candidates`` (undelivered matches) into stories and keep the best ``max_items``.

    Matches in a known story (``stories``) are grouped by it; others by near-duplicate text.
    Stories are ordered by significance, then by how many outlets reported them, then by
    recency; a story's first line is its English report if there is one, else its most
    significant. Matches of the stories left out are held back (undelivered, for the next
    digest).
    """
    tz = ZoneInfo(timezone)
    stories = stories or {}
    ordered = sorted(candidates, key=_head_first)
    by_story: dict[int, list[MatchRow]] = {}
    loose: list[MatchRow] = []
    for m in ordered:
        if m.story_id is not None and m.story_id in stories:
            by_story.setdefault(m.story_id, []).append(m)
        else:
            loose.append(m)
    groups: list[tuple[list[MatchRow], StoryInfo | None]] = [
        (g, stories[sid]) for sid, g in by_story.items()
    ]
    groups += [([loose[i] for i in g], None) for g in group_stories(loose)]
    groups.sort(key=_story_order)
    kept, rest = groups[:max_items], groups[max_items:]
    items = tuple(_item(g, tz, info) for g, info in kept)
    events = Counter(i.event_label for i in items if i.event_label)
    kept_matches = [m for g, _ in kept for m in g]
    langs = Counter(m.entry.language or m.entry.feed.language or "?" for m in kept_matches)
    entities = Counter(t for m in kept_matches for t in dict.fromkeys(m.terms or []))
    if period_start is None and kept_matches:  # a channel's first digest: since its oldest item
        period_start = min(_item_time(m) for m in kept_matches)
    return DigestContent(
        channel=channel,
        timezone=timezone,
        generated=now,
        period_start=period_start,
        period_end=now,
        items=items,
        held_back=sum(len(g) for g, _ in rest),
        by_language=tuple(langs.most_common()),
        top_entities=tuple((str(k), v) for k, v in entities.most_common(8)),
        failing=_failing(failing, tz),
        by_event=tuple(events.most_common()),
    )


def _item_time(match: MatchRow) -> datetime:
    entry = match.entry
    return min(t for t in (entry.published_at, match.matched_at) if t)


def _head_first(m: MatchRow) -> tuple[Any, ...]:
    """English first (every reader reads it), then the most significant, then relevance."""
    return (_language(m) != "en", -(m.significance or 0.0), -m.score, m.id)


def _story_order(group: tuple[list[MatchRow], StoryInfo | None]) -> tuple[Any, ...]:
    matches, info = group
    significance = info.significance if info else (_significance(matches) or 0.0)
    outlets = info.outlets if info else len({m.entry.feed.name for m in matches})
    newest = max(_ts(m) for m in matches)
    return (-significance, -outlets, -newest, matches[0].id)


def _ts(match: MatchRow) -> float:
    published = match.entry.published_at
    return published.astimezone(UTC).timestamp() if published else 0.0
