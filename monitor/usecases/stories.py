"""Stories: group new matches into stories, list and show them, mark all their matches.

Grouping runs after every poll pass (``monitor poll`` and the daemon), before every digest,
and after ``monitor rescan``: each match not in a story yet is read (event type, severity,
counts), scored (significance) and either joins the story with the strongest evidence among
those of the last window or starts one.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING, Any

from monitor.errors import NotFoundError
from monitor.records import StoryAssignment, StoryFields, StoryReport, StoryRow
from monitor.storage import stories as store
from monitor.storage.db import write_session
from monitor.units import format_utc
from monitor.usecases.context import App
from monitor.usecases.review import mark_matches

if TYPE_CHECKING:  # imported where grouping runs: `stories list` and `show` need none of it
    from monitor.digest.build import StoryInfo
    from monitor.stories.grouping import Report, Story, Verdict
    from monitor.stories.reading import Reading
    from monitor.stories.teller import ReportInput, StoryTeller

_TELLERS: dict[tuple[int, str, float], StoryTeller] = {}


def teller_for(app: App) -> StoryTeller:
    """The story teller of the app's watchlist and story settings (built once)."""
    from monitor.stories.teller import StoryTeller

    matcher = app.matcher
    settings = app.settings.stories
    key = (id(matcher), str(settings.events), settings.window.total_seconds())
    teller = _TELLERS.get(key)
    if teller is None:
        if len(_TELLERS) > 4:
            _TELLERS.clear()
        teller = StoryTeller.for_matcher(matcher, settings.window, settings.events)
        _TELLERS[key] = teller
    return teller


def _input(r: StoryReport) -> ReportInput:
    from monitor.stories.teller import ReportInput

    return ReportInput(
        r.match_id, r.when, r.language, r.feed, r.title, r.summary, r.term_ids, r.score
    )


def _outlet(r: StoryReport) -> str:
    """The outlet's names as reading looks for a publisher of analysis: the feed's title
    and its name ("Eurasia Daily Monitor · jamestown")."""
    return " · ".join(dict.fromkeys((r.outlet, r.feed)))


def _reading(teller: StoryTeller, r: StoryReport) -> Reading:
    from monitor.stories.reading import Reading

    return (
        Reading.from_json(r.reading)
        if r.reading
        else teller.read(r.title, r.summary, outlet=_outlet(r))
    )


@dataclass
class _Member:
    report: StoryReport
    reading: Reading
    significance: float


def _fields(teller: StoryTeller, story: Story, members: dict[int, _Member]) -> StoryFields:
    """A story row's figures, from its members."""
    from monitor.stories.header import languages_in_order

    rows = [members[r.key] for r in story.reports]
    outlets = list(dict.fromkeys(m.report.feed for m in rows))
    languages = languages_in_order(m.report.language for m in rows)
    event = story.event
    entity_ids = [m.report.term_ids for m in rows]
    weight = teller.grouper.weight  # ties in the order the reports name them
    counts = Counter(t for ids in entity_ids for t in dict.fromkeys(ids) if weight.get(t, 0) > 0)
    return StoryFields(
        event=event,
        severity=max(m.reading.severity for m in rows),
        significance=teller.story_significance((m.significance for m in rows), len(outlets)),
        header=teller.header(
            event, entity_ids, len(outlets), languages, teller.elsewhere(story.reports)
        ),
        first_seen=min(m.report.when for m in rows),
        last_seen=max(m.report.when for m in rows),
        reports=len(rows),
        outlets=outlets,
        languages=languages,
        entities=[e for e, _ in counts.most_common()],
    )


def _why(verdict: Verdict, joined: bool) -> dict[str, Any]:
    if not joined:
        return {"joined": False, "reasons": ["first report of this story"]}
    return {"joined": True, "score": verdict.score, "reasons": list(verdict.reasons)}


def group_new(app: App) -> int:
    """Group every match not in a story yet; returns how many were grouped.

    With none to group, nothing is built: read-only commands (``stories list``) stay cheap.
    """
    with app.sessions() as session:  # the common case, read-only: nothing to group
        if not store.any_ungrouped(session):
            return 0
    now = app.clock()
    with write_session(app.sessions) as session:  # SQLite: the write lock first
        pending = store.ungrouped(session)
        if not pending:
            return 0
        from monitor.stories.grouping import Story, StoryIndex

        teller = teller_for(app)  # the matcher and the event vocabulary: built on demand
        index = StoryIndex(teller.grouper)
        members: dict[int, _Member] = {}
        arriving: list[Report] = []
        for r in pending:
            reading = teller.read(r.title, r.summary, outlet=_outlet(r))
            members[r.match_id] = _Member(
                r, reading, teller.significance(reading, r.term_ids, r.score)
            )
            arriving.append(teller.report(_input(r), reading))
        # Only the stories of the window these reports could join (sharing a key with one).
        since = min(r.when for r in pending) - teller.grouper.window
        wanted = set().union(*(index.lookup_keys(report) for report in arriving))
        ids, unkeyed = store.candidate_stories(session, since, wanted)
        by_story = store.members(session, ids)
        keys: dict[int, set[str]] = {}  # story key -> keys to record
        for sid in ids:
            story = Story(sid)
            for r in by_story[sid]:
                reading = _reading(teller, r)
                significance = r.significance
                if significance is None:
                    significance = teller.significance(reading, r.term_ids, r.score)
                members[r.match_id] = _Member(r, reading, significance)
                story.add(teller.report(_input(r), reading))
            if story.reports:
                index.add(story)
            if sid in unkeyed:  # grouped before keys were kept: record them now
                keys[sid] = set().union(*(index.stored_keys(m) for m in story.reports))
        touched: dict[int, Story] = {}  # by key: stored ids, and -1, -2… for new stories
        joined: list[tuple[StoryReport, Reading, float, Story, dict[str, Any]]] = []
        fresh = 0
        for r, report in zip(pending, arriving, strict=True):
            index.expire(report.when)  # pending come oldest first
            found, verdict, merged = index.settle(report)
            why = _why(verdict, found is not None)
            if found is not None:  # one event found as two stories: the older one holds both
                for gone in merged:
                    touched.pop(gone.key, None)
                    keys.pop(gone.key, None)  # the kept story is found by the merged one's keys
                    keys.setdefault(found.key, set()).update(
                        *(index.stored_keys(m) for m in gone.reports)
                    )
                    why["reasons"].append(
                        f"also joins story {gone.key}: merged"
                        if gone.key > 0
                        else "also joins another new story: merged"
                    )
            if found is None:
                fresh += 1
            story = found or Story(-fresh)
            index.join(report, story)
            touched[story.key] = story
            keys.setdefault(story.key, set()).update(index.stored_keys(report))
            m = members[r.match_id]
            joined.append((r, m.reading, m.significance, story, why))
        # Every report is in one live story; a merged story's reports are in the one it went to.
        holder = {m.key: story for story in index.live for m in story.reports}
        joined = [(r, rd, sg, holder[r.match_id], why) for r, rd, sg, _, why in joined]
        store.merge_stories(
            session,
            {
                s.key: holder[s.reports[0].key].key
                for s in index.stories
                if s.key > 0 and holder[s.reports[0].key] is not s
            },
        )
        # Each touched story written once: new ones in one INSERT, the others in one UPDATE.
        new = [s for s in touched.values() if s.key < 0]
        ids = store.create_stories(session, [_fields(teller, s, members) for s in new], now)
        story_id = {s.key: sid for s, sid in zip(new, ids, strict=True)}
        store.update_stories(
            session,
            {k: _fields(teller, s, members) for k, s in touched.items() if k > 0},
            now,
        )
        store.add_story_keys(session, {story_id.get(k, k): v for k, v in keys.items()})
        store.assign(
            session,
            [
                StoryAssignment(
                    r.match_id,
                    story_id.get(story.key, story.key),
                    reading.event,
                    reading.severity,
                    significance,
                    reading.to_json(),
                    why,
                )
                for r, reading, significance, story, why in joined
            ],
        )
    return len(pending)


def regroup(app: App, since: datetime | None) -> int:
    """Take the stories of the period apart and group their matches again (after a rescan)."""
    with app.sessions.begin() as session:
        store.ungroup_since(session, since)
    return group_new(app)


# ------------------------------------------------------------------------------- reading
@dataclass(frozen=True)
class StoryView:
    """A story with its reports, for ``stories show`` and the digests."""

    row: StoryRow
    reports: list[StoryReport]
    delivered: dict[str, list[int]] = field(default_factory=dict)

    def to_json(self, full: bool = False) -> dict[str, Any]:
        f = self.row.fields
        out: dict[str, Any] = {
            "id": self.row.id,
            "header": f.header,
            "event": f.event,
            "severity": f.severity,
            "significance": f.significance,
            "first_seen": format_utc(f.first_seen),
            "last_seen": format_utc(f.last_seen),
            "reports": f.reports,
            "languages": list(f.languages),
            "outlets": list(f.outlets),
            "entities": list(f.entities),
            "matches": [r.match_id for r in self.reports],
        }
        if full:
            out["delivered"] = {k: list(v) for k, v in self.delivered.items()}
            out["items"] = [report_json(r) for r in self.reports]
        return out


def report_json(r: StoryReport) -> dict[str, Any]:
    reading = r.reading or {}
    return {
        "id": r.match_id,
        "title": r.title,
        "url": r.link,
        "feed": r.feed,
        "outlet": r.outlet,
        "language": r.language,
        "published": format_utc(r.published),
        "time": format_utc(r.when),
        "score": r.score,
        "event": r.event,
        "severity": r.severity,
        "significance": r.significance,
        "counts": reading.get("counts", {}),
        "cues": reading.get("cues", []),
        "term_ids": list(r.term_ids),
        "status": r.status,
        "why": (r.grouping or {}).get("reasons", []),
    }


def list_stories(
    app: App, since: datetime | None, limit: int | None = None, min_severity: int | None = None
) -> list[StoryView]:
    """Stories, most significant first, each with its reports."""
    group_new(app)
    with app.sessions() as session:
        rows = store.list_stories(session, since, limit, min_severity)
        by_story = store.members(session, [r.id for r in rows])
    return [StoryView(row, by_story.get(row.id, [])) for row in rows]


def show_story(app: App, story_id: int) -> StoryView:
    group_new(app)
    with app.sessions() as session:
        row = store.get_story(session, story_id)
        if row is None:
            raise NotFoundError(f"no story with id {story_id}")
        reports = store.members(session, [story_id])[story_id]
        delivered = store.deliveries(session, [story_id])[story_id]
    return StoryView(row, reports, delivered)


def mark_story(app: App, story_id: int, status: str, note: str | None = None) -> list[int]:
    """Mark every match of a story (as ``matches mark`` does); returns their ids."""
    view = show_story(app, story_id)
    return mark_matches(app, [r.match_id for r in view.reports], status, note)


def digest_stories(app: App, channel: str, story_ids: Iterable[int | None]) -> dict[int, StoryInfo]:
    """What a digest of ``channel`` shows of these stories, with their earlier deliveries."""
    from monitor.digest.build import StoryInfo

    ids = sorted({sid for sid in story_ids if sid is not None})
    if not ids:
        return {}
    teller = teller_for(app)
    with app.sessions() as session:
        rows = store.stories_by_id(session, ids)
        delivered = store.deliveries(session, list(rows))
    out: dict[int, StoryInfo] = {}
    for sid, row in rows.items():
        f = row.fields
        out[sid] = StoryInfo(
            sid, f.header, f.event, teller.vocabulary.label(f.event), f.severity,
            f.significance, len(f.outlets), tuple(f.languages),
            len(delivered[sid].get(channel, [])),
        )  # fmt: skip
    return out


def story_fields(app: App, match_ids: list[int]) -> dict[int, dict[str, Any]]:
    """``story``, ``event``, ``severity`` and ``significance`` of each match (JSON fields)."""
    with app.sessions() as session:
        rows = store.story_fields_of_matches(session, match_ids)
    return {
        mid: {"story": sid, "event": event, "severity": severity, "significance": significance}
        for mid, (sid, event, severity, significance) in rows.items()
    }
