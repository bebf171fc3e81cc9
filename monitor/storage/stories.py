"""Stories and the story side of matches. Takes and returns plain records (no ORM objects).

A match belongs to at most one story (``matches.story_id``; NULL until grouped). Which of a
story's reports a channel delivered is read from ``digest_items`` of its matches.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from dataclasses import asdict
from datetime import datetime
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Select,
    bindparam,
    delete,
    exists,
    func,
    insert,
    select,
    update,
)

from monitor.records import StoryAssignment, StoryFields, StoryReport, StoryRow
from monitor.storage.db import STORY_GROUPING_LOCK, Session, exclusive
from monitor.storage.tables import digest_items, entries, feeds, matches, stories, story_keys

M, E, F, S, X, K = (
    matches.c,
    entries.c,
    feeds.c,
    stories.c,
    digest_items.c,
    story_keys.c,
)

_IN_BATCH = 500
LEAD_CHARS = 600
report_time: ColumnElement[datetime] = func.coalesce(E.published_at, E.fetched_at)


_REPORT_COLUMNS = (
    M.id, M.story_id, E.title, E.summary, func.substr(E.content, 1, LEAD_CHARS),
    E.link, E.url, F.name, F.title, func.coalesce(E.language, F.language),
    E.published_at, report_time, M.score, M.term_ids, M.status, M.event,
    M.severity, M.significance, M.reading, M.grouping,
)  # fmt: skip


# executemany UPDATEs by primary key (the key's parameter is named apart from the SET columns)
_UPDATE_STORY = update(stories).where(S.id == bindparam("b_id"))
_ASSIGN = update(matches).where(M.id == bindparam("b_id"))


def _reports_query() -> Select[Any]:
    return (
        select(*_REPORT_COLUMNS)
        .select_from(matches)
        .join(entries, E.id == M.entry_id)
        .join(feeds, F.id == E.feed_id)
    )


def _report(row: Any) -> StoryReport:
    (mid, sid, title, summary, content, link, url, feed, feed_title, language, published, when,
     score, term_ids, status, event, severity, significance, reading, grouping) = row  # fmt: skip
    return StoryReport(
        mid, sid, title or "", summary or content or "", link or url, feed, feed_title or feed,
        language, published, when, float(score), [str(t) for t in term_ids or ()], status,
        event, severity, significance,
        reading if isinstance(reading, dict) else None,
        grouping if isinstance(grouping, dict) else None,
    )  # fmt: skip


def _story(row: Any) -> StoryRow:
    fields = StoryFields(
        row.event, row.severity, row.significance, row.header, row.first_seen, row.last_seen,
        row.reports, [str(x) for x in row.outlets], [str(x) for x in row.languages],
        [str(x) for x in row.entities],
    )  # fmt: skip
    return StoryRow(row.id, fields, row.created_at, row.updated_at)


def any_ungrouped(session: Session) -> bool:
    """Whether some match is not in a story yet."""
    return session.scalar(select(M.id).where(M.story_id.is_(None)).limit(1)) is not None


def ungrouped(session: Session) -> list[StoryReport]:
    """Matches not in a story yet, oldest report first.

    Takes the grouping lock for the rest of the transaction: two daemons (or a daemon and
    `monitor poll`) grouping at once would put the same matches into two new stories.
    """
    exclusive(session, STORY_GROUPING_LOCK)
    query = _reports_query().where(M.story_id.is_(None)).order_by(report_time, M.id)
    return [_report(r) for r in session.execute(query)]


def stories_since(session: Session, since: datetime) -> list[StoryRow]:
    """Stories whose last report is at or after ``since``."""
    query = select(stories).where(S.last_seen >= since).order_by(S.id)
    return [_story(s) for s in session.execute(query)]


def candidate_stories(
    session: Session, since: datetime, keys: Collection[str]
) -> tuple[list[int], set[int]]:
    """Stories whose last report is at or after ``since`` holding one of ``keys``, and those
    of the period without any key (grouped before keys were kept): all their ids in order,
    and the ids without keys."""
    found: set[int] = set()
    ordered = sorted(keys)
    for i in range(0, len(ordered), _IN_BATCH):
        query = (
            select(K.story_id)
            .join(stories, S.id == K.story_id)
            .where(S.last_seen >= since, K.key.in_(ordered[i : i + _IN_BATCH]))
            .distinct()
        )
        found.update(session.scalars(query))
    unkeyed = select(S.id).where(S.last_seen >= since, ~exists().where(K.story_id == S.id))
    bare = set(session.scalars(unkeyed))
    return sorted(found | bare), bare


def add_story_keys(session: Session, keys: Mapping[int, Collection[str]]) -> None:
    """Record each story's keys (those it holds already are kept): one executemany INSERT."""
    rows = [{"key": key, "story_id": sid} for sid, ks in keys.items() for key in sorted(ks)]
    if not rows:
        return
    if session.dialect.name == "postgresql":
        from sqlalchemy.dialects import postgresql

        session.execute(postgresql.insert(story_keys).on_conflict_do_nothing(), rows)
    else:
        from sqlalchemy.dialects import sqlite

        session.execute(sqlite.insert(story_keys).on_conflict_do_nothing(), rows)


def members(session: Session, story_ids: Sequence[int]) -> dict[int, list[StoryReport]]:
    """Each story's reports, oldest first."""
    out: dict[int, list[StoryReport]] = {sid: [] for sid in story_ids}
    ids = list(story_ids)
    for i in range(0, len(ids), _IN_BATCH):
        query = (
            _reports_query()
            .where(M.story_id.in_(ids[i : i + _IN_BATCH]))
            .order_by(report_time, M.id)
        )
        for row in session.execute(query):
            report = _report(row)
            if report.story_id is not None:
                out[report.story_id].append(report)
    return out


def create_stories(session: Session, new: Sequence[StoryFields], now: datetime) -> list[int]:
    """Insert stories in one statement; their ids, in the given order."""
    if not new:
        return []
    rows = [{**asdict(fields), "created_at": now, "updated_at": now} for fields in new]
    result = session.execute(insert(stories).returning(S.id, sort_by_parameter_order=True), rows)
    return [int(i) for i in result.scalars()]


def update_stories(session: Session, changed: Mapping[int, StoryFields], now: datetime) -> None:
    """Rewrite each story's figures (one executemany UPDATE by primary key)."""
    if changed:
        rows = [{"b_id": sid, **asdict(f), "updated_at": now} for sid, f in changed.items()]
        session.execute(_UPDATE_STORY, rows)


def assign(session: Session, rows: Sequence[StoryAssignment]) -> None:
    """Put matches in their stories, with their event type, severity and significance.

    One executemany UPDATE by primary key.
    """
    if rows:
        session.execute(
            _ASSIGN,
            [
                {
                    "b_id": row.match_id,
                    "story_id": row.story_id,
                    "event": row.event,
                    "severity": row.severity,
                    "significance": row.significance,
                    "reading": row.reading,
                    "grouping": row.grouping,
                }
                for row in rows
            ],
        )


def merge_stories(session: Session, merged: Mapping[int, int]) -> None:
    """Move each merged story's matches to the story it was merged into, then delete it
    (with its keys: the grouping adds them to the kept story)."""
    for gone, keep in sorted(merged.items()):
        session.execute(update(matches).where(M.story_id == gone).values(story_id=keep))
        session.execute(delete(story_keys).where(K.story_id == gone))
        session.execute(delete(stories).where(S.id == gone))


def ungroup_since(session: Session, since: datetime | None) -> int:
    """Take every story with a report at or after ``since`` apart (for a regrouping).

    Returns how many matches were released.
    """
    query = select(S.id)
    if since is not None:
        query = query.where(S.last_seen >= since)
    ids = list(session.scalars(query))
    released = 0
    for i in range(0, len(ids), _IN_BATCH):
        batch = ids[i : i + _IN_BATCH]
        result = session.execute(
            update(matches).where(M.story_id.in_(batch)).values(story_id=None, grouping=None)
        )
        released += int(result.rowcount)
        session.execute(delete(stories).where(S.id.in_(batch)))
    return released


def list_stories(
    session: Session, since: datetime | None, limit: int | None, min_severity: int | None = None
) -> list[StoryRow]:
    """Stories, most significant first (then the most recent)."""
    query = select(stories).order_by(S.significance.desc(), S.last_seen.desc(), S.id)
    if since is not None:
        query = query.where(S.last_seen >= since)
    if min_severity is not None:
        query = query.where(S.severity >= min_severity)
    if limit is not None:
        query = query.limit(limit)
    return [_story(s) for s in session.execute(query)]


def get_story(session: Session, story_id: int) -> StoryRow | None:
    row = session.execute(select(stories).where(S.id == story_id)).first()
    return _story(row) if row is not None else None


def stories_by_id(session: Session, story_ids: Sequence[int]) -> dict[int, StoryRow]:
    out: dict[int, StoryRow] = {}
    ids = list(story_ids)
    for i in range(0, len(ids), _IN_BATCH):
        for row in session.execute(select(stories).where(S.id.in_(ids[i : i + _IN_BATCH]))):
            out[row.id] = _story(row)
    return out


def deliveries(session: Session, story_ids: Sequence[int]) -> dict[int, dict[str, list[int]]]:
    """For each story, each channel's delivered match ids."""
    out: dict[int, dict[str, list[int]]] = {sid: {} for sid in story_ids}
    ids = list(story_ids)
    for i in range(0, len(ids), _IN_BATCH):
        query = (
            select(M.story_id, X.channel, X.match_id)
            .join(digest_items, X.match_id == M.id)
            .where(M.story_id.in_(ids[i : i + _IN_BATCH]), X.delivered.is_(True))
            .order_by(X.match_id)
        )
        for sid, channel, mid in session.execute(query):
            if sid is not None:
                out[sid].setdefault(channel, []).append(mid)
    return out


def story_fields_of_matches(
    session: Session, match_ids: Sequence[int]
) -> dict[int, tuple[int | None, str | None, int | None, float | None]]:
    """Each match's (story id, event, severity, significance)."""
    out: dict[int, tuple[int | None, str | None, int | None, float | None]] = {}
    ids = list(match_ids)
    for i in range(0, len(ids), _IN_BATCH):
        query = select(M.id, M.story_id, M.event, M.severity, M.significance).where(
            M.id.in_(ids[i : i + _IN_BATCH])
        )
        for mid, sid, event, severity, significance in session.execute(query):
            out[mid] = (sid, event, severity, significance)
    return out
